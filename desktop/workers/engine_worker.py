"""The worker thread that owns the model, and the GUI-side controller that drives it.

gpt4all's model is not thread-safe (a second generate or a close mid-answer kills the process),
so exactly one QThread creates, uses and closes the `Engine`. The GUI asks for work with queued
signals and stops an answer by setting a `threading.Event` directly: a queued "stop" slot would
never run while the worker is blocked inside the C library.

Tokens reach the GUI through a queue drained by a short timer, one batch per tick, never one
signal per token: that keeps the GUI responsive and avoids PySide6 6.12.0's crash after a few
hundred emits on Python 3.11.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from desktop.core.chatformat import ChatFormat
from desktop.core.context import Turn
from desktop.core.engine import AnswerResult, Engine, EngineError, SamplingSettings
from desktop.core.footprint import FootprintMeter, cpu_power_profile
from desktop.core.measured import answer_measured

log = logging.getLogger(__name__)
DRAIN_INTERVAL_MS = 40

# Worker threads that did not stop within the bound at shutdown (for instance still reading a
# large model's header). They are kept referenced so Qt never destroys a running QThread (which
# aborts the process); `desktop.app` then ends the process without waiting for them.
LINGERING: list[tuple[QThread, QObject]] = []


@dataclass
class LoadRequest:
    model_path: Path
    n_ctx: int = 2048
    n_threads: int | None = None
    chat_format: ChatFormat | None = None
    cache_dir: Path | None = None


@dataclass
class MeterSettings:
    zone: str | None = None  # electricity grid, e.g. "FRA"; None: from the system locale
    cpu_watts: float | None = None  # the CPU's power if the user chose it; None: detected


@dataclass
class AnswerRequest:
    request_id: int
    user: str
    history: list[Turn] = field(default_factory=list)
    system_prompt: str = ""
    settings: SamplingSettings = field(default_factory=SamplingSettings)


class EngineWorker(QObject):
    """Lives on the worker thread. Slots run there, one at a time."""

    loaded = Signal(object)  # ModelInfo
    load_failed = Signal(str, str)  # message, technical detail
    answered = Signal(int, object)  # request id, AnswerResult
    shut_down = Signal()

    def __init__(self, chunks: queue.SimpleQueue[tuple[int, str]], stop: threading.Event) -> None:
        super().__init__()
        self._chunks = chunks
        self._stop = stop
        self._engine: Engine | None = None
        self._meter: FootprintMeter | None = None
        self._meter_settings = MeterSettings()

    @Slot(object)
    def configure_meter(self, settings: MeterSettings) -> None:
        """Grid and CPU power for later answers (built on this thread: it reads data files)."""
        self._meter_settings = settings
        if self._meter is not None:
            self._apply_meter_settings(self._meter)

    def _apply_meter_settings(self, meter: FootprintMeter) -> None:
        settings = self._meter_settings
        if settings.zone:
            meter.set_zone(settings.zone)
        meter.set_profile(cpu_power_profile(tdp_override_w=settings.cpu_watts))

    def _ensure_meter(self) -> FootprintMeter:
        if self._meter is None:
            meter = FootprintMeter(zone=self._meter_settings.zone)
            self._apply_meter_settings(meter)
            if meter.rapl.available:
                meter.calibrate_idle()  # measured energy is net of the machine's idle power
            self._meter = meter
        return self._meter

    @Slot(object)
    def load(self, request: LoadRequest) -> None:
        self._close_engine()  # the old model is closed only here, between answers
        engine = Engine(
            request.model_path, n_ctx=request.n_ctx, n_threads=request.n_threads,
            chat_format=request.chat_format, cache_dir=request.cache_dir,
        )  # fmt: skip
        try:
            info = engine.load()
        except EngineError as exc:
            self.load_failed.emit(str(exc), exc.detail)
            return
        except Exception as exc:  # never let a surprise kill the thread silently
            log.exception("model load failed")
            self.load_failed.emit(f"Could not load the model: {exc}", repr(exc))
            return
        self._engine = engine
        try:
            self._ensure_meter()  # now, while idle: the first answer should not pay for it
        except Exception:
            log.exception("footprint meter unavailable")
        self.loaded.emit(info)

    @Slot(object)
    def answer(self, request: AnswerRequest) -> None:
        rid = request.request_id
        if self._engine is None:
            result = AnswerResult(text="", status="error", model="", error="No model is loaded.")
            self.answered.emit(rid, result)
            return
        try:
            result = answer_measured(
                self._engine, self._ensure_meter(), request.user, history=request.history,
                system_prompt=request.system_prompt, settings=request.settings, stop=self._stop,
                on_text=lambda text: self._chunks.put((rid, text)),
            )  # fmt: skip
        except Exception as exc:
            log.exception("answer failed")
            result = AnswerResult(
                text="", status="error", model=self._engine.name, error=f"The model failed: {exc}"
            )
        self.answered.emit(rid, result)

    @Slot()
    def shutdown(self) -> None:
        self._close_engine()
        self.shut_down.emit()
        thread = QThread.currentThread()
        if thread is not None:
            thread.quit()

    def _close_engine(self) -> None:
        if self._engine is not None:
            self._engine.close()
            self._engine = None


class EngineController(QObject):
    """GUI-thread side: starts the worker thread, batches tokens, stops and shuts down."""

    model_loaded = Signal(object)  # ModelInfo
    model_failed = Signal(str, str)
    chunk = Signal(int, str)  # request id, text (a batch of tokens)
    answer_done = Signal(int, object)  # request id, AnswerResult
    busy_changed = Signal(bool)
    progress = Signal(int, int, float)  # request id, tokens so far, seconds since the request

    _load_requested = Signal(object)
    _meter_requested = Signal(object)
    _answer_requested = Signal(object)
    _shutdown_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._chunks: queue.SimpleQueue[tuple[int, str]] = queue.SimpleQueue()
        self._stop = threading.Event()
        self._ids = itertools.count(1)
        self._busy = False
        self._tokens = 0
        self._asked_at = 0.0
        self._thread = QThread()
        self._thread.setObjectName("smaller-engine")
        self._worker = EngineWorker(self._chunks, self._stop)
        self._worker.moveToThread(self._thread)
        self._load_requested.connect(self._worker.load)
        self._answer_requested.connect(self._worker.answer)
        self._shutdown_requested.connect(self._worker.shutdown)
        self._meter_requested.connect(self._worker.configure_meter)
        self._worker.loaded.connect(self._on_loaded)
        self._worker.load_failed.connect(self._on_load_failed)
        self._worker.answered.connect(self._on_answered)
        self._timer = QTimer(self)
        self._timer.setInterval(DRAIN_INTERVAL_MS)
        self._timer.timeout.connect(self.drain)
        self._thread.start()
        self._running = True

    @property
    def busy(self) -> bool:
        return self._busy

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)

    def configure_meter(self, settings: MeterSettings) -> None:
        self._meter_requested.emit(settings)

    def load(self, request: LoadRequest) -> None:
        self._set_busy(True)
        self._load_requested.emit(request)

    def ask(self, request: AnswerRequest) -> int:
        """Queue an answer; returns its request id. The caller checks `busy` first."""
        request.request_id = next(self._ids)
        self._tokens = 0
        self._asked_at = time.monotonic()
        self._stop.clear()
        self._set_busy(True)
        self._timer.start()
        self._answer_requested.emit(request)
        return request.request_id

    def stop(self) -> None:
        """Stop the current answer; takes effect at the next token (milliseconds)."""
        self._stop.set()

    @Slot()
    def drain(self) -> None:
        batches: dict[int, list[str]] = {}
        while True:
            try:
                rid, text = self._chunks.get_nowait()
            except queue.Empty:
                break
            batches.setdefault(rid, []).append(text)
        for rid, texts in batches.items():
            self._tokens += len(texts)  # one queue item per token
            self.chunk.emit(rid, "".join(texts))
            self.progress.emit(rid, self._tokens, time.monotonic() - self._asked_at)

    def _on_loaded(self, info: object) -> None:
        self._set_busy(False)
        self.model_loaded.emit(info)

    def _on_load_failed(self, message: str, detail: str) -> None:
        self._set_busy(False)
        self.model_failed.emit(message, detail)

    def _on_answered(self, rid: int, result: AnswerResult) -> None:
        self._timer.stop()
        self.drain()  # the last tokens before the result
        self._set_busy(False)
        self.answer_done.emit(rid, result)

    def shutdown(self, timeout_ms: int = 1500) -> bool:
        """Stop any answer, close the model on its own thread, and wait with a bound.

        Returns False if the thread did not finish in time (then the caller must not wait more;
        the model is never closed from this thread)."""
        if not self._running:
            return True
        self._running = False
        self._timer.stop()
        self._stop.set()
        self._shutdown_requested.emit()
        finished = self._thread.wait(timeout_ms)
        if not finished:
            log.warning("engine thread did not stop within %d ms", timeout_ms)
            LINGERING.append((self._thread, self._worker))
        return bool(finished)
