"""Test drive: the built-in everyday tasks on every installed model, with the results.

One engine job (desktop/core/drive/runner.py) runs the models in turn on the one engine thread,
then loads the chat's model again. Progress comes back through a queue drained by a timer; Stop
(or closing the dialog) ends the drive at once, and what was answered is saved, marked stopped.
The results say, per category, the smallest installed model that reached the user's bar
(80% unless changed).
"""

from __future__ import annotations

import queue
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.drive.advice import advice_for
from desktop.core.drive.records import DriveRun, smallest_per_category
from desktop.core.drive.results import save_run
from desktop.core.drive.runner import DriveProgress, run_drive
from desktop.core.drive.tasks import load_task_set
from desktop.core.footprint import format_energy
from desktop.core.models.installed import list_installed
from desktop.core.service import Job
from desktop.core.session import installed_choice
from desktop.ui.drive_advice import advice_text
from desktop.ui.drive_chart import QualityEnergyChart
from desktop.ui.numbers import show_whole
from desktop.workers.engine_worker import EngineController

CATEGORY_NAMES = ("facts", "arithmetic", "units", "extraction", "rewrite", "classification",
                  "translation")  # fmt: skip


class DriveDialog(QDialog):
    def __init__(self, engine: EngineController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.setWindowTitle(self.tr("Test drive"))
        self.resize(900, 760)
        self._events: queue.SimpleQueue[DriveProgress] = queue.SimpleQueue()
        self._timer = QTimer(self)
        self._timer.setInterval(100)
        self._timer.timeout.connect(self._drain)
        self._job: Job[Any] | None = None
        self.run: DriveRun | None = None
        self._build()

    def _build(self) -> None:
        intro = QLabel(self.tr("Everyday tasks (facts, sums, units, extracting a date or an address, rewriting, yes/no questions, translating words), in English and French, each answer checked by rule. Every installed model answers them in turn, greedily; the chat's model is loaded again at the end."))  # fmt: skip
        intro.setWordWrap(True)
        self.limit = QSpinBox()
        self.limit.setRange(1, 500)
        self.limit.setValue(len(load_task_set().tasks))
        self.limit.setAccessibleName(self.tr("Number of tasks"))
        self.bar = QSpinBox()  # the user's bar for "good enough" in a category
        self.bar.setRange(10, 100)
        self.bar.setSingleStep(5)
        self.bar.setValue(80)
        self.bar.setSuffix(" %")
        self.bar.setAccessibleName(self.tr("Good enough from"))
        self.bar.valueChanged.connect(lambda _v: self.run is not None and self.show_run(self.run))
        self.start_button = QPushButton(self.tr("Start the test drive"))
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Progress"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Model"), self.tr("Correct"), self.tr("Energy per answer"), self.tr("Energy per correct answer"), self.tr("Time")])  # fmt: skip
        self.table.setAccessibleName(self.tr("Results per model"))
        self.categories = QTableWidget(0, 0)
        self.categories.setAccessibleName(self.tr("Results per category"))
        self.chart = QualityEnergyChart()
        self.recommendation = QLabel()
        self.recommendation.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Tasks:")))
        row.addWidget(self.limit)
        row.addWidget(QLabel(self.tr("Good enough from:")))
        for widget in (self.bar, self.start_button, self.stop_button, self.progress):
            row.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.status)
        for table in (
            self.table,
            self.categories,
        ):  # as tall as their rows: the chart gets the rest
            table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
            table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
            table.verticalHeader().hide()
            layout.addWidget(table)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.recommendation)
        self.start_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(self.stop)
        if len(list_installed()) < 2:
            self.status.setText(self.tr("Only one model is installed: the drive will say what it is good at, but not which model does better. Get a second one on the Models page, or from a terminal with ./dev.sh second-model."))  # fmt: skip

    def start(self) -> None:
        choices = [installed_choice(m) for m in list_installed()]
        task_set = load_task_set()
        if task_set.problem:
            self.status.setText(task_set.problem)
        task_set = task_set.limited(self.limit.value())
        self.progress.setRange(0, len(choices) * len(task_set.tasks))
        self.progress.setValue(0)
        self.start_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        events = self._events

        def work(session: Any, stop: Any) -> DriveRun:
            return run_drive(session, stop, choices, task_set, on_progress=events.put)

        self._job = self.engine.run(work, kind="drive", on_done=self._on_done)
        self._timer.start()

    def stop(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self.status.setText(self.tr("Stopping…"))

    def _drain(self) -> None:
        last = None
        while True:
            try:
                last = self._events.get_nowait()
            except queue.Empty:
                break
        if last is not None:
            self.progress.setValue(last.model_index * last.tasks + last.task_index)
            self.status.setText(self.tr("{model}: task {n} of {total} (model {m} of {models})").format(model=last.model, n=last.task_index, total=last.tasks, m=last.model_index + 1, models=last.models))  # fmt: skip

    def _on_done(self, job: Job[Any]) -> None:
        self._drain()
        self._timer.stop()
        self._job = None
        self.start_button.setEnabled(True)
        self.stop_button.setEnabled(False)
        if not isinstance(job.result, DriveRun):
            self.status.setText(self.tr("The test drive did not run: {error}").format(error=job.error))  # fmt: skip
            return
        self.run = job.result
        save_run(self.run)  # partial runs too, marked stopped
        self.show_run(self.run)

    def show_run(self, run: DriveRun) -> None:
        self.run = run
        self.status.setText(self.tr("Stopped: these are partial results (saved, marked as such).") if run.stopped else self.tr("Done. The results are saved and shown on each model's card."))  # fmt: skip
        self.table.setRowCount(len(run.models))
        for r, m in enumerate(run.models):
            if m.error:
                cells = [m.model, self.tr("did not load"), "", "", ""]
            else:
                per = m.energy_per_answer_wh
                per_ok = m.energy_per_correct_wh
                cells = [
                    m.model, f"{m.correct}/{len(m.outcomes)}",
                    format_energy(per) if per is not None else "–",
                    format_energy(per_ok) if per_ok is not None else "–",
                    self.tr("{s} s").format(s=show_whole(m.time_s)),
                ]  # fmt: skip
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        cats = [c for c in CATEGORY_NAMES if any(s.category == c for m in run.models for s in m.by_category())]  # fmt: skip
        self.categories.setColumnCount(len(cats) + 1)
        self.categories.setRowCount(len(run.models))
        self.categories.setHorizontalHeaderLabels([self.tr("Model"), *[self._category(c) for c in cats]])  # fmt: skip
        for r, m in enumerate(run.models):
            scores = {s.category: s for s in m.by_category()}
            self.categories.setItem(r, 0, QTableWidgetItem(m.model))
            for c, cat in enumerate(cats, 1):
                s = scores.get(cat)
                self.categories.setItem(r, c, QTableWidgetItem(f"{s.correct}/{s.tasks}" if s else ""))  # fmt: skip
        self.categories.resizeColumnsToContents()
        self.chart.show_run(run)
        bar = self.bar.value()
        best = smallest_per_category(run, bar / 100)
        lines = [self.tr("{category}: {model}").format(category=self._category(c), model=best[c] or self.tr("no installed model reached {bar}%").format(bar=bar)) for c in cats if c in best]  # fmt: skip
        text = (
            self.tr("The smallest model right at least {bar}% of the time:").format(bar=bar)
            + "\n"
            + "\n".join(lines)
        )
        chat_model = self.engine.choice.name if self.engine.choice else None
        advice = advice_for(run, chat_model) if chat_model else None
        if advice is not None:
            text += "\n\n" + advice_text(advice)
        self.recommendation.setText(text)

    def _category(self, name: str) -> str:
        return {
            "facts": self.tr("Facts"), "arithmetic": self.tr("Sums"), "units": self.tr("Units"),
            "extraction": self.tr("Extracting"), "rewrite": self.tr("Rewriting"),
            "classification": self.tr("Yes/no"), "translation": self.tr("Translating"),
        }.get(name, name)  # fmt: skip

    def done(self, result: int) -> None:
        self.stop()  # closing mid-drive stops it; the partial results are saved, marked
        super().done(result)
