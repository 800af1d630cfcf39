"""A line at the top of the chat that says which standing instructions (system prompt) the chat
uses, elided to its space, with an Edit button; hidden when the chat has none of its own."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from desktop.ui.elided_label import ElidedLabel


class InstructionsLine(QWidget):
    edit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("instructionsLine")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = ElidedLabel("")
        self.label.setObjectName("instructionsText")
        self.edit_button = QPushButton(self.tr("Edit"))
        self.edit_button.setAccessibleName(self.tr("Edit the instructions for this chat"))
        self.edit_button.setToolTip(self.tr("Change or remove the instructions for this chat"))
        self.edit_button.clicked.connect(self.edit_requested)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.edit_button)
        self.set_instructions("")

    def set_instructions(self, text: str) -> None:
        """The chat's own system prompt ("" hides the line)."""
        one_line = " ".join(text.split())
        self.label.setText(self.tr("Instructions for this chat: {text}").format(text=one_line))
        self.label.setToolTip(text)  # the whole text, as written
        self.setAccessibleName(self.label.text())
        self.setVisible(bool(one_line))
