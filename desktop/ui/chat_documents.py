"""The chat's documents button: which collections this chat may read (none by default), and the
"answer only from my documents" switch. It shows and forwards; the choice is saved per chat in
the documents index by `DocumentsController`."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolButton, QWidget


class ChatDocumentsButton(QToolButton):
    changed = Signal(list, bool)  # collection names, only from documents
    manage_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chatDocuments")
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolTip(self.tr("Which of your documents this chat answers from"))
        self._menu = QMenu(self)
        self.setMenu(self._menu)
        self._available: list[str] = []
        self.chosen: list[str] = []
        self.only_documents = False
        self.actions_by_name: dict[str, QAction] = {}
        self.only_action: QAction | None = None
        self._rebuild()

    def set_state(self, available: list[str], chosen: list[str], only: bool) -> None:
        self._available = list(available)
        self.chosen = [n for n in chosen if n in available]
        self.only_documents = only
        self._rebuild()

    def _rebuild(self) -> None:
        self._menu.clear()
        self.actions_by_name = {}
        for name in self._available:
            action = self._menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(name in self.chosen)
            action.toggled.connect(lambda on, n=name: self._toggle(n, on))
            self.actions_by_name[name] = action
        if not self._available:
            empty = self._menu.addAction(self.tr("No collections yet"))
            empty.setEnabled(False)
        self._menu.addSeparator()
        self.only_action = self._menu.addAction(self.tr("Answer only from my documents"))
        self.only_action.setCheckable(True)
        self.only_action.setChecked(self.only_documents)
        self.only_action.setEnabled(bool(self.chosen))
        self.only_action.toggled.connect(self._set_only)
        self._menu.addAction(self.tr("Manage documents…"), self.manage_requested.emit)
        self._update_text()

    def _update_text(self) -> None:
        if not self.chosen:
            self.setText(self.tr("Documents: none"))
        else:
            text = self.tr("Documents: {names}").format(names=", ".join(self.chosen))
            self.setText(text + (self.tr(" (only)") if self.only_documents else ""))

    def _toggle(self, name: str, on: bool) -> None:
        chosen = [
            n for n in self._available if (n in self.chosen or n == name) and (on or n != name)
        ]
        self.chosen = chosen
        if self.only_action is not None:
            self.only_action.setEnabled(bool(chosen))
        self._update_text()
        self.changed.emit(self.chosen, self.only_documents)

    def _set_only(self, on: bool) -> None:
        self.only_documents = on
        self._update_text()
        self.changed.emit(self.chosen, self.only_documents)
