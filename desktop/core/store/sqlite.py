"""What every SQLite file of the app shares: plain-word errors, careful opening, versioned schema.

A file is checked without writing before it is opened for writing, so a damaged file, or one a
newer Smaller made, is left byte-for-byte as it was. Writes are one transaction each (WAL, so a
crash mid-write never damages earlier data and readers never block the writer).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from desktop.core.errors import PlainError
from desktop.core.i18n import translate


class StoreError(PlainError):
    """A failure of the chats file, explained in plain words: what happened and what to do.
    `kind`: "full", "read_only", "busy", "damaged", "newer" or "failed"."""

    def __init__(self, message: str, kind: str = "failed", detail: str = "") -> None:
        super().__init__(kind, message, detail)


def error_kind(err: sqlite3.Error) -> str:
    # Extended codes (e.g. SQLITE_READONLY_DBMOVED) keep the primary code in the low byte.
    code = getattr(err, "sqlite_errorcode", 0) & 0xFF
    if code == sqlite3.SQLITE_FULL:
        return "full"
    if code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_CANTOPEN):
        return "read_only"
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return "busy"
    if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return "damaged"
    return "failed"


def plain_error(err: sqlite3.Error, what: str) -> StoreError:
    """Turn an sqlite3 error into a sentence for a non-technical user; `what` says what failed."""
    kind = error_kind(err)
    text = {
        "full": translate(
            "Store", "Your disk is full: {what}. Free some space; earlier chats are safe."
        ),
        "read_only": translate(
            "Store",
            "Smaller can't write to your chats file: {what}. Check that the file and its folder"
            " are not read-only; earlier chats are safe.",
        ),
        "busy": translate(
            "Store",
            "Your chats file is in use by another program (perhaps Smaller is open twice):"
            " {what}. Close the other one and try again.",
        ),
        "damaged": translate(
            "Store", "Your chats file seems damaged: {what}. It has been left as it is."
        ),
    }.get(kind) or translate(
        "Store", "Something went wrong: {what}. Restarting Smaller may help. ({error})"
    )
    return StoreError(text.format(what=what, error=err), kind, repr(err))


def open_read_only(path: Path) -> sqlite3.Connection:
    """Open `path` for reading, without writing to the file or creating files beside it.

    A plain `mode=ro` connection on a WAL database still creates -wal/-shm sidecars (and fails
    if the folder is read-only). `immutable=1` avoids that but ignores any -wal, so use it first
    only when no -wal exists: then nothing un-checkpointed can be missed and no other process
    has the file open in WAL mode.
    """
    uri = path.resolve().as_uri()  # as_uri() percent-encodes '?', '#' and spaces
    modes = ["mode=ro&immutable=1"]
    if Path(f"{path}-wal").exists():
        modes.insert(0, "mode=ro")
    error: sqlite3.Error | None = None
    for mode in modes:
        conn = sqlite3.connect(f"{uri}?{mode}", uri=True, isolation_level=None,
                               check_same_thread=False)  # fmt: skip
        try:
            conn.execute("PRAGMA user_version").fetchone()  # connecting is lazy: force a read
            return conn
        except sqlite3.Error as err:
            conn.close()
            error = err
    assert error is not None
    raise error


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def probe(path: Path, *, check: bool = False) -> int:
    """Read the schema version, optionally verifying the file; raises sqlite3.DatabaseError."""
    conn = open_read_only(path)
    try:
        if check:
            problems = [row[0] for row in conn.execute("PRAGMA quick_check")]
            if problems != ["ok"]:
                raise sqlite3.DatabaseError("; ".join(map(str, problems[:3])))
        return schema_version(conn)
    finally:
        conn.close()


def writable(path: Path) -> bool:
    # The folder matters too: SQLite creates its -wal and -shm files next to the database.
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def connect_writable(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    # WAL: a crash mid-write never damages earlier data, and readers don't block the writer.
    # NORMAL is durable enough with WAL (a power cut loses at most the last commit).
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA busy_timeout = 2000")  # another reader checkpointing: wait, briefly
    return conn


class Database:
    """One connection, its transactions and its migrations. Subclasses add the queries."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    @contextmanager
    def _write(self, what: str) -> Iterator[sqlite3.Connection]:
        """One transaction; sqlite3 errors become StoreError with `what` in plain words."""
        try:
            self._conn.execute("BEGIN IMMEDIATE")
            yield self._conn
            self._conn.execute("COMMIT")
        except sqlite3.Error as err:
            self._rollback()
            raise plain_error(err, what) from err
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        # SQLite may already have rolled back by itself (e.g. on SQLITE_FULL).
        if self._conn.in_transaction:
            self._conn.execute("ROLLBACK")

    def _read(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        try:
            return self._conn.execute(sql, tuple(params)).fetchall()
        except sqlite3.Error as err:
            raise plain_error(err, translate("Store", "your chats could not be read")) from err

    def _migrate(self, migrations: Sequence[Sequence[str]]) -> None:
        """Entry N upgrades a file from version N to N+1, each in its own transaction."""
        version = schema_version(self._conn)
        for number, statements in enumerate(migrations[version:], start=version + 1):
            with self._write(translate("Store", "your chats file could not be prepared")) as c:
                for sql in statements:
                    c.execute(sql)
                c.execute(f"PRAGMA user_version = {number:d}")  # PRAGMA takes no parameters

    def close(self) -> None:
        self._conn.close()  # safe to call twice
