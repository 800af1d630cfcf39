"""The Models page's download strip: progress bar, bytes, speed, time left, Pause/Resume, Cancel.

It drives the DownloadController directly (pause, resume, cancel) and shows its signals; the
page reacts to the same signals to refresh the list and say what happened.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from desktop.core.models import Progress
from desktop.core.models.download import WAITING_SHOWN_S
from desktop.ui.models_table import size_text
from desktop.workers.download_worker import DownloadController


class DownloadPanel(QWidget):
    resumed = Signal()

    def __init__(self, controller: DownloadController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setAccessibleName(self.tr("Download progress"))
        self.progress_label = QLabel()
        self.pause_button = QPushButton(self.tr("Pause"))
        self.pause_button.setToolTip(self.tr("Stop for now; what is downloaded is kept"))
        self.cancel_button = QPushButton(self.tr("Cancel download"))
        self.cancel_button.setToolTip(self.tr("Stop and delete what was downloaded"))
        for widget in (self.label, self.progress_bar, self.progress_label, self.pause_button,
                       self.cancel_button):  # fmt: skip
            layout.addWidget(widget, 1 if widget is self.progress_bar else 0)
        self.pause_button.clicked.connect(self._pause_or_resume)
        self.cancel_button.clicked.connect(self._cancel)
        controller.progress.connect(self._on_progress)
        controller.finished.connect(self._on_finished)
        controller.failed.connect(self._on_failed)
        controller.paused.connect(self._on_paused)
        controller.cancelled.connect(self.hide)
        self.hide()

    def started(self, name: str, fraction_done: float) -> None:
        self.label.setText(self.tr("Downloading “{name}”").format(name=name))
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setValue(int(100 * fraction_done))
        self.progress_label.setText(self.tr("Starting…"))
        self._set_buttons(running=True)

    def _set_buttons(self, *, running: bool | None) -> None:
        """running True: Pause shown; False: Resume shown; None: the download is over."""
        self.show()
        for button in (self.pause_button, self.cancel_button):
            button.setVisible(running is not None)
            button.setEnabled(True)
        self.pause_button.setText(self.tr("Pause") if running else self.tr("Resume"))

    def _on_progress(self, p: Progress) -> None:
        if p.total:
            self.progress_bar.setRange(0, 100)
            self.progress_bar.setValue(int(100 * p.done / p.total))
            parts = [self.tr("{done} of {total}").format(done=size_text(p.done), total=size_text(p.total))]  # fmt: skip
        else:
            self.progress_bar.setRange(0, 0)  # size unknown: a busy bar
            parts = [size_text(p.done)]
        parts.append(self.tr("{speed}/s").format(speed=size_text(int(p.speed))))
        if p.waiting >= WAITING_SHOWN_S:  # a silent server: say so, the bar alone looks frozen
            parts.append(self.tr("nothing received for {time}").format(time=self.duration(p.waiting)))  # fmt: skip
        elif p.seconds_left is not None:
            parts.append(self.tr("{time} left").format(time=self.duration(p.seconds_left)))
        self.progress_label.setText(" · ".join(parts))

    def duration(self, seconds: float) -> str:
        s = int(seconds)
        if s >= 3600:
            return self.tr("{h} h {m} min").format(h=s // 3600, m=s % 3600 // 60)
        if s >= 60:
            return self.tr("{m} min {s} s").format(m=s // 60, s=s % 60)
        return self.tr("{s} s").format(s=s)

    def _pause_or_resume(self) -> None:
        if self.controller.state == "running":
            self.pause_button.setEnabled(False)  # until the worker has really stopped
            self.controller.pause()
        elif self.controller.resume():
            self._set_buttons(running=True)
            self.progress_label.setText(self.tr("Resuming…"))
            self.resumed.emit()

    def _cancel(self) -> None:
        self.cancel_button.setEnabled(False)
        self.pause_button.setEnabled(False)
        self.controller.cancel()

    def _on_finished(self, _path: object) -> None:
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setValue(100)
        self.progress_label.setText(self.tr("Downloaded and checked"))
        self._set_buttons(running=None)

    def _on_failed(self, _kind: str, _message: str) -> None:
        self._set_buttons(running=None)
        self.progress_label.setText(self.tr("Stopped"))

    def _on_paused(self) -> None:
        self._set_buttons(running=False)
        self.progress_label.setText(self.tr("Paused"))
