"""Settings, in plain words, with a one-line explanation of each."""

from __future__ import annotations

import os
from dataclasses import replace

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.engine import default_threads
from desktop.core.footprint import available_zones, cpu_power_profile, default_zone, zone_name
from desktop.core.models.settings import ModelSettings
from desktop.ui.i18n import LANGUAGES
from desktop.ui.numbers import show_fixed, show_whole
from desktop.ui.settings import AppSettings


def hint_label(text: str) -> QLabel:
    """A one-line explanation under a setting, in plain words."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setObjectName("settingHint")
    return label


class SettingsDialog(QDialog):
    def __init__(
        self, settings: AppSettings, model: ModelSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        """`model`: the loaded model's own settings, whose memory and creativity are shown here
        too (they are saved with the model)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self._original = settings
        self._model = model or ModelSettings()
        form = QFormLayout()

        self.language = QComboBox()
        self.language.addItem(self.tr("Follow the system"), "")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.language.setAccessibleName(self.tr("Language"))
        form.addRow(self.tr("Language"), self.language)

        self.theme = QComboBox()
        self.theme.addItem(self.tr("Follow the system"), "")
        self.theme.addItem(self.tr("Light"), "light")
        self.theme.addItem(self.tr("Dark"), "dark")
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.theme)))
        self.theme.setAccessibleName(self.tr("Theme"))
        form.addRow(self.tr("Theme"), self.theme)

        self.panel_visible = QCheckBox(self.tr("Show the resource panel"))
        self.panel_visible.setChecked(settings.panel_visible)
        form.addRow("", self.panel_visible)

        self.threads = QSpinBox()
        self.threads.setRange(0, os.cpu_count() or 1)  # more threads than cores only crawl
        self.threads.setSpecialValueText(
            self.tr("Automatic ({n})").format(n=show_whole(default_threads()))
        )
        self.threads.setValue(settings.threads)
        self.threads.setAccessibleName(self.tr("Processor threads"))
        form.addRow(self.tr("Processor threads"), self.threads)
        form.addRow(hint_label(self.tr("More threads can be faster on an idle computer, but much slower when "
                          "other programs are busy. Automatic leaves one core free.")))  # fmt: skip

        self.context = QComboBox()
        for tokens in (1024, 2048, 4096, 8192):
            self.context.addItem(
                self.tr("{tokens} tokens (about {words} words)").format(
                    tokens=show_whole(tokens), words=show_whole(tokens * 3 // 4)
                ),
                tokens,
            )
        own = self._model.context_length
        if self.context.findData(own) < 0:  # the model's own value stays choosable
            self.context.addItem(self.tr("{tokens} tokens").format(tokens=show_whole(own)), own)
        self.context.setCurrentIndex(self.context.findData(own))
        self.context.setAccessibleName(self.tr("Model memory"))
        form.addRow(self.tr("Model memory"), self.context)
        form.addRow(hint_label(self.tr("How much of the conversation the model can keep in mind. More uses "
                          "more RAM; older messages are left out when it is full.")))  # fmt: skip

        self.max_tokens = QSpinBox()
        self.max_tokens.setRange(16, 4096)
        self.max_tokens.setValue(settings.max_tokens)
        self.max_tokens.setAccessibleName(self.tr("Longest answer in tokens"))
        form.addRow(self.tr("Longest answer (tokens)"), self.max_tokens)

        self.temperature = QDoubleSpinBox()
        self.temperature.setRange(0.0, 2.0)
        self.temperature.setSingleStep(0.1)
        self.temperature.setValue(self._model.temperature)
        self.temperature.setAccessibleName(self.tr("Creativity"))
        form.addRow(self.tr("Creativity (temperature)"), self.temperature)
        form.addRow(hint_label(self.tr("0 always gives the same answer; higher values vary more.")))

        self.zone = QComboBox()
        detected_zone = default_zone(QLocale.system().name())
        self.zone.addItem(
            self.tr("From this computer's country: {grid}").format(grid=zone_name(detected_zone)),
            "",
        )
        for code, name in available_zones():
            self.zone.addItem(f"{name} ({code})", code)
        self.zone.setCurrentIndex(max(0, self.zone.findData(settings.grid_zone)))
        self.zone.setAccessibleName(self.tr("Electricity grid"))
        form.addRow(self.tr("Electricity grid"), self.zone)
        form.addRow(
            hint_label(self.tr("Where your electricity comes from sets the CO₂ and water per kWh."))
        )

        detected = cpu_power_profile()
        self.cpu_watts = QDoubleSpinBox()
        self.cpu_watts.setRange(0.0, 500.0)
        self.cpu_watts.setSuffix(" W")
        # "Detected" only for a value found for this processor; otherwise say it is assumed,
        # as the answer details do.
        watts = show_fixed(detected.tdp_w, 0)
        self.cpu_watts.setSpecialValueText(
            self.tr("Detected: {watts} W").format(watts=watts)
            if detected.matched
            else self.tr("Assumed: {watts} W (this processor is not in the table)").format(
                watts=watts
            )
        )
        self.cpu_watts.setValue(settings.cpu_watts)
        self.cpu_watts.setAccessibleName(self.tr("Processor power"))
        form.addRow(self.tr("Processor power"), self.cpu_watts)
        form.addRow(
            hint_label(
                self.tr(
                    "Used to estimate energy when it cannot be measured. Detected: {cpu}."
                ).format(cpu=detected.model or self.tr("unknown processor"))
            )
        )

        self.interval = QDoubleSpinBox()
        self.interval.setRange(0.25, 10.0)
        self.interval.setSingleStep(0.25)
        self.interval.setSuffix(" s")
        self.interval.setValue(settings.sample_interval_s)
        self.interval.setAccessibleName(self.tr("Panel refresh interval"))
        form.addRow(self.tr("Panel refresh"), self.interval)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def result_settings(self) -> AppSettings:
        return replace(
            self._original,
            threads=self.threads.value(),
            max_tokens=self.max_tokens.value(),
            grid_zone=str(self.zone.currentData()),
            cpu_watts=self.cpu_watts.value(),
            sample_interval_s=self.interval.value(),
            panel_visible=self.panel_visible.isChecked(),
            language=str(self.language.currentData()),
            theme=str(self.theme.currentData()),
        )

    def result_model_settings(self) -> ModelSettings:
        """The loaded model's own settings with the memory and creativity chosen here."""
        return replace(
            self._model,
            context_length=int(self.context.currentData()),
            temperature=round(self.temperature.value(), 2),
        )
