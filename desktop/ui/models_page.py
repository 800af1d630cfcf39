"""The Models page: which models fit this computer, download, import, use, remove, settings.

Everything slow (downloads, imports, the catalog refresh, reading a file's metadata) runs on the
DownloadController's threads; this dialog only shows results. The network is used only when the
user clicks Download or "Refresh the list". Nothing half-downloaded is ever offered: the core
writes `NAME.gguf.part` and renames it only after it is verified, and this page lists only what
`list_installed()` returns.

Keep one instance (hide it on close): a download goes on while the page is closed, and the
owner calls `shutdown()` before the application quits.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.modelfile import ModelInfo
from desktop.core.models import (
    Catalog,
    CatalogEntry,
    Fit,
    InstalledModel,
    Memory,
    active_model,
    fit_for_entry,
    fit_for_info,
    list_installed,
    load_catalog,
    models_dir,
    save_settings,
    set_active_model,
    settings_for,
)
from desktop.core.models.catalog import DEFAULT_CATALOG_URL
from desktop.core.models.download import partial_size
from desktop.core.models.fit import current_memory
from desktop.core.models.installed import read_registry
from desktop.core.models.settings import ModelSettings
from desktop.core.paths import default_model_path
from desktop.ui.download_panel import DownloadPanel
from desktop.ui.drive_advice import latest_advice_text
from desktop.ui.model_settings_dialog import ModelSettingsDialog
from desktop.ui.models_page_files import ModelFiles
from desktop.ui.models_table import ModelRow, ModelsTable, size_text
from desktop.workers.download_worker import DownloadController


class ModelsDialog(QDialog):
    model_chosen = Signal(Path, object)  # the model file, its ModelSettings (.chat_format())
    settings_saved = Signal(Path, object)  # a model's settings changed (reload it if in use)
    drive_requested = Signal()  # "Test drive…": the window runs it on its engine thread

    def __init__(
        self, parent: QWidget | None = None, *, catalog: Catalog | None = None,
        catalog_url: str = DEFAULT_CATALOG_URL,
        download_url: Callable[[CatalogEntry], str | None] | None = None,
        folder: Path | None = None, memory: Memory | None = None,
        controller: DownloadController | None = None,
    ) -> None:  # fmt: skip
        """`catalog_url`, `download_url` (a mirror for an entry), `folder` and `memory` are
        there so tests can use a local server, a temp folder and a fixed amount of RAM."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Models"))
        self.resize(1100, 560)
        self.folder = folder or models_dir()
        self.catalog = catalog or load_catalog(self.folder)
        self._catalog_url, self._download_url, self._memory = catalog_url, download_url, memory
        self._infos: dict[Path, ModelInfo | str] = {}  # read on the worker, once per file
        self._asked: set[Path] = set()
        self._download_name = ""
        self.loaded_path: Path | None = None  # the model the window has loaded
        self.settings_dialog: ModelSettingsDialog | None = None
        self.controller = controller or DownloadController(self, folder=self.folder)
        self.controller.folder = self.folder  # downloads land in the folder this page lists
        self.files = ModelFiles(self)
        self._build()
        self._connect()
        self.rebuild()

    # -- layout -------------------------------------------------------------------------------
    def _build(self) -> None:
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = ModelsTable()
        self.download_button = QPushButton(self.tr("Download"))
        self.use_button = QPushButton(self.tr("Use"))
        self.use_button.setToolTip(self.tr("Chat with this model in the main window"))
        self.remove_button = QPushButton(self.tr("Remove…"))
        self.settings_button = QPushButton(self.tr("Settings…"))
        self.settings_button.setToolTip(self.tr("Prompt format, system prompt, temperature, context length and threads for this model"))  # fmt: skip
        row_buttons = QHBoxLayout()
        for button in (self.download_button, self.use_button, self.settings_button,
                       self.remove_button):  # fmt: skip
            row_buttons.addWidget(button)
        row_buttons.addStretch(1)

        self.download_panel = DownloadPanel(self.controller)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("modelsMessage")
        self.import_button = QPushButton(self.tr("Import a model file…"))
        self.copy_check = QCheckBox(self.tr("Copy imported files into the models folder"))
        self.copy_check.setChecked(True)
        self.copy_check.setToolTip(self.tr("Unticked, the file stays where it is and must not be moved"))  # fmt: skip
        self.refresh_button = QPushButton(self.tr("Refresh the list"))
        self.refresh_button.setToolTip(self.tr("Fetch the current list of models from GPT4All (uses the internet)"))  # fmt: skip
        self.restore_button = QPushButton(self.tr("Restore the built-in model"))
        self.drive_button = QPushButton(self.tr("Test drive…"))
        self.drive_button.setToolTip(self.tr("Everyday tasks on every installed model: how often each is right, and at what energy"))  # fmt: skip
        self.drive_button.clicked.connect(self.drive_requested)
        bottom = QHBoxLayout()
        for widget in (self.import_button, self.copy_check, self.refresh_button,
                       self.restore_button, self.drive_button):  # fmt: skip
            bottom.addWidget(widget)
        bottom.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        bottom.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(row_buttons)
        layout.addWidget(self.download_panel)
        layout.addWidget(self.message)
        layout.addLayout(bottom)

    def _connect(self) -> None:
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.download_button.clicked.connect(self.download_selected)
        self.use_button.clicked.connect(self.use_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.settings_button.clicked.connect(self.edit_settings)
        self.download_panel.resumed.connect(self.rebuild)
        self.import_button.clicked.connect(self.files.import_file)
        self.refresh_button.clicked.connect(self.files.refresh_list)
        self.restore_button.clicked.connect(self.files.restore_builtin)
        c = self.controller
        c.finished.connect(self._on_finished)
        c.failed.connect(self._on_failed)
        c.paused.connect(self._on_paused)
        c.cancelled.connect(self._on_cancelled)
        c.import_progress.connect(self.files.on_import_progress)
        c.imported.connect(self.files.on_imported)
        c.import_failed.connect(self.files.on_import_failed)
        c.catalog_refreshed.connect(self.files.on_refreshed)
        c.refresh_failed.connect(self.files.on_refresh_failed)
        c.info_read.connect(self._on_info_read)

    # -- the list -------------------------------------------------------------------------------
    def rebuild(self) -> None:
        installed = list_installed(self.folder, self.catalog)
        in_use = self._in_use_key(installed)
        installed.sort(key=lambda m: m.key != in_use)  # the one in use on top, then the rest
        have = {m.path.name for m in installed}
        rows = [ModelRow(m, m.catalog, m.key == in_use) for m in installed]
        for entry in sorted(self.catalog.entries, key=lambda e: e.file_size):
            if entry.filename not in have:
                partial = partial_size(self.folder / entry.filename)
                rows.append(ModelRow(None, entry, partial=partial))
        memory = self._memory or current_memory()
        fits = {row.key: self._fit(row, memory) for row in rows}
        unread = [
            m.path for m in installed if m.path not in self._infos and m.path not in self._asked
        ]
        self._asked.update(unread)
        self.controller.read_infos(unread)
        running = self.controller.entry if self.controller.state == "running" else None
        self.table.set_rows(rows, fits, self._infos, running.filename if running else None)
        hidden = bool(read_registry(self.folder).get("hidden_default"))
        self.restore_button.setVisible(hidden and default_model_path().is_file())
        origin = self.tr("shipped with the app") if self.catalog.origin == "bundled" else self.tr("refreshed")  # fmt: skip
        summary = self.tr("Models from GPT4All's list of {date} ({origin}). This computer has {total} of memory, {free} free now.").format(date=self.catalog.date, origin=origin, total=size_text(memory.total), free=size_text(memory.available))  # fmt: skip
        current = next((m for m in installed if m.key == in_use), None)
        if current is not None and (advice := latest_advice_text(current.name)):
            summary += "\n" + self.tr("From the last test drive:") + " " + advice
        self.summary.setText(summary)
        self._update_buttons()

    def _in_use_key(self, installed: list[InstalledModel]) -> str | None:
        """The model the window has loaded; before it said, the one chosen for it."""
        if self.loaded_path is not None:
            for model in installed:
                if model.path == self.loaded_path:
                    return model.key
            return None  # a file opened directly, not in this list
        active = active_model(self.folder)
        return active.key if active else None

    def set_loaded(self, path: Path) -> None:
        """The window loaded `path`; a removal waiting for that switch happens now."""
        self.loaded_path = path
        self.files.switched_to(path)
        self.rebuild()

    def model_load_failed(self, kept: Path | None) -> None:
        self.files.switch_failed()
        self.loaded_path = kept
        self.rebuild()

    def remove_selected(self) -> None:
        self.files.remove_selected()

    def _fit(self, row: ModelRow, memory: Memory) -> Fit | str | None:
        if row.installed is None:
            assert row.entry is not None
            return fit_for_entry(row.entry, memory=memory)
        ctx = settings_for(row.installed, self.folder).context_length
        info = self._infos.get(row.installed.path)
        if isinstance(info, ModelInfo):
            return fit_for_info(info, ctx, memory)
        if info is None and row.entry is not None:  # an upper bound until the file is read
            return fit_for_entry(row.entry, ctx, memory)
        return info

    def _update_buttons(self) -> None:
        row = self.table.selected_row()
        installed = row is not None and row.installed is not None
        c = self.controller
        # Idle, or the paused download itself (Download then resumes it, like Resume).
        free = c.state == "idle" or (
            c.state == "paused" and row is not None and row.entry == c.entry
        )
        self.download_button.setEnabled(bool(row and not installed and free))
        resume = bool(row and row.partial)
        self.download_button.setText(self.tr("Resume download") if resume else self.tr("Download"))
        for button in (self.use_button, self.remove_button, self.settings_button):
            button.setEnabled(installed)

    def show_message(self, text: str, error: bool = False) -> None:
        self.message.setProperty("error", error)
        self.message.style().polish(self.message)  # so a QSS rule on [error="true"] applies
        self.message.setText(text)
        self.message.setAccessibleDescription(text)

    def _selected_model(self) -> InstalledModel | None:
        row = self.table.selected_row()
        return row.installed if row else None

    # -- download -------------------------------------------------------------------------------
    def download_selected(self) -> None:
        row = self.table.selected_row()
        if row is None or row.entry is None or row.installed is not None:
            return
        entry = row.entry
        url = self._download_url(entry) if self._download_url else None
        if not self.controller.start(entry, url):
            self.show_message(self.tr("Another download is not finished: wait for it, or cancel it first."), True)  # fmt: skip
            return
        self._download_name = entry.name
        self.download_panel.started(entry.name, row.partial / entry.file_size)
        self.show_message("")
        self.rebuild()

    def _on_finished(self, path: Path) -> None:
        self.show_message(self.tr("“{name}” is downloaded and checked. Press Use to chat with it.").format(name=self._download_name))  # fmt: skip
        self.rebuild()
        self.table.select_key(Path(path).name)

    def _on_failed(self, kind: str, message: str) -> None:
        self.show_message(self.tr("The download of “{name}” did not finish. {reason}").format(name=self._download_name, reason=message), True)  # fmt: skip
        self.rebuild()

    def _on_paused(self) -> None:
        self.rebuild()

    def _on_cancelled(self) -> None:
        self.show_message(self.tr("The download of “{name}” was cancelled and its part deleted.").format(name=self._download_name))  # fmt: skip
        self.rebuild()

    # -- use, remove, restore, settings -----------------------------------------------------------
    def use_selected(self) -> None:
        model = self._selected_model()
        if model is None:
            return
        set_active_model(model.key, self.folder)
        self.show_message(self.tr("“{name}” is now the model of the chat window.").format(name=model.name))  # fmt: skip
        self.rebuild()
        self.model_chosen.emit(model.path, settings_for(model, self.folder))

    def edit_settings(self, _checked: bool = False, note: str = "") -> ModelSettingsDialog | None:
        model = self._selected_model()
        if model is None:
            return None
        info = self._infos.get(model.path)
        top = info.context_length if isinstance(info, ModelInfo) else model.context_length
        dialog = ModelSettingsDialog(model.name, settings_for(model, self.folder),
                                     max_context=top, format_note=note, parent=self)  # fmt: skip
        dialog.accepted.connect(lambda: self._save_settings(model, dialog.result_settings()))
        self.settings_dialog = dialog
        dialog.open()  # not exec(): the page and its download keep running
        return dialog

    def _save_settings(self, model: InstalledModel, settings: ModelSettings) -> None:
        save_settings(model.key, settings, self.folder)
        self.show_message(self.tr("Settings for “{name}” saved.").format(name=model.name))
        self.rebuild()  # the context length changes the memory badge
        self.settings_saved.emit(model.path, settings)

    def _on_info_read(self, path: Path, info: ModelInfo | str) -> None:
        self._infos[path] = info
        self.rebuild()

    def shutdown(self, timeout_ms: int = 1500) -> bool:
        """Pause any download (it resumes next time) and stop the worker threads, bounded."""
        return self.controller.shutdown(timeout_ms)
