"""The card's chart: each ratio as a bar on a log scale, in the theme's colours."""

from __future__ import annotations

import math
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QWidget,
)

from desktop.ui.comparison_texts import ROWS, row_title
from desktop.ui.numbers import show_plain

BIG_COLOUR = "#b5533c"
translate = QCoreApplication.translate


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
