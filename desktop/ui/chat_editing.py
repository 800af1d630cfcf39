"""What the user does to messages already in a chat, kept out of ChatController: who signs the
answers shown, and answering the last message again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.core.store import Message

if TYPE_CHECKING:
    from desktop.ui.chat_controller import ChatController
    from desktop.ui.message_widget import MessageWidget


class ChatEditing:
    """Mixed into ChatController (self is one)."""

    _model_name = ""

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
        c: ChatController = self  # type: ignore[assignment]
        if role == "user":
            return c.tr("You")
        if message is not None and message.stats is not None and message.stats.model:
            return message.stats.model
        return self._model_name or c.tr("The model")

    def regenerate(self) -> None:
        """Answer the last message again. The replaced answer's cost stays in the ledger."""
        c: ChatController = self  # type: ignore[assignment]
        if c.conversation_id is None or c.streaming:
            return
        cid = c.conversation_id
        messages = c.store.messages_page(cid, limit=2)
        if len(messages) < 2 or messages[-1].role != "assistant" or messages[-2].role != "user":
            return
        c._pages.ensure_latest(cid)
        if not c._try(lambda: c.store.delete_message(messages[-1].id)):
            return
        last: MessageWidget | None = c.view.last_message()
        if last is not None and last.role == "assistant":
            c.view.remove_message(last)
        conversation = c.store.get_conversation(cid)
        system = conversation.system_prompt if conversation else ""
        history = c.store.history(cid, before_id=messages[-2].id)
        c._start_answer(cid, messages[-2].content, history, system)
