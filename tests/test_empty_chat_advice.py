"""The empty chat says what a test drive measured for the model in use (issue 13)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

import desktop.ui.model_status as model_status
from tests.gui_helpers import open_window, wait_loaded


def test_the_empty_chat_shows_the_measured_advice(
    qtbot: QtBot, model_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def advice(model: str) -> str:
        asked.append(model)
        return "For sums, Qwen2.5 Coder 1.5B was right 7 times as often."

    monkeypatch.setattr(model_status, "latest_advice_text", advice)
    window = open_window(qtbot, model_path)
    wait_loaded(qtbot, window)
    window.new_conversation()
    hint = window.chat_view._empty
    assert asked == [window.chat.model_name]
    assert hint.isVisible() and "right 7 times as often" in hint.text()
    assert "Measured on this computer (test drive):" in hint.text()


def test_without_a_drive_the_hint_stays_plain(qtbot: QtBot, model_path: Path) -> None:
    window = open_window(qtbot, model_path)
    wait_loaded(qtbot, window)
    assert "test drive" not in window.chat_view._empty.text()
