"""The small questions asked about a chat: its new name, whether to delete it, its system prompt.
Each `ask…`/`confirm…` function returns the answer, or None/False when the user cancelled; the
`…_dialog` functions build the dialog without showing it (the tests look at them)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMessageBox, QPlainTextEdit, QWidget

translate = QCoreApplication.translate

# Wide enough for a long title on one line, narrow enough for a 1024-pixel screen.
TITLE_DIALOG_MIN_WIDTH = 520


def title_dialog(parent: QWidget, current: str) -> QInputDialog:
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(translate("MainWindow", "Rename chat"))
    dialog.setLabelText(translate("MainWindow", "New name:"))
    dialog.setTextValue(current)
    dialog.setMinimumWidth(TITLE_DIALOG_MIN_WIDTH)
    return dialog


def ask_new_title(parent: QWidget, current: str) -> str | None:
    dialog = title_dialog(parent, current)
    return dialog.textValue() if dialog.exec() else None


def delete_dialog(parent: QWidget, title: str) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("MainWindow", "Delete chat"))
    box.setText(
        translate("MainWindow", "Delete “{title}” and all its messages?").format(title=title)
    )
    box.setInformativeText(translate("MainWindow", "This cannot be undone."))
    delete = box.addButton(
        translate("MainWindow", "Delete"), QMessageBox.ButtonRole.DestructiveRole
    )
    delete.setObjectName("delete")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    # Enter must never delete: the safe answer is the default one.
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    return box


def confirm_delete(parent: QWidget, title: str) -> bool:
    box = delete_dialog(parent, title)
    box.exec()
    clicked = box.clickedButton()
    return clicked is not None and clicked.objectName() == "delete"


def system_prompt_dialog(parent: QWidget, current: str) -> QInputDialog:
    dialog = QInputDialog(parent)
    dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
    dialog.setWindowTitle(translate("MainWindow", "System prompt"))
    dialog.setLabelText(
        translate("MainWindow", "Standing instructions the model follows in this chat:")
    )
    dialog.setTextValue(current)
    dialog.setMinimumWidth(TITLE_DIALOG_MIN_WIDTH)
    editor = dialog.findChild(QPlainTextEdit)
    if editor is not None:  # long instructions wrap instead of running off to the right
        editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
    return dialog


def ask_system_prompt(parent: QWidget, current: str) -> str | None:
    dialog = system_prompt_dialog(parent, current)
    return dialog.textValue() if dialog.exec() else None
