"""The chats: which one is shown, creating, renaming and deleting them, sending messages,
streaming answers into the view, and saving everything as it happens.

The user's message and an empty answer marked "streaming" are saved before the model starts; the
answer's text is saved again about every second while it streams, and with its figures and its
ledger entry when it ends (complete, stopped or failed). If the app is killed in between, the
next start marks the answer as interrupted, with the text the user saw: nothing typed is lost.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from desktop.core.context import MIN_ANSWER_TOKENS, PromptTooLong, Turn, estimate_tokens
from desktop.core.docs.grounding import DocumentsRequest
from desktop.core.engine import SamplingSettings
from desktop.core.records import AnswerResult
from desktop.core.store import ChatStore, Conversation, Message, StoreError
from desktop.ui.chat_editing import ChatEditing
from desktop.ui.chat_pages import ChatPages
from desktop.ui.chat_view import ChatView
from desktop.ui.i18n import current_language
from desktop.ui.message_widget import MessageWidget
from desktop.workers.engine_worker import AnswerRequest, EngineController

TITLE_LENGTH = 40
SAVE_EVERY_S = 1.0  # while an answer streams, its text is saved this often


@dataclass
class _Streaming:
    request_id: int
    conversation_id: int
    message_id: int
    text: str = ""
    widget: MessageWidget | None = None
    saved_at: float = 0.0
    prefix: str = ""  # a stopped answer's text that this one continues


class ChatController(ChatEditing, QObject):
    notice = Signal(str)  # a plain message for the user, shown where they read
    answer_finished = Signal(object)  # AnswerResult
    conversations_changed = Signal()  # the list of chats (titles, order) changed
    conversation_changed = Signal()  # another chat is shown, or the shown one changed
    streaming_changed = Signal(bool)
    compare_requested = Signal(object)  # a list of AnswerStats
    page_shown = Signal()  # a page of messages was added while scrolling
    instructions_changed = Signal()  # the model's own standing instructions changed

    def __init__(self, store: ChatStore, engine: EngineController, view: ChatView) -> None:
        super().__init__()
        self.store = store
        self.engine = engine
        self.view = view
        self.conversation_id: int | None = None
        self.n_ctx = 2048  # the loaded model's context, for the too-long check before sending
        self.max_tokens = 512
        self.settings: SamplingSettings | None = None  # None: the model's own creativity
        self._streaming: _Streaming | None = None
        self._pages = ChatPages(store, view, self._show_message)
        self._closing = False
        view.earlier_requested.connect(lambda: self._show_page(self._pages.show_earlier))
        view.later_requested.connect(lambda: self._show_page(self._pages.show_later))
        # The collections a chat answers from (set by the Documents controller); None: none.
        self.documents_for: Callable[[int], DocumentsRequest | None] | None = None
        engine.chunk.connect(self._on_chunk)
        engine.answer_done.connect(self._on_answer_done)

    @property
    def streaming(self) -> bool:
        return self._streaming is not None

    def _try(self, action: object) -> bool:
        """Run a store action; a StoreError becomes a notice. Returns whether it worked."""
        try:
            action()  # type: ignore[operator]
        except StoreError as exc:
            self.notice.emit(str(exc))
            return False
        return True

    # -- which chat -------------------------------------------------------------------------------
    def current(self) -> Conversation | None:
        cid = self.conversation_id
        return self.store.get_conversation(cid) if cid is not None else None

    def show_conversation(self, conversation_id: int | None) -> None:
        """Show a chat: its latest page; others come as the user scrolls (ChatPages)."""
        self.conversation_id = conversation_id
        if self._streaming is not None:
            self._streaming.widget = None
        self._pages.show_latest(conversation_id)
        self.conversation_changed.emit()

    def _show_page(self, show: Callable[[int], bool]) -> None:
        """A page read while the user scrolls (`ChatPages.show_earlier` or `show_later`)."""
        cid, added = self.conversation_id, list[bool]()
        if cid is not None and self._try(lambda: added.append(show(cid))) and added[0]:
            self.page_shown.emit()
        if self._streaming is not None and not self.view.shows(self._streaming.widget):
            self._streaming.widget = None  # let go with its page; found again when shown

    def _show_message(self, message: Message, where: str = "end") -> MessageWidget:
        widget = self._add_widget(message.role, message.content, where=where, message=message)
        widget.set_status(message.status, message.note, message.stats)
        if message.stats is not None:
            widget.set_stats(message.stats)
        widget.message_id = message.id
        self.refresh_versions(widget)
        if self._streaming is not None and self._streaming.message_id == message.id:
            widget.set_text(self._streaming.text)
            self._streaming.widget = widget
        return widget

    def new_conversation(self) -> int | None:
        """Start a new chat, or show the empty one already there (Ctrl+N twice: one chat)."""
        current = self.current()
        if (
            current is not None
            and not current.title
            and not current.system_prompt
            and self.store.count_messages(current.id) == 0
        ):
            self.show_conversation(current.id)
            return current.id
        created: list[Conversation] = []
        if not self._try(lambda: created.append(self.store.create_conversation())):
            return None
        self.show_conversation(created[0].id)
        self.conversations_changed.emit()
        return created[0].id

    def rename(self, conversation_id: int, title: str) -> None:
        title = " ".join(title.split())
        if title and self._try(lambda: self.store.rename_conversation(conversation_id, title)):
            self.conversations_changed.emit()
            self.conversation_changed.emit()

    def delete(self, conversation_id: int) -> bool:
        if (
            self.streaming
            and self._streaming
            and self._streaming.conversation_id == conversation_id
        ):
            self.notice.emit(self.tr("Stop the answer before deleting this chat."))
            return False
        if not self._try(lambda: self.store.delete_conversation(conversation_id)):
            return False
        if conversation_id == self.conversation_id:
            remaining = self.store.list_conversations()
            self.show_conversation(remaining[0].id if remaining else None)
        self.conversations_changed.emit()
        return True

    def set_system_prompt(self, text: str) -> None:
        if self.conversation_id is None and self.new_conversation() is None:
            return
        cid = self.conversation_id
        assert cid is not None
        if self._try(lambda: self.store.set_system_prompt(cid, text.strip())):
            self.conversation_changed.emit()

    # -- sending ----------------------------------------------------------------------------------
    def send(self, text: str) -> bool:
        """Send a message. Returns False (and says why) when it was not sent; the caller then
        keeps the text in the input box."""
        if not text.strip():
            self.notice.emit(self.tr("Type a message first."))
            return False
        if self._streaming is not None:
            self.notice.emit(self.tr("Wait for the answer to finish, or press Stop."))
            return False
        if estimate_tokens(text) + MIN_ANSWER_TOKENS > self.n_ctx:
            self.notice.emit(str(PromptTooLong(self.n_ctx)))
            return False
        if self.conversation_id is None and self.new_conversation() is None:
            return False
        cid = self.conversation_id
        assert cid is not None
        conversation = self.store.get_conversation(cid)
        history = self.store.history(cid)
        self._pages.ensure_latest(cid)  # the user was reading old messages: back to the end
        saved: list[Message] = []

        def save() -> None:
            saved.append(self.store.add_message(cid, "user", text))
            if conversation is not None and not conversation.title:
                self.store.rename_conversation(cid, _title_from(text))

        if not self._try(save):
            return False
        if conversation is not None and not conversation.title:
            self.conversations_changed.emit()
        self._add_widget("user", text).message_id = saved[0].id
        self._start_answer(cid, text, history, conversation.system_prompt if conversation else "")
        return True

    def _start_answer(
        self, cid: int, user: str, history: list[Turn], system: str, *,
        version_of: int | None = None, continuing: Message | None = None,
    ) -> None:  # fmt: skip
        """Answer `user`: in a new message (a new version of `version_of`'s place, if given),
        or going on with the stopped answer `continuing` (chat_editing.py)."""
        added: list[Message] = []
        if continuing is not None:
            added.append(continuing)
            widget = self._continued_widget(continuing)
        else:
            if not self._try(
                lambda: added.append(self.store.add_message(
                    cid, "assistant", "", status="streaming", version_of=version_of))
            ):  # fmt: skip
                return
            widget = self._add_widget("assistant", "")
        widget.message_id = added[0].id
        widget.set_status("streaming")
        self.refresh_versions(widget)
        self.view.set_regenerate_enabled(False)
        request = AnswerRequest(
            user, history, system or None, max_tokens=self.max_tokens, settings=self.settings,
            reply_language=current_language(),
        )  # fmt: skip
        request.partial = continuing.content if continuing is not None else ""
        if self.documents_for is not None and not request.partial:
            request.documents = self.documents_for(cid)
        rid = self.engine.ask(request)
        self._streaming = _Streaming(
            rid, cid, added[0].id, widget=widget, saved_at=time.monotonic()
        )
        self._streaming.prefix = self._streaming.text = request.partial
        self.streaming_changed.emit(True)

    def stop(self) -> None:
        if self._streaming is not None:
            self.engine.stop()

    # -- receiving --------------------------------------------------------------------------------
    def _add_widget(
        self, role: str, text: str, *, where: str = "end", message: Message | None = None
    ) -> MessageWidget:
        widget = self.view.add_message(role, self.author_for(role, message), text, where=where)
        widget.regenerate_requested.connect(self.regenerate)
        widget.compare_requested.connect(lambda stats: self.compare_requested.emit([stats]))
        self.add_message_actions(widget)  # Edit, Continue, versions (chat_editing.py)
        return widget

    def _on_chunk(self, rid: int, text: str) -> None:
        streaming = self._streaming
        if streaming is None or streaming.request_id != rid:
            return
        streaming.text += text
        if streaming.widget is not None:
            streaming.widget.append_text(text)
        now = time.monotonic()
        if now - streaming.saved_at >= SAVE_EVERY_S:
            streaming.saved_at = now
            # A failure here is said once, when the answer ends and is saved again.
            with contextlib.suppress(StoreError):
                self.store.save_partial(streaming.message_id, streaming.text)

    def _on_answer_done(self, rid: int, result: AnswerResult) -> None:
        streaming = self._streaming
        if streaming is None or streaming.request_id != rid:
            return
        self._streaming = None
        self.streaming_changed.emit(False)
        self._finish(streaming, result, "closed" if self._closing else "")
        self.view.set_regenerate_enabled(True)
        self.answer_finished.emit(result)

    def _finish(self, streaming: _Streaming, result: AnswerResult, note: str = "") -> None:
        """Save the answer with its figures and its ledger entry, then show it."""
        if not note and result.status == "stopped":
            note = "stopped"
        elif not note and streaming.prefix:
            note = "continued"  # its figures are the continuation's (chat_editing.py)
        text = streaming.prefix + result.text if result.text else streaming.text
        stats = result.stats()
        self._try(lambda: self.store.finish_answer(streaming.message_id, text, stats, note))
        if streaming.widget is not None:
            streaming.widget.set_text(text)
            streaming.widget.set_status(result.status, note, stats, result.error or "")
            streaming.widget.set_stats(stats)

    def begin_closing(self) -> None:
        """The window is closing: an answer that ends from now on was cut off by it."""
        self._closing = True

    def save_interrupted(self) -> None:
        """At close, after the engine stopped: keep the partial answer with what it cost (when
        the engine handed the stopped answer over), marked as cut off by the closing window."""
        self._closing = True
        self.engine.drain()
        streaming = self._streaming
        if streaming is None:
            return
        self._streaming = None
        self._finish(streaming, AnswerResult(status="stopped", text=streaming.text), "closed")


def _title_from(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= TITLE_LENGTH else line[: TITLE_LENGTH - 1].rstrip() + "…"
