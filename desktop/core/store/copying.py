"""Writing back what a read-only session added, once the chats file can be written again."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from desktop.core.store.schema import SCHEMA_VERSION
from desktop.core.store.sqlite import Database, StoreError, connect_writable, schema_version

_CONVERSATION_COLUMNS = "id, title, system_prompt, created_at, updated_at"
_MESSAGE_COLUMNS = "id, conversation_id, role, content, status, created_at, stats, note"


def copy_new_rows(
    source: sqlite3.Connection,
    target: sqlite3.Connection,
    copied_up_to: tuple[int, int],
    since: float,
) -> None:
    """Conversations and messages created in the in-memory copy after it was taken (ids above
    `copied_up_to`), and ledger rows from `since` on, into `target`: same ids, one transaction.
    Raises sqlite3.Error (and writes nothing) if the file gained rows meanwhile."""
    max_cid, max_mid = copied_up_to
    target.execute("BEGIN IMMEDIATE")
    try:
        newer = target.execute(
            "SELECT (SELECT COUNT(*) FROM conversations WHERE id > ?)"
            " + (SELECT COUNT(*) FROM messages WHERE id > ?)",
            (max_cid, max_mid),
        ).fetchone()[0]
        if newer:
            raise sqlite3.OperationalError("the chats file changed meanwhile")
        target.executemany(
            f"INSERT INTO conversations ({_CONVERSATION_COLUMNS}) VALUES (?, ?, ?, ?, ?)",
            source.execute(
                f"SELECT {_CONVERSATION_COLUMNS} FROM conversations WHERE id > ?", (max_cid,)
            ),
        )
        # Messages added in memory to chats of the file keep their place too.
        target.executemany(
            f"INSERT INTO messages ({_MESSAGE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            source.execute(f"SELECT {_MESSAGE_COLUMNS} FROM messages WHERE id > ?", (max_mid,)),
        )
        columns = [row[1] for row in source.execute("PRAGMA table_info(ledger)")][1:]
        names = ", ".join(columns)
        target.executemany(
            f"INSERT INTO ledger ({names}) VALUES ({', '.join('?' * len(columns))})",
            source.execute(f"SELECT {names} FROM ledger WHERE at >= ?", (since,)),
        )
        target.execute("COMMIT")
    except BaseException:
        target.execute("ROLLBACK")
        raise


class WritableAgain(Database):
    """A read-only copy that goes back to its file once the file can be written."""

    _path: Path | None
    _read_only: bool
    _copied_up_to: tuple[int, int]
    _opened_at: float

    def _prepare(self, conn: sqlite3.Connection) -> None:
        raise NotImplementedError

    def mark_interrupted(self) -> int:
        raise NotImplementedError

    def retry_writable(self) -> bool:
        """For a read-only copy whose file may have become writable (disk freed, lock released):
        open the file, write there what this session added, and go on with the file. False (and
        nothing changed) if it still cannot be written."""
        if not self._read_only or self._path is None:
            return not self._read_only
        try:
            conn = connect_writable(self._path)
        except sqlite3.Error:
            return False
        try:
            if schema_version(conn) != SCHEMA_VERSION:
                conn.close()
                return False
            copy_new_rows(self._conn, conn, self._copied_up_to, self._opened_at)
        except sqlite3.Error:
            conn.close()
            return False
        old, self._conn, self._read_only = self._conn, conn, False
        old.close()
        self._prepare(conn)
        with contextlib.suppress(StoreError):  # retried with the next write's message
            self.mark_interrupted()
        return True
