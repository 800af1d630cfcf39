"""Run the test drive: every chosen model, one after the other, on the one engine.

`run_drive(session, stop, ...)` is an engine job (desktop/core/service.py): it runs on the thread
that owns the model, loads each model in turn with its own settings, answers every task greedily
(temperature 0, top-k 1, no repeat penalty: the same answer every time), scores it by rule, and
unloads it. The model that was loaded before is loaded again at the end. A model that fails to
load is reported in its own entry and the others still run; Stop (the job's event) ends the run
at once, keeping what was answered, marked as stopped.
"""

from __future__ import annotations

import logging
import platform
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from typing import Any

import psutil

from desktop.core.drive.records import DriveRun, ModelDrive, TaskOutcome
from desktop.core.drive.results import file_sha256
from desktop.core.drive.scoring import score
from desktop.core.drive.tasks import TaskSet
from desktop.core.engine import EngineError, SamplingSettings
from desktop.core.session import ModelChoice, ModelSession

log = logging.getLogger(__name__)

DEFAULT_MAX_TOKENS = 48  # every task asks for a short answer; a verbose one is cut, not waited for
SYSTEM_PROMPTS = {"en": "Answer briefly.", "fr": "Réponds brièvement, en français."}


@dataclass(frozen=True)
class DriveProgress:
    model: str
    model_index: int  # 0-based
    models: int
    task_index: int  # tasks answered so far by this model
    tasks: int
    last_correct: bool | None = None


def greedy(max_tokens: int) -> SamplingSettings:
    return SamplingSettings(max_tokens=max_tokens, temperature=0.0, top_k=1, top_p=1.0,
                            repeat_penalty=1.0)  # fmt: skip


def machine_description() -> dict[str, Any]:
    """What the figures depend on; no host name or user name (results may be shared)."""
    memory = psutil.virtual_memory().total
    return {
        "cpu": _cpu_name() or platform.processor() or platform.machine(),
        "physical_cores": psutil.cpu_count(logical=False), "logical_cores": psutil.cpu_count(),
        "ram_gb": round(memory / 1e9, 1), "system": f"{platform.system()} {platform.release()}",
    }  # fmt: skip


def _cpu_name() -> str | None:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return None


def run_drive(
    session: ModelSession,
    stop: threading.Event,
    choices: list[ModelChoice],
    task_set: TaskSet,
    *,
    max_tokens: int = DEFAULT_MAX_TOKENS,
    on_progress: Callable[[DriveProgress], None] | None = None,
    checksum: bool = True,
) -> DriveRun:
    run = DriveRun(
        date=datetime.now(UTC).isoformat(timespec="seconds"), machine=machine_description(),
        task_set=task_set.name, task_origin=task_set.origin, tasks=len(task_set.tasks),
        max_tokens=max_tokens, problem=task_set.problem,
    )  # fmt: skip
    previous = session.choice
    settings = greedy(max_tokens)
    try:
        for index, choice in enumerate(choices):
            if stop.is_set():
                run.stopped = True
                break
            progress = partial(_progress, on_progress, choice, index, len(choices))
            drive = _drive_one(session, stop, choice, task_set, settings, checksum, progress)
            run.models.append(drive)
            run.stopped = run.stopped or drive.stopped
    finally:
        restore(session, previous)
    return run


def _progress(
    callback: Callable[[DriveProgress], None] | None,
    choice: ModelChoice, index: int, models: int, done: int, tasks: int, ok: bool | None,
) -> None:  # fmt: skip
    if callback is not None:
        callback(DriveProgress(choice.name, index, models, done, tasks, ok))


def _drive_one(
    session: ModelSession,
    stop: threading.Event,
    choice: ModelChoice,
    task_set: TaskSet,
    settings: SamplingSettings,
    checksum: bool,
    progress: Callable[[int, int, bool | None], None],
) -> ModelDrive:
    total = len(task_set.tasks)
    size = choice.path.stat().st_size if choice.path.exists() else 0
    drive = ModelDrive(choice.name, choice.key, choice.path.name, size,
                       file_sha256(choice.path) if checksum and size else None)  # fmt: skip
    started = time.perf_counter()
    try:
        session.load(choice)
    except EngineError as exc:
        drive.error = str(exc)
        log.warning("drive: %s did not load (%s)", choice.name, exc.kind)
        progress(0, total, None)
        return drive
    drive.load_s = time.perf_counter() - started
    progress(0, total, None)
    try:
        for n, task in enumerate(task_set.tasks, 1):
            if stop.is_set():
                drive.stopped = True
                break
            result = session.answer(
                task.prompt, system_prompt=SYSTEM_PROMPTS.get(task.lang, ""),
                settings=settings, stop=stop,
            )  # fmt: skip
            if stop.is_set():  # cut by Stop: not this model's answer, so not scored
                drive.stopped = True
                break
            ok = result.status != "error" and score(task.check, result.text, task.prompt)
            fp = result.footprint
            drive.outcomes.append(TaskOutcome(
                task.id, task.category, task.lang, ok, result.text, result.status,
                fp.energy_wh if fp else None, fp.method if fp else None,
                round(result.total_s, 4), result.completion_tokens,
            ))  # fmt: skip
            progress(n, total, ok)
    finally:
        session.unload()
    return drive


def restore(session: ModelSession, previous: ModelChoice | None) -> None:
    """Load again the model the user had, so a drive leaves the chat as it found it."""
    if previous is None or session.choice == previous:
        return
    try:
        session.load(previous)
    except EngineError as exc:
        log.warning("drive: could not reload %s (%s)", previous.name, exc.kind)
