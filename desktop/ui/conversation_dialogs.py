"""The small questions asked about a chat: its new name, whether to delete it, its system prompt.
Each returns the answer, or None when the user cancelled."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

translate = QCoreApplication.translate


def ask_new_title(parent: QWidget, current: str) -> str | None:
    title, ok = QInputDialog.getText(
        parent, translate("MainWindow", "Rename chat"), translate("MainWindow", "New name:"),
        text=current,
    )  # fmt: skip
    return title if ok else None


def confirm_delete(parent: QWidget, title: str) -> bool:
    answer = QMessageBox.question(
        parent,
        translate("MainWindow", "Delete chat"),
        translate("MainWindow", "Delete “{title}” and all its messages?").format(title=title),
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_system_prompt(parent: QWidget, current: str) -> str | None:
    text, ok = QInputDialog.getMultiLineText(
        parent,
        translate("MainWindow", "System prompt"),
        translate("MainWindow", "Standing instructions the model follows in this chat:"),
        current,
    )
    return text if ok else None
