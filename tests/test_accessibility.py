"""Keyboard, screen readers and contrast; the welcome and demo mode in the real window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from desktop.core.engine import SamplingSettings
from desktop.core.records import AnswerStats
from desktop.ui.accessibility import (
    MIN_TEXT_CONTRAST,
    contrast_ratio,
    missing_accessible_names,
    unreachable_by_tab,
)
from desktop.ui.settings import AppSettings
from desktop.ui.settings_dialog import SettingsDialog
from desktop.ui.theme import TEXT_PAIRS, THEMES
from desktop.ui.welcome import should_show_welcome
from tests.gui_helpers import open_window, wait_answer, wait_loaded


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_text_contrast_in_both_themes(theme: str) -> None:
    colours = THEMES[theme]
    low = {
        f"{fg} on {bg}": round(contrast_ratio(QColor(colours[fg]), QColor(colours[bg])), 2)
        for fg, bg in TEXT_PAIRS
    }
    assert {k: v for k, v in low.items() if v < MIN_TEXT_CONTRAST} == {}


def test_main_window_controls_are_named_and_reachable(qtbot: QtBot, model_path: Path) -> None:
    window = open_window(qtbot, model_path)
    widget = window.chat_view.add_message("assistant", "model", "Hello **there**")
    widget.set_stats(AnswerStats(total_s=1.0, completion_tokens=3))
    qtbot.waitExposed(window)
    assert missing_accessible_names(window) == []
    assert unreachable_by_tab(window) == []


def test_settings_dialog_is_accessible(qtbot: QtBot) -> None:
    dialog = SettingsDialog(AppSettings())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert missing_accessible_names(dialog) == []
    assert unreachable_by_tab(dialog) == []


@pytest.mark.model
def test_screen_reader_reads_the_conversation_in_order(qtbot: QtBot, model_path: Path) -> None:
    window = open_window(qtbot, model_path)
    wait_loaded(qtbot, window)
    window.chat.settings = SamplingSettings(max_tokens=20, temperature=0.0, top_k=1)
    window.ask("Say hello.")
    wait_answer(qtbot, window)
    user, answer = window.chat_view.messages
    assert user.accessibleName() == "Message from You"
    assert answer.accessibleName().startswith("Message from SmolLM2")
    assert answer.body.accessibleDescription() == answer.text[:500]
    layout = window.chat_view.widget().layout()
    order = [layout.indexOf(user), layout.indexOf(answer)]
    assert order == sorted(order)


@pytest.mark.model
def test_welcome_then_first_question(qtbot: QtBot, model_path: Path) -> None:
    window = open_window(qtbot, model_path)
    assert should_show_welcome()
    welcome = window.show_welcome()
    assert missing_accessible_names(welcome) == []
    welcome.next()
    welcome.next()
    window.chat.settings = SamplingSettings(max_tokens=20, temperature=0.0, top_k=1)
    question = welcome.suggestions[0]
    welcome.choose(question)  # asked even if the model is still loading
    qtbot.waitUntil(
        lambda: window.chat.streaming or bool(window.chat_view.messages), timeout=30_000
    )
    wait_answer(qtbot, window)
    assert window.chat_view.messages[0].text == question
    assert not should_show_welcome()


@pytest.mark.model
def test_demo_mode(qtbot: QtBot, model_path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from desktop.ui.theme import apply_theme

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, "dark")  # with a style sheet, as in the app
    window = open_window(qtbot, model_path)
    wait_loaded(qtbot, window)
    base = window.font().pointSizeF()
    button_base = window.send_button.font().pointSizeF()
    window.demo_action.trigger()
    assert window.font().pointSizeF() == pytest.approx(base * 1.4)
    assert window.send_button.font().pointSizeF() == pytest.approx(button_base * 1.4, rel=0.05)
    assert window.demo_panel.isVisible() and not window.conversation_list.isVisible()
    assert window.resource_panel.isVisible()
    assert missing_accessible_names(window) == []
    window.chat.settings = SamplingSettings(max_tokens=30, temperature=0.0, top_k=1)
    window.demo_panel.buttons[0].click()
    qtbot.waitUntil(lambda: window.chat.streaming or len(window.chat_view.messages) > 1)
    wait_answer(qtbot, window)
    answer = window.chat_view.messages[-1]
    assert answer.demo_label.isVisible() and "405B" in answer.demo_label.text()
    assert "405B" in window.demo_panel.totals_label.text()
    window.demo_action.trigger()
    assert window.font().pointSizeF() == pytest.approx(base)
    assert window.send_button.font().pointSizeF() == pytest.approx(button_base)
    app.setStyleSheet("")
    app.setPalette(app.style().standardPalette())
    assert not answer.demo_label.isVisible() and window.conversation_list.isVisible()
