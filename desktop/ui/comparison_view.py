"""The comparison view: this answer on this laptop beside the same answer on Llama 3.1 405B.

It shows the `comparison_405b` object (the same numbers `smaller ask --json` prints): memory,
machines, energy, CO2 and water, money, each with its ratio in plain words; a log-scale chart of
how many times more the 405B model uses; what the comparison does and does not show; the sources;
the one-off cost of training the 405B model. The card can be saved as a PNG for a talk.
"""

from __future__ import annotations

import html
import math
from pathlib import Path
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
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

from desktop.core.footprint import format_co2, format_energy, format_water
from desktop.ui.links import linked

LOCAL_COLOUR = "#2f6f4f"
BIG_COLOUR = "#b5533c"
ROWS = ("memory", "energy", "co2", "water", "cost")
ROW_TITLES = {"memory": "Memory", "energy": "Energy", "co2": "CO₂", "water": "Water",
              "cost": "Money"}  # fmt: skip


def _money(usd: float) -> str:
    if usd >= 0.01:
        return f"${usd:,.2f}"
    return f"{usd * 100:.2g} US cents" if usd >= 1e-4 else f"{usd * 1e6:.2g} millionths of $1"


def _range(low: float, high: float, fmt: Any) -> str:
    return f"{fmt(low)} to {fmt(high)}"


def table_rows(
    c: dict[str, Any], model_name: str, app_rss_mb: float | None = None
) -> list[tuple[str, str, str, str]]:
    """(what, this laptop, the 405B model, in plain words) for each row of the card."""
    local = c["local"]
    ratios = c["ratios"]
    memory_gb = c["memory_gb"]
    local_memory = f"{local['memory_mb']:.0f} MB ({local.get('memory_source', 'measured')})"
    if app_rss_mb:
        local_memory += f"; the whole app used {app_rss_mb:.0f} MB at most (measured)"
    big_memory = (
        f"{memory_gb['bf16']:,.0f} GB in 16-bit, {memory_gb['fp8']:,.0f} GB in 8-bit, "
        f"{memory_gb['int4']:,.0f} GB in 4-bit (the seed article's 32-bit: "
        f"{memory_gb['fp32_seed']:,.0f} GB)"
    )
    energy, co2, water, cost = c["energy_wh"], c["co2_g"], c["water_ml"], c["cost_usd"]
    return [
        ("Memory to hold the model", local_memory, big_memory, ratios["memory"]["words"]),
        ("Machines", f"this computer, running {model_name}",
         f"{c['gpus']} GPUs of {c['gpu_memory_gb']:.0f} GB; the same memory as "
         f"{c['laptops_16gb']} laptops of 16 GB", ""),
        ("Energy for this answer", f"{format_energy(local['energy_wh'])}",
         _range(energy["low"], energy["high"], format_energy), ratios["energy"]["words"]),
        ("CO₂", format_co2(local["co2_g"]), _range(co2["low"], co2["high"], format_co2),
         ratios["co2"]["words"]),
        ("Water", format_water(local["water_ml"]),
         _range(water["low"], water["high"], format_water), ratios["water"]["words"]),
        ("Money", f"{_money(local['cost_usd'])} of electricity",
         f"{_range(cost['low'], cost['high'], _money)} at API prices", ratios["cost"]["words"]),
    ]  # fmt: skip


class RatioChart(pg.PlotWidget):
    """How many times more the 405B model uses, low to high, on a log scale (1× = this laptop)."""

    def __init__(self, ratios: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent, background="w")
        self.setAccessibleName("Chart: how many times more the 405B model uses")
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.setMinimumHeight(190)
        rows = [r for r in ROWS if ratios.get(r, {}).get("times_high")]
        lows = [math.log10(max(ratios[r]["times_low"], 1e-3)) for r in rows]
        highs = [math.log10(max(ratios[r]["times_high"], 1e-3)) for r in rows]
        xs = list(range(len(rows)))
        self.addItem(pg.BarGraphItem(x=[x - 0.18 for x in xs], height=lows, width=0.34,
                                     brush=BIG_COLOUR + "99", pen=None))  # fmt: skip
        self.addItem(pg.BarGraphItem(x=[x + 0.18 for x in xs], height=highs, width=0.34,
                                     brush=BIG_COLOUR, pen=None))  # fmt: skip
        self.addItem(pg.InfiniteLine(pos=0, angle=0, pen=pg.mkPen(LOCAL_COLOUR, width=2)))
        top = max(highs + [1.0])
        self.setYRange(min(lows + [0.0]) - 0.2, math.ceil(top) + 0.2, padding=0)
        ticks = [(float(p), f"{10**p:,}×") for p in range(math.floor(min(lows + [0])),
                                                             math.ceil(top) + 1)]  # fmt: skip
        self.getAxis("left").setTicks([ticks])
        self.getAxis("bottom").setTicks(
            [[(x, ROW_TITLES[r]) for x, r in zip(xs, rows, strict=True)]]
        )
        self.setTitle("405B ÷ this laptop (log scale; light: low estimate, dark: high; line: 1×)",
                      size="9pt")  # fmt: skip
        self.rows = rows


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
        scope: str = "this answer",
        app_rss_mb: float | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("The same on Llama 3.1 405B")
        self.resize(980, 760)
        self.comparison = comparison
        tabs = QTabWidget()
        self.app_rss_mb = app_rss_mb
        tabs.addTab(self._answer_tab(comparison, explanation, why_range, sources, model_name,
                                     scope), "This laptop vs 405B")  # fmt: skip
        tabs.addTab(self._training_tab(training), "Training the 405B model")
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        buttons = QHBoxLayout()
        self.export_button = QPushButton("Save as picture…")
        self.export_button.setToolTip("Save the comparison card as a PNG, to show in a talk")
        self.export_button.clicked.connect(self._export_dialog)
        close = QPushButton("Close")
        close.clicked.connect(self.accept)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)

    def _answer_tab(self, c: dict[str, Any], explanation: str, why_range: str,
                    sources: list[str], model_name: str, scope: str) -> QWidget:  # fmt: skip
        page = QWidget()
        outer = QVBoxLayout(page)
        self.card = QFrame()
        self.card.setObjectName("comparisonCard")
        card = QVBoxLayout(self.card)
        title = QLabel(
            f"<h2>Do you need a 405-billion-parameter model for {html.escape(scope)}?</h2>"
        )
        title.setWordWrap(True)
        card.addWidget(title)
        self.headline = QLabel(f"<b>{html.escape(c['ratios']['energy']['words'])}</b>")
        self.headline.setWordWrap(True)
        card.addWidget(self.headline)
        grid = QGridLayout()
        headers = ("", "This laptop", "Llama 3.1 405B in a datacenter", "In plain words")
        for column, text in enumerate(headers):
            grid.addWidget(QLabel(f"<b>{text}</b>"), 0, column)
        self.rows = table_rows(c, model_name, self.app_rss_mb)
        for row, cells in enumerate(self.rows, start=1):
            for column, text in enumerate(cells):
                label = QLabel(text)
                label.setWordWrap(True)
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                grid.addWidget(label, row, column)
        grid.setColumnStretch(3, 1)
        card.addLayout(grid)
        self.chart = RatioChart(c["ratios"])
        card.addWidget(self.chart)
        source_line = QLabel("Estimates: EcoLogits (high), ML.ENERGY measurements (low). "
                             "Details and sources below.")  # fmt: skip
        source_line.setObjectName("cardFootnote")
        card.addWidget(source_line)
        outer.addWidget(self.card)

        self.more_button = QPushButton("What this shows, and what it does not")
        self.more_button.setCheckable(True)
        outer.addWidget(self.more_button)
        self.more = QTextBrowser()
        self.more.setOpenExternalLinks(True)
        links = "".join(f"<li>{linked(s)}</li>" for s in sources)
        self.more.setHtml(
            f"<p>{html.escape(explanation)}</p><p><b>Why a range?</b> {html.escape(why_range)}</p>"
            f"<p><b>Sources</b> (opening one uses the internet)</p><ul>{links}</ul>"
        )
        self.more.setVisible(False)
        self.more_button.toggled.connect(self.more.setVisible)
        outer.addWidget(self.more, 1)
        return page

    def _training_tab(self, training: dict[str, Any]) -> QWidget:
        browser = QTextBrowser()
        browser.setOpenExternalLinks(True)
        parts = ["<h3>The one-off cost of building Llama 3.1 405B</h3>"]
        for key, title in (("meta", "Meta's own figures (model card)"),
                           ("seed", "The seed article's figures")):  # fmt: skip
            rows = "".join(
                f"<tr><td>{f['value']:,.0f} {html.escape(f['unit'])}</td>"
                f"<td>{html.escape(f.get('note', ''))}<br><small>{linked(f['source'])}, "
                f"{html.escape(str(f.get('date', '')))}</small></td></tr>"
                for f in training.get(key, [])
            )
            parts.append(f"<h4>{title}</h4><table cellpadding='4'>{rows}</table>")
        notes = "".join(
            f"<li><b>{html.escape(d['topic'])}</b>: {html.escape(d['text'])}</li>"
            for d in training.get("disagreements", [])
        )
        parts.append(f"<h4>Where they disagree, and why</h4><ul>{notes}</ul>")
        browser.setHtml("".join(parts))
        self.training_browser = browser
        return browser

    def export_png(self, path: Path) -> bool:
        return bool(self.card.grab().save(str(path), "PNG"))

    def _export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Save the comparison", "smaller-vs-405b.png",
                                              "PNG pictures (*.png)")  # fmt: skip
        if path:
            self.export_png(Path(path))
