"""Model downloads, imports, catalog refreshes and metadata reads, off the GUI thread.

Each of these blocks for seconds to minutes (a 4 GB download or copy, a 15 s network timeout,
GGUFReader decoding a vocabulary), so they run on two QThreads owned by `DownloadController`:
one for the single download (it may run for an hour), one for the short file jobs, which then
never wait behind a download. As in engine_worker.py, jobs go in through queued signals and
pause/cancel act directly on the `Download` object's events: a queued "pause" slot would never
run while the worker is inside `Download.run()`. The download checks those events at least
every quarter second whatever the server does (core/models/patient_http.py), so Pause, Cancel
and quitting take effect at once, and progress keeps coming while the server is silent.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from desktop.core.modelfile import ModelFileError, read_model_info
from desktop.core.models import (
    CatalogEntry,
    CatalogError,
    Download,
    DownloadError,
    ModelImportError,
    import_model,
    refresh_catalog,
)
from desktop.core.models.download import STALL_LIMIT_S, discard_partial
from desktop.core.paths import cache_dir
from desktop.workers.engine_worker import LINGERING

log = logging.getLogger(__name__)
PROGRESS_INTERVAL_S = 0.25  # copy progress: a few signals a second, not one per megabyte

State = Literal["idle", "running", "paused"]


@dataclass(frozen=True)
class ImportJob:
    path: Path
    copy: bool
    folder: Path | None


class _Worker(QObject):
    """Lives on a worker thread; each slot runs one blocking job and reports by signal."""

    progress = Signal(object)  # Progress (download) or (done, total) bytes (import copy)
    done = Signal(str, object)  # job ("download", "import", "refresh", "info"), result
    failed = Signal(str, str, str)  # job, error kind, message for the user

    @Slot(object)
    def download(self, download: Download) -> None:
        try:
            path = download.run(self.progress.emit)
        except DownloadError as exc:
            self.failed.emit("download", exc.kind, str(exc))
        except Exception as exc:  # never let a surprise kill the thread silently
            log.exception("download failed")
            self.failed.emit("download", "unexpected", repr(exc))
        else:
            self.done.emit("download", path)

    @Slot(object)
    def import_file(self, job: ImportJob) -> None:
        last = 0.0

        def on_copy(done: int, total: int) -> None:
            nonlocal last
            if done == total or time.monotonic() - last >= PROGRESS_INTERVAL_S:
                last = time.monotonic()
                self.progress.emit((done, total))

        try:
            result = import_model(
                job.path, copy=job.copy, folder=job.folder, cache_dir=cache_dir(),
                on_progress=on_copy,
            )  # fmt: skip
        except ModelImportError as exc:
            self.failed.emit("import", exc.kind, str(exc))
        except Exception as exc:
            log.exception("import failed")
            self.failed.emit("import", "unexpected", repr(exc))
        else:
            self.done.emit("import", result)

    @Slot(str, object)
    def refresh(self, url: str, folder: Path | None) -> None:
        try:
            catalog = refresh_catalog(url, folder=folder)
        except CatalogError as exc:
            self.failed.emit("refresh", exc.kind, str(exc))
        except Exception as exc:
            log.exception("catalog refresh failed")
            self.failed.emit("refresh", "unexpected", repr(exc))
        else:
            self.done.emit("refresh", catalog)

    @Slot(object)
    def read_infos(self, paths: list[Path]) -> None:
        """Metadata of installed models, for their memory badge: a ModelInfo or the reason it
        could not be read (the cache makes this instant after the first time)."""
        for path in paths:
            try:
                self.done.emit("info", (path, read_model_info(path, cache_dir())))
            except ModelFileError as exc:
                self.done.emit("info", (path, str(exc)))


class DownloadController(QObject):
    """GUI-thread side. One download at a time (running or paused); imports, refreshes and
    metadata reads queue on a second thread. Call `shutdown()` before the app quits."""

    progress = Signal(object)  # Progress
    finished = Signal(object)  # Path of the installed, verified model
    failed = Signal(str, str)  # kind, message; never "paused" or "cancelled" (own signals)
    paused = Signal()
    cancelled = Signal()
    import_progress = Signal(int, int)  # bytes copied, total
    imported = Signal(object)  # ImportResult
    import_failed = Signal(str, str)  # kind, message
    catalog_refreshed = Signal(object)  # Catalog
    refresh_failed = Signal(str, str)  # kind, message
    info_read = Signal(object, object)  # Path, ModelInfo or the message why it is unreadable

    _download_requested = Signal(object)
    _import_requested = Signal(object)
    _refresh_requested = Signal(str, object)
    _infos_requested = Signal(object)

    def __init__(
        self, parent: QObject | None = None, *, folder: Path | None = None,
        timeout: float = STALL_LIMIT_S, chunk_size: int = 1 << 18, progress_interval: float = 0.25,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.folder = folder  # None: the user's models folder (tests isolate it through XDG)
        self._timeout, self._chunk_size = timeout, chunk_size
        self._progress_interval = progress_interval
        self._download: Download | None = None
        self._url: str | None = None
        self.entry: CatalogEntry | None = None  # the download running or paused
        self.state: State = "idle"
        self._threads: list[tuple[QThread, _Worker]] = []
        self._loader = self._start_thread("smaller-download")
        self._files = self._start_thread("smaller-files")
        self._download_requested.connect(self._loader.download)
        self._loader.progress.connect(self.progress)
        self._import_requested.connect(self._files.import_file)
        self._refresh_requested.connect(self._files.refresh)
        self._infos_requested.connect(self._files.read_infos)
        self._files.progress.connect(lambda p: self.import_progress.emit(*p))
        for worker in (self._loader, self._files):
            worker.done.connect(self._on_done)
            worker.failed.connect(self._on_failed)
        self._running = True
        app = QCoreApplication.instance()
        if app is not None:
            # A safety net: Qt aborts the process if a running QThread is destroyed at exit.
            app.aboutToQuit.connect(self.shutdown)

    def _start_thread(self, name: str) -> _Worker:
        thread = QThread()
        thread.setObjectName(name)
        worker = _Worker()
        worker.moveToThread(thread)
        thread.start()
        self._threads.append((thread, worker))
        return worker

    # -- download -----------------------------------------------------------------------------
    def start(self, entry: CatalogEntry, url: str | None = None) -> bool:
        """Download `entry` (from `url` if given, a mirror or a test server); a .part left by a
        pause or a dropped connection is resumed. False if another download is running/paused."""
        if not self._running or self.state == "running":
            return False
        if self.state == "paused" and entry != self.entry:
            return False
        self.entry, self._url = entry, url
        # Built here, on the GUI thread, so pause() and cancel() can reach it at once.
        self._download = Download.for_entry(
            entry, self.folder, url, timeout=self._timeout, chunk_size=self._chunk_size,
            progress_interval=self._progress_interval,
        )  # fmt: skip
        self.state = "running"
        self._download_requested.emit(self._download)
        return True

    def pause(self) -> None:
        """Stops within a quarter second (after the bytes being read); the .part file stays for
        `resume()`."""
        if self.state == "running" and self._download is not None:
            self._download.pause()

    def resume(self) -> bool:
        if self.state != "paused" or self.entry is None:
            return False
        return self.start(self.entry, self._url)

    def cancel(self) -> None:
        """Stop and delete what was downloaded (a paused download is deleted at once)."""
        if self.state == "running" and self._download is not None:
            self._download.cancel()
        elif self.state == "paused" and self._download is not None:
            discard_partial(self._download.dest)
            self._finish_download()
            self.cancelled.emit()

    def _finish_download(self) -> None:
        self.state, self.entry, self._download, self._url = "idle", None, None, None

    # -- file jobs ------------------------------------------------------------------------------
    def start_import(self, path: Path, copy: bool = True) -> None:
        if self._running:
            self._import_requested.emit(ImportJob(Path(path), copy, self.folder))

    def refresh(self, url: str) -> None:
        if self._running:
            self._refresh_requested.emit(url, self.folder)

    def read_infos(self, paths: list[Path]) -> None:
        if self._running and paths:
            self._infos_requested.emit(list(paths))

    # -- results (queued from the workers, so they run on the GUI thread) ------------------------
    def _on_done(self, job: str, result: object) -> None:
        if job == "download":
            self._finish_download()
            self.finished.emit(result)
        elif job == "import":
            self.imported.emit(result)
        elif job == "refresh":
            self.catalog_refreshed.emit(result)
        elif job == "info":
            assert isinstance(result, tuple)
            self.info_read.emit(*result)

    def _on_failed(self, job: str, kind: str, message: str) -> None:
        if job == "import":
            self.import_failed.emit(kind, message)
        elif job == "refresh":
            self.refresh_failed.emit(kind, message)
        elif kind == "paused":
            self.state = "paused"  # entry and url are kept for resume()
            self.paused.emit()
        elif kind == "cancelled":
            self._finish_download()
            self.cancelled.emit()
        else:
            self._finish_download()  # the .part stays when resumable: start() continues it
            self.failed.emit(kind, message)

    def shutdown(self, timeout_ms: int = 1500) -> bool:
        """Pause a running download (its .part resumes next time), stop both threads and wait
        at most `timeout_ms` in all. False if a thread is still blocked (then it is kept in
        LINGERING so Qt never destroys a running QThread)."""
        if not self._running:
            return True
        self._running = False
        if self._download is not None:
            self._download.pause()
        deadline = time.monotonic() + timeout_ms / 1000
        finished = True
        for thread, worker in self._threads:
            thread.quit()  # runs once the current job returns; queued jobs are dropped
            left_ms = max(0, int((deadline - time.monotonic()) * 1000))
            if not thread.wait(left_ms):
                log.warning("%s thread did not stop within %d ms", thread.objectName(), timeout_ms)
                LINGERING.append((thread, worker))
                finished = False
        return finished

    def threads_finished(self) -> bool:
        return all(thread.isFinished() for thread, _ in self._threads)
