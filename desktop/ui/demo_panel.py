"""Demo mode's panel: ready questions that show where a small model is enough and where it is
not, and the running total of the session beside the same on the 405B model.

Made for a presenter in front of a room: one click asks a question that makes the point, and
the total line gives the take-away sentence. The window applies the large fonts.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.core.footprint import format_energy
from desktop.core.footprint.answer import plain_number
from desktop.ui.numbers import show_whole

# The units format_energy() uses, to write a range in the unit of its high end.
_ENERGY_UNITS = {"kWh": 1000.0, "Wh": 1.0, "mWh": 1e-3, "µWh": 1e-6}


def format_energy_range(low_wh: float, high_wh: float) -> str:
    """'0.9–4.1 Wh': both ends in the unit of the high end, so the range reads as one quantity
    (format_energy alone would give '900 mWh–4.1 Wh'). Numbers in the window's locale, like
    format_energy's: '0,9–4,1 Wh' in French."""
    high = format_energy(high_wh)
    number, _, unit = high.rpartition(" ")
    size = _ENERGY_UNITS.get(unit)
    if size is None or low_wh < 0 or low_wh > high_wh:
        return QCoreApplication.translate("DemoPanel", "{low} to {high}").format(
            low=format_energy(low_wh), high=high
        )
    low = plain_number(low_wh / size) if low_wh else "0"
    return f"{low}–{number} {unit}"


def _label(text: str, object_name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if object_name:
        label.setObjectName(object_name)
    return label


class DemoPanel(QWidget):
    """Buttons that emit `question_chosen(text)` with a ready question; `set_session_totals()`
    updates the take-away line."""

    question_chosen = Signal(str)
    compare_chosen = Signal(str)  # "small vs tiny vs 405B": the question for Compare models

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Demo questions"))
        self.title = _label(self.tr("What a small model can and cannot do"), "demoTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        # Bold only: the window scales every font in demo mode, this keeps the title distinct.
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        # (button label, question sent): the label is short for the projector, the question is
        # complete so that the model has what it needs (the paragraph to summarise, say).
        self.enough_questions = [
            (
                self.tr("Rewrite an e-mail politely"),
                self.tr(
                    "Rewrite this e-mail so that it is polite and friendly: “I still haven't got "
                    "the invoice. Send it today.”"
                ),
            ),
            (
                self.tr("Summarise a paragraph"),
                self.tr(
                    "Summarise this paragraph in one sentence: “Bees visit flowers to collect "
                    "nectar, which they turn into honey. While they do so, pollen sticks to their "
                    "bodies and is carried from flower to flower. This lets many plants make "
                    "fruit and seeds, so much of the food we eat depends on bees.”"
                ),
            ),
            (
                self.tr("Explain a word"),
                self.tr("Explain the word “recycling” in simple words."),
            ),
        ]
        self.not_enough_questions = [
            (
                self.tr("A recent fact"),
                self.tr("Who won the last football World Cup?"),
            ),
            (
                self.tr("Maths in several steps"),
                self.tr(
                    "Pencils cost 1.20 euros for 3. How much do 17 pencils cost, and how much "
                    "change do you get from 10 euros? Show each step."
                ),
            ),
        ]
        self.buttons: list[QPushButton] = []
        enough = self._group(self.tr("A small model is enough"), self.enough_questions)
        not_enough = self._group(
            self.tr("Where a small model is not enough"), self.not_enough_questions
        )
        recent_note = _label(
            self.tr(
                "It learned from texts written before a fixed date and cannot look anything up, "
                "so it cannot know recent events."
            )
        )
        point = _label(
            self.tr(
                "Here the small model may answer wrongly, and sound sure of itself: that is the "
                "point. Check such answers, or use a bigger tool for them."
            )
        )
        group_layout = not_enough.layout()
        assert isinstance(group_layout, QVBoxLayout)
        group_layout.insertWidget(1, recent_note)  # right under the recent-fact button
        group_layout.addWidget(point)
        self.compare_question = self.tr("What is 17 times 23? Answer with the number.")
        compare = QGroupBox(self.tr("Small vs tiny vs 405B"))
        self.compare_button = QPushButton(self.tr("One question, two models"))
        self.compare_button.setToolTip(self.tr("Answered in turn by the installed models, side by side with their cost and the 405B estimate: {question}").format(question=self.compare_question))  # fmt: skip
        self.compare_button.clicked.connect(lambda: self.compare_chosen.emit(self.compare_question))  # fmt: skip
        QVBoxLayout(compare).addWidget(self.compare_button)
        self.totals_label = _label("", "demoTotals")
        self.totals_label.setAccessibleName(self.tr("Session total"))
        self.set_session_totals(0.0, 0.0, 0.0, 0)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(enough)
        layout.addWidget(not_enough)
        layout.addWidget(compare)
        layout.addWidget(self.totals_label)
        layout.addStretch(1)

    def _group(self, title: str, questions: list[tuple[str, str]]) -> QGroupBox:
        group = QGroupBox(title)
        layout = QVBoxLayout(group)
        for label, question in questions:
            button = QPushButton(label)
            button.setAccessibleName(label)
            # The full question, read by screen readers and shown on hover.
            button.setAccessibleDescription(question)
            button.setToolTip(question)
            button.clicked.connect(lambda _checked=False, q=question: self.question_chosen.emit(q))
            layout.addWidget(button)
            self.buttons.append(button)
        return group

    def set_session_totals(
        self, local_wh: float, big_low_wh: float, big_high_wh: float, answers: int
    ) -> None:
        """'This session's 3 answers used 25 mWh; the same on the 405B model: 0.9–4.1 Wh.'"""
        if answers <= 0:
            text = self.tr(
                "No answers yet in this session: click a question above, or type your own."
            )
        else:
            values = {
                "n": show_whole(answers),
                # The core writes its numbers in the window's locale: the sentence is not touched.
                "local": format_energy(local_wh),
                "big": format_energy_range(big_low_wh, big_high_wh),
            }
            # Two sentences rather than a plural form: French reads 0 and 1 as singular,
            # and 0 never reaches here.
            if answers == 1:
                text = self.tr(
                    "This session's answer used {local}; the same on the 405B model: {big}."
                )
            else:
                text = self.tr(
                    "This session's {n} answers used {local}; the same on the 405B model: {big}."
                )
            text = text.format(**values)
        self.totals_label.setText(text)
