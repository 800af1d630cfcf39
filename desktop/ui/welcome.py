"""The first-run welcome: three short screens, then three questions to start the first chat.

Written for someone who has never used a chat assistant: what the app does, that nothing leaves
the laptop, what the model is good and bad at, how to read the cost line under each answer.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.drive_advice import latest_advice_text

SHOWN_KEY = "welcome/shown"


def should_show_welcome() -> bool:
    """True until the welcome has been closed once, however it was closed."""
    return not QSettings().value(SHOWN_KEY, False, type=bool)


def mark_welcome_shown() -> None:
    store = QSettings()
    store.setValue(SHOWN_KEY, True)
    store.sync()


def _text(rich: str) -> QLabel:
    label = QLabel(rich)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    # Selectable by keyboard so a screen-reader user can move through the text.
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                  | Qt.TextInteractionFlag.TextSelectableByMouse)  # fmt: skip
    return label


class WelcomeDialog(QDialog):
    """Emits `question_chosen(text)` and accepts when a suggested question is clicked; Start
    accepts without a question; Skip (or Esc) rejects. Closing it in any way records that the
    welcome was shown, so the window shows it once (Help › Welcome opens it again)."""

    question_chosen = Signal(str)

    def __init__(self, model_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to Smaller"))
        self.setAccessibleName(self.tr("Welcome to Smaller"))
        self.resize(560, 420)
        self.model_name = model_name
        self.pages = QStackedWidget()
        self.pages.addWidget(self._page_what())
        self.pages.addWidget(self._page_model())
        self.pages.addWidget(self._page_start())

        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.setAccessibleName(self.tr("Back to the previous screen"))
        self.skip_button = QPushButton(self.tr("Skip"))
        self.skip_button.setAccessibleName(self.tr("Skip the welcome"))
        self.next_button = QPushButton(self.tr("Next"))
        self.next_button.setAccessibleName(self.tr("Next screen"))
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.setAccessibleName(self.tr("Start chatting"))
        self.step_label = QLabel()
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.skip_button.clicked.connect(self.reject)
        self.start_button.clicked.connect(self.accept)

        buttons = QHBoxLayout()
        buttons.addWidget(self.step_label)
        buttons.addStretch(1)
        for button in (self.skip_button, self.back_button, self.next_button, self.start_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self.finished.connect(lambda _result: mark_welcome_shown())
        self._show_page(0)

    # -- pages ------------------------------------------------------------------------------------
    def _page(self, title: str, *paragraphs: str) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        heading = QLabel(f"<h2>{title}</h2>")
        heading.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(heading)
        for paragraph in paragraphs:
            layout.addWidget(_text(paragraph))
        layout.addStretch(1)
        return page

    def _page_what(self) -> QWidget:
        page = self._page(
            self.tr("A private assistant on your laptop"),
            self.tr("Type a question or a request, press Enter, and Smaller writes an answer."),
            self.tr("The answers are written by a small language model: a program that writes "
                    "text by guessing, word after word, what comes next."),
            self.tr("Everything happens on this computer. Nothing you type leaves it, and no "
                    "internet connection is needed."),
        )  # fmt: skip
        # How one answer goes, in three steps a room can read from the back.
        steps = QHBoxLayout()
        for number, title, text in (
            ("1", self.tr("You ask"), self.tr("a question, or a text to rewrite or summarise")),
            ("2", self.tr("This computer answers"),
             self.tr("the model runs here: no account, no internet, nothing sent")),
            ("3", self.tr("You see the cost"),
             self.tr("time, electricity and CO₂ of each answer, beside a giant model's")),
        ):  # fmt: skip
            card = QFrame()
            card.setObjectName("welcomeStep")
            box = QVBoxLayout(card)
            label = QLabel(f"<p style='font-size:20pt'><b>{number}</b></p><p><b>{title}</b></p>"
                           f"<p>{text}</p>")  # fmt: skip
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            label.setAccessibleName(f"{number}. {title}: {text}")
            box.addWidget(label)
            steps.addWidget(card, 1)
        layout = page.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(layout.count() - 1, steps)  # above the closing stretch
        return page

    def _page_model(self) -> QWidget:
        good = "".join(f"<li>{item}</li>" for item in (
            self.tr("rewrite an e-mail in a different tone"),
            self.tr("summarise a paragraph"),
            self.tr("explain a word or an idea simply"),
        ))  # fmt: skip
        bad = "".join(f"<li>{item}</li>" for item in (
            self.tr("recent facts: it learned from texts written before a fixed date and cannot "
                    "look anything up"),
            self.tr("long reasoning over many steps"),
            self.tr("exact maths"),
        ))  # fmt: skip
        measured = latest_advice_text(self.model_name)  # from a test drive on this computer
        extra = [self.tr("Measured on this computer (test drive):") + " " + html.escape(measured)] if measured else []  # fmt: skip
        return self._page(
            self.tr("The model: {model}").format(model=html.escape(self.model_name)),
            self.tr("This model is small, so it runs on an ordinary laptop. It can also be wrong "
                    "while sounding sure of itself."),
            self.tr("Good at:") + f"<ul>{good}</ul>",
            self.tr("Not good at:") + f"<ul>{bad}</ul>",
            *extra,
            self.tr("Under each answer, one line says how long it took and what it cost: the "
                    "electricity the computer used (in Wh, watt-hours) and the CO₂ released to "
                    "produce that electricity. Lengths are counted in tokens: pieces of words, "
                    "about three quarters of a word each."),
            self.tr("“Compare with 405B” shows the same answer on a very large model in a "
                    "datacenter. Help › What the numbers mean explains every figure."),
        )  # fmt: skip

    def _page_start(self) -> QWidget:
        page = self._page(
            self.tr("Try one of these first questions"),
            self.tr("Click a question to ask it, or press Start and type your own."),
        )
        self.suggestions = [
            self.tr("Explain the word “photosynthesis” in simple words."),
            self.tr("Rewrite this message so it sounds polite: “Send me the report now.”"),
            self.tr("Give me three ideas for a rainy Sunday afternoon."),
        ]
        self.suggestion_buttons: list[QPushButton] = []
        layout = page.layout()
        assert isinstance(layout, QVBoxLayout)
        for index, question in enumerate(self.suggestions):
            button = QPushButton(question)
            button.setAccessibleName(self.tr("Ask: {question}").format(question=question))
            # Enter on a focused suggestion asks it; otherwise Enter means Start (the default).
            button.setAutoDefault(True)
            button.clicked.connect(lambda _checked=False, q=question: self.choose(q))
            layout.insertWidget(2 + index, button)
            self.suggestion_buttons.append(button)
        return page

    # -- navigation -------------------------------------------------------------------------------
    def _show_page(self, index: int) -> None:
        last = self.pages.count() - 1
        self.pages.setCurrentIndex(index)
        self.back_button.setEnabled(index > 0)
        self.next_button.setVisible(index < last)
        self.skip_button.setVisible(index < last)
        self.start_button.setVisible(index == last)
        # The default button is what Enter presses when no other button has the focus.
        default = self.start_button if index == last else self.next_button
        default.setDefault(True)
        default.setFocus()
        self.step_label.setText(
            self.tr("Screen {current} of {total}").format(current=index + 1, total=last + 1)
        )

    def next(self) -> None:
        if self.pages.currentIndex() < self.pages.count() - 1:
            self._show_page(self.pages.currentIndex() + 1)

    def back(self) -> None:
        if self.pages.currentIndex() > 0:
            self._show_page(self.pages.currentIndex() - 1)

    def choose(self, question: str) -> None:
        self.question_chosen.emit(question)
        self.accept()
