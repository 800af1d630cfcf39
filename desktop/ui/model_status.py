"""The window's model: what is loaded, loading another, and saying so in the status bar.

Loads run on the engine thread in the order asked, after any answer being written, with the
model's own settings (`ModelSession`). A file that fails its check never unloads the working
model: the user reads why, and goes on with the model they had.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QProgressBar

from desktop.core.modelfile import ModelInfo
from desktop.core.models import ModelSettings, save_settings
from desktop.core.session import ModelChoice, choice_for_file
from desktop.ui.drive_advice import latest_advice_text
from desktop.ui.elided_label import ElidedLabel

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow
    from desktop.ui.models_page import ModelsDialog

State = Literal["loading", "ready", "failed"]


class ModelStatus(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.engine = window.engine
        self.state: State = "loading"
        self.dialog: ModelsDialog | None = None
        self._asked: ModelChoice | None = None  # the last model asked for
        w = window
        w.model_label = ElidedLabel(self.tr("Loading the model…"))
        w.model_label.setMinimumWidth(120)
        w.load_progress = QProgressBar()  # busy indicator while a model loads
        w.load_progress.setRange(0, 0)
        w.load_progress.setMaximumWidth(120)
        w.load_progress.setAccessibleName(self.tr("Loading the model"))
        w.load_progress.hide()
        w.statusBar().addPermanentWidget(w.load_progress)
        w.statusBar().addPermanentWidget(w.model_label)
        w.statusBar().addPermanentWidget(w.speed_label)
        self.engine.model_loaded.connect(self._on_loaded)
        self.engine.model_failed.connect(self._on_failed)

    @property
    def choice(self) -> ModelChoice | None:
        """The loaded model (the one answers come from), as the engine last reported."""
        return self.engine.choice

    @property
    def info(self) -> ModelInfo | None:
        return self.engine.info if self.state == "ready" else None

    # -- asking for a model ----------------------------------------------------------------------
    def load(self, choice: ModelChoice) -> None:
        self._asked = choice
        self.state = "loading"
        self.window.model_label.setText(self.tr("Loading {name}…").format(name=choice.name))
        self.window.load_progress.show()
        self.window._update_input_state()
        self.engine.load(choice)

    def use(self, path: Path, settings: ModelSettings) -> None:
        """From the Models page: that model, with the settings the page gives."""
        self.load(dataclasses.replace(choice_for_file(path), settings=settings))

    def choose_file(self) -> None:
        current = self.choice.path.parent if self.choice else Path.home()
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Open a model file"), str(current),
            self.tr("Model files (*.gguf)"),
        )  # fmt: skip
        if path:
            self.load(choice_for_file(Path(path)))

    def save_own_settings(self, settings: ModelSettings) -> None:
        """The loaded model's own settings changed (memory, creativity in Settings): kept with
        the model when it is an installed one, and applied by a reload after any answer."""
        choice = self.choice
        if choice is None or settings == choice.settings:
            return
        if choice.key is not None:
            save_settings(choice.key, settings)
        self.state = "loading"
        self.window.load_progress.show()
        self.engine.reload(settings)

    # -- what the engine says --------------------------------------------------------------------
    def _on_loaded(self, info: ModelInfo, choice: ModelChoice) -> None:
        w = self.window
        self.state = "ready"
        w.load_progress.hide()
        w.resource_panel.set_model_size(info.size_bytes)
        w.chat.model_name = choice.name
        w.chat.n_ctx = choice.settings.context_length
        w.chat.default_system_prompt = choice.settings.system_prompt
        w.model_label.setText(self.tr("Model: {name}").format(name=choice.name))
        w.chat_view.set_advice(latest_advice_text(choice.name))  # what a test drive measured
        w.notice_bar.clear_if_kind("model")
        w._update_input_state()
        w.prompt.setFocus()
        if self.dialog is not None:
            self.dialog.set_loaded(choice.path)
        w.demo_mode.refresh()

    def _on_failed(self, message: str, detail: str, _kind: str) -> None:
        w = self.window
        w.load_progress.hide()
        kept = self.choice
        asked = self._asked.name if self._asked else ""
        if kept is not None:
            self.state = "ready"
            text = self.tr("“{asked}” could not be opened: {reason} Smaller goes on with “{kept}”.")
            text = text.format(asked=asked, reason=message, kept=kept.name)
            w.model_label.setText(self.tr("Model: {name}").format(name=kept.name))
        else:
            self.state = "failed"
            text = message + " " + self.tr("Use File › Models… to choose another.")
            w.model_label.setText(self.tr("No model loaded"))
        w.notice_bar.show_message(text, kind="model", detail=detail)
        w._update_input_state()
        if self.dialog is not None:
            self.dialog.model_load_failed(kept.path if kept else None)

    # -- the Models page -------------------------------------------------------------------------
    def show_page(self) -> ModelsDialog:
        """The Models page. One instance, so a download goes on while the page is closed."""
        from desktop.ui.models_page import ModelsDialog

        if self.dialog is None:
            self.dialog = ModelsDialog(self.window)
            self.dialog.model_chosen.connect(self.use)
            self.dialog.settings_saved.connect(self._on_settings_saved)
            self.dialog.drive_requested.connect(self.window.show_drive)
        if self.choice is not None:
            self.dialog.set_loaded(self.choice.path)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    def _on_settings_saved(self, path: Path, settings: ModelSettings) -> None:
        if self.choice is not None and path == self.choice.path:
            self.state = "loading"
            self.window.load_progress.show()
            self.engine.reload(settings)

    def shutdown(self, timeout_ms: int) -> None:
        if self.dialog is not None:
            self.dialog.shutdown(timeout_ms)
