"""Typed records of a test drive: one answer, one model's drive, a whole run, and the summaries
the CLI, the window and the saved results show. JSON only at the edges (`to_json`/`from_json`)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class TaskOutcome:
    task_id: str
    category: str
    lang: str
    correct: bool
    answer: str
    status: str  # the answer's status: complete, stopped (cut at max_tokens is complete), error
    energy_wh: float | None  # None when nothing could be measured or estimated
    energy_method: str | None  # "measured" (RAPL) or "estimated"
    total_s: float
    completion_tokens: int


@dataclass
class CategoryScore:
    category: str
    tasks: int
    correct: int
    energy_wh: float  # all answers of the category
    time_s: float

    @property
    def share(self) -> float:
        return self.correct / self.tasks if self.tasks else 0.0


@dataclass
class ModelDrive:
    """One model's answers. `error` when it could not be loaded; `stopped` when cut short."""

    model: str
    key: str | None
    file: str
    file_size: int
    file_sha256: str | None
    outcomes: list[TaskOutcome] = field(default_factory=list)
    error: str | None = None
    stopped: bool = False
    load_s: float = 0.0

    @property
    def correct(self) -> int:
        return sum(o.correct for o in self.outcomes)

    @property
    def energy_wh(self) -> float:
        return sum(o.energy_wh or 0.0 for o in self.outcomes)

    @property
    def time_s(self) -> float:
        return sum(o.total_s for o in self.outcomes)

    @property
    def energy_per_answer_wh(self) -> float | None:
        return self.energy_wh / len(self.outcomes) if self.outcomes else None

    @property
    def energy_per_correct_wh(self) -> float | None:
        return self.energy_wh / self.correct if self.correct else None

    def by_category(self) -> list[CategoryScore]:
        scores: dict[str, CategoryScore] = {}
        for o in self.outcomes:
            s = scores.setdefault(o.category, CategoryScore(o.category, 0, 0, 0.0, 0.0))
            s.tasks += 1
            s.correct += o.correct
            s.energy_wh += o.energy_wh or 0.0
            s.time_s += o.total_s
        return list(scores.values())

    def summary_json(self) -> dict[str, Any]:
        return {
            "model": self.model, "file": self.file, "file_size": self.file_size,
            "file_sha256": self.file_sha256, "tasks": len(self.outcomes), "correct": self.correct,
            "energy_wh": round(self.energy_wh, 6),
            "energy_per_answer_wh": _r(self.energy_per_answer_wh),
            "energy_per_correct_wh": _r(self.energy_per_correct_wh),
            "time_s": round(self.time_s, 3), "load_s": round(self.load_s, 3),
            "stopped": self.stopped, "error": self.error,
            "categories": [
                {"category": c.category, "tasks": c.tasks, "correct": c.correct,
                 "energy_wh": round(c.energy_wh, 6), "time_s": round(c.time_s, 3)}
                for c in self.by_category()
            ],
        }  # fmt: skip


@dataclass
class DriveRun:
    date: str  # ISO 8601, UTC
    machine: dict[str, Any]
    task_set: str
    task_origin: str
    tasks: int
    max_tokens: int
    models: list[ModelDrive] = field(default_factory=list)
    stopped: bool = False  # the user stopped it or closed the window: partial results, marked
    problem: str | None = None  # e.g. the user's task file was invalid and the built-in set used

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DriveRun:
        models = [
            ModelDrive(**{**m, "outcomes": [TaskOutcome(**o) for o in m.get("outcomes", [])]})
            for m in data.get("models", [])
        ]
        return cls(**{**data, "models": models})

    def summary_json(self, bar: float = 0.8) -> dict[str, Any]:
        return {
            "date": self.date, "machine": self.machine, "task_set": self.task_set,
            "task_origin": self.task_origin, "tasks": self.tasks, "max_tokens": self.max_tokens,
            "stopped": self.stopped, "problem": self.problem,
            "models": [m.summary_json() for m in self.models],
            "bar": bar, "smallest_per_category": smallest_per_category(self, bar),
        }  # fmt: skip


def smallest_per_category(run: DriveRun, bar: float = 0.8) -> dict[str, str | None]:
    """For each category, the smallest model (by file size) that got at least `bar` of its
    tasks right, or None when no model reached it."""
    best: dict[str, tuple[int, str] | None] = {}
    for drive in run.models:
        for score in drive.by_category():
            best.setdefault(score.category, None)
            current = best[score.category]
            if score.share >= bar and (current is None or drive.file_size < current[0]):
                best[score.category] = (drive.file_size, drive.model)
    return {cat: (v[1] if v else None) for cat, v in best.items()}


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 6)
