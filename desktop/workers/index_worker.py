"""Indexing on its own thread: never the model's thread, never the window's.

The thread opens its own connection to the index (SQLite connections stay on one thread), runs
`Indexer` for each collection asked, and reports through a queue the window drains on a timer, so
the window never waits for it. Pause and cancel are events the indexer checks between files and
batches of passages (within a second); the indexer reads and embeds in a child process
(desktop/core/docs/reader_process.py), so this thread mostly waits on a pipe and writes SQLite.
`shutdown()` cancels and waits, with a bound, at exit.
"""

from __future__ import annotations

import gc
import logging
import queue
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.core.docs.index import DocIndex
from desktop.core.docs.indexer import Controls, Indexer, IndexRun, Progress
from desktop.core.errors import PlainError

log = logging.getLogger(__name__)
DRAIN_INTERVAL_MS = 50


class IndexWorker(QObject):
    progress = Signal(str, int, int, str)  # collection, files done, files to read, current file
    finished = Signal(str, object, str)  # collection, IndexRun or None, error message ("" if ok)
    running_changed = Signal(bool)

    def __init__(
        self, index_path: Path | None = None, parent: QObject | None = None,
        in_process: bool = False,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self._index_path = index_path
        self._in_process = in_process  # the benchmark's "before" (see Indexer)
        self._events: queue.SimpleQueue[tuple[str, Any]] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self.controls = Controls()
        self._timer = QTimer(self)
        self._timer.setInterval(DRAIN_INTERVAL_MS)
        self._timer.timeout.connect(self.drain)
        self.current = ""

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def paused(self) -> bool:
        return self.controls.pause.is_set()

    def start(self, names: list[str]) -> bool:
        """Index these collections one after the other; False if a run is already going."""
        if self.running:
            return False
        # A new cancel event; the pause stays as the user set it (paused before it starts).
        self.controls = Controls(pause=self.controls.pause)
        controls = self.controls
        self._thread = threading.Thread(
            target=self._run, args=(list(names), controls), name="smaller-index", daemon=True
        )
        self._thread.start()
        self._timer.start()
        self.running_changed.emit(True)
        return True

    def set_paused(self, paused: bool) -> None:
        if paused:
            self.controls.pause.set()
        else:
            self.controls.pause.clear()

    def cancel(self) -> None:
        self.controls.cancel.set()

    def _run(self, names: list[str], controls: Controls) -> None:
        index: DocIndex | None = None
        # The passages of a big file are many new objects, so the cyclic garbage collector
        # runs full collections mid-run, holding the GIL (and freezing the window) while it
        # walks every object of the app: measured up to 100 ms. Freezing what exists now keeps
        # those walks to the run's own objects; everything is handed back at the end.
        gc.freeze()
        try:
            index = DocIndex(self._index_path)
            from desktop.core.footprint import FootprintMeter

            indexer = Indexer(index, in_process=self._in_process)
            for name in names:
                if controls.cancel.is_set():
                    break

                def report(p: Progress, name: str = name) -> None:
                    self._events.put(("progress", (name, p)))

                try:
                    run = indexer.run(name, controls, report, meter=FootprintMeter())
                    self._events.put(("finished", (name, run, run.error)))
                except (PlainError, KeyError, OSError) as exc:
                    self._events.put(("finished", (name, None, str(exc))))
        except Exception as exc:  # a bug must not end silently: the page says it
            log.exception("indexing failed")
            self._events.put(("finished", ("", None, str(exc))))
        finally:
            if index is not None:
                index.close()
            gc.unfreeze()
            self._events.put(("done", None))

    def drain(self) -> None:
        latest: dict[str, Progress] = {}
        while True:
            try:
                what, payload = self._events.get_nowait()
            except queue.Empty:
                break
            if what == "progress":
                latest[payload[0]] = payload[1]
                continue
            for name, p in latest.items():  # only the newest progress of each: no flood
                self.progress.emit(name, p.done, p.total, p.path)
            latest.clear()
            if what == "finished":
                name, run, error = payload
                self.finished.emit(name, run if isinstance(run, IndexRun) else None, error)
            elif what == "done":
                self._timer.stop()
                self.running_changed.emit(False)
        for name, p in latest.items():
            self.progress.emit(name, p.done, p.total, p.path)

    def shutdown(self, timeout_s: float = 2.0) -> bool:
        """Cancel and wait for the thread (bounded). True when it ended."""
        self.controls.cancel.set()
        self.controls.pause.clear()
        thread = self._thread
        if thread is not None:
            thread.join(timeout_s)
            if thread.is_alive():
                log.warning("indexing thread did not stop within %.1f s", timeout_s)
                return False
        self._timer.stop()
        return True
