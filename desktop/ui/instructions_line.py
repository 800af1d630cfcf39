"""A line at the top of the chat that says which standing instructions (system prompt) its
answers follow, the chat's own or else the model's, elided to its space, with an Edit button;
hidden when there are none."""

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

    def set_instructions(self, text: str, own: bool = True) -> None:
        """The chat's own system prompt, or (`own` False) the model's ("" hides the line)."""
        one_line = " ".join(text.split())
        if own:
            line = self.tr("Instructions for this chat: {text}")
        else:
            line = self.tr("The model's standing instructions: {text}")
        self.label.setText(line.format(text=one_line))
        self.label.setToolTip(text)  # the whole text, as written
        self.setAccessibleName(self.label.text())
        self.setVisible(bool(one_line))
