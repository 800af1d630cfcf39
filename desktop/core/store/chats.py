"""Conversations and messages, kept in one SQLite file, with the ledger of what answers cost.

Qt-free on purpose: the UI calls it and the tests drive it directly. Every failure surfaces as
StoreError, whose text is written for the person using the app, not for a developer.
"""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from desktop.core.i18n import translate
from desktop.core.records import STATUSES, AnswerStats
from desktop.core.store import ledger
from desktop.core.store.copying import WritableAgain
from desktop.core.store.ledger import LedgerQueries
from desktop.core.store.messages import MESSAGE_COLUMNS, Message, MessageReads
from desktop.core.store.schema import MIGRATIONS, SCHEMA_VERSION
from desktop.core.store.sqlite import (
    StoreError,
    connect_writable,
    open_read_only,
    plain_error,
    probe,
    schema_version,
)
from desktop.core.store.versions import IN_GROUP, VERSION_GROUP, MessageVersions

ROLES = ("user", "assistant")
# Notes are codes, translated when shown; older files may hold a sentence (shown as it is).
NOTES = ("stopped", "closed", "interrupted", "continued")
_CONVERSATION_COLUMNS = "id, title, system_prompt, created_at, updated_at"


@dataclass
class Conversation:
    id: int
    title: str  # "" for a new chat, shown as "New chat" in the user's language
    system_prompt: str
    created_at: float  # time.time()
    updated_at: float


# A new chat or message never takes the id of a deleted one: SQLite would reuse the largest id
# once its row is gone, and the ledger, which keeps the ids of deleted chats and replaced
# answers, would then count their cost as the new one's.
_NEVER_USED_ID = (
    "(SELECT MAX(n) + 1 FROM (SELECT COALESCE(MAX(id), 0) AS n FROM {table}"
    " UNION ALL SELECT COALESCE(MAX({column}), 0) FROM ledger))"
)


def _fold(value: object) -> str:
    # SQLite's LIKE only folds ASCII letters; str.casefold also matches "ÉTÉ" with "été".
    return str(value).casefold()


def _dump_stats(stats: AnswerStats | None) -> str:
    # default=str: an odd value (a Path, a numpy float) must not cost the user their message.
    return json.dumps(stats.stats_json() if stats else {}, ensure_ascii=False, default=str)


def _like(search: str) -> str:
    # Escape LIKE's wildcards so "100%" or "snake_case" match literally.
    escaped = search.casefold().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class ChatStore(MessageVersions, MessageReads, LedgerQueries, WritableAgain):
    """All chats of the app. With read_only=True, a copy in memory: changes are not saved until
    `retry_writable()` succeeds, which then writes them to the file."""

    def __init__(self, path: Path | str, *, read_only: bool = False) -> None:
        self._path = None if str(path) == ":memory:" else Path(path)
        self._read_only = read_only and self._path is not None
        self.can_retry = False  # a read-only copy whose file may become writable again
        self._copied_up_to = (0, 0)  # largest conversation and message ids of the copy's file
        self._opened_at = time.time()  # ledger rows from then on are this session's
        super().__init__(sqlite3.connect(":memory:", isolation_level=None))
        try:
            self._open()
        except BaseException as err:
            self._conn.close()
            if isinstance(err, sqlite3.Error):
                raise plain_error(
                    err, translate("Store", "your chats could not be opened")
                ) from err
            if isinstance(err, OSError):
                raise StoreError(
                    translate(
                        "Store",
                        "Smaller could not open the folder of your chats ({error}). Check that it"
                        " exists and is writable.",
                    ).format(error=err),
                    "read_only",
                ) from err
            raise

    def _open(self) -> None:
        if self._path is not None and self._read_only:
            source = open_read_only(self._path)
            try:
                source.backup(self._conn)  # works even when the folder is not writable
            finally:
                source.close()
            self._copied_up_to = self._largest_ids()
        elif self._path is not None:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            # Check the version without writing, so a newer app's file stays byte-for-byte intact.
            if self._path.exists() and (version := probe(self._path)) > SCHEMA_VERSION:
                raise StoreError(
                    translate(
                        "Store",
                        "Your chats file was made by a newer version of Smaller (format {version};"
                        " this one knows up to {known}). Update Smaller to use it; the file was not"
                        " changed.",
                    ).format(version=version, known=SCHEMA_VERSION),
                    "newer",
                )
            self._conn.close()
            self._conn = connect_writable(self._path)
        self._prepare(self._conn)

    def _prepare(self, conn: sqlite3.Connection) -> None:
        conn.execute("PRAGMA foreign_keys = ON")  # per connection; needed for CASCADE
        conn.create_function("casefold", 1, _fold, deterministic=True)
        # A newer file's copy stays as it is: our migrations could not know its layout.
        if schema_version(conn) < SCHEMA_VERSION:
            self._migrate(MIGRATIONS)

    def _largest_ids(self) -> tuple[int, int]:
        row = self._conn.execute(
            "SELECT (SELECT COALESCE(MAX(id), 0) FROM conversations),"
            " (SELECT COALESCE(MAX(id), 0) FROM messages)"
        ).fetchone()
        return int(row[0]), int(row[1])

    @property
    def read_only(self) -> bool:
        """True when changes live only in memory and are not saved to `path`."""
        return self._read_only

    @property
    def path(self) -> Path | None:
        """The chats file, or None for a purely in-memory store."""
        return self._path

    # -- conversations ---------------------------------------------------------------------------
    def list_conversations(
        self, search: str = "", *, in_messages: bool = False
    ) -> list[Conversation]:
        """Newest activity first; `search` keeps titles containing it (ignoring case), and with
        `in_messages` also chats where a message contains it."""
        sql = (
            f"SELECT {_CONVERSATION_COLUMNS} FROM conversations"
            " WHERE casefold(title) LIKE ? ESCAPE '\\'"
        )
        params: list[object] = [_like(search)]
        if search and in_messages:
            sql += (
                " OR id IN (SELECT conversation_id FROM messages"
                " WHERE shown = 1 AND casefold(content) LIKE ? ESCAPE '\\')"
            )
            params.append(_like(search))
        rows = self._read(sql + " ORDER BY updated_at DESC, id DESC", params)
        return [Conversation(*row) for row in rows]

    def create_conversation(self, title: str = "", system_prompt: str = "") -> Conversation:
        now = time.time()
        with self._write(translate("Store", "the new chat could not be saved")) as conn:
            new_id = _NEVER_USED_ID.format(table="conversations", column="conversation_id")
            cursor = conn.execute(
                "INSERT INTO conversations (id, title, system_prompt, created_at, updated_at)"
                f" VALUES ({new_id}, ?, ?, ?, ?)",
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
        """Messages go with it (cascade); what its answers cost stays in the ledger."""
        with self._write(translate("Store", "the chat could not be deleted")) as conn:
            conn.execute("DELETE FROM conversations WHERE id = ?", (cid,))

    # -- messages (reading them: MessageReads) ---------------------------------------------------
    def add_message(
        self,
        cid: int,
        role: str,
        content: str,
        status: str = "complete",
        stats: AnswerStats | None = None,
        note: str = "",
        version_of: int | None = None,
    ) -> Message:
        """A new message; with `version_of`, a new version of that message's place, shown
        instead of the others (store/versions.py)."""
        if role not in ROLES or status not in STATUSES:
            raise ValueError(f"bad role/status: {role!r}/{status!r}")
        now, stats_json = time.time(), _dump_stats(stats)
        with self._write(translate("Store", "the last message could not be saved")) as conn:
            cursor = conn.execute(
                f"INSERT INTO messages ({MESSAGE_COLUMNS})"
                f" VALUES ({_NEVER_USED_ID.format(table='messages', column='message_id')},"
                " ?, ?, ?, ?, ?, ?, ?)",
                (cid, role, content, status, now, stats_json, note),
            )
            if version_of is not None:
                conn.execute(
                    f"UPDATE messages SET shown = 0 WHERE {IN_GROUP}",
                    (version_of, version_of),
                )
                conn.execute(
                    f"UPDATE messages SET version_of = {VERSION_GROUP} WHERE id = ?",
                    (version_of, cursor.lastrowid),
                )
            conn.execute("UPDATE conversations SET updated_at = ? WHERE id = ?", (now, cid))
        assert cursor.lastrowid is not None
        return Message(cursor.lastrowid, cid, role, content, status, now, stats, note)

    def update_message(
        self,
        mid: int,
        *,
        content: str | None = None,
        status: str | None = None,
        stats: AnswerStats | None = None,
        note: str | None = None,
    ) -> None:
        with self._write(translate("Store", "the answer could not be saved")) as conn:
            self._update(conn, mid, content, status, stats, note)

    def _update(
        self, conn: sqlite3.Connection, mid: int, content: str | None, status: str | None,
        stats: AnswerStats | None, note: str | None,
    ) -> None:  # fmt: skip
        if status is not None and status not in STATUSES:
            raise ValueError(f"bad status: {status!r}")
        # Column names come from this literal mapping, never from the caller.
        fields = {"content": content, "status": status, "note": note}
        changes: dict[str, object] = {k: v for k, v in fields.items() if v is not None}
        if stats is not None:
            changes["stats"] = _dump_stats(stats)
        if changes:
            assignments = ", ".join(f"{name} = ?" for name in changes)
            conn.execute(
                f"UPDATE messages SET {assignments} WHERE id = ?", (*changes.values(), mid)
            )

    def save_partial(self, mid: int, content: str) -> None:
        """The text of an answer still being written, so a kill or a power cut keeps it."""
        with self._write(translate("Store", "the answer could not be saved")) as conn:
            conn.execute(
                "UPDATE messages SET content = ? WHERE id = ? AND status = 'streaming'",
                (content, mid),
            )

    def finish_answer(
        self, mid: int, content: str, stats: AnswerStats, note: str = "", kind: str = "answer"
    ) -> None:
        """The answer's final text, status and figures, and its ledger entry, in one
        transaction: an answer is never saved without its cost, nor its cost counted twice."""
        with self._write(translate("Store", "the answer could not be saved")) as conn:
            self._update(conn, mid, content, stats.status, stats, note)
            row = conn.execute("SELECT conversation_id FROM messages WHERE id = ?", (mid,))
            found = row.fetchone()
            entry = ledger.LedgerEntry.from_stats(
                stats, kind, conversation_id=found[0] if found else None, message_id=mid
            )
            if entry is not None:
                ledger.append(conn, entry)

    def delete_message(self, mid: int) -> None:
        with self._write(translate("Store", "the message could not be deleted")) as conn:
            conn.execute("DELETE FROM messages WHERE id = ?", (mid,))

    def mark_interrupted(self) -> int:
        """At start-up: answers still 'streaming' were cut off when the app last closed; their
        text, saved as it streamed, is kept."""
        with self._write(
            translate("Store", "an unfinished answer could not be marked as stopped")
        ) as conn:
            cursor = conn.execute(
                "UPDATE messages SET status = 'stopped', note = 'interrupted'"
                " WHERE status = 'streaming'"
            )
        return cursor.rowcount
