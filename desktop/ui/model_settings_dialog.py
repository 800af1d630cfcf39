"""One model's settings: prompt format, system prompt, temperature, context length, threads.

They belong to the model (saved by file name in model-settings.json), not to a chat: a Llama 3
file needs the Llama 3 format whichever chat uses it. The Models page opens this dialog and saves
the result with `save_settings`.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.chatformat import FORMATS
from desktop.core.engine import default_threads
from desktop.core.limits import CONTEXT_RANGE, TEMPERATURE_RANGE, max_threads
from desktop.core.models.settings import CUSTOM, ModelSettings
from desktop.ui.settings_dialog import hint_label


class ModelSettingsDialog(QDialog):
    def __init__(
        self, name: str, settings: ModelSettings, *, max_context: int | None = None,
        format_note: str = "", parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings for {name}").format(name=name))
        form = QFormLayout()

        self.prompt_format = QComboBox()
        for fmt in FORMATS.values():
            self.prompt_format.addItem(fmt.label, fmt.name)
        self.prompt_format.addItem(self.tr("Custom template"), CUSTOM)
        self.prompt_format.setCurrentIndex(
            max(0, self.prompt_format.findData(settings.prompt_format))
        )
        self.prompt_format.setAccessibleName(self.tr("Prompt format"))
        form.addRow(self.tr("Prompt format"), self.prompt_format)
        form.addRow(hint_label(format_note or self.tr("How a conversation is written out for this model. The wrong format gives odd or endless answers.")))  # fmt: skip

        self.custom_template = QPlainTextEdit(settings.custom_template)
        self.custom_template.setAccessibleName(self.tr("Custom template"))
        self.custom_template.setPlaceholderText(
            self.tr("For example: ### User: %1 ### Assistant: %2")
        )
        self.custom_template.setFixedHeight(70)
        self.custom_hint = hint_label(
            self.tr("Write %1 where your message goes and %2 where the answer goes.")
        )
        form.addRow(self.tr("Template"), self.custom_template)
        form.addRow(self.custom_hint)

        self.system_prompt = QPlainTextEdit(settings.system_prompt)
        self.system_prompt.setAccessibleName(self.tr("System prompt"))
        self.system_prompt.setFixedHeight(80)
        form.addRow(self.tr("System prompt"), self.system_prompt)
        form.addRow(hint_label(self.tr("Standing instructions for every chat with this model. A chat's own system prompt replaces it.")))  # fmt: skip

        self.temperature = QDoubleSpinBox()
        self.temperature.setRange(*TEMPERATURE_RANGE)
        self.temperature.setSingleStep(0.1)
        self.temperature.setValue(settings.temperature)
        self.temperature.setAccessibleName(self.tr("Creativity"))
        form.addRow(self.tr("Creativity (temperature)"), self.temperature)

        self.context_length = QSpinBox()
        top = min(CONTEXT_RANGE[1], max_context or CONTEXT_RANGE[1])
        self.context_length.setRange(CONTEXT_RANGE[0], max(top, CONTEXT_RANGE[0]))
        self.context_length.setSingleStep(256)
        self.context_length.setValue(settings.context_length)
        self.context_length.setAccessibleName(self.tr("Context length in tokens"))
        form.addRow(self.tr("Context length (tokens)"), self.context_length)
        form.addRow(hint_label(self.tr("How much of the conversation the model keeps in mind. More uses more memory.")))  # fmt: skip

        self.threads = QSpinBox()
        self.threads.setRange(0, max_threads())  # more threads than cores only crawl
        self.threads.setSpecialValueText(self.tr("Automatic ({n})").format(n=default_threads()))
        self.threads.setValue(settings.threads or 0)
        self.threads.setAccessibleName(self.tr("Processor threads"))
        form.addRow(self.tr("Processor threads"), self.threads)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.prompt_format.currentIndexChanged.connect(self._update)
        self.custom_template.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        custom = self.prompt_format.currentData() == CUSTOM
        self.custom_template.setEnabled(custom)
        self.custom_hint.setVisible(custom)
        # A custom template without %1 would never show the model the user's message.
        ok = not custom or "%1" in self.custom_template.toPlainText()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def result_settings(self) -> ModelSettings:
        return ModelSettings(
            prompt_format=str(self.prompt_format.currentData()),
            custom_template=self.custom_template.toPlainText(),
            system_prompt=self.system_prompt.toPlainText().strip(),
            temperature=round(self.temperature.value(), 2),
            context_length=self.context_length.value(),
            threads=self.threads.value() or None,
        ).cleaned()
