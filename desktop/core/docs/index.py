"""The documents index: its own SQLite file beside the chats (never inside the chats file).

Tables: collections, their roots (folders or files the user added), files (size, modification
time, state and reason), passages ("chunks": page, position, text, vector) and the runs that
built them (what indexing cost). Keyword search uses SQLite's FTS5 with BM25 ranking when the
SQLite in use has it (checked at opening; some Python builds lack it), otherwise the caller falls
back to the bm25s library (desktop/core/docs/search.py). Each file's passages are replaced in one
transaction, so a crash or a full disk leaves the index as it was before that file.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.core.i18n import translate
from desktop.core.paths import app_data_dir
from desktop.core.store.sqlite import (
    Database,
    StoreError,
    connect_writable,
    error_kind,
    plain_error,
)

INDEX_FILE = "documents.sqlite3"

_SCHEMA: list[tuple[str, ...]] = [
    (
        """CREATE TABLE collections (
            id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, created_at REAL NOT NULL)""",
        """CREATE TABLE roots (
            collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
            path TEXT NOT NULL, PRIMARY KEY (collection_id, path))""",
        """CREATE TABLE files (
            id INTEGER PRIMARY KEY,
            collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
            path TEXT NOT NULL, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
            state TEXT NOT NULL, reason TEXT NOT NULL DEFAULT '', chunks INTEGER NOT NULL DEFAULT 0,
            text_chars INTEGER NOT NULL DEFAULT 0, indexed_at REAL NOT NULL,
            UNIQUE (collection_id, path))""",
        """CREATE TABLE chunks (
            id INTEGER PRIMARY KEY,
            file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
            page INTEGER, position INTEGER NOT NULL, text TEXT NOT NULL, vector BLOB)""",
        "CREATE INDEX chunks_by_file ON chunks(file_id)",
        """CREATE TABLE runs (
            id INTEGER PRIMARY KEY, collection_id INTEGER, at REAL NOT NULL, wall_s REAL NOT NULL,
            cpu_s REAL, energy_wh REAL, method TEXT NOT NULL DEFAULT '', files_read INTEGER,
            files_skipped INTEGER, files_removed INTEGER, files_unchanged INTEGER,
            chunks INTEGER, text_bytes INTEGER, index_bytes INTEGER, cancelled INTEGER)""",
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)",
        "INSERT INTO meta VALUES ('generation', 0)",
    ),
]
_FTS = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS chunks_fts USING fts5("
    "text, content='chunks', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS chunks_fts_add AFTER INSERT ON chunks BEGIN "
    "INSERT INTO chunks_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS chunks_fts_del AFTER DELETE ON chunks BEGIN "
    "INSERT INTO chunks_fts(chunks_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
)


def index_path() -> Path:
    return app_data_dir() / INDEX_FILE


def sqlite_has_fts5() -> bool:
    """Whether this Python's SQLite was built with FTS5."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("CREATE VIRTUAL TABLE probe USING fts5(text)")
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        conn.close()


@dataclass(frozen=True)
class Collection:
    id: int
    name: str
    roots: tuple[str, ...]
    files: int
    indexed: int
    skipped: int
    chunks: int
    size_bytes: int


@dataclass(frozen=True)
class FileRow:
    id: int
    path: str
    size: int
    mtime_ns: int
    state: str  # "indexed", "skipped", "changed" (changed while read: read again next time)
    reason: str  # the skip reason code
    chunks: int


class DocIndex(Database):
    """One connection to the index file. Open one per thread (WAL lets readers run alongside
    the indexer)."""

    def __init__(self, path: Path | None = None, *, fts5: bool | None = None) -> None:
        self.path = path or index_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.set_aside: Path | None = None  # where a damaged index was moved, if it was
        try:
            conn = self._connect()
        except sqlite3.Error as err:
            raise StoreError(
                translate("Documents", "The documents index could not be opened: {error}").format(
                    error=err
                ),
                "failed", repr(err),
            ) from err  # fmt: skip
        super().__init__(conn)
        self.fts5 = sqlite_has_fts5() if fts5 is None else fts5
        self._migrate(_SCHEMA)
        if self.fts5 and not self._has_fts_table():
            # Only when missing: a write here would wait for the indexer's transaction.
            with self._write(self._what()) as c:
                for sql in _FTS:
                    c.execute(sql)
            # How many passages hold each (stemmed) word: search leaves out the very common ones.
            self._conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.chunks_vocab"
                               " USING fts5vocab(main, chunks_fts, 'row')")  # fmt: skip

    def _has_fts_table(self) -> bool:
        sql = "SELECT COUNT(*) FROM sqlite_master WHERE name IN ('chunks_fts', 'chunks_fts_del')"
        return int(self._read(sql)[0][0]) == 2

    def _connect(self) -> sqlite3.Connection:
        """Open the file; a damaged one is moved aside and rebuilt (everything in it can be read
        again from the documents; only the chats' choices of collections are lost)."""
        try:
            conn = connect_writable(self.path)
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA user_version").fetchone()
            return conn
        except sqlite3.DatabaseError as err:
            if error_kind(err) != "damaged":
                raise
            self.set_aside = self.path.with_name(f"{self.path.name}.damaged-{int(time.time())}")
            self.path.rename(self.set_aside)
            for extra in ("-wal", "-shm"):
                Path(f"{self.path}{extra}").unlink(missing_ok=True)
            conn = connect_writable(self.path)
            conn.execute("PRAGMA foreign_keys = ON")
            return conn

    def _read(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        try:
            return self._conn.execute(sql, tuple(params)).fetchall()
        except sqlite3.Error as err:
            what = translate("Documents", "the documents index could not be read")
            raise plain_error(err, what) from err

    @staticmethod
    def _what() -> str:
        return translate("Documents", "the documents index could not be updated")

    @property
    def generation(self) -> int:
        """Grows with every change of passages: search caches compare it."""
        return int(self._read("SELECT value FROM meta WHERE key = 'generation'")[0][0])

    # -- collections ---------------------------------------------------------------------------
    def add_collection(self, name: str, roots: list[Path]) -> int:
        with self._write(self._what()) as c:
            row = c.execute("SELECT id FROM collections WHERE name = ?", (name,)).fetchone()
            cid = row[0] if row else c.execute(
                "INSERT INTO collections (name, created_at) VALUES (?, ?)", (name, time.time())
            ).lastrowid  # fmt: skip
            for root in roots:
                c.execute("INSERT OR IGNORE INTO roots VALUES (?, ?)", (cid, str(root)))
        assert cid is not None
        return int(cid)

    def remove_collection(self, name: str) -> bool:
        with self._write(self._what()) as c:
            gone = c.execute("DELETE FROM collections WHERE name = ?", (name,)).rowcount > 0
            c.execute("UPDATE meta SET value = value + 1 WHERE key = 'generation'")
        return gone

    def collection_id(self, name: str) -> int | None:
        rows = self._read("SELECT id FROM collections WHERE name = ?", (name,))
        return int(rows[0][0]) if rows else None

    def collections(self) -> list[Collection]:
        rows = self._read(
            "SELECT c.id, c.name, (SELECT group_concat(path, char(10)) FROM roots r"
            " WHERE r.collection_id = c.id), COUNT(f.id),"
            " COALESCE(SUM(f.state = 'indexed'), 0), COALESCE(SUM(f.state = 'skipped'), 0),"
            " COALESCE(SUM(f.chunks), 0), COALESCE(SUM(MAX(f.size, 0)), 0)"
            " FROM collections c LEFT JOIN files f ON f.collection_id = c.id"
            " GROUP BY c.id ORDER BY c.name COLLATE NOCASE"
        )
        return [
            Collection(
                int(r[0]),
                r[1],
                tuple((r[2] or "").split("\n")) if r[2] else (),
                *(int(v) for v in r[3:]),
            )  # fmt: skip
            for r in rows
        ]

    def files(self, collection_id: int) -> list[FileRow]:
        rows = self._read(
            "SELECT id, path, size, mtime_ns, state, reason, chunks FROM files"
            " WHERE collection_id = ? ORDER BY path",
            (collection_id,),
        )
        return [FileRow(*row) for row in rows]

    # -- writing one file ----------------------------------------------------------------------
    def save_file(
        self, collection_id: int, path: str, size: int, mtime_ns: int, state: str,
        reason: str = "", chunks: list[tuple[int | None, int, str, bytes | None]] | None = None,
    ) -> None:  # fmt: skip
        """Replace what the index holds for one file, passages included, in one transaction."""
        chunks = chunks or []
        with self._write(self._what()) as c:
            c.execute("DELETE FROM files WHERE collection_id = ? AND path = ?",
                      (collection_id, path))  # fmt: skip
            fid = c.execute(
                "INSERT INTO files (collection_id, path, size, mtime_ns, state, reason, chunks,"
                " text_chars, indexed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (collection_id, path, size, mtime_ns, state, reason, len(chunks),
                 sum(len(t) for _p, _o, t, _v in chunks), time.time()),
            ).lastrowid  # fmt: skip
            c.executemany(
                "INSERT INTO chunks (file_id, page, position, text, vector) VALUES (?, ?, ?, ?, ?)",
                [(fid, page, pos, text, vec) for page, pos, text, vec in chunks],
            )
            c.execute("UPDATE meta SET value = value + 1 WHERE key = 'generation'")

    def remove_files(self, collection_id: int, paths: list[str]) -> None:
        with self._write(self._what()) as c:
            c.executemany("DELETE FROM files WHERE collection_id = ? AND path = ?",
                          [(collection_id, p) for p in paths])  # fmt: skip
            c.execute("UPDATE meta SET value = value + 1 WHERE key = 'generation'")

    def record_run(self, collection_id: int, values: dict[str, object]) -> None:
        columns = ", ".join(["collection_id", "at", *values])
        marks = ", ".join("?" for _ in range(len(values) + 2))
        with self._write(self._what()) as c:
            c.execute(f"INSERT INTO runs ({columns}) VALUES ({marks})",
                      (collection_id, time.time(), *values.values()))  # fmt: skip

    def last_run(self, collection_id: int) -> dict[str, object] | None:
        cursor = self._conn.execute(
            "SELECT * FROM runs WHERE collection_id = ? ORDER BY id DESC LIMIT 1", (collection_id,)
        )
        row = cursor.fetchone()
        return (
            None if row is None else dict(zip([d[0] for d in cursor.description], row, strict=True))
        )

    def size_on_disk(self) -> int:
        """Bytes of the index file and its write-ahead log."""
        return sum(p.stat().st_size for p in (self.path, Path(f"{self.path}-wal")) if p.exists())

    # -- reading passages ----------------------------------------------------------------------
    def execute(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
        return self._read(sql, params)
