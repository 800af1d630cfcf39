"""The engine thread and the window's side of it, against a fake model: order, batching, Stop,
shutdown, a full queue. Fast (no model, no file); the real model runs through the same path in
test_window.py and test_engine.py."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from desktop.core.engine import EngineError
from desktop.core.models.settings import ModelSettings
from desktop.core.records import AnswerResult
from desktop.core.service import EngineService, JobCancelled, QueueFull
from desktop.core.session import ModelChoice, ModelSession
from desktop.workers.engine_worker import AnswerRequest, EngineController


class FakeSession(ModelSession):
    """Answers with numbered tokens, one every `delay` seconds, and honours Stop like the
    engine does (checked at every token)."""

    def __init__(self, tokens: int = 20, delay: float = 0.005) -> None:
        super().__init__()
        self.tokens, self.delay = tokens, delay
        self.log: list[str] = []
        self.fail_paths: set[str] = set()
        self._loaded_choice: ModelChoice | None = None

    def load(self, choice: ModelChoice) -> Any:
        self.log.append(f"load {choice.name}")
        if str(choice.path) in self.fail_paths:
            raise EngineError("That file is not a model.", kind="not_gguf")
        self.choice = choice
        return object()  # stands for ModelInfo

    @property
    def info(self) -> Any:
        return object() if self.choice else None

    def answer(self, user: str, *, on_text: Callable[[str], None] | None = None,
               stop: threading.Event | None = None, **_: Any) -> AnswerResult:  # fmt: skip
        self.log.append(f"answer {user}")
        pieces = []
        for i in range(self.tokens):
            if stop is not None and stop.is_set():
                return AnswerResult(text="".join(pieces), status="stopped")
            time.sleep(self.delay)
            pieces.append(f"{i} ")
            if on_text:
                on_text(f"{i} ")
        return AnswerResult(text="".join(pieces), completion_tokens=len(pieces))

    def close(self) -> None:
        self.log.append("close")


def choice(name: str) -> ModelChoice:
    return ModelChoice(Path(f"/models/{name}.gguf"), name, ModelSettings())


def test_jobs_run_one_at_a_time_in_arrival_order() -> None:
    session = FakeSession(tokens=3)
    service = EngineService(session).start()
    try:
        jobs = [service.submit(lambda s, _st: s.load(choice("a")), kind="load")]
        jobs += [service.submit(lambda s, st, n=n: s.answer(f"q{n}", stop=st)) for n in range(3)]
        for job in jobs:
            job.wait(10)
        assert session.log == ["load a", "answer q0", "answer q1", "answer q2"]
    finally:
        assert service.shutdown(5)
    assert session.log[-1] == "close"  # closed on its own thread, at the end


def test_stop_ends_the_running_answer_and_cancel_drops_a_waiting_one() -> None:
    session = FakeSession(tokens=10_000, delay=0.001)
    service = EngineService(session).start()
    try:
        running = service.submit(lambda s, st: s.answer("long", stop=st))
        waiting = service.submit(lambda s, st: s.answer("never", stop=st))
        while not session.log:
            time.sleep(0.01)
        waiting.cancel()
        service.stop_current()
        assert running.wait(10).status == "stopped"
        with pytest.raises(JobCancelled):
            waiting.wait(10)
        assert "answer never" not in session.log
    finally:
        service.shutdown(5)


def test_a_full_queue_is_refused_when_limited() -> None:
    session = FakeSession(tokens=10_000, delay=0.001)
    service = EngineService(session, max_pending=2).start()
    try:
        service.submit(lambda s, st: s.answer("busy", stop=st))
        while not session.log:
            time.sleep(0.01)
        service.submit(lambda s, st: None, limit=True)
        service.submit(lambda s, st: None, limit=True)
        with pytest.raises(QueueFull):
            service.submit(lambda s, st: None, limit=True)
        service.submit(lambda s, st: None)  # the window's own jobs are never refused
    finally:
        service.shutdown(5)


def test_a_job_that_raises_does_not_end_the_thread() -> None:
    service = EngineService(FakeSession(tokens=1)).start()
    try:
        bad = service.submit(lambda s, st: 1 / 0)
        with pytest.raises(ZeroDivisionError):
            bad.wait(10)
        assert service.submit(lambda s, st: "still here").wait(10) == "still here"
    finally:
        service.shutdown(5)


def test_shutdown_stops_a_running_answer_and_waiting_jobs() -> None:
    session = FakeSession(tokens=100_000, delay=0.001)
    service = EngineService(session).start()
    running = service.submit(lambda s, st: s.answer("long", stop=st))
    later = service.submit(lambda s, st: s.answer("later", stop=st))
    while not session.log:
        time.sleep(0.01)
    assert service.shutdown(5)
    assert running.wait(1).status == "stopped"
    with pytest.raises(JobCancelled):
        later.wait(1)
    with pytest.raises(JobCancelled):
        service.submit(lambda s, st: None)
    assert session.log == ["answer long", "close"]


@pytest.fixture
def controller(qtbot: QtBot) -> EngineController:
    c = EngineController()
    c.service.shutdown(1)  # replace the real session with the fake one, on a fresh thread
    c.service = EngineService(FakeSession(tokens=40, delay=0.002)).start()
    yield c
    c.shutdown(2000)


def test_tokens_reach_the_window_in_batches_then_the_result(
    qtbot: QtBot, controller: EngineController
) -> None:
    chunks: list[str] = []
    results: list[AnswerResult] = []
    controller.chunk.connect(lambda _rid, text: chunks.append(text))
    controller.answer_done.connect(lambda _rid, r: results.append(r))
    rid = controller.ask(AnswerRequest("hi"))
    assert controller.busy
    qtbot.waitUntil(lambda: bool(results), timeout=10_000)
    assert rid == 1 and results[0].completion_tokens == 40
    assert "".join(chunks) == results[0].text
    assert 0 < len(chunks) < 40  # batched by the timer, never one signal per token
    qtbot.waitUntil(lambda: not controller.busy)


def test_a_failed_load_keeps_the_model_that_was_loaded(
    qtbot: QtBot, controller: EngineController
) -> None:
    session = controller.service.session
    assert isinstance(session, FakeSession)
    session.fail_paths.add("/models/broken.gguf")
    loaded: list[ModelChoice] = []
    failed: list[str] = []
    controller.model_loaded.connect(lambda _info, c: loaded.append(c))
    controller.model_failed.connect(lambda message, _d, kind: failed.append(kind))
    controller.load(choice("good"))
    controller.load(choice("broken"))
    qtbot.waitUntil(lambda: bool(failed), timeout=10_000)
    assert [c.name for c in loaded] == ["good"] and failed == ["not_gguf"]
    assert controller.choice is not None and controller.choice.name == "good"


def test_closing_mid_answer_hands_over_the_stopped_answer(
    qtbot: QtBot, controller: EngineController
) -> None:
    controller.service.session.tokens = 100_000  # type: ignore[attr-defined]
    results: list[AnswerResult] = []
    controller.answer_done.connect(lambda _rid, r: results.append(r))
    controller.ask(AnswerRequest("long"))
    qtbot.waitUntil(lambda: controller.service.current is not None, timeout=5000)
    assert controller.shutdown(2000)
    assert [r.status for r in results] == ["stopped"]
