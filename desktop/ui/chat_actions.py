"""What the window asks the user before acting on a chat: rename, delete, its instructions, and
where to export it. The answers go to the chat controller, which owns the chats."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from desktop.ui.chat_export import ask_export_path, write_export
from desktop.ui.conversation_dialogs import ask_new_title, ask_system_prompt, confirm_delete

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

translate = QCoreApplication.translate


class ChatActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def _title(self, title: str) -> str:
        return title or translate("MainWindow", "New chat")

    def rename_current(self) -> None:
        if self.window.chat.conversation_id is not None:
            self.rename(self.window.chat.conversation_id)

    def rename(self, conversation_id: int) -> None:
        conversation = self.window.store.get_conversation(conversation_id)
        title = ask_new_title(self.window, conversation.title) if conversation else None
        if title is not None:
            self.window.chat.rename(conversation_id, title)

    def delete(self, conversation_id: int) -> None:
        conversation = self.window.store.get_conversation(conversation_id)
        if conversation is not None and confirm_delete(
            self.window, self._title(conversation.title)
        ):
            self.window.chat.delete(conversation_id)

    def edit_system_prompt(self) -> None:
        conversation = self.window.chat.current()
        text = ask_system_prompt(self.window, conversation.system_prompt if conversation else "")
        if text is not None:
            self.window.chat.set_system_prompt(text)

    def export_current(self) -> None:
        w = self.window
        conversation = w.chat.current()
        if conversation is None:
            return
        chosen = ask_export_path(w, self._title(conversation.title))
        if chosen is None:
            return
        problem = write_export(w.store, conversation.id, *chosen)
        if problem is not None:
            w.notice_bar.show_message(problem, kind="export")
        else:
            message = translate("MainWindow", "Chat saved to {path}").format(path=str(chosen[0]))
            w.statusBar().showMessage(message, 8000)
