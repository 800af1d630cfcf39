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
import math
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPalette
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

from desktop.core.figures import MONEY_CENTS, MONEY_DOLLARS, everyday_money
from desktop.core.footprint import format_co2, format_energy, format_water
from desktop.ui.answer_line import method_word
from desktop.ui.comparison_training import training_widget
from desktop.ui.links import linked
from desktop.ui.memory_picture import MemoryPicture, memory_rows
from desktop.ui.numbers import localized, show, show_given, show_plain

BIG_COLOUR = "#b5533c"
ROWS = ("memory", "energy", "co2", "water", "cost")
QUESTION_CHARS = 90  # the question on the card, shortened: the card is for a room, not a log
translate = QCoreApplication.translate

# Recomputes the comparison for a datacenter grid zone (None: the user's own grid).
Recompute = Callable[[str | None], dict[str, Any]]


def row_title(row: str) -> str:
    titles = {
        "memory": translate("ComparisonView", "Memory"),
        "energy": translate("ComparisonView", "Energy"),
        "co2": "CO₂",
        "water": translate("ComparisonView", "Water"),
        "cost": translate("ComparisonView", "Money"),
    }
    return titles[row]


def money_text(usd: float) -> str:
    """Money in the everyday unit: '$1.20', '0.088 US cents', 'less than a thousandth of a
    US cent'."""
    unit, shown = everyday_money(usd)
    if unit == MONEY_DOLLARS:
        return translate("ComparisonView", "${n}").format(n=show(shown))
    if unit == MONEY_CENTS:
        return translate("ComparisonView", "{n} US cents").format(n=show(shown))
    return translate("ComparisonView", "less than a thousandth of a US cent")


def _range(low: float, high: float, fmt: Any) -> str:
    return translate("ComparisonView", "{low} to {high}").format(
        low=localized(fmt(low)), high=localized(fmt(high))
    )


def _price_dates(cost: dict[str, Any]) -> str:
    """The span of the API prices' dates: '2025-07-03 to 2026-08-19'."""
    dates = sorted(str(p["date"]) for p in cost.get("prices", {}).values())
    if not dates:
        return ""
    if dates[0] == dates[-1]:
        return dates[0]
    return translate("ComparisonView", "{low} to {high}").format(low=dates[0], high=dates[-1])


def _precision_words(precision: str) -> str:
    words = {
        "int4": translate("ComparisonView", "4-bit"),
        "fp8": translate("ComparisonView", "8-bit"),
        "bf16": translate("ComparisonView", "16-bit"),
        "fp32_seed": translate("ComparisonView", "32-bit"),
    }
    return words.get(precision, precision)


def short_question(question: str) -> str:
    text = " ".join(question.split())
    return text if len(text) <= QUESTION_CHARS else text[: QUESTION_CHARS - 1].rstrip() + "…"


def table_rows(
    c: dict[str, Any], model_name: str, app_rss_mb: float | None = None
) -> list[tuple[str, str, str, str]]:
    """(what, this computer, the 405B model, in plain words) for each row of the card."""
    local, ratios, memory_gb = c["local"], c["ratios"], c["memory_gb"]
    marker = method_word(local.get("method", "estimated"))
    precision = c.get("memory_ratio_precision", "bf16")
    local_memory = translate("ComparisonView", "{mb} MB (model file, measured)").format(
        mb=show_plain(local["memory_mb"] or 0)
    )
    if app_rss_mb:
        local_memory += translate(
            "ComparisonView", "; the whole app used {mb} MB at most (measured)"
        ).format(mb=show_plain(app_rss_mb))
    big_memory = translate(
        "ComparisonView", "{same} GB in {bits}, like this model; {bf16} GB in 16-bit, as released"
    ).format(same=show_given(memory_gb[precision]), bits=_precision_words(precision),
             bf16=show_given(memory_gb["bf16"]))  # fmt: skip
    machines = translate(
        "ComparisonView",
        "{gpus} GPUs of {gb} GB ({total} GB) to hold the {served} GB it needs in 16-bit: the "
        "memory of {laptops} laptops of 16 GB",
    ).format(gpus=c["gpus"], gb=show_given(c["gpu_memory_gb"]),
             total=show_given(c["gpus"] * c["gpu_memory_gb"]),
             served=show_plain(c["served_memory_gb"]), laptops=c["laptops_16gb"])  # fmt: skip
    energy, co2, water, cost = c["energy_wh"], c["co2_g"], c["water_ml"], c["cost_usd"]
    what = translate("ComparisonView", "{value} ({method})")
    answers = c.get("answers", 1)
    energy_title = (translate("ComparisonView", "Energy for this answer") if answers <= 1
                    else translate("ComparisonView", "Energy for this chat"))  # fmt: skip
    return [
        (translate("ComparisonView", "Memory to hold the model"), localized(local_memory),
         localized(big_memory), localized(ratios["memory"]["words"])),
        (translate("ComparisonView", "Machines"),
         translate("ComparisonView", "this computer, running {model}").format(model=model_name),
         localized(machines), ""),
        (energy_title,
         what.format(value=localized(format_energy(local["energy_wh"])), method=marker),
         _range(energy["low"], energy["high"], format_energy), localized(ratios["energy"]["words"])),
        ("CO₂", what.format(value=localized(format_co2(local["co2_g"])), method=marker),
         _range(co2["low"], co2["high"], format_co2), localized(ratios["co2"]["words"])),
        (translate("ComparisonView", "Water"),
         what.format(value=localized(format_water(local["water_ml"])), method=marker),
         _range(water["low"], water["high"], format_water), localized(ratios["water"]["words"])),
        (translate("ComparisonView", "Money"),
         translate("ComparisonView", "{money} of electricity ({method})").format(
             money=money_text(local["cost_usd"]), method=marker),
         translate("ComparisonView", "{low} to {high} at API prices ({dates})").format(
             low=money_text(cost["low"]), high=money_text(cost["high"]),
             dates=_price_dates(cost)),
         localized(ratios["cost"]["words"])),
    ]  # fmt: skip


def grid_line(c: dict[str, Any]) -> str:
    """Both grids, named: the PNG must say which electricity each side counts."""
    grids = c.get("grids", {})
    local, center = grids.get("local", {}), grids.get("datacenter", {})
    if not local or not center:
        return ""
    per_kwh = translate("ComparisonView", "{name} ({g} g CO₂e per kWh)")
    mine = per_kwh.format(name=local["name"], g=show_given(local["gco2_per_kwh"]))
    theirs = per_kwh.format(name=center["name"], g=show_given(center["gco2_per_kwh"]))
    if center.get("chosen_by") == "user":
        how = translate("ComparisonView", "chosen here")
    else:
        how = translate("ComparisonView", "by default the same grid as this computer")
    return translate(
        "ComparisonView",
        "Electricity: this computer on {mine}; the datacenter on {theirs}, {how}, with the "
        "overhead and water use of {center}.",
    ).format(mine=mine, theirs=theirs, how=how, center=center.get("pue_and_wue_of", ""))


def method_line(c: dict[str, Any]) -> str:
    local = c.get("local", {})
    return translate(
        "ComparisonView",
        "This computer: {method}. The 405B model, for the same prompt read and the same number "
        "of answer tokens ({tokens}): low end ML.ENERGY, measured then scaled to the whole datacenter; high end "
        "EcoLogits' model; reading the prompt by Epoch AI's FLOP method.",
    ).format(method=method_word(local.get("method", "estimated")), tokens=c["output_tokens"])


def source_line() -> str:
    return translate(
        "ComparisonView",
        "Sources: ML.ENERGY Leaderboard v3.0; EcoLogits; Epoch AI (2025); Google (2025); Pope et "
        "al. (2022); API prices from genai-prices and Artificial Analysis. Made with Smaller.",
    )


class RatioChart(pg.PlotWidget):
    """How many times more the 405B model uses, low to high, on a log scale (1× = this
    computer), in the theme's colours and the locale's numbers."""

    def __init__(self, ratios: dict[str, Any], parent: QWidget | None = None) -> None:
        palette = (parent or QWidget()).palette()
        base = palette.color(QPalette.ColorRole.Base).name()
        text = palette.color(QPalette.ColorRole.Text).name()
        super().__init__(parent, background=base)
        self.setAccessibleName(self.tr("Chart: how many times more the 405B model uses"))
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.setMinimumHeight(190)
        rows = [r for r in ROWS if (ratios.get(r) or {}).get("times_high")]
        lows = [math.log10(max(ratios[r]["times_low"], 1e-3)) for r in rows]
        highs = [math.log10(max(ratios[r]["times_high"], 1e-3)) for r in rows]
        xs = list(range(len(rows)))
        self.addItem(pg.BarGraphItem(x=[x - 0.18 for x in xs], height=lows, width=0.34,
                                     brush=BIG_COLOUR + "99", pen=None))  # fmt: skip
        self.addItem(pg.BarGraphItem(x=[x + 0.18 for x in xs], height=highs, width=0.34,
                                     brush=BIG_COLOUR, pen=None))  # fmt: skip
        self.addItem(pg.InfiniteLine(pos=0, angle=0, pen=pg.mkPen(text, width=2)))
        top = max(highs + [1.0])
        self.setYRange(min(lows + [0.0]) - 0.2, math.ceil(top) + 0.2, padding=0)
        powers = range(math.floor(min(lows + [0])), math.ceil(top) + 1)
        ticks = [(float(p), show_plain(10.0**p) + "×") for p in powers]
        for side in ("left", "bottom"):
            axis = self.getAxis(side)
            axis.setPen(pg.mkPen(text))
            axis.setTextPen(pg.mkPen(text))
        self.getAxis("left").setTicks([ticks])
        self.getAxis("left").setWidth(70)  # room for '10,000×' in any locale
        self.getAxis("bottom").setTicks(
            [[(x, row_title(r)) for x, r in zip(xs, rows, strict=True)]]
        )
        self.setTitle(self.tr("The 405B model ÷ this computer, log scale (light: low estimate, "
                              "dark: high; line: the same)"), size="9pt", color=text)  # fmt: skip
        self.rows = rows
        self.tick_labels = [label for _, label in ticks]


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
                           "answers)?").format(n=answers)  # fmt: skip
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
            model=self.model_name, date=localized(date.today().isoformat())))  # fmt: skip
        self.about_label = self._label("\n".join(about), "cardAbout")
        layout.addWidget(self.about_label)
        headline = localized(c["ratios"]["energy"]["words"])
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
            _precision_words(precision)), self)  # fmt: skip
        layout.addWidget(self.memory_picture)
        self.chart = RatioChart(c["ratios"], self)
        layout.addWidget(self.chart)
        # Not through localized(): names such as "Llama 3.1" must keep their point; the numbers
        # in these lines are already written in the locale by show_given.
        lines = [grid_line(c), method_line(c), source_line()]
        self.footnote = self._label("\n".join(line for line in lines if line), "cardFootnote")
        layout.addWidget(self.footnote)

    def _fill_more(self) -> None:
        links = "".join(f"<li>{linked(s)}</li>" for s in self.sources)
        split = self.comparison.get("savings_split", {}).get("words", "")
        self.more.setHtml(
            f"<p>{html.escape(localized(self.explanation))}</p>"
            + (f"<p>{html.escape(localized(split))}</p>" if split else "")
            + f"<p>{html.escape(localized(self.comparison.get('memory_seed_note', '')))}</p>"
            + "<p><b>" + self.tr("Why a range?") + f"</b> {html.escape(localized(self.why_range))}"
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
