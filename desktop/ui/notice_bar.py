"""A banner above the chat for things the user must know: a model that would not load, chats
that cannot be saved. Plain words, what to do next, and the technical detail on request."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget


class NoticeBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.label = QLabel("")
        self.label.setWordWrap(True)
        self.label.setObjectName("noticeText")
        layout.addWidget(self.label, 1)
        self.close_button = QPushButton(self.tr("Dismiss"))
        self.close_button.clicked.connect(self.hide)
        layout.addWidget(self.close_button)
        self.kind = ""
        self.hide()

    def show_message(self, text: str, *, kind: str = "", detail: str = "") -> None:
        self.kind = kind
        self.label.setText(text)
        self.label.setToolTip(detail)
        self.setAccessibleDescription(text)
        self.show()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""

    def clear_if_kind(self, kind: str) -> None:
        if self.kind == kind:
            self.hide()
