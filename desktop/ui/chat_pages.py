"""Which part of the shown chat is on screen: its latest page when it opens, and earlier pages
above it as the user scrolls up.

Opening a chat of 10,000 messages used to build 10,000 message widgets (minutes, gigabytes);
now it reads and builds one page, whatever the chat's length. Pages are read by message id from
the store (`ChatStore.messages_page`), so a page costs the same at any depth.
"""

from __future__ import annotations

from collections.abc import Callable

from desktop.core.store import PAGE_SIZE, ChatStore, Message
from desktop.ui.chat_view import ChatView

ShowMessage = Callable[[Message, bool], None]  # (message, above the others)


class ChatPages:
    def __init__(self, store: ChatStore, view: ChatView, show_message: ShowMessage) -> None:
        self.store = store
        self.view = view
        self._show_message = show_message
        self.first_id: int | None = None  # the first message shown; earlier pages end before it
        self.page_size = PAGE_SIZE

    def show_latest(self, conversation_id: int | None) -> None:
        """Clear the view and show the chat's latest page (nothing for None)."""
        self.first_id = None
        self.view.clear()
        if conversation_id is None:
            return
        page = self.store.messages_page(conversation_id, limit=self.page_size)
        for message in page:
            self._show_message(message, False)
        self._after(conversation_id, page)

    def show_earlier(self, conversation_id: int) -> bool:
        """Add the page before the first message shown, above it, keeping what the user reads
        in place. Returns whether messages were added. A StoreError goes to the caller."""
        if self.first_id is None:
            return False
        page = self.store.messages_page(conversation_id, self.first_id, self.page_size)
        if page:
            self.view.keep_position()
            for message in reversed(page):  # each goes above the one added before it
                self._show_message(message, True)
        self._after(conversation_id, page)
        return bool(page)

    def _after(self, conversation_id: int, page: list[Message]) -> None:
        if page:
            self.first_id = page[0].id
        self.view.set_has_earlier(
            bool(page) and self.store.has_messages_before(conversation_id, page[0].id)
        )
