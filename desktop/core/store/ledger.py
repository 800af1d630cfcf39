"""The ledger: an append-only record of everything the model's work cost.

One row per answer (and later per API request, indexing run or test drive), written in the same
transaction as what it accounts for, never changed or deleted (triggers refuse it), and kept
when its chat is deleted or the answer regenerated: energy that was used stays counted. Totals
read the ledger, never what is still on screen.
"""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass, field

from desktop.core.i18n import translate
from desktop.core.records import AnswerStats
from desktop.core.store.sqlite import Database

KINDS = ("answer", "api", "indexing", "drive", "comparison")


@dataclass(frozen=True)
class LedgerEntry:
    kind: str
    energy_wh: float
    energy_wh_low: float
    energy_wh_high: float
    co2_g: float
    water_ml: float
    method: str  # "measured" or "estimated"
    grid: str
    model: str = ""
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cpu_s: float | None = None
    wall_s: float | None = None
    conversation_id: int | None = None
    message_id: int | None = None
    detail: dict[str, object] = field(default_factory=dict)
    at: float = field(default_factory=time.time)

    @classmethod
    def from_stats(
        cls, stats: AnswerStats, kind: str = "answer", *, conversation_id: int | None = None,
        message_id: int | None = None,
    ) -> LedgerEntry | None:  # fmt: skip
        """The entry for a measured answer; None when nothing was measured."""
        fp = stats.footprint
        if fp is None:
            return None
        usage = stats.usage
        return cls(
            kind=kind, energy_wh=fp.energy_wh, energy_wh_low=fp.energy_wh_low,
            energy_wh_high=fp.energy_wh_high, co2_g=fp.co2_g, water_ml=fp.water_ml,
            method=fp.method, grid=fp.grid, model=stats.model,
            prompt_tokens=stats.prompt_tokens, completion_tokens=stats.completion_tokens,
            cpu_s=usage.cpu_s if usage else None, wall_s=usage.wall_s if usage else None,
            conversation_id=conversation_id, message_id=message_id,
        )  # fmt: skip


@dataclass(frozen=True)
class Totals:
    energy_wh: float = 0.0
    co2_g: float = 0.0
    count: int = 0
    methods: frozenset[str] = frozenset()  # "measured", "estimated": what the sum is made of

    @property
    def method(self) -> str:
        """'measured', 'estimated', 'mixed', or '' for an empty total."""
        if len(self.methods) > 1:
            return "mixed"
        return next(iter(self.methods), "")


def append(conn: sqlite3.Connection, entry: LedgerEntry) -> int:
    """Add one row (inside the caller's transaction)."""
    cursor = conn.execute(
        "INSERT INTO ledger (at, kind, conversation_id, message_id, model, prompt_tokens,"
        " completion_tokens, energy_wh, energy_wh_low, energy_wh_high, co2_g, water_ml, method,"
        " grid, cpu_s, wall_s, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            entry.at, entry.kind, entry.conversation_id, entry.message_id, entry.model,
            entry.prompt_tokens, entry.completion_tokens, entry.energy_wh, entry.energy_wh_low,
            entry.energy_wh_high, entry.co2_g, entry.water_ml, entry.method, entry.grid,
            entry.cpu_s, entry.wall_s, json.dumps(entry.detail, default=str),
        ),
    )  # fmt: skip
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def totals_query(
    *, conversation_id: int | None = None, kinds: tuple[str, ...] = ("answer",),
    since: float | None = None,
) -> tuple[str, tuple[object, ...]]:  # fmt: skip
    """SQL and parameters summing the ledger for one chat (or all), some kinds, since a time."""
    where = [f"kind IN ({', '.join('?' for _ in kinds)})"]
    params: list[object] = list(kinds)
    if conversation_id is not None:
        where.append("conversation_id = ?")
        params.append(conversation_id)
    if since is not None:
        where.append("at >= ?")
        params.append(since)
    sql = (
        "SELECT COALESCE(SUM(energy_wh), 0), COALESCE(SUM(co2_g), 0), COUNT(*),"
        " COALESCE(GROUP_CONCAT(DISTINCT method), '') FROM ledger WHERE " + " AND ".join(where)
    )
    return sql, tuple(params)


def totals_from_row(row: tuple[object, ...]) -> Totals:
    energy, co2, count, methods = row
    return Totals(
        float(energy),  # type: ignore[arg-type]
        float(co2),  # type: ignore[arg-type]
        int(count),  # type: ignore[call-overload]
        frozenset(m for m in str(methods).split(",") if m),
    )


class LedgerQueries(Database):
    """The ledger's side of a chats file."""

    def record(self, entry: LedgerEntry) -> None:
        """Add what some other work cost (an API request, an indexing run...)."""
        with self._write(translate("Store", "what this work cost could not be saved")) as conn:
            append(conn, entry)

    def footprint_totals(
        self, cid: int | None = None, kinds: tuple[str, ...] = ("answer",),
        since: float | None = None,
    ) -> Totals:  # fmt: skip
        """Energy and CO2 of everything counted, for one chat or (None) for all: read from the
        ledger, so deleted chats and regenerated answers still count."""
        sql, params = totals_query(conversation_id=cid, kinds=kinds, since=since)
        return totals_from_row(self._read(sql, params)[0])
