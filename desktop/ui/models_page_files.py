"""What the Models page does to model files: remove (switching first when it is the model in
use), restore the built-in one, import a file, refresh the catalog. The page owns one
`ModelFiles` and shows its messages; the slow parts run on the page's DownloadController."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.core.models import (
    Catalog,
    ImportResult,
    InstalledModel,
    ModelNotFound,
    list_installed,
    remove_model,
    restore_default,
    set_active_model,
    settings_for,
)
from desktop.ui.models_table import size_text

if TYPE_CHECKING:
    from desktop.ui.models_page import ModelsDialog

translate = QCoreApplication.translate


class ModelFiles(QObject):
    def __init__(self, page: ModelsDialog) -> None:
        super().__init__(page)
        self.page = page
        # The model to remove once the window has switched away from it (never delete the
        # file of the loaded model).
        self.remove_after_switch: InstalledModel | None = None

    def _selected_model(self) -> InstalledModel | None:
        return self.page._selected_model()

    def switched_to(self, path: Path) -> None:
        pending, self.remove_after_switch = self.remove_after_switch, None
        if pending is not None and pending.path != path:
            self._remove(pending)

    def switch_failed(self) -> None:
        if self.remove_after_switch is not None:
            name = self.remove_after_switch.name
            self.remove_after_switch = None
            self.page.show_message(translate("ModelsDialog", "“{name}” was not removed: the other model could not be loaded, so it is still in use.").format(name=name), True)  # fmt: skip

    def remove_selected(self) -> None:
        model = self._selected_model()
        if model is None:
            return
        if model.source == "bundled":
            question = translate("ModelsDialog", "Hide the built-in model “{name}”? “Restore the built-in model” brings it back.")  # fmt: skip
        elif model.source in ("linked", "shared"):
            question = translate(
                "ModelsDialog", "Remove “{name}” from this list? The file itself stays where it is."
            )
        else:
            question = translate("ModelsDialog", "Remove “{name}”? Its file ({size}) will be deleted from this computer.")  # fmt: skip
        text = question.format(name=model.name, size=size_text(model.size_bytes))
        in_use = model.path == self.page.loaded_path
        fallback = self._fallback_for(model) if in_use else None
        if in_use and fallback is None:
            self.page.show_message(translate("ModelsDialog", "“{name}” is the only model: install another one before removing it.").format(name=model.name), True)  # fmt: skip
            return
        if in_use and fallback is not None:
            text += "\n\n" + translate("ModelsDialog", "It is the model in use: Smaller will switch to “{other}” first.").format(other=fallback.name)  # fmt: skip
        answer = QMessageBox.question(
            self.page, translate("ModelsDialog", "Remove a model"), text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )  # fmt: skip
        if answer != QMessageBox.StandardButton.Yes:
            return
        if in_use and fallback is not None:
            # The file of the loaded model is never deleted: switch, then remove once loaded.
            self.remove_after_switch = model
            set_active_model(fallback.key, self.page.folder)
            self.page.show_message(
                translate("ModelsDialog", "Switching to “{name}”…").format(name=fallback.name)
            )
            self.page.model_chosen.emit(fallback.path, settings_for(fallback, self.page.folder))
            return
        self._remove(model)

    def _fallback_for(self, model: InstalledModel) -> InstalledModel | None:
        others = [
            m for m in list_installed(self.page.folder, self.page.catalog) if m.key != model.key
        ]
        bundled = [m for m in others if m.source == "bundled"]
        return (bundled or others or [None])[0]

    def _remove(self, model: InstalledModel) -> None:
        try:
            remove_model(model.key, self.page.folder)
        except (ModelNotFound, OSError) as exc:
            self.page.show_message(translate("ModelsDialog", "“{name}” could not be removed: {reason}").format(name=model.name, reason=str(exc)), True)  # fmt: skip
            return
        self.page.show_message(
            translate("ModelsDialog", "“{name}” was removed.").format(name=model.name)
        )
        self.page.rebuild()

    def restore_builtin(self) -> None:
        restore_default(self.page.folder)
        self.page.show_message(translate("ModelsDialog", "The built-in model is back in the list."))
        self.page.rebuild()

    # -- import and refresh ----------------------------------------------------------------
    def import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.page, translate("ModelsDialog", "Import a model file"), str(Path.home()),
            translate("ModelsDialog", "Model files (*.gguf);;All files (*)"),
        )  # fmt: skip
        if not path:
            return
        self.page.import_button.setEnabled(False)
        self.page.show_message(
            translate("ModelsDialog", "Checking “{name}”…").format(name=Path(path).name)
        )
        self.page.controller.start_import(Path(path), copy=self.page.copy_check.isChecked())

    def on_import_progress(self, done: int, total: int) -> None:
        percent = int(100 * done / total) if total else 100
        self.page.show_message(translate("ModelsDialog", "Copying the model into the models folder: {percent}%").format(percent=percent))  # fmt: skip

    def on_imported(self, result: ImportResult) -> None:
        self.page.import_button.setEnabled(True)
        model = result.model
        self.page._infos[model.path] = result.info
        self.page.rebuild()
        self.page.table.select_key(model.key)
        label = result.settings.chat_format().label
        if result.format_recognised:
            self.page.show_message(translate("ModelsDialog", "“{name}” was imported. Its prompt format, {format}, was read from the file: change it in Settings… if its answers look wrong.").format(name=model.name, format=label))  # fmt: skip
            return
        note = translate("ModelsDialog", "The file's chat template was not recognised, so {format} was assumed. Choose the format its makers give.").format(format=label)  # fmt: skip
        self.page.show_message(translate("ModelsDialog", "“{name}” was imported. Check its prompt format.").format(name=model.name))  # fmt: skip
        self.page.edit_settings(note=note)

    def on_import_failed(self, kind: str, message: str) -> None:
        self.page.import_button.setEnabled(True)
        self.page.show_message(translate("ModelsDialog", "The file was not imported. {reason}").format(reason=message), True)  # fmt: skip

    def refresh_list(self) -> None:
        self.page.refresh_button.setEnabled(False)
        self.page.show_message(translate("ModelsDialog", "Fetching the current list of models…"))
        self.page.controller.refresh(self.page._catalog_url)

    def on_refreshed(self, catalog: Catalog) -> None:
        self.page.refresh_button.setEnabled(True)
        self.page.catalog = catalog
        self.page.show_message(translate("ModelsDialog", "The list is up to date. Models this app can run: {n}.").format(n=len(catalog.entries)))  # fmt: skip
        self.page.rebuild()

    def on_refresh_failed(self, kind: str, message: str) -> None:
        self.page.refresh_button.setEnabled(True)
        self.page.show_message(translate("ModelsDialog", "The list was not updated; the previous one is still shown. {reason}").format(reason=message), True)  # fmt: skip
