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
from PySide6.QtCore import QCoreApplication, Qt
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
from desktop.ui.numbers import localized

LOCAL_COLOUR = "#2f6f4f"
BIG_COLOUR = "#b5533c"
ROWS = ("memory", "energy", "co2", "water", "cost")
translate = QCoreApplication.translate


def row_title(row: str) -> str:
    titles = {
        "memory": translate("ComparisonView", "Memory"),
        "energy": translate("ComparisonView", "Energy"),
        "co2": "CO₂",
        "water": translate("ComparisonView", "Water"),
        "cost": translate("ComparisonView", "Money"),
    }
    return titles[row]


def _money(usd: float) -> str:
    if usd >= 0.01:
        return localized(f"${usd:,.2f}")
    if usd >= 1e-4:
        return translate("ComparisonView", "{n} US cents").format(n=localized(f"{usd * 100:.2g}"))
    return translate("ComparisonView", "{n} millionths of $1").format(
        n=localized(f"{usd * 1e6:.2g}")
    )


def _range(low: float, high: float, fmt: Any) -> str:
    return translate("ComparisonView", "{low} to {high}").format(
        low=localized(fmt(low)), high=localized(fmt(high))
    )


def table_rows(
    c: dict[str, Any], model_name: str, app_rss_mb: float | None = None
) -> list[tuple[str, str, str, str]]:
    """(what, this laptop, the 405B model, in plain words) for each row of the card."""
    local = c["local"]
    ratios = c["ratios"]
    memory_gb = c["memory_gb"]
    local_memory = translate("ComparisonView", "{mb} MB (model file)").format(
        mb=f"{local['memory_mb']:.0f}"
    )
    if app_rss_mb:
        local_memory += translate(
            "ComparisonView", "; the whole app used {mb} MB at most (measured)"
        ).format(mb=f"{app_rss_mb:.0f}")
    big_memory = localized(
        translate(
            "ComparisonView",
            "{bf16} GB in 16-bit, {fp8} GB in 8-bit, {int4} GB in 4-bit (the seed article's 32-bit: {fp32} GB)",
        ).format(
            bf16=f"{memory_gb['bf16']:,.0f}", fp8=f"{memory_gb['fp8']:,.0f}",
            int4=f"{memory_gb['int4']:,.0f}", fp32=f"{memory_gb['fp32_seed']:,.0f}",
        )
    )  # fmt: skip
    energy, co2, water, cost = c["energy_wh"], c["co2_g"], c["water_ml"], c["cost_usd"]
    return [
        (translate("ComparisonView", "Memory to hold the model"), local_memory, big_memory,
         localized(ratios["memory"]["words"])),
        (translate("ComparisonView", "Machines"),
         translate("ComparisonView", "this computer, running {model}").format(model=model_name),
         translate("ComparisonView", "{gpus} GPUs of {gb} GB; the same memory as {laptops} laptops of 16 GB").format(
             gpus=c["gpus"], gb=f"{c['gpu_memory_gb']:.0f}", laptops=c["laptops_16gb"]), ""),
        (translate("ComparisonView", "Energy for this answer"),
         localized(format_energy(local["energy_wh"])),
         _range(energy["low"], energy["high"], format_energy), localized(ratios["energy"]["words"])),
        ("CO₂", localized(format_co2(local["co2_g"])), _range(co2["low"], co2["high"], format_co2),
         localized(ratios["co2"]["words"])),
        (translate("ComparisonView", "Water"), localized(format_water(local["water_ml"])),
         _range(water["low"], water["high"], format_water), localized(ratios["water"]["words"])),
        (translate("ComparisonView", "Money"),
         translate("ComparisonView", "{money} of electricity").format(money=_money(local["cost_usd"])),
         translate("ComparisonView", "{range} at API prices").format(
             range=_range(cost["low"], cost["high"], _money)), localized(ratios["cost"]["words"])),
    ]  # fmt: skip


class RatioChart(pg.PlotWidget):
    """How many times more the 405B model uses, low to high, on a log scale (1× = this laptop)."""

    def __init__(self, ratios: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent, background="w")
        self.setAccessibleName(self.tr("Chart: how many times more the 405B model uses"))
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
            [[(x, row_title(r)) for x, r in zip(xs, rows, strict=True)]]
        )
        self.setTitle(self.tr("405B ÷ this laptop (log scale; light: low estimate, dark: high; line: 1×)"),
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
        self.setWindowTitle(self.tr("The same on Llama 3.1 405B"))
        self.resize(980, 760)
        self.comparison = comparison
        tabs = QTabWidget()
        self.app_rss_mb = app_rss_mb
        tabs.addTab(self._answer_tab(comparison, explanation, why_range, sources, model_name,
                                     scope), self.tr("This laptop vs 405B"))  # fmt: skip
        tabs.addTab(self._training_tab(training), self.tr("Training the 405B model"))
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

    def _answer_tab(self, c: dict[str, Any], explanation: str, why_range: str,
                    sources: list[str], model_name: str, scope: str) -> QWidget:  # fmt: skip
        page = QWidget()
        outer = QVBoxLayout(page)
        self.card = QFrame()
        self.card.setObjectName("comparisonCard")
        card = QVBoxLayout(self.card)
        title = QLabel(
            "<h2>"
            + self.tr("Do you need a 405-billion-parameter model for {scope}?").format(
                scope=html.escape(scope)
            )
            + "</h2>"
        )
        title.setWordWrap(True)
        card.addWidget(title)
        self.headline = QLabel(f"<b>{html.escape(localized(c['ratios']['energy']['words']))}</b>")
        self.headline.setWordWrap(True)
        card.addWidget(self.headline)
        grid = QGridLayout()
        headers = ("", self.tr("This laptop"), self.tr("Llama 3.1 405B in a datacenter"),
                   self.tr("In plain words"))  # fmt: skip
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
        source_line = QLabel(
            self.tr(
                "Estimates: EcoLogits (high), ML.ENERGY measurements (low). Details and sources below."
            )
        )
        source_line.setObjectName("cardFootnote")
        card.addWidget(source_line)
        outer.addWidget(self.card)

        self.more_button = QPushButton(self.tr("What this shows, and what it does not"))
        self.more_button.setCheckable(True)
        outer.addWidget(self.more_button)
        self.more = QTextBrowser()
        self.more.setOpenExternalLinks(True)
        links = "".join(f"<li>{linked(s)}</li>" for s in sources)
        self.more.setHtml(
            f"<p>{html.escape(localized(explanation))}</p><p><b>"
            + self.tr("Why a range?")
            + f"</b> {html.escape(localized(why_range))}</p><p><b>"
            + self.tr("Sources")
            + "</b> "
            + self.tr("(opening one uses the internet)")
            + f"</p><ul>{links}</ul>"
        )
        self.more.setVisible(False)
        self.more_button.toggled.connect(self.more.setVisible)
        outer.addWidget(self.more, 1)
        return page

    def _training_tab(self, training: dict[str, Any]) -> QWidget:
        browser = QTextBrowser()
        browser.setOpenExternalLinks(True)
        parts = ["<h3>" + self.tr("The one-off cost of building Llama 3.1 405B") + "</h3>"]
        for key, title in (("meta", self.tr("Meta's own figures (model card)")),
                           ("seed", self.tr("The seed article's figures"))):  # fmt: skip
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
        parts.append("<h4>" + self.tr("Where they disagree, and why") + f"</h4><ul>{notes}</ul>")
        browser.setHtml("".join(parts))
        self.training_browser = browser
        return browser

    def export_png(self, path: Path) -> bool:
        return bool(self.card.grab().save(str(path), "PNG"))

    def _export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Save the comparison", "smaller-vs-405b.png",
                                              self.tr("PNG pictures (*.png)"))  # fmt: skip
        if path:
            self.export_png(Path(path))
