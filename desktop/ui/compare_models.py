"""Compare models: one message answered in turn by two or three installed models, side by side.

The work is one engine job (desktop/core/drive/side_by_side.py): load, answer, unload each model
on the one engine thread, then the chat's model is loaded again. Progress and text come back
through a queue drained by a timer (never a signal per token). Stop ends the answer being
written and skips the models not reached. "Blind" hides the names until the user has marked
which answers were good enough; the marks are saved (compare-marks.json).
"""

from __future__ import annotations

import queue
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.drive.side_by_side import TurnOutcome, answer_in_turn, save_marks
from desktop.core.footprint import format_energy
from desktop.core.measured import comparison_for
from desktop.core.models.installed import list_installed
from desktop.core.service import Job
from desktop.core.session import installed_choice
from desktop.ui.numbers import show_fixed, show_whole
from desktop.workers.engine_worker import EngineController

MAX_MODELS = 3
MAX_TOKENS = 200


class CompareModelsDialog(QDialog):
    def __init__(self, engine: EngineController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.setWindowTitle(self.tr("Compare models"))
        self.resize(1000, 560)
        self._events: queue.SimpleQueue[tuple[int, str, str | None]] = queue.SimpleQueue()
        self._timer = QTimer(self)
        self._timer.setInterval(50)
        self._timer.timeout.connect(self._drain)
        self._job: Job[Any] | None = None
        self._outcomes: list[TurnOutcome] = []
        self._columns: list[dict[str, Any]] = []
        self._installed = list_installed()
        self._build()

    # -- layout -------------------------------------------------------------------------------
    def _build(self) -> None:
        self.message = QLineEdit()
        self.message.setPlaceholderText(self.tr("A message for every model, e.g. What is 17 times 23?"))  # fmt: skip
        self.message.setAccessibleName(self.tr("Message"))
        self.models = QListWidget()
        self.models.setAccessibleName(self.tr("Models to compare"))
        self.models.setMaximumHeight(min(110, 22 * max(len(self._installed), 2) + 8))
        for n, model in enumerate(self._installed):
            item = QListWidgetItem(model.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if n < MAX_MODELS else Qt.CheckState.Unchecked)  # fmt: skip
            self.models.addItem(item)
        self.blind = QCheckBox(self.tr("Blind: hide the names until I have marked the answers"))
        self.answer_button = QPushButton(self.tr("Answer"))
        self.answer_button.setDefault(True)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Progress"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.reveal_button = QPushButton(self.tr("Save my marks and show the names"))
        self.reveal_button.hide()
        self.grid = QGridLayout()
        buttons = QHBoxLayout()
        for w in (self.answer_button, self.stop_button, self.progress):
            buttons.addWidget(w)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.models)
        layout.addWidget(self.blind)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addLayout(self.grid, 1)
        layout.addWidget(self.reveal_button)
        self.answer_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(self.stop)
        self.reveal_button.clicked.connect(self.reveal)
        if len(self._installed) < 2:
            self.status.setText(self.tr("Only one model is installed. Get a second one on the Models page (File › Models…), or from a terminal with ./dev.sh second-model."))  # fmt: skip
            self.answer_button.setEnabled(False)

    def _chosen(self) -> list[Any]:
        picked = [m for n, m in enumerate(self._installed)
                  if self.models.item(n).checkState() == Qt.CheckState.Checked]  # fmt: skip
        return [installed_choice(m) for m in picked]

    def _label(self, index: int) -> str:
        if self.blind.isChecked() and not self._revealed:
            return self.tr("Model {letter}").format(letter="ABC"[index])
        return self._names[index]

    # -- running ------------------------------------------------------------------------------
    def start(self) -> None:
        prompt = self.message.text().strip()
        choices = self._chosen()
        if not prompt:
            self.status.setText(self.tr("Type a message first."))
            return
        if not 2 <= len(choices) <= MAX_MODELS:
            self.status.setText(self.tr("Tick two or three models."))
            return
        self._prompt, self._names, self._revealed = prompt, [c.name for c in choices], False
        self._make_columns(len(choices))
        self.progress.setRange(0, 2 * len(choices))
        self.progress.setValue(0)
        self.answer_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.reveal_button.hide()
        self.status.setText(self.tr("Waiting for the engine…"))
        events = self._events

        def work(session: Any, stop: Any) -> list[TurnOutcome]:
            return answer_in_turn(session, stop, choices, prompt, max_tokens=MAX_TOKENS,
                                  on_event=lambda i, what, text: events.put((i, what, text)))  # fmt: skip

        self._job = self.engine.run(work, kind="compare", on_done=self._on_done)
        self._timer.start()

    def stop(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self.status.setText(self.tr("Stopping…"))

    def _make_columns(self, n: int) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()
        self._columns = []
        for i in range(n):
            title, text, figures = QLabel(), QPlainTextEdit(), QLabel()
            text.setReadOnly(True)
            text.setAccessibleName(self.tr("Answer {n}").format(n=i + 1))
            figures.setWordWrap(True)
            good = QCheckBox(self.tr("Good enough"))
            good.setEnabled(False)
            for row, widget in enumerate((title, text, figures, good)):
                self.grid.addWidget(widget, row, i)
            self._columns.append({"title": title, "text": text, "figures": figures, "good": good})
            title.setText(self._label(i))
        self._big = QLabel()
        self._big.setWordWrap(True)
        self.grid.addWidget(QLabel(self.tr("Llama 3.1 405B (estimate)")), 0, n)
        self._big.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.grid.addWidget(self._big, 1, n)

    def _drain(self) -> None:
        while True:
            try:
                index, what, text = self._events.get_nowait()
            except queue.Empty:
                break
            column = self._columns[index]
            if what == "loading":
                self.status.setText(self.tr("Loading {name}…").format(name=self._label(index)))
                self.progress.setValue(2 * index)
            elif what == "answering":
                self.status.setText(self.tr("{name} is answering…").format(name=self._label(index)))  # fmt: skip
                self.progress.setValue(2 * index + 1)
            elif what == "text" and text:
                column["text"].insertPlainText(text)

    def _on_done(self, job: Job[Any]) -> None:
        self._drain()
        self._timer.stop()
        self._job = None
        self.answer_button.setEnabled(True)
        self.stop_button.setEnabled(False)
        self.progress.setValue(self.progress.maximum())
        self._outcomes = job.result if isinstance(job.result, list) else []
        if job.error is not None:
            self.status.setText(self.tr("The comparison did not run: {error}").format(error=job.error))  # fmt: skip
            return
        for column, outcome in zip(self._columns, self._outcomes, strict=False):
            column["figures"].setText(self._figures(outcome))
            column["good"].setEnabled(outcome.result is not None)
            if outcome.result is not None:
                column["text"].setPlainText(outcome.result.text)
        stopped = any(o.skipped or (o.result and o.result.status == "stopped") for o in self._outcomes)  # fmt: skip
        self.status.setText(self.tr("Stopped.") if stopped else self.tr("Done. Mark the answers that were good enough."))  # fmt: skip
        self.reveal_button.setVisible(True)
        self.reveal_button.setText(self.tr("Save my marks and show the names") if self.blind.isChecked() else self.tr("Save my marks"))  # fmt: skip
        self._show_big()

    def _show_big(self) -> None:
        """The 405B estimate for an answer as long as each model's (the last column)."""
        lines = []
        for i, o in enumerate(self._outcomes):
            big = comparison_for(o.result, o.file_size) if o.result and o.result.footprint else None
            if big is not None:
                low, high = big["energy_wh"]["low"], big["energy_wh"]["high"]
                lines.append(self.tr("{model}'s answer: {low} to {high}").format(model=self._label(i), low=format_energy(low), high=format_energy(high)))  # fmt: skip
        if lines:
            self._big.setText(self.tr("The same answers in a datacenter:") + "\n" + "\n".join(lines))  # fmt: skip

    def _figures(self, outcome: TurnOutcome) -> str:
        if outcome.skipped:
            return self.tr("Not reached: stopped before its turn.")
        if outcome.error is not None:
            return self.tr("Could not load: {error}").format(error=outcome.error)
        r = outcome.result
        if r is None:
            return ""
        parts = [self.tr("{s} s").format(s=show_fixed(r.total_s, 1))]
        if r.tokens_per_s:
            parts.append(self.tr("{tps} tokens/s").format(tps=show_fixed(r.tokens_per_s, 1)))
        if r.footprint is not None:
            parts.append(format_energy(r.footprint.energy_wh))
        if r.usage is not None and r.usage.peak_rss_mb:
            parts.append(self.tr("{mb} MB of memory").format(mb=show_whole(r.usage.peak_rss_mb)))
        if r.status == "stopped":
            parts.append(self.tr("stopped"))
        return " · ".join(parts)

    def reveal(self) -> None:
        good = [c["good"].isChecked() for c in self._columns]
        save_marks(self._prompt, self._outcomes, good, self.blind.isChecked())
        self._revealed = True
        for i, column in enumerate(self._columns):
            column["title"].setText(self._label(i))
            column["good"].setEnabled(False)
        self.reveal_button.hide()
        self._show_big()
        self.status.setText(self.tr("Your marks are saved."))

    def done(self, result: int) -> None:  # noqa: D401 (Qt override)
        self.stop()  # closing mid-comparison stops it; the chat's model is loaded again
        super().done(result)
