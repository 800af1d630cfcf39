"""Each served request in the append-only ledger (kind "api"), beside the window's answers, and the
Programs view's totals read back from it.

The server writes through its own connection to the chats file (WAL: the window's connection and
this one never block each other for long), from the event loop's worker threads, one at a time.
The 405B estimate of each request is kept in the row's `detail`, so the totals of "what your
programs would have cost on a large model" are sums, not recomputed with today's data.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path

from desktop.core.server.bridge import Served
from desktop.core.server.requests import ApiRequest
from desktop.core.server.responses import Footprint
from desktop.core.store.chats import ChatStore
from desktop.core.store.ledger import LedgerEntry
from desktop.core.store.sqlite import open_read_only

log = logging.getLogger(__name__)
KIND = "api"


def ledger_entry(
    served: Served, request: ApiRequest, fp: Footprint, order: dict[str, object] | None = None
) -> LedgerEntry | None:
    """The request's row; `order` is its response id, the engine job's id (arrival order), its
    start number (the order the engine began it) and seconds waited in the queue."""
    entry = LedgerEntry.from_stats(served.result, kind=KIND)
    if entry is None:
        return None
    detail: dict[str, object] = {
        "endpoint": request.endpoint, "finish_reason": served.finish_reason,
        "status": served.result.status, "stream": request.stream, **(order or {}),
    }  # fmt: skip
    if request.documents is not None:
        detail["documents"] = list(request.documents.collections)
        detail["sources"] = len(served.result.sources)
    if fp.estimate_405b is not None:
        detail["estimate_405b"] = fp.estimate_405b
    return replace(entry, detail=detail)


class LedgerRecorder:
    """Appends rows to the chats file at `path`, opened on first use."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._store: ChatStore | None = None
        self._lock = threading.Lock()

    def record(self, entry: LedgerEntry) -> None:
        with self._lock:
            if self._store is None:
                self._store = ChatStore(self.path)
            self._store.record(entry)

    def close(self) -> None:
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None


@dataclass(frozen=True)
class ProgramTotals:
    requests: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    energy_wh: float = 0.0
    co2_g: float = 0.0
    methods: frozenset[str] = frozenset()
    energy_405b_wh: tuple[float, float] = (0.0, 0.0)  # low, high
    co2_405b_g: tuple[float, float] = (0.0, 0.0)

    @property
    def method(self) -> str:
        """'measured', 'estimated', 'mixed' or '' (nothing yet)."""
        return "mixed" if len(self.methods) > 1 else next(iter(self.methods), "")


_EST = "COALESCE(SUM(json_extract(detail, '$.estimate_405b.{}')), 0)"
_TOTALS = (
    "SELECT COUNT(*), COALESCE(SUM(prompt_tokens), 0), COALESCE(SUM(completion_tokens), 0),"
    " COALESCE(SUM(energy_wh), 0), COALESCE(SUM(co2_g), 0),"
    " COALESCE(GROUP_CONCAT(DISTINCT method), ''), "
    + ", ".join(
        _EST.format(k) for k in ("energy_wh_low", "energy_wh_high", "co2_g_low", "co2_g_high")
    )  # fmt: skip
    + " FROM ledger WHERE kind = ? AND at >= ?"
)


def program_totals(conn: sqlite3.Connection, since: float = 0.0) -> ProgramTotals:
    row = conn.execute(_TOTALS, (KIND, since)).fetchone()
    return ProgramTotals(
        int(row[0]), int(row[1]), int(row[2]), float(row[3]), float(row[4]),
        frozenset(m for m in str(row[5]).split(",") if m),
        (float(row[6]), float(row[7])), (float(row[8]), float(row[9])),
    )  # fmt: skip


def start_of_today(now: float | None = None) -> float:
    local = time.localtime(now)
    return time.mktime((local.tm_year, local.tm_mon, local.tm_mday, 0, 0, 0, 0, 0, -1))


def read_totals(path: Path, now: float | None = None) -> tuple[ProgramTotals, ProgramTotals]:
    """(today, all time) for the chats file at `path`; empty totals when it cannot be read."""
    if not path.exists():
        return ProgramTotals(), ProgramTotals()
    try:
        conn = open_read_only(path)
    except sqlite3.Error as exc:
        log.warning("programs totals: %s", exc)
        return ProgramTotals(), ProgramTotals()
    try:
        return program_totals(conn, start_of_today(now)), program_totals(conn)
    except sqlite3.Error as exc:
        log.warning("programs totals: %s", exc)
        return ProgramTotals(), ProgramTotals()
    finally:
        conn.close()
