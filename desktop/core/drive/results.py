"""Saved test-drive results: `drive-results.json` in the app-data folder.

Each run is kept with its date, the machine, and each model file's sha256 (results belong to a
file, not a name: a re-downloaded or different quantisation is another model). The file keeps the
latest runs only; a damaged file is set aside, never fatal.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path
from typing import Any

from desktop.core.drive.records import DriveRun, ModelDrive
from desktop.core.jsonfile import write_json_atomically
from desktop.core.paths import app_data_dir, cache_dir

log = logging.getLogger(__name__)
RESULTS_FILE = "drive-results.json"
SCHEMA = 1
KEEP_RUNS = 50


def results_path() -> Path:
    return app_data_dir() / RESULTS_FILE


def file_sha256(path: Path) -> str:
    """The file's sha256, remembered in the cache by path, size and modification time (a 1.1 GB
    model takes about a second to hash)."""
    stat = path.stat()
    key = f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}"
    memo = cache_dir() / "checksums.json"
    try:
        known: dict[str, str] = json.loads(memo.read_text("utf-8"))
    except (OSError, ValueError):
        known = {}
    if isinstance(known, dict) and isinstance(known.get(key), str):
        return known[key]
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    value = digest.hexdigest()
    try:
        write_json_atomically(memo, {**(known if isinstance(known, dict) else {}), key: value})
    except OSError as exc:
        log.warning("could not remember a checksum in %s: %s", memo, exc)
    return value


_memo: dict[str, tuple[tuple[int, int], list[DriveRun]]] = {}


def load_runs(path: Path | None = None) -> list[DriveRun]:
    """Every saved run, oldest first (read once per change of the file: cards ask often)."""
    path = path or results_path()
    try:
        stat = path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
        if (hit := _memo.get(str(path))) is not None and hit[0] == stamp:
            return list(hit[1])
        data = json.loads(path.read_text("utf-8"))
        runs = [DriveRun.from_json(r) for r in data["runs"]]
    except FileNotFoundError:
        return []
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("ignoring damaged %s: %s", path, exc)
        return []
    _memo[str(path)] = (stamp, runs)
    return list(runs)


def save_run(run: DriveRun, path: Path | None = None) -> Path:
    """Append `run` (partial runs too, marked `stopped`) and keep the latest KEEP_RUNS."""
    path = path or results_path()
    runs = [*load_runs(path), run][-KEEP_RUNS:]
    body: dict[str, Any] = {"schema": SCHEMA, "runs": [r.to_json() for r in runs]}
    write_json_atomically(path, body)
    return path


def latest_for_model(file: str, size: int, path: Path | None = None) -> ModelDrive | None:
    """The newest drive of a model file known by name and size (no hashing: for the cards)."""
    for run in reversed(load_runs(path)):
        for drive in run.models:
            if (
                drive.file == file
                and drive.file_size == size
                and drive.outcomes
                and not drive.error
            ):
                return drive
    return None


def card_line(drive: ModelDrive) -> tuple[int, int, float | None]:
    """(correct, answered, Wh per answer) for "on this computer: 25/30 everyday tasks"."""
    return drive.correct, len(drive.outcomes), drive.energy_per_answer_wh


def latest_for_file(sha256: str, path: Path | None = None) -> tuple[DriveRun, ModelDrive] | None:
    """The newest complete drive of the model file with this checksum (for its card)."""
    for run in reversed(load_runs(path)):
        for drive in run.models:
            if drive.file_sha256 == sha256 and drive.outcomes and drive.error is None:
                return run, drive
    return None
