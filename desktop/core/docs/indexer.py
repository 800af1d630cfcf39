"""Indexing a collection: find its files, read the new and changed ones, forget the deleted ones.

A file is read again only when its size or modification time changed, so a second run over an
unchanged folder reads nothing. Reading, chunking and embedding happen in a child process
(reader_process.py: wordllama holds the GIL too long for the window's sake); this thread writes
what it sends back. Every file gets one transaction (passages and state together): cancelling,
a crash (of the app or of the child) or a full disk leaves each file either as it was or fully
indexed. Runs on any thread but the model's; `Controls` lets the window pause and cancel it
(checked between files and between batches of passages, so it stops within a second). What the
run cost (time, CPU, energy from the footprint meter, the child's CPU included) and the index's
size on disk are recorded with the run.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.docs.index import DocIndex
from desktop.core.docs.reader_process import InProcessReader, ReaderProcess, ReaderStopped
from desktop.core.docs.readers import SUFFIXES
from desktop.core.footprint.answer import AnswerFootprint
from desktop.core.i18n import translate
from desktop.core.store.ledger import LedgerEntry

log = logging.getLogger(__name__)
MAX_READER_STOPS = 3  # a file that crashes the reader is skipped; three in a run stop it


class _TooManyStops(Exception):
    pass


@dataclass
class Controls:
    """Set from another thread: `cancel` ends the run after the current file, `pause` holds it."""

    cancel: threading.Event = field(default_factory=threading.Event)
    pause: threading.Event = field(default_factory=threading.Event)

    def wait_if_paused(self) -> bool:
        """Block while paused; False when cancelled."""
        while self.pause.is_set() and not self.cancel.is_set():
            self.cancel.wait(0.1)
        return not self.cancel.is_set()


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    path: str


@dataclass
class IndexRun:
    """What one run did and cost."""

    collection: str
    files_read: int = 0
    files_skipped: int = 0
    files_removed: int = 0
    files_unchanged: int = 0
    chunks: int = 0
    text_bytes: int = 0
    wall_s: float = 0.0
    cpu_s: float | None = None
    footprint: AnswerFootprint | None = None
    index_bytes: int = 0
    cancelled: bool = False
    missing_roots: list[str] = field(default_factory=list)
    reader_stops: list[str] = field(default_factory=list)  # files the child process died on
    error: str = ""  # a plain sentence when the reader stopped (the run still counts)

    def to_json(self) -> dict[str, object]:
        fp = self.footprint
        return {
            "collection": self.collection, "files_read": self.files_read,
            "files_skipped": self.files_skipped, "files_removed": self.files_removed,
            "files_unchanged": self.files_unchanged, "passages": self.chunks,
            "text_bytes": self.text_bytes, "wall_s": round(self.wall_s, 3),
            "cpu_s": None if self.cpu_s is None else round(self.cpu_s, 3),
            "energy_wh": None if fp is None else float(f"{fp.energy_wh:.4g}"),
            "energy_method": None if fp is None else fp.method,
            "index_bytes": self.index_bytes, "cancelled": self.cancelled,
            "missing_roots": self.missing_roots, "reader_stops": self.reader_stops,
            "error": self.error,
        }  # fmt: skip


def _walk(root: Path) -> Iterator[Path]:
    """Every file under `root`, without following links to folders (a link loop cannot trap
    the walk; a link to a file is read like the file, a looping one is skipped with a reason)."""
    if not root.is_dir():
        yield root
        return
    for folder, dirs, names in os.walk(root, followlinks=False):
        dirs.sort()
        for name in sorted(names):
            if not name.startswith("."):
                yield Path(folder) / name
        dirs[:] = [d for d in dirs if not d.startswith(".")]


def scan(roots: tuple[str, ...]) -> tuple[dict[str, tuple[int, int]], list[str]]:
    """path -> (size, mtime_ns) of every file under the roots, and the roots not found."""
    found: dict[str, tuple[int, int]] = {}
    missing: list[str] = []
    for root in roots:
        if not os.path.lexists(root):
            missing.append(root)
            continue
        for path in _walk(Path(root)):
            try:
                st = path.stat()
            except OSError:
                st = None  # a dangling or looping link: listed, and skipped with its reason
            found[str(path)] = (st.st_size, st.st_mtime_ns) if st else (-1, -1)
    return found, missing


class Indexer:
    def __init__(self, index: DocIndex, in_process: bool = False) -> None:
        """`in_process`: read and embed on this thread, as before the child process (only for
        the benchmark's side-by-side comparison)."""
        self.index = index
        self.in_process = in_process
        self.reader: ReaderProcess | InProcessReader | None = None  # the run's (tests kill it)

    def _index_file(self, cid: int, path: str, size: int, mtime: int, run: IndexRun,
                    controls: Controls) -> None:  # fmt: skip
        if Path(path).suffix.lower() not in SUFFIXES:
            self.index.save_file(cid, path, size, mtime, "skipped", "unsupported")
            run.files_skipped += 1
            return
        assert self.reader is not None
        try:
            got = self.reader.extract(path, controls)
        except ReaderStopped as exc:
            # Nothing of this file was written. Listed as skipped with the reason, and with no
            # size, so the next run tries it again; the next file gets a new child.
            log.warning("%s while reading %s", exc, path)
            self.index.save_file(cid, path, -1, -1, "skipped", "reader_stopped")
            run.files_skipped += 1
            run.reader_stops.append(path)
            stopped = len(run.reader_stops) >= MAX_READER_STOPS
            if stopped:
                text = translate("Documents", "Indexing stopped: the document reader stopped "
                                 "{count} times (last on {path}). Everything indexed before is "
                                 "kept.")  # fmt: skip
            else:
                text = translate("Documents", "The document reader stopped on {count} file(s) "
                                 "(last: {path}). They are listed as skipped and will be tried "
                                 "again next time; the rest is indexed.")  # fmt: skip
            run.error = text.format(count=len(run.reader_stops), path=path)
            if stopped:
                raise _TooManyStops from exc
            return
        if got.state == "cancelled":
            return  # the index keeps what it had for this file
        if got.state == "skipped":
            self.index.save_file(cid, path, size, mtime, "skipped", got.reason)
            run.files_skipped += 1
            return
        try:
            st = os.stat(path)
            after = (st.st_size, st.st_mtime_ns)
        except OSError:
            after = (-2, -2)
        if after != (size, mtime):  # changed or deleted while read: read it again next run
            self.index.save_file(cid, path, -1, -1, "changed", "changed")
            run.files_skipped += 1
            return
        self.index.save_file(cid, path, size, mtime, "indexed", "", got.chunks)
        run.files_read += 1
        run.chunks += len(got.chunks)
        run.text_bytes += got.text_bytes

    def run(
        self, name: str, controls: Controls | None = None,
        progress: Callable[[Progress], None] | None = None, meter: object | None = None,
    ) -> IndexRun:  # fmt: skip
        """Bring collection `name` up to date with the disk. `meter`: a FootprintMeter (or
        None to measure nothing). Raises StoreError when the index cannot be written."""
        controls = controls or Controls()
        run = IndexRun(name)
        cid = self.index.collection_id(name)
        if cid is None:
            raise KeyError(name)
        started = time.perf_counter()
        if meter is not None:
            meter.start()  # type: ignore[attr-defined]
        roots = next(c.roots for c in self.index.collections() if c.id == cid)
        on_disk, run.missing_roots = scan(roots)
        known = {f.path: f for f in self.index.files(cid)}
        gone = [p for p in known if p not in on_disk]
        if gone:
            self.index.remove_files(cid, gone)
            run.files_removed = len(gone)
        todo = []
        for path, (size, mtime) in on_disk.items():
            row = known.get(path)
            if row is not None and (row.size, row.mtime_ns) == (size, mtime) and size >= 0:
                run.files_unchanged += 1
            else:
                todo.append((path, size, mtime))
        self.reader = InProcessReader() if self.in_process else ReaderProcess()
        try:
            for done, (path, size, mtime) in enumerate(todo):
                if not controls.wait_if_paused():
                    run.cancelled = True
                    break
                if progress is not None:
                    progress(Progress(done, len(todo), path))
                self._index_file(cid, path, size, mtime, run, controls)
            else:
                if progress is not None:
                    progress(Progress(len(todo), len(todo), ""))
        except _TooManyStops:
            pass  # run.error says it; what was read is recorded and counted below
        finally:
            self.reader.close()
        run.cancelled = run.cancelled or controls.cancel.is_set()
        run.wall_s = time.perf_counter() - started
        if meter is not None:
            # The child's CPU time and memory are this run's too (RAPL, when readable, already
            # sees the whole package).
            meter.add_child_usage(self.reader.cpu_s, self.reader.peak_rss_mb)  # type: ignore[attr-defined]
            usage, run.footprint = meter.stop()  # type: ignore[attr-defined]
            run.cpu_s = usage.cpu_s
        run.index_bytes = self.index.size_on_disk()
        self.index.record_run(cid, {
            "wall_s": run.wall_s, "cpu_s": run.cpu_s,
            "energy_wh": run.footprint.energy_wh if run.footprint else None,
            "method": run.footprint.method if run.footprint else "",
            "files_read": run.files_read, "files_skipped": run.files_skipped,
            "files_removed": run.files_removed, "files_unchanged": run.files_unchanged,
            "chunks": run.chunks, "text_bytes": run.text_bytes, "index_bytes": run.index_bytes,
            "cancelled": int(run.cancelled),
        })  # fmt: skip
        return run


def ledger_entry(run: IndexRun) -> LedgerEntry | None:
    """The ledger's row for a run that read something (energy used stays counted)."""
    fp = run.footprint
    if fp is None or not (run.files_read or run.files_skipped or run.files_removed):
        return None
    return LedgerEntry(
        kind="indexing", energy_wh=fp.energy_wh, energy_wh_low=fp.energy_wh_low,
        energy_wh_high=fp.energy_wh_high, co2_g=fp.co2_g, water_ml=fp.water_ml,
        method=fp.method, grid=fp.grid, cpu_s=run.cpu_s, wall_s=run.wall_s,
        detail={"collection": run.collection, "files_read": run.files_read,
                "passages": run.chunks, "text_bytes": run.text_bytes},
    )  # fmt: skip
