"""The comparison view: this answer on this computer beside the same answer on Llama 3.1 405B.

It shows the `comparison_405b` object (the same numbers `smaller ask --json` prints). The card is
made to be projected: one headline sentence in multiples, then the rows (memory, machines,
energy, CO2, water, money) with each local figure marked measured or estimated, a log-scale chart
in the theme's colours, and the lines that make the exported PNG stand alone: the question, the
model, the date, both grids, the method and the sources. The datacenter's region can be chosen;
by default it is the user's own grid. The training tab shows the three figures that matter.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.comparison_chart import RatioChart
from desktop.ui.comparison_texts import (
    grid_line,
    method_line,
    precision_words,
    short_question,
    source_line,
    table_rows,
)
from desktop.ui.comparison_texts import money_text as money_text
from desktop.ui.comparison_training import training_widget
from desktop.ui.links import linked
from desktop.ui.memory_picture import MemoryPicture, memory_rows
from desktop.ui.numbers import show_whole

translate = QCoreApplication.translate

# Recomputes the comparison for a datacenter grid zone (None: the user's own grid).
Recompute = Callable[[str | None], dict[str, Any]]


class ComparisonView(QDialog):
    def __init__(
        self,
        comparison: dict[str, Any],
        *,
        explanation: str,
        why_range: str,
        sources: list[str],
        training: dict[str, Any],
        model_name: str,
        scope: str = "",
        app_rss_mb: float | None = None,
        question: str = "",
        zones: list[tuple[str, str]] | None = None,
        recompute: Recompute | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("The same on Llama 3.1 405B"))
        self.resize(1000, 800)
        self.comparison = comparison
        self.explanation, self.why_range, self.sources = explanation, why_range, sources
        self.model_name, self.question, self.app_rss_mb = model_name, question, app_rss_mb
        self.scope = scope
        self.recompute = recompute
        tabs = QTabWidget()
        tabs.addTab(self._answer_tab(zones or []), self.tr("This computer vs 405B"))
        self.training_widget = training_widget(training)
        self.training_browser = self.training_widget.findChild(QTextBrowser, "trainingFigures")
        tabs.addTab(self.training_widget, self.tr("Training the 405B model"))
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        buttons = QHBoxLayout()
        self.export_button = QPushButton(self.tr("Save as picture…"))
        self.export_button.setToolTip(
            self.tr("Save the comparison card as a PNG, to show in a talk")
        )
        self.export_button.clicked.connect(self._export_dialog)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)

    # -- the card ---------------------------------------------------------------------------------
    def _answer_tab(self, zones: list[tuple[str, str]]) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        choose = QHBoxLayout()
        choose.addWidget(QLabel(self.tr("Datacenter's electricity:")))
        self.zone_box = QComboBox()
        self.zone_box.setAccessibleName(self.tr("Where the 405B model's datacenter is"))
        self.zone_box.addItem(self.tr("The same grid as this computer"), None)
        for code, name in zones:
            self.zone_box.addItem(name, code)
        self.zone_box.setEnabled(self.recompute is not None and bool(zones))
        self.zone_box.currentIndexChanged.connect(self._zone_changed)
        choose.addWidget(self.zone_box, 1)
        outer.addLayout(choose)
        self.card = QFrame()
        self.card.setObjectName("comparisonCard")
        self.card.setAutoFillBackground(True)  # the PNG gets the theme's background, not none
        self.card_layout = QVBoxLayout(self.card)
        outer.addWidget(self.card)
        self._fill_card()

        self.more_button = QPushButton(self.tr("What this shows, and what it does not"))
        self.more_button.setCheckable(True)
        outer.addWidget(self.more_button)
        self.more = QTextBrowser()
        self.more.setOpenExternalLinks(True)
        self.more.setVisible(False)
        self.more_button.toggled.connect(self.more.setVisible)
        outer.addWidget(self.more, 1)
        self._fill_more()
        return page

    def _scope_title(self) -> str:
        answers = self.comparison.get("answers", 1)
        if answers > 1:
            return self.tr("Do you need a 405-billion-parameter model for this chat ({n} "
                           "answers)?").format(n=show_whole(answers))  # fmt: skip
        return self.tr("Do you need a 405-billion-parameter model for this answer?")

    def _label(self, text: str, name: str = "", rich: bool = False) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if name:
            label.setObjectName(name)
        return label

    def _fill_card(self) -> None:
        layout = self.card_layout
        _clear(layout)
        c = self.comparison
        layout.addWidget(self._label(f"<h2>{html.escape(self._scope_title())}</h2>", rich=True))
        about = []
        if self.question:
            about.append(self.tr("Question: “{q}”").format(q=short_question(self.question)))
        about.append(self.tr("Model on this computer: {model} · {date}").format(
            model=self.model_name, date=date.today().isoformat()))  # fmt: skip
        self.about_label = self._label("\n".join(about), "cardAbout")
        layout.addWidget(self.about_label)
        headline = c["ratios"]["energy"]["words"]
        self.headline = self._label(f"<b>{html.escape(headline)}</b>", "cardHeadline", rich=True)
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        self.headline.setFont(font)
        layout.addWidget(self.headline)
        grid = QGridLayout()
        headers = ("", self.tr("This computer"), self.tr("Llama 3.1 405B in a datacenter"),
                   self.tr("In plain words"))  # fmt: skip
        for column, text in enumerate(headers):
            grid.addWidget(self._label(f"<b>{html.escape(text)}</b>", rich=True), 0, column)
        self.rows = table_rows(c, self.model_name, self.app_rss_mb)
        for row, cells in enumerate(self.rows, start=1):
            for column, text in enumerate(cells):
                grid.addWidget(self._label(text), row, column)
        for column, stretch in ((1, 2), (2, 3), (3, 4)):
            grid.setColumnStretch(column, stretch)
        layout.addLayout(grid)
        precision = c.get("memory_ratio_precision", "bf16")
        self.memory_picture = MemoryPicture(memory_rows(
            c, c["local"].get("memory_mb") or 0.0, c["memory_gb"][precision],
            precision_words(precision)), self)  # fmt: skip
        layout.addWidget(self.memory_picture)
        self.chart = RatioChart(c["ratios"], self)
        layout.addWidget(self.chart)
        # Sentences are never rewritten: names such as "Llama 3.1" keep their point; the numbers
        # in these lines are written in the locale by show_given.
        lines = [grid_line(c), method_line(c), source_line()]
        self.footnote = self._label("\n".join(line for line in lines if line), "cardFootnote")
        layout.addWidget(self.footnote)

    def _fill_more(self) -> None:
        links = "".join(f"<li>{linked(s)}</li>" for s in self.sources)
        split = self.comparison.get("savings_split", {}).get("words", "")
        self.more.setHtml(
            f"<p>{html.escape(self.explanation)}</p>"
            + (f"<p>{html.escape(split)}</p>" if split else "")
            + f"<p>{html.escape(self.comparison.get('memory_seed_note', ''))}</p>"
            + "<p><b>" + self.tr("Why a range?") + f"</b> {html.escape(self.why_range)}"
            + "</p><p><b>" + self.tr("Sources") + "</b> " + self.tr("(opening one uses the "
            "internet)") + f"</p><ul>{links}</ul>"
        )  # fmt: skip

    def _zone_changed(self, _index: int) -> None:
        if self.recompute is None:
            return
        result = self.recompute(self.zone_box.currentData())
        self.comparison = result["comparison"]
        self.explanation = result.get("explanation", self.explanation)
        self._fill_card()
        self._fill_more()

    # -- export -----------------------------------------------------------------------------------
    def export_png(self, path: Path) -> bool:
        return bool(self.card.grab().save(str(path), "PNG"))

    def _export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the comparison"),
                                              "smaller-vs-405b.png",
                                              self.tr("PNG pictures (*.png)"))  # fmt: skip
        if path:
            self.export_png(Path(path))


def _clear(layout: Any) -> None:
    """Empty a layout (widgets deleted, inner layouts emptied) before the card is refilled."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        inner = item.layout() if item is not None else None
        if widget is not None:
            widget.deleteLater()
        elif inner is not None:
            _clear(inner)
