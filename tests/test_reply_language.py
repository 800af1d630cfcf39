"""In a French window the model is asked to answer in French, unless the chat has its own
instructions (those are the user's, left as they are)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.core.session import with_reply_language
from desktop.workers.engine_worker import AnswerRequest
from tests.gui_helpers import open_window, wait_loaded


def test_french_is_asked_for_after_the_models_own_instructions() -> None:
    assert with_reply_language("You are helpful.", "fr") == (
        "You are helpful.\nRéponds toujours en français."
    )
    assert with_reply_language("", "fr") == "Réponds toujours en français."
    assert with_reply_language("You are helpful.", "en") == "You are helpful."
    assert with_reply_language("You are helpful.", None) == "You are helpful."


def test_the_window_asks_in_its_language(
    qtbot: QtBot, model_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import desktop.ui.chat_controller as chat_controller

    window = open_window(qtbot, model_path)
    wait_loaded(qtbot, window)
    asked: list[AnswerRequest] = []
    real_ask = window.engine.ask

    def spy(request: AnswerRequest) -> int:
        asked.append(request)
        return real_ask(request)

    window.engine.ask = spy  # type: ignore[method-assign]
    monkeypatch.setattr(chat_controller, "current_language", lambda: "fr")
    window.chat.max_tokens = 4
    window.chat.send("Bonjour")
    qtbot.waitUntil(lambda: not window.chat.streaming, timeout=60_000)
    assert asked and asked[0].reply_language == "fr" and asked[0].system_prompt is None
    last = window.store.messages(window.chat.conversation_id)[-1]  # type: ignore[arg-type]
    assert last.role == "assistant" and last.status == "complete"
