"""The chat's own instructions (system prompt) are shown at the top of the chat, elided to their
space, with an Edit button."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.ui import chat_actions
from desktop.ui.accessibility import missing_accessible_names
from tests.gui_helpers import open_window, wait_loaded

LONG = "Answer like a patient teacher, " * 20


def test_instructions_shown_elided_and_edited(
    qtbot: QtBot, model_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, model_path)
    wait_loaded(qtbot, window)
    line = window.instructions_line
    window.chat.new_conversation()
    window.chat.default_system_prompt = ""
    assert not line.isVisible()  # no instructions at all: no line
    window.chat.default_system_prompt = "Be kind."  # as a model's own settings can say
    qtbot.waitUntil(line.isVisible)
    assert line.label.text() == "The model's standing instructions: Be kind."
    window.chat.set_system_prompt(LONG)
    qtbot.waitUntil(line.isVisible)
    assert line.label.text().startswith("Instructions for this chat: Answer like a patient")
    assert line.label.elided_text().endswith("…")  # elided to its space, not cut by count
    assert line.width() <= window.chat_view.width() + 2
    assert missing_accessible_names(line) == []
    monkeypatch.setattr(chat_actions, "ask_system_prompt", lambda _parent, current: "Be brief.")
    line.edit_button.click()
    current = window.chat.current()
    assert current is not None and current.system_prompt == "Be brief."
    assert line.label.text() == "Instructions for this chat: Be brief."
    monkeypatch.setattr(chat_actions, "ask_system_prompt", lambda _parent, current: "")
    line.edit_button.click()  # the chat's own removed: the model's apply again
    assert line.label.text() == "The model's standing instructions: Be kind."
    window.chat.default_system_prompt = ""
    assert not line.isVisible()
