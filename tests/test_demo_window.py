"""Demo mode in the real window: ready questions start their own chat, the panel says an answer is
on its way from the first moment, leaving demo mode gives every widget its normal font back, and
a full-screen view for a projector."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.gui_helpers import open_window, wait_answer, wait_loaded


def _fonts(root: QWidget) -> dict[int, float]:
    return {id(w): w.font().pointSizeF() for w in root.findChildren(QWidget) if w.isVisible()}


def test_leaving_demo_mode_restores_every_font(qtbot: QtBot, model_path: Path) -> None:
    window = open_window(qtbot, model_path)
    wait_loaded(qtbot, window)
    before = _fonts(window)
    window.set_demo_mode(True)
    assert window.font().pointSizeF() > min(before.values())
    window.set_demo_mode(False)
    after = _fonts(window)
    changed = {
        k: (before[k], after[k]) for k in before.keys() & after.keys() if before[k] != after[k]
    }
    assert changed == {}


def test_a_ready_question_opens_a_new_chat_and_the_panel_shows_it_coming(
    qtbot: QtBot, model_path: Path
) -> None:
    window = open_window(qtbot, model_path)
    wait_loaded(qtbot, window)
    window.chat.max_tokens = 4
    window.chat.send("Hello")
    wait_answer(qtbot, window)
    first = window.chat.conversation_id
    window.set_demo_mode(True)
    try:
        window.demo_panel.buttons[0].click()
        assert window.chat.conversation_id != first
        # From the first moment, before any word: never "No answer is being written".
        assert "No answer is being written" not in window.resource_panel.answer_label.text()
        wait_answer(qtbot, window)
        messages = window.store.messages(window.chat.conversation_id)  # type: ignore[arg-type]
        assert [m.role for m in messages] == ["user", "assistant"]
        assert len(window.store.messages(first)) == 2  # type: ignore[arg-type]
        assert "No answer is being written" in window.resource_panel.answer_label.text()
    finally:
        window.set_demo_mode(False)


def test_full_screen_and_back(qtbot: QtBot, model_path: Path) -> None:
    window = open_window(qtbot, model_path)
    window.full_screen_action.setChecked(True)
    qtbot.waitUntil(window.isFullScreen)
    window.full_screen_action.setChecked(False)
    qtbot.waitUntil(lambda: not window.isFullScreen())
