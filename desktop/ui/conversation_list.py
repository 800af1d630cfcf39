"""The list of chats on the left: search by title, new, rename, delete."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.store import Conversation
from desktop.ui.icons import with_icon


class ConversationList(QWidget):
    selected = Signal(int)
    new_requested = Signal()
    rename_requested = Signal(int)
    delete_requested = Signal(int)
    search_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.new_button = with_icon(QPushButton(self.tr("New chat")), "new")
        self.new_button.setToolTip(self.tr("Start a new conversation (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_requested)
        layout.addWidget(self.new_button)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search chats and messages"))
        self.search.setAccessibleName(self.tr("Search chats"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.search_changed)
        layout.addWidget(self.search)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Chats"))
        # Long titles end in "…" within the list's width; never a sideways scrollbar.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setUniformItemSizes(True)
        self.list.currentItemChanged.connect(self._on_current_changed)
        layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        self.rename_button = with_icon(QPushButton(self.tr("Rename")), "rename")
        self.rename_button.setToolTip(self.tr("Rename the selected chat (F2)"))
        self.rename_button.clicked.connect(lambda: self._emit_for_current(self.rename_requested))
        self.delete_button = with_icon(QPushButton(self.tr("Delete")), "delete")
        self.delete_button.setToolTip(self.tr("Delete the selected chat"))
        self.delete_button.clicked.connect(lambda: self._emit_for_current(self.delete_requested))
        buttons.addWidget(self.rename_button)
        buttons.addWidget(self.delete_button)
        layout.addLayout(buttons)
        self._updating = False

    def set_conversations(self, conversations: list[Conversation], current: int | None) -> None:
        self._updating = True
        try:
            self.list.clear()
            for conversation in conversations:
                title = conversation.title or self.tr("New chat")
                item = QListWidgetItem(title)
                item.setData(Qt.ItemDataRole.UserRole, conversation.id)
                item.setToolTip(title)
                self.list.addItem(item)
                if conversation.id == current:
                    self.list.setCurrentItem(item)
        finally:
            self._updating = False
        # Rename and Delete act on the chat shown: when a search hides it, they are disabled
        # rather than acting on another chat.
        shown = self.list.currentItem() is not None
        self.rename_button.setEnabled(shown)
        self.delete_button.setEnabled(shown)

    def current_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def titles(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _on_current_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        if not self._updating and current is not None:
            self.rename_button.setEnabled(True)
            self.delete_button.setEnabled(True)
            self.selected.emit(int(current.data(Qt.ItemDataRole.UserRole)))

    def _emit_for_current(self, signal: Signal) -> None:
        cid = self.current_id()
        if cid is not None:
            signal.emit(cid)
