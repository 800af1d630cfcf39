"""The window's side of the engine thread (`desktop.core.service.EngineService`).

Jobs (load, answer, reload, anything that needs the model) go to the one engine thread in the
order asked; their tokens and outcomes come back through a queue drained by a short timer on the
GUI thread, one batch per tick: never one signal per token, which keeps the window responsive
and avoids PySide6 6.12.0's crash after a few hundred emits on Python 3.11. Stop sets the running
answer's Event directly: a queued "stop" would never run while the engine is inside the C library.
"""

from __future__ import annotations

import itertools
import logging
import queue
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.core.context import Turn
from desktop.core.docs.grounding import DocumentsRequest
from desktop.core.engine import EngineError, SamplingSettings
from desktop.core.modelfile import ModelInfo
from desktop.core.models.settings import ModelSettings
from desktop.core.records import AnswerResult
from desktop.core.service import EngineService, Job, JobCancelled
from desktop.core.session import MeterSettings, ModelChoice, ModelSession

log = logging.getLogger(__name__)
DRAIN_INTERVAL_MS = 40

# Engine and download threads that did not stop within the bound at shutdown (for instance still
# inside the C library). `desktop.app` then ends the process without waiting for them.
LINGERING: list[object] = []


@dataclass
class AnswerRequest:
    user: str
    history: list[Turn] = field(default_factory=list)
    system_prompt: str | None = None  # None: the model's own standing instructions
    max_tokens: int = 512
    settings: SamplingSettings | None = None  # None: the model's own creativity
    reply_language: str | None = None  # "fr": ask for French unless the chat has instructions
    partial: str = ""  # Continue: the stopped answer the model goes on with
    request_id: int = 0
    documents: DocumentsRequest | None = None  # the chat's collections: answer from them


def _answer_from_documents(
    session: ModelSession, request: AnswerRequest, stop: Any, events: Any, rid: int
) -> AnswerResult:
    """On the engine thread: search the chat's collections (its own index connection), then
    answer from the passages, which come back with the answer as its sources."""
    from desktop.core.docs.grounding import answer_from_documents
    from desktop.core.docs.index import DocIndex
    from desktop.core.store.sqlite import StoreError

    assert request.documents is not None
    try:
        index = DocIndex()
    except StoreError as exc:  # the answer says why, in plain words; the chat goes on
        return AnswerResult(status="error", error_kind=f"documents_{exc.kind}", error=str(exc))
    try:
        return answer_from_documents(
            session, index, request.user, request.documents, history=request.history,
            system_prompt=request.system_prompt,
            settings=request.settings or session.sampling(request.max_tokens), stop=stop,
            on_text=lambda text: events.put(("chunk", (rid, text))),
            reply_language=request.reply_language,
        )  # fmt: skip
    except StoreError as exc:
        return AnswerResult(status="error", error_kind=f"documents_{exc.kind}", error=str(exc))
    finally:
        index.close()


class EngineController(QObject):
    """GUI-thread side: submits jobs, batches tokens, reports outcomes, stops and shuts down."""

    model_loaded = Signal(object, object)  # ModelInfo, ModelChoice
    model_failed = Signal(str, str, str)  # message, technical detail, kind
    chunk = Signal(int, str)  # request id, text (a batch of tokens)
    answer_done = Signal(int, object)  # request id, AnswerResult
    busy_changed = Signal(bool)
    progress = Signal(int, int, float)  # request id, tokens so far, seconds since the request

    def __init__(self, parent: QObject | None = None, *, threads: int | None = None) -> None:
        super().__init__(parent)
        self.service = EngineService(ModelSession(threads=threads)).start()
        self._events: queue.SimpleQueue[tuple[str, Any]] = queue.SimpleQueue()
        self._ids = itertools.count(1)
        self._outstanding = 0
        self._busy = False
        self._tokens: dict[int, int] = {}
        self._asked_at: dict[int, float] = {}
        self.choice: ModelChoice | None = None  # what is loaded, as the GUI last heard
        self.info: ModelInfo | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(DRAIN_INTERVAL_MS)
        self._timer.timeout.connect(self.drain)
        self._running = True

    @property
    def busy(self) -> bool:
        return self._outstanding > 0

    def _set_busy(self) -> None:
        busy = self._outstanding > 0
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)

    # -- submitting ----------------------------------------------------------------------------
    def run(
        self,
        work: Callable[[ModelSession, Any], Any],
        *,
        kind: str = "job",
        on_done: Callable[[Job[Any]], None] | None = None,
    ) -> Job[Any]:
        """Run `work(session, stop)` on the engine thread; `on_done(job)` then runs on the GUI
        thread."""
        self._outstanding += 1
        self._set_busy()
        self._timer.start()

        def finished(job: Job[Any]) -> None:
            self._events.put(("done", (job, on_done)))

        return self.service.submit(work, kind=kind, on_done=finished)

    def _load_job(self, load: Callable[[ModelSession], ModelInfo | None]) -> Job[Any]:
        kept: list[tuple[ModelInfo | None, ModelChoice | None]] = []

        def work(session: ModelSession, _stop: Any) -> tuple[ModelInfo, ModelChoice] | None:
            try:
                info = load(session)
            finally:  # what stays loaded, read on the engine thread, whatever happened
                kept.append((session.info, session.choice))
            choice = session.choice
            return None if info is None or choice is None else (info, choice)

        return self.run(work, kind="load", on_done=lambda job: self._on_load_done(job, kept))

    def load(self, choice: ModelChoice) -> Job[Any]:
        """Load `choice` with its own settings. The current model stays if the file is bad."""
        return self._load_job(lambda session: session.load(choice))

    def reload(self, settings: ModelSettings | None = None) -> Job[Any]:
        """Reload the current model after any answer in progress (new settings if given)."""
        return self._load_job(lambda session: session.reload(settings))

    def set_threads(self, threads: int | None) -> None:
        """The user's thread count: applied after the answer in progress, with a reload only
        when the loaded model's count changes (its own settings kept)."""

        self._load_job(lambda s: s.reload() if s.set_threads(threads) else None)

    def configure_meter(self, settings: MeterSettings) -> None:
        """Grid and CPU power for later answers (built on the engine thread: it reads data)."""
        self.run(lambda session, _stop: session.configure_meter(settings), kind="settings")

    def ask(self, request: AnswerRequest) -> int:
        """Queue an answer; returns its request id."""
        rid = next(self._ids)
        request.request_id = rid
        self._tokens[rid] = 0
        self._asked_at[rid] = time.monotonic()

        def work(session: ModelSession, stop: Any) -> AnswerResult:
            if request.documents is not None and request.documents.collections:
                return _answer_from_documents(session, request, stop, self._events, rid)
            return session.answer(
                request.user, history=request.history, system_prompt=request.system_prompt,
                settings=request.settings or session.sampling(request.max_tokens), stop=stop,
                on_text=lambda text: self._events.put(("chunk", (rid, text))),
                reply_language=request.reply_language, partial=request.partial,
            )  # fmt: skip

        self.run(work, kind="answer", on_done=lambda job: self._on_answer_done(rid, job))
        return rid

    def stop(self) -> None:
        """Stop the answer being written; takes effect at the next token (milliseconds)."""
        self.service.stop_current("answer")

    # -- receiving (GUI thread) ----------------------------------------------------------------
    def drain(self) -> None:
        batches: dict[int, list[str]] = {}
        finished: list[tuple[Job[Any], Callable[[Job[Any]], None] | None]] = []
        while True:
            try:
                what, payload = self._events.get_nowait()
            except queue.Empty:
                break
            if what == "chunk":
                rid, text = payload
                batches.setdefault(rid, []).append(text)
            else:
                finished.append(payload)
        for rid, texts in batches.items():
            self._tokens[rid] = self._tokens.get(rid, 0) + len(texts)  # one item per token
            self.chunk.emit(rid, "".join(texts))
            asked = self._asked_at.get(rid, time.monotonic())
            self.progress.emit(rid, self._tokens[rid], time.monotonic() - asked)
        for job, on_done in finished:
            self._outstanding -= 1
            if on_done is not None:
                try:
                    on_done(job)
                except Exception:
                    log.exception("engine job %s: handling its outcome failed", job.kind)
        if finished:
            self._set_busy()
        if self._outstanding <= 0:
            self._timer.stop()

    def _on_load_done(
        self, job: Job[Any], kept: list[tuple[ModelInfo | None, ModelChoice | None]]
    ) -> None:
        error = job.error
        if isinstance(error, JobCancelled):
            return
        if error is None:
            if job.result is None:  # nothing was (re)loaded
                return
            self.info, self.choice = job.result
            self.model_loaded.emit(self.info, self.choice)
            return
        # A failed load leaves the previous model in place when it could be kept.
        self.info, self.choice = kept[-1] if kept else (None, None)
        if isinstance(error, EngineError):
            self.model_failed.emit(str(error), error.detail, error.kind)
        else:
            self.model_failed.emit(
                self.tr("Could not load the model: {error}").format(error=error), repr(error),
                "unexpected",
            )  # fmt: skip

    def _on_answer_done(self, rid: int, job: Job[Any]) -> None:
        self._tokens.pop(rid, None)
        self._asked_at.pop(rid, None)
        result = job.result
        if not isinstance(result, AnswerResult):
            result = AnswerResult(status="error", error_kind="unexpected", error=str(job.error))
            if isinstance(job.error, JobCancelled):
                result = AnswerResult(status="stopped")
        self.answer_done.emit(rid, result)

    def shutdown(self, timeout_ms: int = 1500) -> bool:
        """Stop any answer, close the model on its own thread, and wait with a bound; then hand
        over whatever finished (the stopped answer, to be saved). False if the thread is stuck
        in the C library: the caller must then not wait more."""
        if not self._running:
            return True
        self._running = False
        finished = self.service.shutdown(timeout_ms / 1000)
        self.drain()
        self._timer.stop()
        if not finished:
            LINGERING.append(self.service)
        return finished
