"""Opening the chats file at start-up: never raises, never overwrites the user's file."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from desktop.core.i18n import translate
from desktop.core.store.chats import ChatStore
from desktop.core.store.schema import SCHEMA_VERSION
from desktop.core.store.sqlite import StoreError, probe, writable

log = logging.getLogger(__name__)


def _unreadable(path: Path, err: Exception) -> tuple[ChatStore, str]:
    # quick_check failures are raised by probe without a code: they mean damage too.
    damaged = sqlite3.SQLITE_CORRUPT if isinstance(err, sqlite3.DatabaseError) else 0
    code = getattr(err, "sqlite_errorcode", damaged) & 0xFF
    if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        warning = translate(
            "Store",
            "Your saved chats could not be read (the file {path} seems damaged). It has been"
            " left untouched; chats of this session will not be saved. To start afresh, move"
            " that file elsewhere and restart Smaller.",
        )
    else:
        warning = translate(
            "Store",
            "Your saved chats could not be read (the file {path} could not be opened:"
            " {error}). It has been left untouched; chats of this session will not be saved."
            " To start afresh, move that file elsewhere and restart Smaller.",
        )
    return ChatStore(":memory:"), warning.format(path=path, error=err)


def _read_only_copy(path: Path, problem: str, retry: bool) -> tuple[ChatStore, str]:
    """A copy in memory, so the chats can still be read, saying why changes are not saved."""
    try:
        store = ChatStore(path, read_only=True)
    except Exception:
        return ChatStore(":memory:"), translate(
            "Store", "{problem} Chats of this session will not be saved."
        ).format(problem=problem)
    store.can_retry = retry
    if retry:
        tail = translate(
            "Store",
            "For now, you can read your chats; Smaller keeps trying and saves this session's chats"
            " as soon as it can.",
        )
    else:
        tail = translate(
            "Store",
            "For now, you can read your chats, but changes in this session will not be saved.",
        )
    return store, f"{problem} {tail}"


def open_store(path: Path) -> tuple[ChatStore, str | None]:
    """Open the chats file and mark answers a crash cut off. Returns the store and, when
    something is off, a warning to show the user. The file is verified before it is opened for
    writing: SQLite would otherwise add -wal files to, or checkpoint into, a file we should
    leave alone."""
    path = Path(path)
    try:
        version = probe(path, check=True) if path.exists() else 0
    except (sqlite3.Error, OSError) as err:
        return _unreadable(path, err)
    if version > SCHEMA_VERSION:
        return _read_only_copy(path, translate(
            "Store",
            "Your chats file was made by a newer version of Smaller. Update Smaller to keep"
            " saving.",
        ), retry=False)  # fmt: skip
    if path.exists() and not writable(path):
        return _read_only_copy(path, translate("Store", "Your chats file is read-only."), True)
    try:
        store = ChatStore(path)
    except StoreError as err:
        return _read_only_copy(path, str(err), err.kind in ("busy", "full", "read_only"))
    except Exception as err:  # a start-up must not crash on the chats file
        log.exception("opening the chats file failed")
        problem = translate("Store", "Your chats could not be opened ({error}).").format(error=err)
        return _read_only_copy(path, problem, retry=False)
    try:
        store.mark_interrupted()  # answers cut off by a crash or a kill are kept, marked
    except StoreError as err:
        # Disk full, or another program holds a write lock: read now, write when it frees up.
        store.close()
        return _read_only_copy(path, str(err), retry=True)
    return store, None
