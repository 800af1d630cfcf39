"""Edit and resend, versions of an answer, and Continue after Stop, in the real window with the
real model (a few tokens per answer) and a real chats file."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.core.engine import SamplingSettings
from desktop.ui import chat_editing
from desktop.ui.accessibility import focus_chain, missing_accessible_names, unreachable_by_tab
from desktop.ui.main_window import MainWindow
from tests.gui_helpers import open_window, wait_answer, wait_loaded

FEW = SamplingSettings(max_tokens=5, temperature=0.0, top_k=1, repeat_penalty=1.0)


def _ready(qtbot: QtBot, model_path: Path) -> MainWindow:
    window = open_window(qtbot, model_path)
    wait_loaded(qtbot, window)
    window.chat.settings = FEW
    return window


def _ask(qtbot: QtBot, window: MainWindow, question: str) -> None:
    window.ask(question)
    wait_answer(qtbot, window)


def _answers(window: MainWindow) -> int:
    return window.store.footprint_totals().count


def test_regenerate_keeps_versions_and_browsing_is_saved(qtbot: QtBot, model_path: Path) -> None:
    window = _ready(qtbot, model_path)
    _ask(qtbot, window, "Say hello.")
    first = window.chat_view.messages[-1]
    first_id, first_text = first.message_id, first.text
    window.chat.settings = SamplingSettings(max_tokens=5, temperature=1.5, top_k=40)
    window.chat.regenerate()
    wait_answer(qtbot, window)
    cid = window.chat.conversation_id
    assert cid is not None
    answer = window.chat_view.messages[-1]
    switcher = answer.version_switcher
    assert answer.message_id != first_id and len(window.chat_view.messages) == 2
    qtbot.waitUntil(switcher.isVisible)
    assert switcher.label.text() == "2/2" and switcher.accessibleName() == "Version 2 of 2"
    assert missing_accessible_names(answer) == []
    assert switcher.previous in focus_chain(window)
    assert _answers(window) == 2  # both answers' costs are in the ledger
    switcher.previous.click()
    assert switcher.label.text() == "1/2" and answer.text == first_text
    assert answer.message_id == first_id
    assert window.store.history(cid)[-1].assistant == first_text  # what the model will read
    window.chat.show_conversation(cid)  # saved: shown again as chosen
    shown = window.chat_view.messages[-1]
    assert shown.message_id == first_id and shown.version_switcher.label.text() == "1/2"
    assert window.store.count_messages(cid) == 2


def test_edit_resends_and_asks_before_removing_later_messages(
    qtbot: QtBot, model_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _ready(qtbot, model_path)
    _ask(qtbot, window, "Say hello.")
    _ask(qtbot, window, "Name a colour.")
    cid = window.chat.conversation_id
    assert cid is not None
    user = window.chat_view.messages[0]
    assert user.edit_button is not None and user.edit_button.isVisibleTo(window)
    asked: list[int] = []
    monkeypatch.setattr(window.chat, "confirm_cut", lambda n: asked.append(n) or False)
    monkeypatch.setattr(chat_editing, "ask_edited_text", lambda _parent, _text: "Say bye.")
    user.edit_button.click()  # refused at the confirmation: nothing changes
    assert asked == [2] and window.store.count_messages(cid) == 4
    monkeypatch.setattr(window.chat, "confirm_cut", lambda n: asked.append(n) or True)
    user.edit_button.click()
    wait_answer(qtbot, window)
    messages = window.store.messages(cid)
    assert [m.role for m in messages] == ["user", "assistant"]
    assert messages[0].content == "Say bye." and messages[1].content
    assert [w.text for w in window.chat_view.messages] == [m.content for m in messages]
    assert _answers(window) == 3  # the removed answer's cost stays in the ledger
    # Editing the last message: only its own answer goes, without asking.
    asked.clear()
    assert window.chat.edit_message(window.chat_view.messages[0], "Say yes.")
    wait_answer(qtbot, window)
    assert asked == [] and window.store.messages(cid)[0].content == "Say yes."


def test_continue_after_stop_appends_to_the_same_answer(qtbot: QtBot, model_path: Path) -> None:
    window = _ready(qtbot, model_path)
    window.chat.settings = SamplingSettings(max_tokens=400, temperature=0.0, top_k=1)
    window.ask("Write a long story about a cat.")
    qtbot.waitUntil(lambda: bool(window.chat_view.messages[-1].text.strip()), timeout=60_000)
    window.chat.stop()
    wait_answer(qtbot, window)
    answer = window.chat_view.messages[-1]
    cid = window.chat.conversation_id
    assert cid is not None
    partial = window.store.messages(cid)[-1]
    assert partial.status == "stopped" and answer.text == partial.content
    assert answer.continue_button is not None
    qtbot.waitUntil(answer.continue_button.isVisible)
    before = _answers(window)
    window.chat.settings = SamplingSettings(max_tokens=8, temperature=0.0, top_k=1)
    answer.continue_button.click()
    wait_answer(qtbot, window)
    saved = window.store.messages(cid)
    assert len(saved) == 2 and saved[-1].id == partial.id  # the same message, longer
    assert saved[-1].content.startswith(partial.content)
    assert len(saved[-1].content) > len(partial.content)
    assert answer.text == saved[-1].content and saved[-1].status == "complete"
    assert saved[-1].note == "continued" and "Continued after a stop" in answer.note_label.text()
    assert not answer.continue_button.isVisible()
    assert _answers(window) == before + 1  # the continuation's cost, like any answer


def test_new_controls_are_named_and_reached_by_tab(qtbot: QtBot, model_path: Path) -> None:
    window = _ready(qtbot, model_path)
    _ask(qtbot, window, "Say hello.")
    window.chat.regenerate()
    wait_answer(qtbot, window)
    user, answer = window.chat_view.messages
    qtbot.waitUntil(answer.version_switcher.isVisible)
    assert missing_accessible_names(window) == []
    assert unreachable_by_tab(window) == []
    chain = focus_chain(window)
    assert user.edit_button in chain and answer.version_switcher.previous in chain
    assert answer.stats_label in chain  # the "how?" link
