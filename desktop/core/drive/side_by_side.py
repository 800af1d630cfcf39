"""One message answered by several installed models in turn, on the one engine thread.

`answer_in_turn(session, stop, ...)` is an engine job: for each model it loads it with its own
settings, answers, and unloads it (two models never share memory); the model the chat had is
loaded again at the end. A model that fails to load gets an error entry and the others still
answer; Stop ends the answer being written and skips the models not reached yet.

Marks ("good enough") from the window's blind comparison are saved in `compare-marks.json` in
the app-data folder.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop.core.drive.runner import restore
from desktop.core.engine import EngineError
from desktop.core.jsonfile import write_json_atomically
from desktop.core.paths import app_data_dir
from desktop.core.records import AnswerResult
from desktop.core.session import ModelChoice, ModelSession

MARKS_FILE = "compare-marks.json"


@dataclass
class TurnOutcome:
    """One model's part: its answer, or why it has none."""

    model: str
    file: str
    file_size: int
    result: AnswerResult | None = None
    error: str | None = None  # the model did not load
    skipped: bool = False  # Stop came before its turn


# (model index, "loading" | "answering" | "done", text so far or None)
TurnEvent = Callable[[int, str, str | None], None]


def answer_in_turn(
    session: ModelSession,
    stop: threading.Event,
    choices: list[ModelChoice],
    prompt: str,
    *,
    max_tokens: int = 256,
    temperature: float | None = None,
    system_prompt: str | None = None,
    on_event: TurnEvent | None = None,
) -> list[TurnOutcome]:
    def event(index: int, what: str, text: str | None = None) -> None:
        if on_event is not None:
            on_event(index, what, text)

    outcomes: list[TurnOutcome] = []
    previous = session.choice
    try:
        for index, choice in enumerate(choices):
            size = choice.path.stat().st_size if choice.path.exists() else 0
            outcome = TurnOutcome(choice.name, choice.path.name, size)
            outcomes.append(outcome)
            if stop.is_set():
                outcome.skipped = True
                continue
            event(index, "loading")
            try:
                session.load(choice)
            except EngineError as exc:
                outcome.error = str(exc)
                event(index, "done")
                continue
            event(index, "answering")
            outcome.result = session.answer(
                prompt, system_prompt=system_prompt,
                settings=session.sampling(max_tokens, temperature), stop=stop,
                on_text=lambda text, i=index: event(i, "text", text),  # type: ignore[misc]
            )  # fmt: skip
            session.unload()
            event(index, "done")
    finally:
        restore(session, previous)
    return outcomes


def marks_path() -> Path:
    return app_data_dir() / MARKS_FILE


def save_marks(
    prompt: str, outcomes: list[TurnOutcome], good: list[bool], blind: bool,
    path: Path | None = None,
) -> Path:  # fmt: skip
    """Append one comparison's marks: which answers the user found good enough."""
    path = path or marks_path()
    try:
        data: dict[str, Any] = json.loads(path.read_text("utf-8"))
        if not isinstance(data.get("marks"), list):
            raise ValueError("no marks")
    except (OSError, ValueError):
        data = {"schema": 1, "marks": []}
    data["marks"].append({
        "date": datetime.now(UTC).isoformat(timespec="seconds"), "prompt": prompt, "blind": blind,
        "answers": [
            {"model": o.model, "file": o.file, "good": ok,
             "answer": o.result.text if o.result else None}
            for o, ok in zip(outcomes, good, strict=True)
        ],
    })  # fmt: skip
    write_json_atomically(path, data)
    return path
