"""The welcome, the help and About dialogs, the demo panel, and the accessibility helpers."""

from __future__ import annotations

import platform
from collections.abc import Iterator
from importlib import metadata
from typing import Any

import PySide6
import pytest
from PySide6.QtCore import QLocale, QSettings, Qt, qVersion
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop import __version__
from desktop.ui.accessibility import (
    contrast_ratio,
    focus_chain,
    missing_accessible_names,
    tab_order_reaches,
    unreachable_by_tab,
)
from desktop.ui.demo_panel import DemoPanel, format_energy_range
from desktop.ui.help_dialog import AboutDialog, HelpDialog, package_licence, package_version
from desktop.ui.welcome import (
    SHOWN_KEY,
    WelcomeDialog,
    mark_welcome_shown,
    should_show_welcome,
)

MODEL = "SmolLM2-135M-Instruct"


@pytest.fixture(autouse=True)
def english_numbers() -> Iterator[None]:
    # The expected texts below are written with English separators, whatever the machine's locale.
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(previous)


@pytest.fixture(autouse=True)
def fresh_welcome_flag(qapp: Any) -> Iterator[None]:
    # Qt computes QSettings' folder once per process, so the per-test XDG folder of conftest does
    # not isolate it: clear the one key these tests use, before and after.
    QSettings().remove(SHOWN_KEY)
    yield
    QSettings().remove(SHOWN_KEY)


def welcome(qtbot: QtBot) -> WelcomeDialog:
    dialog = WelcomeDialog(MODEL)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def assert_accessible(root: QWidget) -> None:
    assert missing_accessible_names(root) == []
    assert unreachable_by_tab(root) == []


# -- welcome ---------------------------------------------------------------------------------------
def test_welcome_walks_three_screens_with_next_and_back(qtbot: QtBot) -> None:
    dialog = welcome(qtbot)
    assert dialog.pages.count() == 3
    assert dialog.pages.currentIndex() == 0
    assert not dialog.back_button.isEnabled()
    assert dialog.next_button.isVisible() and not dialog.start_button.isVisible()
    dialog.next_button.click()
    assert dialog.pages.currentIndex() == 1
    dialog.back_button.click()
    assert dialog.pages.currentIndex() == 0
    dialog.next_button.click()
    dialog.next_button.click()
    assert dialog.pages.currentIndex() == 2
    assert "Screen 3 of 3" in dialog.step_label.text()
    assert not dialog.next_button.isVisible() and dialog.start_button.isVisible()
    dialog.next()  # past the last screen: stays there
    assert dialog.pages.currentIndex() == 2
    assert dialog.isVisible()


def page_text(dialog: WelcomeDialog, index: int) -> str:
    from PySide6.QtWidgets import QLabel

    return " ".join(label.text() for label in dialog.pages.widget(index).findChildren(QLabel))


def test_welcome_says_what_it_does_and_what_the_model_can_do(qtbot: QtBot) -> None:
    dialog = welcome(qtbot)
    first, second = page_text(dialog, 0), page_text(dialog, 1)
    assert "Nothing you type leaves it" in first and "internet" in first
    assert MODEL in second
    for good in ("e-mail", "summarise", "explain a word"):
        assert good in second
    for bad in ("recent facts", "long reasoning", "exact maths"):
        assert bad in second
    assert "Wh" in second and "CO₂" in second


def test_enter_goes_to_the_next_screen_and_esc_skips(qtbot: QtBot) -> None:
    dialog = welcome(qtbot)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.pages.currentIndex() == 1
    qtbot.keyClick(dialog, Qt.Key.Key_Enter)
    assert dialog.pages.currentIndex() == 2
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not dialog.isVisible()


def test_skip_closes_and_records_that_the_welcome_was_shown(qtbot: QtBot) -> None:
    assert should_show_welcome()
    dialog = welcome(qtbot)
    with qtbot.waitSignal(dialog.finished):
        dialog.skip_button.click()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not should_show_welcome()


def test_shown_once_flag(qapp: Any) -> None:
    assert should_show_welcome()
    mark_welcome_shown()
    assert not should_show_welcome()
    assert QSettings().value(SHOWN_KEY, type=bool) is True


def test_a_suggested_question_is_emitted_and_closes_the_welcome(qtbot: QtBot) -> None:
    dialog = welcome(qtbot)
    dialog.next()
    dialog.next()
    assert len(dialog.suggestion_buttons) == 3
    assert all(button.isVisible() for button in dialog.suggestion_buttons)
    button = dialog.suggestion_buttons[1]
    with qtbot.waitSignal(dialog.question_chosen) as blocker:
        button.click()
    assert blocker.args == [dialog.suggestions[1]]
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not dialog.isVisible()
    assert not should_show_welcome()


def test_start_accepts_without_a_question(qtbot: QtBot) -> None:
    dialog = welcome(qtbot)
    dialog.next()
    dialog.next()
    with qtbot.assertNotEmitted(dialog.question_chosen):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Start is the default on the last screen
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_every_welcome_screen_is_named_and_reachable_by_tab(qtbot: QtBot) -> None:
    dialog = welcome(qtbot)
    for index in range(3):
        assert dialog.pages.currentIndex() == index
        assert_accessible(dialog)
        for button in (dialog.back_button, dialog.next_button, dialog.skip_button):
            assert button.accessibleName()
        dialog.next()
    assert tab_order_reaches(dialog, [*dialog.suggestion_buttons, dialog.start_button])


# -- help and about --------------------------------------------------------------------------------
def test_help_explains_every_number(qtbot: QtBot) -> None:
    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    terms = [
        "token", "tokens/s", "First word", "RAM", "CPU", "Wh", "mWh", "Measured", "Estimated",
        "CO₂", "grams", "milligrams", "electricity grid", "Water", "405B", "range",
        "training", "EcoLogits", "ML.ENERGY",
    ]  # fmt: skip
    missing = [term for term in terms if term not in text]
    assert missing == []


def test_help_links_open_only_on_click(qtbot: QtBot) -> None:
    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    html = dialog.browser.toHtml()
    assert 'href="https://github.com/genai-impact/ecologits"' in html
    assert "<img" not in html  # nothing fetched while the page is shown
    assert dialog.browser.openExternalLinks()


def test_about_shows_versions_and_licences(qtbot: QtBot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    for expected in (
        f"Smaller {__version__}",
        platform.python_version(),
        PySide6.__version__,
        qVersion(),
        metadata.version("gpt4all"),
        metadata.version("ecologits"),
        "SmolLM2-135M-Instruct",
        "Apache-2.0",
        "LGPL",
        "MPL-2.0",
        "MIT",
        "modified",
        "No telemetry",
    ):
        assert expected in text, expected


def test_licences_come_from_the_installed_packages() -> None:
    assert package_licence("ecologits") == "MPL-2.0"
    assert "MIT" in (package_licence("gpt4all") or "")
    assert "LGPL-3.0" in (package_licence("PySide6", "PySide6-Essentials") or "")
    assert package_licence("no-such-package-here") is None
    assert package_version("no-such-package-here") is None


@pytest.mark.parametrize("dialog_class", [HelpDialog, AboutDialog])
def test_help_and_about_are_named_and_reachable_by_tab(
    qtbot: QtBot, dialog_class: type[QDialog]
) -> None:
    dialog = dialog_class()
    qtbot.addWidget(dialog)
    dialog.show()
    assert_accessible(dialog)


# -- demo panel ------------------------------------------------------------------------------------
def test_demo_buttons_emit_their_questions(qtbot: QtBot) -> None:
    panel = DemoPanel()
    qtbot.addWidget(panel)
    questions = [q for _label, q in panel.enough_questions + panel.not_enough_questions]
    assert len(panel.buttons) == 5
    for button, question in zip(panel.buttons, questions, strict=True):
        with qtbot.waitSignal(panel.question_chosen) as blocker:
            button.click()
        assert blocker.args == [question]
    assert "Who won the last football World Cup?" in questions
    assert "Bees visit flowers" in questions[1]  # the paragraph to summarise is in the question


def test_demo_explains_why_the_small_model_fails_there(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QLabel

    panel = DemoPanel()
    qtbot.addWidget(panel)
    text = " ".join(label.text() for label in panel.findChildren(QLabel))
    assert "cannot know recent events" in text
    assert "that is the point" in text


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ((0.025, 0.9, 4.1, 3),
         "This session's 3 answers used 25 mWh; the same on the 405B model: 0.9–4.1 Wh."),
        ((0.0021, 0.05, 0.3, 1),
         "This session's answer used 2.1 mWh; the same on the 405B model: 50–300 mWh."),
        ((1.5, 12.0, 2400.0, 40),
         "This session's 40 answers used 1.5 Wh; the same on the 405B model: 0.012–2.4 kWh."),
    ],
)  # fmt: skip
def test_session_totals_text(
    qtbot: QtBot, values: tuple[float, float, float, int], expected: str
) -> None:
    panel = DemoPanel()
    qtbot.addWidget(panel)
    panel.set_session_totals(*values)
    assert panel.totals_label.text() == expected


@pytest.fixture
def french_numbers() -> Iterator[None]:
    """What install_language("fr") does for numbers: the widgets' locale and the core's writer."""
    from desktop.core.figures import set_number_writer
    from desktop.ui.numbers import locale_writer

    previous = QLocale()
    french = QLocale(QLocale.Language.French, QLocale.Country.France)
    QLocale.setDefault(french)
    set_number_writer(locale_writer(french))
    yield
    QLocale.setDefault(previous)
    set_number_writer(None)


def test_session_totals_use_the_locale_decimal_comma(qtbot: QtBot, french_numbers: None) -> None:
    panel = DemoPanel()
    qtbot.addWidget(panel)
    panel.set_session_totals(0.0025, 0.9, 4.1, 3)
    assert "2,5 mWh" in panel.totals_label.text()
    assert "0,9–4,1 Wh" in panel.totals_label.text()


def test_session_totals_before_any_answer(qtbot: QtBot) -> None:
    panel = DemoPanel()
    qtbot.addWidget(panel)
    assert panel.totals_label.text().startswith("No answers yet")
    panel.set_session_totals(0.0, 0.0, 0.0, 0)
    assert panel.totals_label.text().startswith("No answers yet")


def test_energy_range_formatting() -> None:
    assert format_energy_range(0.9, 4.1) == "0.9–4.1 Wh"
    assert format_energy_range(0.0, 0.004) == "0–4 mWh"
    assert format_energy_range(2.0, 1.0) == "2 Wh to 1 Wh"  # not a range: both shown as they are


def test_demo_panel_is_named_and_reachable_by_tab(qtbot: QtBot) -> None:
    panel = DemoPanel()
    qtbot.addWidget(panel)
    panel.show()
    assert_accessible(panel)
    assert tab_order_reaches(panel, panel.buttons)


# -- accessibility helpers -------------------------------------------------------------------------
def test_contrast_ratio() -> None:
    black, white = QColor("black"), QColor("white")
    assert contrast_ratio(black, white) == pytest.approx(21.0)
    assert contrast_ratio(white, black) == pytest.approx(21.0)
    assert contrast_ratio(QColor("#777777"), white) == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio(QColor("#767676"), white) >= 4.5  # the lightest grey that passes AA
    assert contrast_ratio(QColor("#336699"), QColor("#336699")) == pytest.approx(1.0)


def form(qtbot: QtBot) -> tuple[QWidget, dict[str, QWidget]]:
    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    unnamed = QLineEdit()
    unnamed.setPlaceholderText("Search")  # a placeholder is not a name
    named = QLineEdit()
    named.setAccessibleName("Chat title")
    labelled = QLineEdit()
    rows = QFormLayout()
    rows.addRow("Your name:", labelled)  # a label's buddy is named by the label
    spin = QSpinBox()
    spin.setAccessibleName("Threads")
    text_button = QPushButton("Send")
    icon_button = QPushButton()
    hidden = QLineEdit()
    hidden.setVisible(False)
    disabled = QLineEdit()
    disabled.setEnabled(False)
    for widget in (unnamed, named, spin, text_button, icon_button, hidden, disabled):
        layout.addWidget(widget)
    layout.addLayout(rows)
    widgets = {
        "unnamed": unnamed, "named": named, "labelled": labelled, "spin": spin,
        "text_button": text_button, "icon_button": icon_button,
    }  # fmt: skip
    return root, widgets


def test_missing_accessible_names(qtbot: QtBot) -> None:
    root, w = form(qtbot)
    assert missing_accessible_names(root) == [w["unnamed"], w["icon_button"]]
    w["unnamed"].setAccessibleName("Search chats")
    w["icon_button"].setAccessibleName("Copy")
    assert missing_accessible_names(root) == []


def test_focus_chain_follows_tab_order(qtbot: QtBot) -> None:
    root, w = form(qtbot)
    chain = focus_chain(root)
    # The spin box's own line edit is reached as part of the spin box; hidden and disabled
    # widgets are not reached.
    expected = ["unnamed", "named", "spin", "text_button", "icon_button", "labelled"]
    assert [w[name] for name in expected] == [x for x in chain if x in w.values()]
    assert tab_order_reaches(root, w.values())
    QWidget.setTabOrder(w["text_button"], w["named"])  # "named" now comes after the button
    expected = ["unnamed", "spin", "text_button", "named", "icon_button", "labelled"]
    assert [w[name] for name in expected] == [x for x in focus_chain(root) if x in w.values()]
    w["icon_button"].setFocusPolicy(Qt.FocusPolicy.NoFocus)
    assert not tab_order_reaches(root, [w["icon_button"]])
    assert unreachable_by_tab(root) == [w["icon_button"]]
