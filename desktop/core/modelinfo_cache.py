"""Where a model file's metadata is kept once read, so the next launch does not read it again.

Two places: a per-user cache keyed by the file's resolved path, size and modification time, and
a sidecar shipped beside a bundled model (`<file>.info.json`), keyed by size and a hash of the
file's two ends (an installed copy keeps neither its path nor its time). Both hold plain fields;
`modelfile` turns them into its `ModelInfo`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path

from desktop.core.jsonfile import write_json_atomically

log = logging.getLogger(__name__)

CACHE_SCHEMA = 1
Fields = dict[str, object]


def cache_key(resolved: Path, st: os.stat_result) -> Fields:
    return {"schema": CACHE_SCHEMA, "path": str(resolved), "size": st.st_size,
            "mtime_ns": st.st_mtime_ns}  # fmt: skip


def cache_file(cache_dir: Path, resolved: Path) -> Path:
    # One file per model path, so a changed model overwrites its entry instead of adding one.
    digest = hashlib.sha256(str(resolved).encode("utf-8")).hexdigest()[:16]
    return cache_dir / f"modelinfo-{digest}.json"


def cache_load(file: Path, key: Fields) -> Fields | None:
    """The stored fields when the key matches; None when missing, stale or damaged (the file is
    then simply read again)."""
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        if data.get("key") != key or not isinstance(data.get("info"), dict):
            return None
        return dict(data["info"])
    except (OSError, ValueError, AttributeError):
        return None


def cache_store(file: Path, key: Fields, fields: Fields) -> None:
    try:
        # Atomic, so a second app instance never reads half a file.
        write_json_atomically(file, {"key": key, "info": fields}, indent=None)
    except OSError as exc:
        log.warning("could not cache model info in %s: %s", file, exc)


def sidecar_path(path: Path) -> Path:
    """Metadata written beside a model we ship (`<file>.info.json`), so its first launch does
    not even open the header (written when GGUFReader took seconds; still saves the read)."""
    return path.with_name(path.name + ".info.json")


def sidecar_key(path: Path, size: int) -> Fields:
    # Keyed by size and a hash of the file's two ends, not by path or time: an installed copy
    # keeps neither, and a changed model changes its header or its tensors' tail.
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        digest.update(handle.read(1 << 20))
        handle.seek(max(size - (1 << 20), 0))
        digest.update(handle.read(1 << 20))
    return {"schema": CACHE_SCHEMA, "size": size, "ends_sha256": digest.hexdigest()}
