"""The 405B comparison view, opened from a real answer in the real window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextBrowser
from pytestqt.qtbot import QtBot

from desktop.core.engine import SamplingSettings
from desktop.core.measured import compare_saved
from desktop.ui.comparison_view import ComparisonView
from tests.gui_helpers import open_window, wait_answer, wait_loaded

pytestmark = pytest.mark.model


def ask(qtbot: QtBot, window, text: str) -> None:  # type: ignore[no-untyped-def]
    window.prompt.setPlainText(text)
    window.send_current()
    wait_answer(qtbot, window)


def test_compare_one_answer_and_export(qtbot: QtBot, model_path: Path, tmp_path: Path) -> None:
    window = open_window(qtbot, model_path)
    wait_loaded(qtbot, window)
    window.chat.settings = SamplingSettings(max_tokens=60, temperature=0.0, top_k=1)
    ask(qtbot, window, "Rewrite politely: send me the report now.")
    answer = window.chat_view.messages[-1]
    assert answer.compare_button.isVisible()
    qtbot.mouseClick(answer.compare_button, Qt.MouseButton.LeftButton)
    view = window.comparison_view
    assert isinstance(view, ComparisonView) and view.isVisible()

    # The view shows the numbers of the same comparison object as `ask --json`.
    info = window.model_info
    expected = compare_saved([answer.stats], info.size_bytes, "x", None, info.path.name).to_json()  # type: ignore[union-attr]
    assert view.comparison["energy_wh"] == expected["energy_wh"]
    assert view.headline.text() == f"<b>{expected['ratios']['energy']['words']}</b>"
    assert "Question: “Rewrite politely: send me the report now.”" in view.about_label.text()
    titles = [row[0] for row in view.rows]
    assert titles == ["Memory to hold the model", "Machines", "Energy for this answer", "CO₂",
                      "Water", "Money"]  # fmt: skip
    assert "203 GB in 4-bit, like this model" in view.rows[0][2]  # the local file is Q4_1
    assert "810 GB in 16-bit" in view.rows[0][2]
    assert "16 GPUs" in view.rows[1][2] and "laptops of 16 GB" in view.rows[1][2]
    assert all(row[3] for row in view.rows if row[0] != "Machines")
    assert view.chart.rows[:2] == ["memory", "energy"]

    assert not view.more.isVisible()
    view.more_button.click()
    assert view.more.isVisible()
    text = view.more.toPlainText()
    assert "per token, a datacenter GPU is usually more efficient" in text
    assert "Why a range?" in text and "https://" in view.more.toHtml()

    training = view.training_browser.toPlainText()
    assert "8,930" in training and "11 GWh" in training
    assert "Where they disagree" in training
    citations = view.training_widget.findChild(QTextBrowser, "trainingCitations")
    assert "30,840,000" in citations.toPlainText() and "2.54" in citations.toPlainText()

    png = tmp_path / "card.png"
    assert view.export_png(png)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    view.close()


def test_compare_the_whole_chat(qtbot: QtBot, model_path: Path) -> None:
    window = open_window(qtbot, model_path)
    wait_loaded(qtbot, window)
    window.chat.settings = SamplingSettings(max_tokens=30, temperature=0.0, top_k=1)
    ask(qtbot, window, "Explain the word 'ubiquitous'.")
    ask(qtbot, window, "Give an example sentence.")
    stats = window.chat.chat_stats()
    qtbot.mouseClick(window.compare_chat_button, Qt.MouseButton.LeftButton)
    view = window.comparison_view
    tokens = sum(s.completion_tokens for s in stats)
    assert view.comparison["output_tokens"] == tokens
    assert view.comparison["answers"] == len(stats)
    assert f"this chat ({len(stats)} answers)" in view.headline.text()
    energy = sum(s.footprint.energy_wh for s in stats if s.footprint)
    assert view.comparison["local"]["energy_wh"] == pytest.approx(energy, rel=1e-3)
    view.close()


def test_nothing_to_compare_says_so(qtbot: QtBot, model_path: Path) -> None:
    window = open_window(qtbot, model_path)
    window.open_comparison([], "this chat")
    assert "No measured answer" in window.statusBar().currentMessage()
