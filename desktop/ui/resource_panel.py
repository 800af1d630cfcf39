"""The live panel: what this app costs the computer right now, and what the answers cost so far.

Sampling is a psutil read of a few counters (about 0.1 ms), done on the GUI thread by a timer:
it never waits on anything. The panel measures its own cost (`cost_cpu_s`, the GUI thread's CPU
time spent in its ticks) so the overhead can be stated, not guessed.
"""

from __future__ import annotations

import time
from collections import deque

import psutil
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QRectF, QTimer
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QFrame, QGroupBox, QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop.core.footprint import (
    ResourceSample,
    ResourceSampler,
    best_equivalent,
    format_co2,
    format_energy,
)
from desktop.core.i18n import plural
from desktop.core.store import Totals
from desktop.ui.answer_line import method_word
from desktop.ui.numbers import show_fixed, show_whole

translate = QCoreApplication.translate
HISTORY_S = 60
APP_COLOUR = "#2f6f4f"
APP_COLOUR_DARK = "#6fcf97"  # the same green, light enough for a 3:1 contrast on a dark chart
MODEL_COLOUR = "#7fb89a"
OTHER_COLOUR = "#9aa5b1"
FREE_COLOUR = "#e6e9ec"
FREE_COLOUR_DARK = "#3a3d44"  # free memory on the dark theme: quiet, like the light one


def free_colour(widget: QWidget) -> str:
    dark = widget.palette().color(QPalette.ColorRole.Base).lightness() < 128
    return FREE_COLOUR_DARK if dark else FREE_COLOUR


def _mb(value: float | None) -> str:
    if value is None:
        return translate("ResourcePanel", "unknown")
    if value >= 1000:
        return translate("Units", "{n} GB").format(n=show_fixed(value / 1000, 1))
    return translate("Units", "{n} MB").format(n=show_fixed(value, 0))


class MemoryBar(QWidget):
    """One bar for the computer's memory: the model, the rest of this app, other programs, free."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(18)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.parts: list[tuple[float, str]] = []

    def set_values(self, app_mb: float, model_mb: float, used_mb: float, total_mb: float) -> None:
        model = min(model_mb, app_mb)
        other = max(used_mb - app_mb, 0.0)
        free = max(total_mb - max(used_mb, app_mb), 0.0)
        self.parts = [(model, MODEL_COLOUR), (app_mb - model, APP_COLOUR), (other, OTHER_COLOUR),
                      (free, free_colour(self))]  # fmt: skip
        self.update()

    def paintEvent(self, _event: object) -> None:  # noqa: N802 (Qt override)
        total = sum(size for size, _ in self.parts)
        if total <= 0:
            return
        painter = QPainter(self)
        x = 0.0
        for size, colour in self.parts:
            width = self.width() * size / total
            # A sliver of at least one pixel, so a small app is still visible on a big machine.
            if size > 0:
                width = max(width, 1.0)
            painter.fillRect(QRectF(x, 0, width, self.height()), QColor(colour))
            x += width
        painter.end()


def _legend(colour: str, text: str) -> str:
    return f'<span style="color:{colour}">■</span> {text}'


class ResourcePanel(QFrame):
    def __init__(
        self,
        sampler: ResourceSampler | None = None,
        interval_s: float = 1.0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("resourcePanel")
        self.setAccessibleName(self.tr("Resources used by Smaller"))
        self.sampler = sampler or ResourceSampler()
        self.model_mb = 0.0
        self.cost_cpu_s = 0.0  # CPU time the panel itself spent in its ticks
        self.ticks = 0
        self.last_sample: ResourceSample | None = None
        self._app_cpu: deque[float] = deque(maxlen=HISTORY_S)
        self._system_cpu: deque[float] = deque(maxlen=HISTORY_S)
        self._build()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.tick)
        self.set_interval(interval_s)
        QTimer.singleShot(0, self.tick)  # figures at once, not "…" for the first interval

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)

        memory = QGroupBox(self.tr("Memory (RAM)"))
        memory.setToolTip(self.tr("The computer's working memory. The model must fit in it."))
        box = QVBoxLayout(memory)
        self.memory_bar = MemoryBar()
        self.memory_bar.setAccessibleName(self.tr("Memory use bar"))
        self.memory_label = QLabel("…")
        self.memory_label.setWordWrap(True)
        box.addWidget(self.memory_bar)
        box.addWidget(self.memory_label)
        self.power_label = QLabel("")
        self.power_label.setWordWrap(True)
        self.power_label.setToolTip(
            self.tr(
                "On battery, the energy is counted as if drawn from the grid: it is, when the battery recharges."
            )
        )
        self.power_label.hide()
        box.addWidget(self.power_label)
        layout.addWidget(memory)

        cpu = QGroupBox(self.tr("Processor (CPU)"))
        cpu.setToolTip(self.tr("How busy the processor is. 100% means every core is fully used."))
        box = QVBoxLayout(cpu)
        self.cpu_label = QLabel("…")
        self.cpu_label.setWordWrap(True)
        box.addWidget(self.cpu_label)
        pg.setConfigOptions(antialias=True)
        self.chart = pg.PlotWidget()
        self.chart.setAccessibleName(self.tr("Processor use over the last minute"))
        self.chart.setMinimumHeight(110)
        self.chart.setMaximumHeight(170)  # the totals below stay in view; a chart needs no more
        self.chart.setMouseEnabled(x=False, y=False)
        self.chart.hideButtons()
        self.chart.setYRange(0, 100, padding=0)
        self.chart.setXRange(-HISTORY_S, 0, padding=0)
        self.chart.setLabel("left", "%")
        self.chart.setLabel("bottom", self.tr("seconds ago"))
        self.system_curve = self.chart.plot(pen=pg.mkPen(OTHER_COLOUR, width=2), name="computer")
        self.app_curve = self.chart.plot(pen=pg.mkPen(APP_COLOUR, width=2), name="Smaller")
        box.addWidget(self.chart)
        self._theme_chart()
        layout.addWidget(cpu)

        answer = QGroupBox(self.tr("Answer being written"))
        box = QVBoxLayout(answer)
        self.answer_label = QLabel(self.tr("No answer is being written."))
        self.answer_label.setWordWrap(True)
        box.addWidget(self.answer_label)
        layout.addWidget(answer)

        totals = QGroupBox(self.tr("What the answers cost"))
        totals.setToolTip(self.tr("Energy and CO₂ of the answers, as shown under each answer."))
        box = QVBoxLayout(totals)
        self.totals_label = QLabel(self.tr("No answers yet."))
        self.totals_label.setWordWrap(True)
        box.addWidget(self.totals_label)
        layout.addWidget(totals)
        layout.addStretch(1)

    def _theme_chart(self) -> None:
        """The chart in the theme's colours (it draws itself, outside the style sheet)."""
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        self.chart.setBackground(base)
        self.app_colour = APP_COLOUR_DARK if base.lightness() < 128 else APP_COLOUR
        self.app_curve.setPen(pg.mkPen(self.app_colour, width=2))
        for name in ("left", "bottom"):
            axis = self.chart.getAxis(name)
            axis.setPen(pg.mkPen(text))
            axis.setTextPen(pg.mkPen(text))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # a live switch to the dark theme
            self._theme_chart()

    # -- inputs -----------------------------------------------------------------------------------
    def set_interval(self, seconds: float) -> None:
        self.interval_s = max(0.25, seconds)
        self._timer.start(int(self.interval_s * 1000))

    def set_model_size(self, size_bytes: int) -> None:
        # The weights are memory-mapped: once read, the model file's size is resident in the app.
        self.model_mb = size_bytes / 1_000_000

    def set_streaming(self, tokens: int, elapsed_s: float) -> None:
        text = plural(
            tokens,
            self.tr("{tokens} token in {seconds} s"),
            self.tr("{tokens} tokens in {seconds} s"),
        ).format(tokens=show_whole(tokens), seconds=show_fixed(elapsed_s, 1))
        if elapsed_s > 0:
            speed = show_fixed(tokens / elapsed_s, 0)
            text += " · " + self.tr("{speed} tokens/s").format(speed=speed)
        self.answer_label.setText(text)

    def set_waiting(self) -> None:
        """An answer has started but no word is out yet: the model is reading the message (or
        waiting for the model to load)."""
        self.answer_label.setText(self.tr("Reading your message…"))

    def clear_streaming(self) -> None:
        self.answer_label.setText(self.tr("No answer is being written."))

    def set_totals(self, chat: Totals | None, overall: Totals) -> None:
        """What this chat's answers and all answers cost, from the ledger: answers deleted or
        regenerated still count. Each total says whether it was measured or estimated."""

        def figures(totals: Totals) -> dict[str, object]:
            return {"energy": format_energy(totals.energy_wh),
                    "co2": format_co2(totals.co2_g), "count": show_whole(totals.count),
                    "method": method_word(totals.method) if totals.count else ""}  # fmt: skip

        lines = []
        if chat is not None:
            lines.append(
                self.tr("This chat: {energy}, {co2} CO₂, {method} (answers: {count})").format(
                    **figures(chat)
                )
            )
        lines.append(
            self.tr("All chats: {energy}, {co2} CO₂, {method} (answers: {count})").format(
                **figures(overall)
            )
        )
        if overall.count:
            equivalent = best_equivalent(overall.energy_wh, overall.co2_g).text
            lines.append(self.tr("That is {equivalent}.").format(equivalent=equivalent))
        self.totals_label.setText("\n".join(lines))

    # -- sampling ---------------------------------------------------------------------------------
    def tick(self) -> None:
        started = time.thread_time()
        sample = self.sampler.sample()
        self.last_sample = sample
        self._show(sample)
        self._show_power()
        self.ticks += 1
        self.cost_cpu_s += time.thread_time() - started

    def _show(self, s: ResourceSample) -> None:
        app = s.rss_mb
        used, total = s.system_memory_used_mb, s.system_memory_total_mb
        if app is not None and used is not None and total:
            self.memory_bar.set_values(app, self.model_mb, used, total)
        others = None if used is None or app is None else max(used - app, 0.0)
        model = self.tr(" (model {size})").format(size=_mb(self.model_mb)) if self.model_mb else ""
        self.memory_label.setText(
            _legend(APP_COLOUR, self.tr("Smaller: {size}").format(size=_mb(app)) + model)
            + "<br>" + _legend(OTHER_COLOUR, self.tr("Other programs: {size}").format(size=_mb(others)))
            + "<br>" + _legend(free_colour(self), self.tr("Total: {size}").format(size=_mb(total)))
        )  # fmt: skip
        share = s.process_share_of_machine_percent
        self._app_cpu.append(share if share is not None else float("nan"))
        system = s.system_cpu_percent
        self._system_cpu.append(system if system is not None else float("nan"))
        unknown = self.tr("unknown")
        percent = self.tr("{n}%")  # French puts a space before %
        app_text = unknown if share is None else percent.format(n=show_fixed(share, 0))
        system_text = unknown if system is None else percent.format(n=show_fixed(system, 0))
        self.cpu_label.setText(
            _legend(self.app_colour, self.tr("Smaller: {share}").format(share=app_text)) + " &nbsp; "
            + _legend(OTHER_COLOUR, self.tr("whole computer: {share}").format(share=system_text))
            + "<br><small>"
            + plural(s.logical_cpus, self.tr("{n} logical processor"),
                     self.tr("{n} logical processors")).format(n=show_whole(s.logical_cpus))
            + "</small>"
        )  # fmt: skip
        self._redraw()

    def _show_power(self) -> None:
        """Plugged in or on battery, where the computer has one (desktops have none)."""
        try:
            battery = psutil.sensors_battery()
        except (psutil.Error, OSError, NotImplementedError):
            battery = None
        if battery is None:
            self.power_label.hide()
            return
        if battery.power_plugged:
            text = self.tr("Plugged in (battery {percent}%)").format(
                percent=show_fixed(battery.percent, 0)
            )
        else:
            text = self.tr("On battery ({percent}%)").format(percent=show_fixed(battery.percent, 0))
        self.power_label.setText(text)
        self.power_label.show()

    def _redraw(self) -> None:
        n = len(self._app_cpu)
        xs = [(i - n + 1) * self.interval_s for i in range(n)]
        self.app_curve.setData(xs, list(self._app_cpu), connect="finite")
        self.system_curve.setData(xs, list(self._system_cpu), connect="finite")
        self.chart.setXRange(-HISTORY_S * self.interval_s, 0, padding=0)

    def cost_percent_of_one_core(self) -> float:
        """The panel's own CPU cost as a share of one core at its sampling interval."""
        if not self.ticks:
            return 0.0
        return 100.0 * (self.cost_cpu_s / self.ticks) / self.interval_s
