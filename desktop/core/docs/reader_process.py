"""Reading, chunking and embedding documents in a child process, so the window never waits.

Why a process: wordllama's model load and its tokenizer hold the GIL in single calls of 60 to
100 ms; on a thread of the app's process that froze the window that long (measured 114 ms). In a
child those calls hold the child's own GIL; the app's indexing thread only waits on a pipe (which
releases the GIL) and writes SQLite. 'spawn' everywhere: a fork of a process running Qt and
gpt4all threads is unsafe, and spawn is what Windows and macOS do anyway. In the frozen app the
child is the app's own executable, started by `multiprocessing.freeze_support()` in
desktop/__main__.py.

The parent sends one path at a time; the child answers with batches of passages (their vectors
already packed) then one line saying how the file ended, with its own CPU time and peak memory
so the run's energy counts the child too. Pause and cancel are shared events the child checks
between batches, as the in-process indexer did. A child that dies is reported as
`ReaderStopped`: the parent never wrote half a file, so the index stays as it was.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import multiprocessing.connection
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

log = logging.getLogger(__name__)

EMBED_BATCH = 256
STOP_WAIT_S = 2.0
POLL_S = 0.1
Chunk = tuple[int | None, int, str, bytes | None]


class Events(Protocol):
    """What the parent's `Controls` offers: two events set from other threads."""

    @property
    def cancel(self) -> Any: ...

    @property
    def pause(self) -> Any: ...


class ReaderStopped(RuntimeError):
    """The child process ended without answering (crashed, killed, out of memory)."""


@dataclass
class Extracted:
    """How one file ended in the child: 'indexed' (with passages), 'skipped' or 'cancelled'."""

    state: str
    reason: str = ""
    chunks: list[Chunk] = field(default_factory=list)
    text_bytes: int = 0


class ReaderProcess:
    """One child process for one indexing run; started on the first file that needs reading."""

    def __init__(self) -> None:
        self._ctx = multiprocessing.get_context("spawn")
        self._process: Any = None
        self._conn: multiprocessing.connection.Connection | None = None
        self._cancel: Any = None
        self._pause: Any = None
        self.cpu_s = 0.0  # the child's CPU time so far (all the children of this run)
        self.peak_rss_mb: float | None = None
        self._cpu_before = 0.0  # CPU of children that already ended

    @property
    def pid(self) -> int | None:
        return None if self._process is None else int(self._process.pid)

    def _start(self) -> None:
        parent, child = self._ctx.Pipe()
        self._cancel, self._pause = self._ctx.Event(), self._ctx.Event()
        self._process = self._ctx.Process(
            target=child_main, args=(child, self._cancel, self._pause),
            name="smaller-reader", daemon=True,
        )  # fmt: skip
        self._process.start()
        child.close()  # only the child holds its end: a dead child then reads as EOF here
        self._conn = parent

    def _mirror(self, controls: Events) -> None:
        if controls.cancel.is_set():
            self._cancel.set()
        if controls.pause.is_set():
            self._pause.set()
        else:
            self._pause.clear()

    def _note_usage(self, cpu_s: float, peak_rss_mb: float | None) -> None:
        self.cpu_s = self._cpu_before + cpu_s
        if peak_rss_mb is not None:
            self.peak_rss_mb = max(peak_rss_mb, self.peak_rss_mb or 0.0)

    def extract(self, path: str, controls: Events) -> Extracted:
        """Read, chunk and embed `path` in the child. Raises ReaderStopped if it dies."""
        if self._process is None:
            self._start()
        assert self._conn is not None
        self._mirror(controls)
        chunks: list[Chunk] = []
        try:
            self._conn.send(path)
            cancelled_at: float | None = None
            while True:
                # Waiting here releases the GIL; the events are mirrored ten times a second,
                # so pause and cancel reach the child well within a second.
                if not self._conn.poll(POLL_S):
                    self._mirror(controls)
                    if controls.cancel.is_set():
                        cancelled_at = cancelled_at or time.monotonic()
                        if time.monotonic() - cancelled_at > 1.0:
                            self.close(kill=True)  # stuck in one long call: stop it now
                            return Extracted("cancelled")
                    if not self._process.is_alive() and not self._conn.poll(0):
                        raise EOFError
                    continue
                message = self._conn.recv()
                if message[0] == "chunks":
                    chunks.extend(message[1])
                    continue
                state, reason, text_bytes, cpu_s, peak = message
                self._note_usage(cpu_s, peak)
                return Extracted(state, reason, chunks if state == "indexed" else [], text_bytes)
        except (EOFError, OSError) as exc:
            code = None
            if self._process is not None:
                self._process.join(1.0)  # reaped, so its exit code (or signal) is known
                code = self._process.exitcode
            self.close(kill=True)
            raise ReaderStopped(f"the document reader stopped (exit code {code})") from exc

    def close(self, kill: bool = False) -> None:
        """Stop the child (asking first, so its last CPU time is counted), then forget it."""
        process, conn = self._process, self._conn
        self._process = self._conn = None
        if process is None or conn is None:
            return
        if not kill:
            with contextlib.suppress(EOFError, OSError):
                conn.send(None)
                if conn.poll(STOP_WAIT_S):
                    _, cpu_s, peak = conn.recv()
                    self._note_usage(cpu_s, peak)
        process.join(0 if kill else STOP_WAIT_S)
        if process.is_alive():
            process.terminate()
            process.join(STOP_WAIT_S)
        conn.close()
        self._cpu_before = self.cpu_s


class InProcessReader:
    """The same work on the calling thread, as indexing did before the child process: kept so
    scripts/bench_documents.py can measure both side by side in one run. Not used by the app."""

    pid = None
    cpu_s = 0.0  # already in this process's CPU time
    peak_rss_mb = None

    def __init__(self) -> None:
        self._embedder: list[Any] = []

    def extract(self, path: str, controls: Events) -> Extracted:
        sink = _Sink()
        state, reason, text_bytes = _extract(path, sink, controls, self._embedder)
        return Extracted(state, reason, sink.chunks if state == "indexed" else [], text_bytes)

    def close(self, kill: bool = False) -> None:
        pass


class _Sink:
    def __init__(self) -> None:
        self.chunks: list[Chunk] = []

    def send(self, message: tuple[str, list[Chunk]]) -> None:
        self.chunks.extend(message[1])


# -- in the child ---------------------------------------------------------------------------------
def _peak_rss_mb() -> float | None:
    """The child's own peak memory. Not getrusage: on Linux its ru_maxrss survives exec, so a
    spawned child would report the parent's peak; /proc's VmHWM is this process's alone."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
    except (OSError, ValueError):
        pass
    try:  # elsewhere: the peak working set (Windows) or the resident size now (macOS)
        import psutil

        info = psutil.Process().memory_info()
        return float(getattr(info, "peak_wset", info.rss)) / 2**20
    except Exception:  # psutil raises platform-specific errors; memory is then unknown
        return None


def _usage() -> tuple[float, float | None]:
    return time.process_time(), _peak_rss_mb()


def _extract(path: str, conn: Any, controls: Any, embedder: list[Any]) -> tuple[str, str, int]:
    from desktop.core.docs.chunking import chunk_pages
    from desktop.core.docs.embedder import Embedder, EmbedderUnavailable, to_blob
    from desktop.core.docs.readers import Cancelled, Skipped, read_document

    try:
        pages = read_document(Path(path), controls.cancel)
    except Cancelled:
        return "cancelled", "", 0
    except Skipped as skip:
        return "skipped", skip.reason, 0
    chunks = chunk_pages(pages)
    if not embedder:
        try:
            embedder.append(Embedder.shared())
        except EmbedderUnavailable as exc:
            log.warning("%s", exc)
            embedder.append(None)  # keyword search still works
    for start in range(0, len(chunks), EMBED_BATCH):
        if not controls.wait_if_paused():
            return "cancelled", "", 0
        part = chunks[start : start + EMBED_BATCH]
        if embedder[0] is None:
            blobs: list[bytes | None] = [None] * len(part)
        else:
            blobs = [to_blob(v) for v in embedder[0].embed([c.text for c in part])]
        conn.send(
            ("chunks", [(c.page, c.position, c.text, b) for c, b in zip(part, blobs, strict=True)])
        )
    return "indexed", "", sum(len(p.text.encode("utf-8")) for p in pages)


def child_main(conn: Any, cancel: Any, pause: Any) -> None:
    """The child's loop: one path in, its passages out, until the parent sends None."""
    from desktop.core.docs.indexer import Controls

    controls = Controls(cancel=cancel, pause=pause)
    embedder: list[Any] = []  # loaded on the first file with text, once
    while True:
        try:
            path = conn.recv()
        except EOFError:
            return  # the parent is gone
        if path is None:
            conn.send(("stopped", *_usage()))
            return
        state, reason, text_bytes = _extract(path, conn, controls, embedder)
        conn.send((state, reason, text_bytes, *_usage()))
