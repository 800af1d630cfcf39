"""What the user does to messages already in a chat, kept out of ChatController: who signs the
answers shown; editing a sent message and sending it again; answering the last message again
as a new version, and browsing the versions; continuing an answer stopped before its end.

Versions and edits are kept by the store (store/versions.py): regenerating hides the earlier
answer instead of deleting it; editing deletes the messages after the edited one (after asking,
when there is more than its answer). What every answer cost stays in the ledger either way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton

from desktop.core.context import MIN_ANSWER_TOKENS, PromptTooLong, estimate_tokens
from desktop.core.records import AnswerStats
from desktop.core.store import Message
from desktop.ui.message_actions import VersionSwitcher, ask_edited_text, confirm_cut

if TYPE_CHECKING:
    from desktop.ui.chat_controller import ChatController
    from desktop.ui.message_widget import MessageWidget

translate = QCoreApplication.translate  # the context stays ChatController's, as before


class ChatEditing:
    """Mixed into ChatController (self is one)."""

    _model_name = ""
    _default_system_prompt = ""

    @property
    def default_system_prompt(self) -> str:
        """The loaded model's own standing instructions, used when a chat has none."""
        return self._default_system_prompt

    @default_system_prompt.setter
    def default_system_prompt(self, text: str) -> None:
        self._default_system_prompt = text
        c: ChatController = self  # type: ignore[assignment]
        c.instructions_changed.emit()

    def instructions(self) -> tuple[str, bool]:
        """The standing instructions the shown chat's answers follow, and whether they are
        the chat's own (else the model's)."""
        c: ChatController = self  # type: ignore[assignment]
        conversation = c.current()
        own = conversation.system_prompt if conversation is not None else ""
        return (own, True) if own else (self._default_system_prompt, False)

    @property
    def model_name(self) -> str:
        """The loaded model's friendly name (its card's name, not its file name)."""
        return self._model_name

    @model_name.setter
    def model_name(self, name: str) -> None:
        self._model_name = name
        c: ChatController = self  # type: ignore[assignment]
        for widget in c.view.messages:  # answers shown before the model was known
            if widget.role == "assistant" and (widget.stats is None or not widget.stats.model):
                widget.set_author(c.author_for("assistant"))

    def author_for(self, role: str, message: Message | None = None) -> str:
        """Who signs a message: the user, or the model that wrote the answer (saved with its
        figures under its friendly name), else the model loaded now."""
        if role == "user":
            return translate("ChatController", "You")
        if message is not None and message.stats is not None and message.stats.model:
            return message.stats.model
        return self._model_name or translate("ChatController", "The model")

    def chat_stats(self) -> list[AnswerStats]:
        """The saved figures of every answer shown in the current chat."""
        c: ChatController = self  # type: ignore[assignment]
        if c.conversation_id is None:
            return []
        messages = c.store.messages(c.conversation_id)
        return [m.stats for m in messages if m.role == "assistant" and m.stats is not None]

    # -- the actions on each message -----------------------------------------------------------
    def add_message_actions(self, widget: MessageWidget) -> None:
        row = widget.actions_row
        if widget.role == "user":
            edit = QPushButton(translate("ChatController", "Edit"))
            edit.setObjectName("editMessage")
            edit.setToolTip(translate("ChatController", "Change this message and send it again"))
            edit.setAccessibleName(translate("ChatController", "Edit this message"))
            edit.clicked.connect(lambda: self._edit_clicked(widget))
            row.addWidget(edit)
            widget.edit_button = edit
            return
        switcher = VersionSwitcher(widget)
        switcher.browse.connect(lambda step: self.browse_version(widget, step))
        row.insertWidget(0, switcher)
        widget.version_switcher = switcher
        go_on = QPushButton(translate("ChatController", "Continue"))
        go_on.setObjectName("continueAnswer")
        go_on.setToolTip(
            translate("ChatController", "Ask the model to go on from where this answer stopped")
        )
        go_on.clicked.connect(lambda: self.continue_answer(widget))
        row.addWidget(go_on)
        widget.continue_button = go_on
        widget.update_continue()

    def refresh_versions(self, widget: MessageWidget) -> None:
        """The answer's "‹ 1/2 ›", from the store (one indexed query)."""
        c: ChatController = self  # type: ignore[assignment]
        switcher = getattr(widget, "version_switcher", None)
        if switcher is None or widget.message_id is None:
            return
        mid = widget.message_id
        found: list[object] = []
        if c._try(lambda: found.append(c.store.versions(mid))):
            switcher.set_versions(found[0])  # type: ignore[arg-type]

    def _busy(self) -> bool:
        c: ChatController = self  # type: ignore[assignment]
        if c.streaming:
            c.notice.emit(
                translate("ChatController", "Wait for the answer to finish, or press Stop.")
            )
        return c.streaming

    # -- edit and send again ------------------------------------------------------------------
    def _edit_clicked(self, widget: MessageWidget) -> None:
        c: ChatController = self  # type: ignore[assignment]
        if self._busy():
            return
        text = ask_edited_text(c.view, widget.text)
        if text is not None and text != widget.text:
            self.edit_message(widget, text)

    def confirm_cut(self, count: int) -> bool:
        """Whether the user agrees to remove `count` later messages (a dialog; tests replace
        it)."""
        c: ChatController = self  # type: ignore[assignment]
        return confirm_cut(c.view, count)

    def edit_message(self, widget: MessageWidget, text: str) -> bool:
        """Replace a sent message's text and answer it again; the messages after it go (after
        asking, when there are more than its answer). Returns whether it was sent."""
        c: ChatController = self  # type: ignore[assignment]
        cid, mid = c.conversation_id, widget.message_id
        if cid is None or mid is None or widget.role != "user" or self._busy():
            return False
        if not text.strip():
            c.notice.emit(translate("ChatController", "Type a message first."))
            return False
        if estimate_tokens(text) + MIN_ANSWER_TOKENS > c.n_ctx:
            c.notice.emit(str(PromptTooLong(c.n_ctx)))
            return False
        later: list[int] = []
        if not c._try(lambda: later.append(c.store.count_after(cid, mid))):
            return False
        if later[0] > 1 and not self.confirm_cut(later[0] - 1):
            return False
        if not c._try(lambda: c.store.edit_and_cut(mid, text)):
            return False
        conversation = c.store.get_conversation(cid)
        history = c.store.history(cid, before_id=mid)
        c._pages.show_latest(cid)  # the chat as it is now: ends with the edited message
        c._start_answer(cid, text, history, conversation.system_prompt if conversation else "")
        return True

    # -- versions ------------------------------------------------------------------------------
    def regenerate(self) -> None:
        """Answer the last message again, as a new version; the earlier answer is kept (browse
        with ‹ ›) and its cost stays in the ledger."""
        c: ChatController = self  # type: ignore[assignment]
        if c.conversation_id is None or c.streaming:
            return
        cid = c.conversation_id
        messages = c.store.messages_page(cid, limit=2)
        if len(messages) < 2 or messages[-1].role != "assistant" or messages[-2].role != "user":
            return
        c._pages.ensure_latest(cid)
        last = c.view.last_message()
        if last is not None and last.role == "assistant":
            c.view.remove_message(last)
        conversation = c.store.get_conversation(cid)
        system = conversation.system_prompt if conversation else ""
        history = c.store.history(cid, before_id=messages[-2].id)
        c._start_answer(cid, messages[-2].content, history, system, version_of=messages[-1].id)

    def browse_version(self, widget: MessageWidget, step: int) -> None:
        """Show the previous (-1) or next (+1) version of this answer in its place; saved."""
        c: ChatController = self  # type: ignore[assignment]
        switcher = getattr(widget, "version_switcher", None)
        if switcher is None or switcher.versions is None or self._busy():
            return
        versions = switcher.versions
        index = versions.position - 1 + step
        if not 0 <= index < len(versions.ids):
            return
        target = versions.ids[index]
        found: list[Message | None] = []
        if not c._try(
            lambda: (c.store.show_version(target), found.append(c.store.message(target)))
        ):
            return
        message = found[0]
        if message is None:
            return
        widget.message_id = message.id
        widget.set_author(self.author_for("assistant", message))
        widget.set_text(message.content)
        widget.set_status(message.status, message.note, message.stats)
        if message.stats is not None:
            widget.set_stats(message.stats)
        self.refresh_versions(widget)

    # -- continue a stopped answer ---------------------------------------------------------------
    def continue_answer(self, widget: MessageWidget) -> None:
        """Ask the model to go on with a stopped answer, from its last word, in the same
        message; what it costs enters the ledger like any answer."""
        c: ChatController = self  # type: ignore[assignment]
        cid = c.conversation_id
        if cid is None or widget.message_id is None or self._busy():
            return
        messages = c.store.messages_page(cid, limit=2)
        if (
            len(messages) < 2
            or messages[-1].id != widget.message_id
            or messages[-1].status != "stopped"
            or messages[-2].role != "user"
        ):
            return
        answer, user = messages[-1], messages[-2]
        if not c._try(lambda: c.store.update_message(answer.id, status="streaming", note="")):
            return
        conversation = c.store.get_conversation(cid)
        system = conversation.system_prompt if conversation else ""
        history = c.store.history(cid, before_id=user.id)
        c._start_answer(cid, user.content, history, system, continuing=answer)

    def _continued_widget(self, message: Message) -> MessageWidget:
        c: ChatController = self  # type: ignore[assignment]
        last = c.view.last_message()
        if last is not None and last.message_id == message.id:
            last.set_status("streaming")
            return last
        c._pages.show_latest(message.conversation_id)
        shown = c.view.last_message()
        assert shown is not None
        return shown
