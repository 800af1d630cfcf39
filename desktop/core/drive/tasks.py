"""The test drive's tasks: a built-in set (`resources/data/drive-tasks.json`) of everyday
questions whose answers a rule can check, in English and French, each with its source.

A user may put their own set in the app-data folder (`drive-tasks.json`, same format). A file
edited by hand into something invalid never stops the drive: `load_task_set` says what is wrong,
in plain words, and the built-in set is used instead.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from desktop.core.drive.scoring import KINDS
from desktop.core.i18n import translate
from desktop.core.paths import app_data_dir, resource_path

SCHEMA = 1
CATEGORIES = ("facts", "arithmetic", "units", "extraction", "rewrite", "classification",
              "translation")  # fmt: skip
USER_FILE = "drive-tasks.json"


class TaskFileError(ValueError):
    """A task file that cannot be used; `str()` says what is wrong and where."""


@dataclass(frozen=True)
class Task:
    id: str
    category: str
    lang: str  # "en" or "fr"
    prompt: str
    check: dict[str, Any]
    source: str  # where the expected answer comes from


@dataclass(frozen=True)
class TaskSet:
    name: str
    tasks: tuple[Task, ...]
    origin: str  # "built-in" or the user's file
    problem: str | None = None  # why the user's file was not used, if it was not

    def limited(self, limit: int | None) -> TaskSet:
        """The first `limit` tasks, taken round-robin over categories so a short drive still
        tries every kind of task."""
        if limit is None or limit >= len(self.tasks):
            return self
        by_category: dict[str, list[Task]] = {}
        for task in self.tasks:
            by_category.setdefault(task.category, []).append(task)
        picked: list[Task] = []
        while len(picked) < limit:
            for tasks in by_category.values():
                if tasks and len(picked) < limit:
                    picked.append(tasks.pop(0))
        return replace(self, tasks=tuple(picked))


def builtin_path() -> Path:
    return resource_path("data", "drive-tasks.json")


def user_path() -> Path:
    return app_data_dir() / USER_FILE


def _need(cond: bool, where: str, what: str) -> None:
    if not cond:
        raise TaskFileError(f"{where}: {what}")


def _check_of(raw: object, where: str) -> dict[str, Any]:
    _need(isinstance(raw, dict), where, "“check” must be an object")
    assert isinstance(raw, dict)
    kind = raw.get("kind")
    _need(kind in KINDS, where, f"“check.kind” must be one of {', '.join(KINDS)}")
    if kind in ("contains", "contains_all"):
        accept = raw.get("accept")
        ok = isinstance(accept, list) and bool(accept) and all(isinstance(a, str) for a in accept)
        _need(ok, where, "“check.accept” must be a list of texts")
    if kind == "number":
        value = raw.get("value")
        _need(isinstance(value, int | float) and not isinstance(value, bool), where,
              "“check.value” must be a number")  # fmt: skip
    if kind == "date":
        value = raw.get("value")
        _need(isinstance(value, str) and len(value.split("-")) == 3, where,
              "“check.value” must be a date written YYYY-MM-DD")  # fmt: skip
    if kind == "yes_no":
        _need(raw.get("value") in ("yes", "no"), where, "“check.value” must be yes or no")
    if kind == "constraint":
        max_words = raw.get("max_words")
        _need(max_words is None or (isinstance(max_words, int) and max_words > 0), where,
              "“check.max_words” must be a positive whole number")  # fmt: skip
    return dict(raw)


def parse_tasks(data: object, origin: str) -> TaskSet:
    """Validate a whole task file; raises TaskFileError naming the first problem."""
    _need(isinstance(data, dict), origin, "not a task file (an object with “tasks” expected)")
    assert isinstance(data, dict)
    _need(data.get("schema") == SCHEMA, origin, f"“schema” must be {SCHEMA}")
    raw_tasks = data.get("tasks")
    _need(isinstance(raw_tasks, list) and bool(raw_tasks), origin, "“tasks” must be a list")
    assert isinstance(raw_tasks, list)
    tasks, seen = [], set()
    for n, raw in enumerate(raw_tasks, 1):
        where = f"{origin}, task {n}"
        _need(isinstance(raw, dict), where, "each task must be an object")
        for key in ("id", "category", "lang", "prompt", "source"):
            _need(isinstance(raw.get(key), str) and bool(raw[key].strip()), where,
                  f"“{key}” missing or empty")  # fmt: skip
        _need(raw["category"] in CATEGORIES, where,
              f"“category” must be one of {', '.join(CATEGORIES)}")  # fmt: skip
        _need(raw["lang"] in ("en", "fr"), where, "“lang” must be en or fr")
        _need(raw["id"] not in seen, where, f"the id “{raw['id']}” is used twice")
        seen.add(raw["id"])
        check = _check_of(raw.get("check"), where)
        tasks.append(Task(raw["id"], raw["category"], raw["lang"], raw["prompt"], check,
                          raw["source"]))  # fmt: skip
    return TaskSet(str(data.get("name") or "Tasks"), tuple(tasks), origin)


def read_task_file(path: Path) -> TaskSet:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise TaskFileError(f"{path}: not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise TaskFileError(
            f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    return parse_tasks(data, str(path))


def builtin_tasks() -> TaskSet:
    return replace(read_task_file(builtin_path()), origin="built-in")


def load_task_set(path: Path | None = None) -> TaskSet:
    """The user's task file when there is one and it is valid, else the built-in set; a file
    that cannot be used is reported in `problem`, never raised."""
    path = path or user_path()
    builtin = builtin_tasks()
    if not path.exists():
        return builtin
    try:
        return read_task_file(path)
    except (TaskFileError, OSError) as exc:
        problem = translate(
            "Drive", "Your task file could not be used, so the built-in tasks were: {reason}"
        ).format(reason=exc)
        return replace(builtin, problem=problem)
