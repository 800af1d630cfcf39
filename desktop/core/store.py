"""Conversations and messages, kept in one SQLite file.

Qt-free on purpose: the UI calls it and the tests drive it directly. Every failure surfaces as
StoreError, whose text is written for the person using the app, not for a developer.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.core.i18n import translate

ROLES = ("user", "assistant")
STATUSES = ("complete", "streaming", "stopped", "error")
INTERRUPTED_NOTE = "Interrupted: the app closed before the answer finished."

# Entry N upgrades a file from schema version N to N+1; `PRAGMA user_version` records how many
# have run. Never edit a shipped entry, append a new one: every file then follows the same path.
_MIGRATIONS: list[tuple[str, ...]] = [
    (
        """CREATE TABLE conversations (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            system_prompt TEXT NOT NULL DEFAULT '',
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL)""",
        """CREATE TABLE messages (
            id INTEGER PRIMARY KEY,
            conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
            role TEXT NOT NULL,
            content TEXT NOT NULL,
            status TEXT NOT NULL,
            created_at REAL NOT NULL,
            stats TEXT NOT NULL DEFAULT '{}',
            note TEXT NOT NULL DEFAULT '')""",
        "CREATE INDEX messages_by_conversation ON messages(conversation_id, id)",
    ),
]
SCHEMA_VERSION = len(_MIGRATIONS)

_CONVERSATION_COLUMNS = "id, title, system_prompt, created_at, updated_at"
_MESSAGE_COLUMNS = "id, conversation_id, role, content, status, created_at, stats, note"


@dataclass
class Conversation:
    id: int
    title: str
    system_prompt: str
    created_at: float  # time.time()
    updated_at: float


@dataclass
class Message:
    id: int
    conversation_id: int
    role: str  # one of ROLES
    content: str
    status: str  # one of STATUSES
    created_at: float
    stats: dict[str, object]  # e.g. ttft_s, tokens_per_s, model; {} if none
    note: str  # short human note such as "Stopped by you"; "" if none


class StoreError(Exception):
    """A failure explained in plain words: what happened and what to do about it."""


def _plain_message(err: sqlite3.Error, what: str) -> str:
    """Turn an sqlite3 error into a sentence for a non-technical user; `what` says what failed."""
    # Extended codes (e.g. SQLITE_READONLY_DBMOVED) keep the primary code in the low byte.
    code = getattr(err, "sqlite_errorcode", 0) & 0xFF
    if code == sqlite3.SQLITE_FULL:
        text = translate(
            "Store", "Your disk is full: {what}. Free some space; earlier chats are safe."
        )
    elif code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_CANTOPEN):
        text = translate(
            "Store",
            "Smaller can't write to your chats file: {what}. Check that the file and its folder"
            " are not read-only; earlier chats are safe.",
        )
    elif code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        text = translate(
            "Store",
            "Your chats file is in use by another program (perhaps Smaller is open twice):"
            " {what}. Close the other one and try again.",
        )
    elif code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        text = translate(
            "Store", "Your chats file seems damaged: {what}. It has been left as it is."
        )
    else:
        text = translate(
            "Store", "Something went wrong: {what}. Restarting Smaller may help. ({error})"
        )
    return text.format(what=what, error=err)


def _fold(value: object) -> str:
    # SQLite's LIKE only folds ASCII letters; str.casefold also matches "ÉTÉ" with "été".
    return str(value).casefold()


def _dump_stats(stats: dict[str, object] | None) -> str:
    # default=str: an odd value (a Path, a numpy float) must not cost the user their message.
    return json.dumps(stats or {}, ensure_ascii=False, default=str)


def _load_stats(text: object) -> dict[str, object]:
    try:
        value = json.loads(str(text))
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _to_message(row: tuple[Any, ...]) -> Message:
    mid, cid, role, content, status, created_at, stats, note = row
    return Message(mid, cid, role, content, status, created_at, _load_stats(stats), note)


def _open_read_only(path: Path) -> sqlite3.Connection:
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
        conn = sqlite3.connect(f"{uri}?{mode}", uri=True, isolation_level=None)
        try:
            conn.execute("PRAGMA user_version").fetchone()  # connecting is lazy: force a read
            return conn
        except sqlite3.Error as err:
            conn.close()
            error = err
    assert error is not None
    raise error


def _version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def _probe(path: Path, *, check: bool = False) -> int:
    """Read the schema version, optionally verifying the file; raises sqlite3.DatabaseError."""
    conn = _open_read_only(path)
    try:
        if check:
            problems = [row[0] for row in conn.execute("PRAGMA quick_check")]
            if problems != ["ok"]:
                raise sqlite3.DatabaseError("; ".join(map(str, problems[:3])))
        return _version(conn)
    finally:
        conn.close()


def _writable(path: Path) -> bool:
    # The folder matters too: SQLite creates its -wal and -shm files next to the database.
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


class ChatStore:
    """All chats of the app. With read_only=True, a copy in memory: changes are not saved."""

    def __init__(self, path: Path | str, *, read_only: bool = False) -> None:
        self._path = None if str(path) == ":memory:" else Path(path)
        self._read_only = read_only and self._path is not None
        self._conn = sqlite3.connect(":memory:", isolation_level=None)
        try:
            self._open()
        except BaseException as err:
            self._conn.close()
            if isinstance(err, sqlite3.Error):
                raise StoreError(
                    _plain_message(err, translate("Store", "your chats could not be opened"))
                ) from err
            if isinstance(err, OSError):
                raise StoreError(
                    translate(
                        "Store",
                        "Smaller could not open the folder of your chats ({error}). Check that it"
                        " exists and is writable.",
                    ).format(error=err)
                ) from err
            raise

    def _open(self) -> None:
        if self._path is not None and self._read_only:
            source = _open_read_only(self._path)
            try:
                source.backup(self._conn)  # works even when the folder is not writable
            finally:
                source.close()
        elif self._path is not None:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            # Check the version without writing, so a newer app's file stays byte-for-byte intact.
            if self._path.exists() and (version := _probe(self._path)) > SCHEMA_VERSION:
                raise StoreError(
                    translate(
                        "Store",
                        "Your chats file was made by a newer version of Smaller (format {version};"
                        " this one knows up to {known}). Update Smaller to use it; the file was not"
                        " changed.",
                    ).format(version=version, known=SCHEMA_VERSION)
                )
            self._conn.close()
            self._conn = sqlite3.connect(self._path, isolation_level=None)
            # WAL: a crash mid-write never damages earlier chats, and readers don't block the
            # writer. NORMAL is durable enough with WAL (a power cut loses at most the last commit).
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = NORMAL")
        self._conn.execute("PRAGMA foreign_keys = ON")  # per connection; needed for CASCADE
        self._conn.create_function("casefold", 1, _fold, deterministic=True)
        # A newer file's copy stays as it is: our migrations could not know its layout.
        if (version := _version(self._conn)) < SCHEMA_VERSION:
            for number, statements in enumerate(_MIGRATIONS[version:], start=version + 1):
                with self._write(
                    translate("Store", "your chats file could not be prepared")
                ) as conn:
                    for sql in statements:
                        conn.execute(sql)
                    conn.execute(f"PRAGMA user_version = {number:d}")  # PRAGMA takes no params

    @property
    def read_only(self) -> bool:
        """True when changes live only in memory and are not saved to `path`."""
        return self._read_only

    @property
    def path(self) -> Path | None:
        """The chats file, or None for a purely in-memory store."""
        return self._path

    @contextmanager
    def _write(self, what: str) -> Iterator[sqlite3.Connection]:
        """One transaction; sqlite3 errors become StoreError with `what` in plain words."""
        try:
            self._conn.execute("BEGIN IMMEDIATE")
            yield self._conn
            self._conn.execute("COMMIT")
        except sqlite3.Error as err:
            self._rollback()
            raise StoreError(_plain_message(err, what)) from err
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        # SQLite may already have rolled back by itself (e.g. on SQLITE_FULL).
        if self._conn.in_transaction:
            self._conn.execute("ROLLBACK")

    def _read(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.Error as err:
            raise StoreError(
                _plain_message(err, translate("Store", "your chats could not be read"))
            ) from err

    def list_conversations(self, search: str = "") -> list[Conversation]:
        """Newest activity first; `search` keeps titles containing it, ignoring case."""
        # Escape LIKE's wildcards so "100%" or "snake_case" match literally.
        pattern = search.casefold().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = self._read(
            f"SELECT {_CONVERSATION_COLUMNS} FROM conversations"
            " WHERE casefold(title) LIKE ? ESCAPE '\\' ORDER BY updated_at DESC, id DESC",
            (f"%{pattern}%",),
        )
        return [Conversation(*row) for row in rows]

    def create_conversation(self, title: str = "New chat", system_prompt: str = "") -> Conversation:
        now = time.time()
        with self._write(translate("Store", "the new chat could not be saved")) as conn:
            cursor = conn.execute(
                "INSERT INTO conversations (title, system_prompt, created_at, updated_at)"
                " VALUES (?, ?, ?, ?)",
                (title, system_prompt, now, now),
            )
        assert cursor.lastrowid is not None
        return Conversation(cursor.lastrowid, title, system_prompt, now, now)

    def get_conversation(self, cid: int) -> Conversation | None:
        rows = self._read(f"SELECT {_CONVERSATION_COLUMNS} FROM conversations WHERE id = ?", (cid,))
        return Conversation(*rows[0]) if rows else None

    def rename_conversation(self, cid: int, title: str) -> None:
        with self._write(translate("Store", "the new name could not be saved")) as conn:
            conn.execute("UPDATE conversations SET title = ? WHERE id = ?", (title, cid))

    def set_system_prompt(self, cid: int, text: str) -> None:
        with self._write(translate("Store", "the instructions could not be saved")) as conn:
            conn.execute("UPDATE conversations SET system_prompt = ? WHERE id = ?", (text, cid))

    def delete_conversation(self, cid: int) -> None:
        with self._write(translate("Store", "the chat could not be deleted")) as conn:
            conn.execute("DELETE FROM conversations WHERE id = ?", (cid,))  # messages cascade

    def messages(self, cid: int) -> list[Message]:
        rows = self._read(
            f"SELECT {_MESSAGE_COLUMNS} FROM messages WHERE conversation_id = ? ORDER BY id",
            (cid,),
        )
        return [_to_message(row) for row in rows]

    def footprint_totals(self, cid: int | None = None) -> tuple[float, float, int]:
        """(energy in Wh, CO2 in g, answers counted) summed over the saved answers' footprints,
        for one chat or (None) for all chats. SQLite's JSON functions do the sum in place."""
        sql = (
            "SELECT COALESCE(SUM(json_extract(stats, '$.footprint.energy_wh')), 0),"
            " COALESCE(SUM(json_extract(stats, '$.footprint.co2_g')), 0),"
            " COUNT(json_extract(stats, '$.footprint.energy_wh'))"
            " FROM messages WHERE role = 'assistant'"
        )
        params: tuple[object, ...] = ()
        if cid is not None:
            sql += " AND conversation_id = ?"
            params = (cid,)
        energy, co2, count = self._read(sql, params)[0]
        return float(energy), float(co2), int(count)

    def add_message(
        self,
        cid: int,
        role: str,
        content: str,
        status: str = "complete",
        stats: dict[str, object] | None = None,
        note: str = "",
    ) -> Message:
        if role not in ROLES or status not in STATUSES:
            raise ValueError(f"bad role/status: {role!r}/{status!r}")
        now, stats_json = time.time(), _dump_stats(stats)
        with self._write(translate("Store", "the last message could not be saved")) as conn:
            cursor = conn.execute(
                f"INSERT INTO messages ({_MESSAGE_COLUMNS.removeprefix('id, ')})"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (cid, role, content, status, now, stats_json, note),
            )
            conn.execute("UPDATE conversations SET updated_at = ? WHERE id = ?", (now, cid))
        assert cursor.lastrowid is not None
        return Message(cursor.lastrowid, cid, role, content, status, now, dict(stats or {}), note)

    def update_message(
        self,
        mid: int,
        *,
        content: str | None = None,
        status: str | None = None,
        stats: dict[str, object] | None = None,
        note: str | None = None,
    ) -> None:
        if status is not None and status not in STATUSES:
            raise ValueError(f"bad status: {status!r}")
        # Column names come from this literal mapping, never from the caller.
        fields = {"content": content, "status": status, "note": note}
        changes: dict[str, object] = {k: v for k, v in fields.items() if v is not None}
        if stats is not None:
            changes["stats"] = _dump_stats(stats)
        if not changes:
            return
        assignments = ", ".join(f"{name} = ?" for name in changes)
        with self._write(translate("Store", "the answer could not be saved")) as conn:
            conn.execute(
                f"UPDATE messages SET {assignments} WHERE id = ?", (*changes.values(), mid)
            )

    def delete_message(self, mid: int) -> None:
        with self._write(translate("Store", "the message could not be deleted")) as conn:
            conn.execute("DELETE FROM messages WHERE id = ?", (mid,))

    def mark_interrupted(self) -> int:
        """At start-up: answers still 'streaming' were cut off when the app last closed."""
        with self._write(
            translate("Store", "an unfinished answer could not be marked as stopped")
        ) as conn:
            cursor = conn.execute(
                "UPDATE messages SET status = 'stopped', note = ? WHERE status = 'streaming'",
                (INTERRUPTED_NOTE,),
            )
        return cursor.rowcount

    def close(self) -> None:
        self._conn.close()  # safe to call twice


def open_store(path: Path) -> tuple[ChatStore, str | None]:
    """Open the chats file at start-up: never raises, never overwrites the user's file.

    Returns the store and, when something is off, a warning to show the user.
    """
    path = Path(path)
    try:
        # Verify before opening for writing: SQLite would otherwise happily add -wal files to,
        # or checkpoint into, a file we should leave alone.
        version = _probe(path, check=True) if path.exists() else 0
    except (sqlite3.Error, OSError) as err:
        # quick_check failures are raised by _probe without a code: they mean damage too.
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
    try:
        if version > SCHEMA_VERSION:
            return ChatStore(path, read_only=True), translate(
                "Store",
                "Your chats file was made by a newer version of Smaller: you can read your chats,"
                " but changes in this session will not be saved. Update Smaller to keep saving.",
            )
        if path.exists() and not _writable(path):
            return ChatStore(path, read_only=True), translate(
                "Store",
                "Your chats file is read-only: you can read your chats, but changes in this"
                " session will not be saved.",
            )
        return ChatStore(path), None
    except StoreError as err:
        problem = str(err)
    except Exception as err:  # a start-up must not crash on the chats file
        problem = translate("Store", "Your chats could not be opened ({error}).").format(error=err)
    try:  # e.g. a read-only file system that os.access did not foresee: still show the chats
        return ChatStore(path, read_only=True), translate(
            "Store",
            "{problem} For now, you can read your chats, but changes in this session will not be"
            " saved.",
        ).format(problem=problem)
    except Exception:
        return ChatStore(":memory:"), translate(
            "Store", "{problem} Chats of this session will not be saved."
        ).format(problem=problem)
