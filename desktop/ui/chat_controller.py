"""Sends messages, streams answers into the view, and saves everything as it happens.

The user's message and an empty answer marked "streaming" are saved before the model starts, and
the answer is saved again when it ends (complete, stopped or failed). If the app is killed in
between, the next start marks the answer as interrupted: nothing typed is ever lost.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from desktop.core.context import MIN_ANSWER_TOKENS, PromptTooLong, Turn, estimate_tokens
from desktop.core.engine import AnswerResult, SamplingSettings
from desktop.core.store import ChatStore, Message, StoreError
from desktop.ui.chat_view import ChatView
from desktop.ui.message_widget import MessageWidget
from desktop.workers.engine_worker import AnswerRequest, EngineController

TITLE_LENGTH = 40
CLOSED_NOTE = "Stopped: the window was closed before the answer finished."
STOPPED_NOTE = "Stopped by you."


@dataclass
class _Streaming:
    request_id: int
    conversation_id: int
    message_id: int
    text: str = ""
    widget: MessageWidget | None = None


def history_from(messages: list[Message]) -> list[Turn]:
    """Completed exchanges, oldest first; failed or empty answers are left out."""
    turns: list[Turn] = []
    pending_user: str | None = None
    for message in messages:
        if message.role == "user":
            pending_user = message.content
        elif pending_user is not None:
            if message.status in ("complete", "stopped") and message.content.strip():
                turns.append(Turn(pending_user, message.content))
            pending_user = None
    return turns


class ChatController(QObject):
    notice = Signal(str)  # a plain message for the user (status line or banner)
    answer_finished = Signal(object)  # AnswerResult
    conversations_changed = Signal()
    streaming_changed = Signal(bool)
    compare_requested = Signal(object)  # a list of saved answer stats

    def __init__(self, store: ChatStore, engine: EngineController, view: ChatView) -> None:
        super().__init__()
        self.store = store
        self.engine = engine
        self.view = view
        self.conversation_id: int | None = None
        self.model_name = "the model"
        self.n_ctx = 2048
        self.settings = SamplingSettings()
        self.default_system_prompt = ""  # the model's own, for new chats
        self._streaming: _Streaming | None = None
        engine.chunk.connect(self._on_chunk)
        engine.answer_done.connect(self._on_answer_done)

    @property
    def streaming(self) -> bool:
        return self._streaming is not None

    # -- showing ----------------------------------------------------------------------------------
    def show_conversation(self, conversation_id: int | None) -> None:
        self.conversation_id = conversation_id
        self.view.clear()
        if self._streaming is not None:
            self._streaming.widget = None
        if conversation_id is None:
            return
        for message in self.store.messages(conversation_id):
            widget = self._add_widget(message.role, message.content)
            widget.set_status(message.status, message.note)
            widget.set_stats(message.stats)
            if self._streaming is not None and self._streaming.message_id == message.id:
                widget.set_text(self._streaming.text)
                self._streaming.widget = widget

    def _add_widget(self, role: str, text: str) -> MessageWidget:
        author = self.tr("You") if role == "user" else self.model_name
        widget = self.view.add_message(role, author, text)
        widget.regenerate_requested.connect(self.regenerate)
        widget.compare_requested.connect(lambda stats: self.compare_requested.emit([stats]))
        return widget

    def chat_stats(self) -> list[dict[str, object]]:
        """The saved stats of every answer in the current chat."""
        if self.conversation_id is None:
            return []
        return [m.stats for m in self.store.messages(self.conversation_id) if m.role == "assistant"]

    # -- sending ----------------------------------------------------------------------------------
    def send(self, text: str) -> bool:
        """Send a message. Returns False (and says why) when it was not sent; the caller then
        keeps the text in the input box."""
        if not text.strip():
            self.notice.emit(self.tr("Type a message first."))
            return False
        if self.engine.busy or self._streaming is not None:
            self.notice.emit(self.tr("Wait for the answer to finish, or press Stop."))
            return False
        if estimate_tokens(text) + MIN_ANSWER_TOKENS > self.n_ctx:
            self.notice.emit(str(PromptTooLong(self.n_ctx)))
            return False
        try:
            if self.conversation_id is None:
                self.conversation_id = self.store.create_conversation(
                    system_prompt=self.default_system_prompt
                ).id
                self.conversations_changed.emit()
            cid = self.conversation_id
            conversation = self.store.get_conversation(cid)
            history = history_from(self.store.messages(cid))
            self.store.add_message(cid, "user", text)
            if conversation is not None and conversation.title == "New chat":
                self.store.rename_conversation(cid, _title_from(text))
                self.conversations_changed.emit()
        except StoreError as exc:
            self.notice.emit(str(exc))
            return False
        self._add_widget("user", text)
        self._start_answer(cid, text, history, conversation.system_prompt if conversation else "")
        return True

    def regenerate(self) -> None:
        """Answer the last message again, replacing the last answer."""
        if self.conversation_id is None or self.engine.busy or self._streaming is not None:
            return
        cid = self.conversation_id
        messages = self.store.messages(cid)
        if len(messages) < 2 or messages[-1].role != "assistant" or messages[-2].role != "user":
            return
        try:
            self.store.delete_message(messages[-1].id)
        except StoreError as exc:
            self.notice.emit(str(exc))
            return
        last = self.view.last_message()
        if last is not None and last.role == "assistant":
            self.view.remove_message(last)
        conversation = self.store.get_conversation(cid)
        history = history_from(messages[:-2])
        system = conversation.system_prompt if conversation else ""
        self._start_answer(cid, messages[-2].content, history, system)

    def _start_answer(self, cid: int, user: str, history: list[Turn], system: str) -> None:
        try:
            answer = self.store.add_message(cid, "assistant", "", status="streaming")
        except StoreError as exc:
            self.notice.emit(str(exc))
            return
        widget = self._add_widget("assistant", "")
        widget.set_status("streaming")
        self.view.set_regenerate_enabled(False)
        request = AnswerRequest(0, user, history, system, self.settings)
        rid = self.engine.ask(request)
        self._streaming = _Streaming(rid, cid, answer.id, widget=widget)
        self.streaming_changed.emit(True)

    def stop(self) -> None:
        if self._streaming is not None:
            self.engine.stop()

    # -- receiving --------------------------------------------------------------------------------
    def _on_chunk(self, rid: int, text: str) -> None:
        streaming = self._streaming
        if streaming is None or streaming.request_id != rid:
            return
        streaming.text += text
        if streaming.widget is not None:
            streaming.widget.append_text(text)

    def _on_answer_done(self, rid: int, result: AnswerResult) -> None:
        streaming = self._streaming
        if streaming is None or streaming.request_id != rid:
            return
        self._streaming = None
        self.streaming_changed.emit(False)
        note = ""
        if result.status == "stopped":
            note = self.tr("Stopped by you.")
        elif result.status == "error":
            note = result.error or self.tr("The model gave no answer.")
        if result.dropped_turns:
            note = (note + " " if note else "") + self.tr(
                "The {n} oldest exchanges of this chat no longer fit in the model's memory and "
                "were left out of this answer."
            ).format(n=result.dropped_turns)
        stats = result.to_json()
        stats.pop("answer", None)
        self._save(streaming.message_id, result.text, result.status, stats, note)
        if streaming.widget is not None:
            streaming.widget.set_text(result.text)
            streaming.widget.set_status(result.status, note)
            streaming.widget.set_stats(stats)
        self.view.set_regenerate_enabled(True)
        self.answer_finished.emit(result)

    def _save(self, mid: int, text: str, status: str, stats: dict[str, object], note: str) -> None:
        try:
            self.store.update_message(mid, content=text, status=status, stats=stats, note=note)
        except StoreError as exc:
            self.notice.emit(str(exc))

    def save_interrupted(self) -> None:
        """At close: keep the partial answer, marked as stopped."""
        self.engine.drain()
        streaming = self._streaming
        if streaming is None:
            return
        self._streaming = None
        self._save(
            streaming.message_id, streaming.text, "stopped", {},
            self.tr("Stopped: the window was closed before the answer finished."),
        )  # fmt: skip


def _title_from(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= TITLE_LENGTH else line[: TITLE_LENGTH - 1].rstrip() + "…"
