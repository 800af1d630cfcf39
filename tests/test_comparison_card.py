"""The comparison card as a room sees it, built from the real compare_405b and training card
(no model needed): headline in multiples, measured/estimated markers, both grids named, the
method and source lines on the PNG, no raw float anywhere, sourced figures with their own
precision, the datacenter's region chosen, and French numbers."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLabel, QTextBrowser
from pytestqt.qtbot import QtBot

from desktop.core.compare import LocalAnswer, compare_405b, training_card
from desktop.core.footprint.grid import available_zones
from desktop.ui.comparison_training import citations_html, figures_html
from desktop.ui.comparison_view import ComparisonView, money_text, short_question
from desktop.ui.numbers import show_given, show_plain

RAW_FLOAT = re.compile(r"\d[.,]\d{6,}")  # 384.40000000000003, 0.30000000000000004
LONG_QUESTION = "Summarise this text for my class, please: " + "word " * 60

# A laptop measured reading a 416-token prompt and writing one token (the case).
LOCAL = LocalAnswer(0.03, 0.02, 0.04, 0.03 * 0.3844, 0.03 * 3.1321, "measured", "USA", 1,
                    model_file_mb=98.0, model_name="SmolLM2-135M-Instruct-Q4_1")  # fmt: skip


def _view(qtbot: QtBot, local: LocalAnswer = LOCAL, answers: int = 1) -> ComparisonView:
    comparison = compare_405b(416, local.output_tokens, local, answers=answers)

    def recompute(zone: str | None) -> dict[str, Any]:
        again = compare_405b(416, local.output_tokens, local, zone=zone, answers=answers)
        return {"comparison": again.to_json(), "explanation": again.explanation}

    view = ComparisonView(
        comparison.to_json(), explanation=comparison.explanation,
        why_range=comparison.why_range, sources=list(comparison.sources),
        training=training_card().to_json(), model_name=local.model_name,
        question=LONG_QUESTION, zones=available_zones(), recompute=recompute,
    )  # fmt: skip
    qtbot.addWidget(view)
    return view


def _all_text(view: ComparisonView) -> str:
    labels = [label.text() for label in view.findChildren(QLabel)]
    browsers = [b.toPlainText() for b in view.findChildren(QTextBrowser)]
    return "\n".join(labels + browsers)


def test_card_speaks_in_multiples_with_markers(qtbot: QtBot) -> None:
    view = _view(qtbot)
    # 405B: 0.1749 to 0.9736 Wh against 0.03 Wh -> 5.8 to 32 times (test_compare_comparison.py)
    assert "The 405B model would have used 5.8 to 32 times more energy for this answer" in (
        view.headline.text()
    )
    for title, local, _, _ in view.rows:
        if title in ("Energy for this answer", "CO₂", "Water", "Money"):
            assert "(measured)" in local, title
    assert "203 GB in 4-bit, like this model; 810 GB in 16-bit, as released" in view.rows[0][2]
    # The sentence the issue found false, now true: 16 x 80 GB = 1,280 GB hold 974 GB = 61 laptops
    assert view.rows[1][2] == (
        "16 GPUs of 80 GB (1,280 GB) to hold the 970 GB it needs in 16-bit: the memory of 61 "
        "laptops of 16 GB"
    )
    assert all("1/" not in row[3] for row in view.rows)  # no fractions left
    # The picture: 98 MiB = 0.1028 GB = 0.64% of 16 GB; 203 GB / 16 = 12.7 -> 13 laptops; 16 GPUs
    labels = [row[0] for row in view.memory_picture.rows]
    assert labels == [
        "This model: 0.64% of one 16 GB laptop",
        "405B in 4-bit: 13 laptops of 16 GB",
        "405B served in 16-bit: 16 GPUs of 80 GB",
    ]
    assert [row[1] for row in view.memory_picture.rows] == [1, 13, 16]


def test_png_stands_alone(qtbot: QtBot, tmp_path: Path) -> None:
    view = _view(qtbot)
    about = view.about_label.text()
    assert "Question: “Summarise this text" in about and "…" in about
    assert len(short_question(LONG_QUESTION)) == 90
    assert "SmolLM2-135M-Instruct-Q4_1" in about
    footnote = view.footnote.text()
    assert "United States (384.4 g CO₂e per kWh)" in footnote  # both grids, named
    assert "by default the same grid as this computer" in footnote
    assert "measured then scaled to the whole datacenter" in footnote
    assert "This computer: measured" in footnote and "Sources:" in footnote
    assert "below" not in footnote.lower()  # nothing says "details below"
    png = tmp_path / "card.png"
    assert view.export_png(png)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # Everything the PNG carries is inside the card that is grabbed
    inside = {w.objectName() for w in view.card.findChildren(QLabel)}
    assert {"cardAbout", "cardHeadline", "cardFootnote"} <= inside


def test_choosing_the_datacenters_region(qtbot: QtBot) -> None:
    view = _view(qtbot)
    assert view.zone_box.isEnabled()
    view.zone_box.setCurrentIndex(view.zone_box.findData("FRA"))
    assert view.comparison["grids"]["datacenter"]["zone"] == "FRA"
    assert "France (41.44 g CO₂e per kWh), chosen here" in view.footnote.text()
    split = view.comparison["savings_split"]["words"]
    assert "from the grids" in split and split in view.more.toPlainText()


def test_chat_scope_counts_answers(qtbot: QtBot) -> None:
    view = _view(qtbot, answers=3)
    assert "this chat (3 answers)" in view.headline.text()
    assert view.rows[2][0] == "Energy for this chat"


def test_no_raw_float_anywhere(qtbot: QtBot) -> None:
    view = _view(qtbot)
    view.zone_box.setCurrentIndex(view.zone_box.findData("DEU"))
    text = _all_text(view) + figures_html(training_card().to_json())
    text += citations_html(training_card().to_json())
    assert not RAW_FLOAT.findall(text)
    assert "nan" not in text.lower().split() and "inf" not in text.lower().split()


def test_training_tab_shows_each_figure_with_its_own_precision(qtbot: QtBot) -> None:
    training = training_card().to_json()
    citations = citations_html(training)
    assert "2.54 kgCO2 per litre" in citations  # was "3": every value had no decimals
    assert "30,840,000 H100-80GB GPU hours" in citations
    assert "3.17 kgCO2e per litre" in citations
    figures = figures_html(training)
    assert "21.6 GWh" in figures and "11 GWh" in figures  # Meta's (worked out) and the article's
    assert "8,930 t CO₂e" in figures and "5,000 t CO₂e" in figures
    assert "16,384 GPUs × 78.4 days" in figures and "16,000 GPUs × 80 days" in figures
    assert "Where they disagree" in figures
    assert "legifrance" in citations and "rte-france" in citations  # its sources, listed


def test_money_in_the_everyday_unit() -> None:
    assert money_text(2.345) == "$2.35"
    assert money_text(0.000875) == "0.088 US cents"
    assert money_text(4.2e-6) == "less than a thousandth of a US cent"


def test_numbers_follow_the_locale() -> None:
    french = QLocale(QLocale.Language.French, QLocale.Country.France)
    assert show_given(2.54, french) == "2,54"
    assert show_given(8930, french).replace("\u202f", " ").replace("\xa0", " ") == "8 930"
    assert show_plain(0.011, french) == "0,011"  # was "0 011"
    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    assert show_given(8930, english) == "8,930" and show_plain(6676, english) == "6,700"


def test_answer_details_show_the_us_grid_without_a_raw_float() -> None:
    """The issue's '384.40000000000003 g CO2e' in the answer details."""
    from desktop.core.footprint import EnergyRange, build_footprint, grid_factors
    from desktop.core.records import AnswerStats
    from desktop.ui.answer_line import details_html

    grid = grid_factors("USA")
    footprint = build_footprint(EnergyRange(0.15, 0.12, 0.2), "measured", grid, "Measured.", [])
    details = details_html(AnswerStats(completion_tokens=10, footprint=footprint, grid=grid))
    assert "United States: 384.4 g CO₂e and 3.1321 L of water per kWh" in details
    assert not RAW_FLOAT.findall(details)
