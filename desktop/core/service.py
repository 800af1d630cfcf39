"""The engine thread: one thread owns the `ModelSession` and runs jobs in arrival order.

gpt4all's model is not thread-safe (a second generate, or a close mid-answer, kills the process),
so everything that touches it (loading, answering, comparing models, the test drive, the API
server's requests) is a job run here, one at a time, in the order asked. Qt-free: the window
wraps it (desktop/workers/engine_worker.py), `smaller serve` uses it as it is.

Stopping: each job has its own stop Event, read by the engine's token and prompt callbacks, so
a job stops within milliseconds; a queued job that is cancelled never starts. A bounded queue
refuses work past its size (`QueueFull`), which the API server turns into 429.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from desktop.core.session import ModelSession

log = logging.getLogger(__name__)
T = TypeVar("T")
Work = Callable[[ModelSession, threading.Event], T]


class QueueFull(RuntimeError):
    """More jobs are waiting than the service accepts."""


class JobCancelled(RuntimeError):
    """The job was cancelled before it started, or the service shut down."""


@dataclass(eq=False)
class Job(Generic[T]):
    """One piece of work for the engine thread. `wait()` from any thread for its outcome."""

    id: int
    kind: str  # "load", "answer", "compare", "api"...: for the window's "busy with" line
    work: Work[T]
    on_done: Callable[[Job[T]], None] | None = None
    stop: threading.Event = field(default_factory=threading.Event)
    done: threading.Event = field(default_factory=threading.Event)
    result: T | None = None
    error: BaseException | None = None
    started: bool = False
    # The id is the order of arrival; `start_number` the order the engine began jobs in (the
    # server records both, so its ledger shows requests answered in arrival order).
    start_number: int | None = None
    queued_at: float = field(default_factory=time.monotonic)
    started_at: float | None = None

    def cancel(self) -> None:
        """Stop it if it runs (at the next token), or drop it if it still waits."""
        self.stop.set()

    def wait(self, timeout: float | None = None) -> T:
        if not self.done.wait(timeout):
            raise TimeoutError(f"job {self.id} ({self.kind}) still running")
        if self.error is not None:
            raise self.error
        return self.result  # type: ignore[return-value]


class EngineService:
    """Start once, `submit()` jobs from any thread, `shutdown()` at exit."""

    def __init__(self, session: ModelSession | None = None, *, max_pending: int = 64) -> None:
        self.session = session or ModelSession()
        self._queue: queue.Queue[Job[Any] | None] = queue.Queue()
        self._max_pending = max_pending
        self._ids = itertools.count(1)
        self._starts = itertools.count(1)
        self._lock = threading.Lock()
        self._pending: list[Job[Any]] = []
        self._current: Job[Any] | None = None
        self._thread = threading.Thread(target=self._run, name="smaller-engine", daemon=True)
        self._closing = False

    def start(self) -> EngineService:
        self._thread.start()
        return self

    # -- asking --------------------------------------------------------------------------------
    def submit(
        self,
        work: Work[T],
        *,
        kind: str = "job",
        on_done: Callable[[Job[T]], None] | None = None,
        limit: bool = False,
    ) -> Job[T]:
        """Queue `work(session, stop)`. With `limit`, refuse past `max_pending` waiting jobs."""
        with self._lock:  # ids, the queue and the waiting list in one order, whatever the thread
            if self._closing:
                raise JobCancelled("the engine is shutting down")
            if limit and len(self._pending) >= self._max_pending:
                raise QueueFull(f"{len(self._pending)} jobs are waiting")
            job: Job[T] = Job(next(self._ids), kind, work, on_done)
            self._pending.append(job)
            self._queue.put(job)
        return job

    @property
    def current(self) -> Job[Any] | None:
        return self._current

    @property
    def pending(self) -> int:
        with self._lock:
            return len(self._pending)

    @property
    def busy(self) -> bool:
        return self._current is not None or self.pending > 0

    def stop_current(self, kind: str | None = None) -> None:
        job = self._current
        if job is not None and (kind is None or job.kind == kind):
            job.cancel()

    # -- the thread ----------------------------------------------------------------------------
    def _run(self) -> None:
        while True:
            job = self._queue.get()
            if job is None:
                break
            with self._lock:
                if job in self._pending:
                    self._pending.remove(job)
                self._current = job
            try:
                if job.stop.is_set():
                    job.error = JobCancelled("cancelled before it started")
                else:
                    job.start_number, job.started_at = next(self._starts), time.monotonic()
                    job.started = True
                    job.result = job.work(self.session, job.stop)
            except BaseException as exc:  # a job's failure must never end the engine thread
                if not isinstance(exc, Exception):
                    log.error("engine job %s raised %r", job.kind, exc)
                elif not isinstance(exc, JobCancelled):
                    log.exception("engine job %s failed", job.kind)
                job.error = exc
            finally:
                self._current = None
                job.done.set()
                if job.on_done is not None:
                    try:
                        job.on_done(job)
                    except Exception:
                        log.exception("engine job %s: on_done failed", job.kind)
        try:
            self.session.close()  # closed on the thread that used it, never from another
        except Exception:
            log.exception("closing the model failed")

    def shutdown(self, timeout_s: float = 1.5) -> bool:
        """Stop the running job, drop waiting ones, close the model on its own thread and wait
        at most `timeout_s`. False if the thread is still inside the C library (then the caller
        must not close the model itself: the process should just exit)."""
        with self._lock:
            self._closing = True
            waiting = list(self._pending)
        for job in waiting:
            job.cancel()
        self.stop_current()
        if not self._thread.is_alive():
            if self._thread.ident is None:  # never started: close here, no thread used it
                self.session.close()
            return True
        self._queue.put(None)
        self._thread.join(timeout_s)
        if self._thread.is_alive():
            log.warning("engine thread did not stop within %.1f s", timeout_s)
            return False
        return True
