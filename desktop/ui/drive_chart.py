"""Quality against energy for a test drive: one point per model (share of tasks right against
energy per answer, log scale), and the 405B model's energy for an answer of the same length as a
reference line (the low end of the comparison's range: ML.ENERGY's measurement)."""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication

from desktop.core.compare.data import comparison_data
from desktop.core.compare.energy import measured_energy_wh
from desktop.core.drive.records import DriveRun

POINT_COLOUR = "#1f6feb"
BIG_COLOUR = "#b35900"


def reference_405b_mwh(run: DriveRun) -> float | None:
    """The 405B model's energy (low estimate) for an answer as long as this run's average."""
    answers = [o for m in run.models for o in m.outcomes]
    if not answers:
        return None
    tokens = max(1, round(sum(o.completion_tokens for o in answers) / len(answers)))
    return measured_energy_wh(tokens, comparison_data()) * 1000


class QualityEnergyChart(pg.PlotWidget):  # type: ignore[misc]
    def __init__(self) -> None:
        pg.setConfigOptions(antialias=True, background="w", foreground="#333333")
        super().__init__()
        translate = QCoreApplication.translate
        self.setAccessibleName(
            translate("DriveChart", "Quality against energy, one point per model")
        )
        self.setLabel("left", translate("DriveChart", "tasks right (%)"))
        self.setLabel("bottom", translate("DriveChart", "energy per answer (mWh, log scale)"))
        self.setLogMode(x=True, y=False)
        self.setYRange(0, 100)
        self.setMinimumHeight(220)
        self.points: list[tuple[str, float, float]] = []  # (model, mWh, % right), for tests
        self.reference: float | None = None

    def show_run(self, run: DriveRun) -> None:
        translate = QCoreApplication.translate
        self.clear()
        self.points = [
            (m.model, m.energy_per_answer_wh * 1000, 100 * m.correct / len(m.outcomes))
            for m in run.models
            if m.outcomes and m.energy_per_answer_wh
        ]
        self.reference = reference_405b_mwh(run)
        xs = [mwh for _, mwh, _ in self.points] + ([self.reference] if self.reference else [])
        if xs:  # room for the labels on both sides (log scale: in decades)
            self.setXRange(math.log10(min(xs)) - 0.3, math.log10(max(xs)) + 0.3, padding=0)
        self.setYRange(0, 110, padding=0)
        middle = math.log10(min(xs) * max(xs)) / 2 if xs else 0.0
        for name, mwh, share in self.points:
            self.plot([mwh], [share], pen=None, symbol="o", symbolSize=12,
                      symbolBrush=POINT_COLOUR)  # fmt: skip
            x = math.log10(mwh)
            label = pg.TextItem(name, color="#333333", anchor=(0 if x <= middle else 1, 1))
            label.setPos(x, share)
            self.addItem(label)
        if self.reference:
            line = pg.InfiniteLine(
                pos=math.log10(self.reference), angle=90,
                pen=pg.mkPen(BIG_COLOUR, width=2, style=pg.QtCore.Qt.PenStyle.DashLine),
                label=translate("DriveChart", "Llama 3.1 405B, same answer (low estimate)"),
                labelOpts={"position": 0.5, "color": BIG_COLOUR},
            )  # fmt: skip
            self.addItem(line)
