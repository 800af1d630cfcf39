"""Which part of the shown chat is on screen: its latest page when it opens, earlier pages above
it as the user scrolls up, and back down again; never more than a few pages at once.

Opening a chat of 10,000 messages used to build 10,000 message widgets (minutes, gigabytes);
now it reads and builds one page, whatever the chat's length. Scrolling far up lets go of the
pages furthest below (and scrolling back down, of those above), so memory stays bounded. Pages
are read by message id (`ChatStore.messages_page`, `messages_after`): each costs the same at any
depth.
"""

from __future__ import annotations

from collections.abc import Callable

from desktop.core.store import PAGE_SIZE, ChatStore, Message
from desktop.ui.chat_view import ChatView
from desktop.ui.message_widget import MessageWidget

MAX_PAGES = 4  # pages kept on screen while scrolling; a page is a few screens of text

# (message, where in the view: "end", "top" or "bottom") -> its widget
ShowMessage = Callable[[Message, str], MessageWidget]


class ChatPages:
    def __init__(self, store: ChatStore, view: ChatView, show_message: ShowMessage) -> None:
        self.store = store
        self.view = view
        self._show_message = show_message
        self.page_size = PAGE_SIZE
        self.max_shown = MAX_PAGES * PAGE_SIZE

    @property
    def latest_shown(self) -> bool:
        """Whether the view ends with the chat's latest message (new messages go after it)."""
        return not self.view.has_later

    def show_latest(self, conversation_id: int | None) -> None:
        """Clear the view and show the chat's latest page (nothing for None)."""
        self.view.clear()
        if conversation_id is None:
            return
        page = self.store.messages_page(conversation_id, limit=self.page_size)
        for message in page:
            self._show(message, "end")
        self.view.set_has_earlier(
            bool(page) and self.store.has_messages_before(conversation_id, page[0].id)
        )

    def show_earlier(self, conversation_id: int) -> bool:
        """Add the page before the first message shown, above it, keeping what the user reads
        in place. Returns whether messages were added. A StoreError goes to the caller."""
        first = self._first_id()
        if first is None:
            return False
        page = self.store.messages_page(conversation_id, first, self.page_size)
        if page:
            self.view.keep_position()
            for message in reversed(page):  # each goes above the one added before it
                self._show(message, "top")
            self._let_go(conversation_id, from_top=False)
        first = self._first_id()
        self.view.set_has_earlier(
            first is not None and self.store.has_messages_before(conversation_id, first)
        )
        return bool(page)

    def show_later(self, conversation_id: int) -> bool:
        """Add the page after the last message shown, below it (the way back down)."""
        last = self._last_id()
        if last is None or not self.view.has_later:
            return False
        page = self.store.messages_after(conversation_id, last, self.page_size)
        if page:
            self.view.keep_position(self.view.last_message())
            for message in page:
                self._show(message, "bottom")
            self._let_go(conversation_id, from_top=True)
        last = self._last_id()
        self.view.set_has_later(
            last is not None and self.store.has_messages_after(conversation_id, last)
        )
        return bool(page)

    def ensure_latest(self, conversation_id: int) -> None:
        """Before a new message is added: the latest page again if it was let go."""
        if not self.latest_shown:
            self.show_latest(conversation_id)

    def _show(self, message: Message, where: str) -> None:
        self._show_message(message, where).message_id = message.id

    def _let_go(self, conversation_id: int, *, from_top: bool) -> None:
        excess = len(self.view.messages) - self.max_shown
        if excess <= 0:
            return
        self.view.drop(excess, from_top=from_top)
        if from_top:
            self.view.set_has_earlier(True)
        else:
            self.view.set_has_later(True)

    def _first_id(self) -> int | None:
        first = self.view.messages[0] if self.view.messages else None
        return first.message_id if first is not None else None

    def _last_id(self) -> int | None:
        last = self.view.last_message()
        return last.message_id if last is not None else None
