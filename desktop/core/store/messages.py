"""Reading a chat's messages: all of them, or one page at a time.

A chat can hold thousands of messages; the window shows the latest page and reads earlier ones
only when the user scrolls up, so opening a long chat costs one page, not the whole chat. Pages
walk back by message id (ids grow with time), on the (conversation_id, id) index: reading the
page before any message costs the same whatever the chat's length.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from desktop.core.context import Turn
from desktop.core.records import AnswerStats
from desktop.core.store.sqlite import Database

MESSAGE_COLUMNS = "id, conversation_id, role, content, status, created_at, stats, note"
PAGE_SIZE = 40  # messages per page: a few screens of text
# Of several versions of an answer, only the one shown is part of the chat (store/versions.py).
SHOWN = "shown = 1"


@dataclass
class Message:
    id: int
    conversation_id: int
    role: str  # one of ROLES
    content: str
    status: str  # one of STATUSES
    created_at: float
    stats: AnswerStats | None  # an answer's figures; None for the user's messages
    note: str  # a code of NOTES, or an older file's sentence; "" if none


def to_message(row: tuple[Any, ...]) -> Message:
    mid, cid, role, content, status, created_at, stats, note = row
    try:
        data = json.loads(str(stats))
    except ValueError:
        data = {}
    parsed = AnswerStats.from_json(data) if role == "assistant" else None
    return Message(mid, cid, role, content, status, created_at, parsed, note)


def _turns(rows: Iterable[tuple[str, str, str]]) -> list[Turn]:
    """Completed exchanges, oldest first; failed or empty answers are left out."""
    turns: list[Turn] = []
    pending_user: str | None = None
    for role, content, status in rows:
        if role == "user":
            pending_user = content
        elif pending_user is not None:
            if status in ("complete", "stopped") and content.strip():
                turns.append(Turn(pending_user, content))
            pending_user = None
    return turns


class MessageReads(Database):
    """The read side of messages; ChatStore adds the writes."""

    def messages(self, cid: int) -> list[Message]:
        """Every message of a chat, oldest first."""
        rows = self._read(
            f"SELECT {MESSAGE_COLUMNS} FROM messages WHERE conversation_id = ? AND {SHOWN}"
            " ORDER BY id",
            (cid,),
        )
        return [to_message(row) for row in rows]

    def count_messages(self, cid: int) -> int:
        rows = self._read(
            f"SELECT COUNT(*) FROM messages WHERE conversation_id = ? AND {SHOWN}", (cid,)
        )
        return int(rows[0][0])

    def messages_page(
        self, cid: int, before_id: int | None = None, limit: int = PAGE_SIZE
    ) -> list[Message]:
        """Up to `limit` messages of a chat that come just before message `before_id` (the
        latest ones when None), oldest first."""
        if limit <= 0:
            return []
        sql = f"SELECT {MESSAGE_COLUMNS} FROM messages WHERE conversation_id = ? AND {SHOWN}"
        params: list[object] = [cid]
        if before_id is not None:
            sql += " AND id < ?"
            params.append(before_id)
        rows = self._read(sql + " ORDER BY id DESC LIMIT ?", [*params, limit])
        return [to_message(row) for row in reversed(rows)]

    def messages_after(self, cid: int, after_id: int, limit: int = PAGE_SIZE) -> list[Message]:
        """Up to `limit` messages of a chat that come just after message `after_id`, oldest
        first (the way back down after earlier pages were read)."""
        if limit <= 0:
            return []
        rows = self._read(
            f"SELECT {MESSAGE_COLUMNS} FROM messages WHERE conversation_id = ? AND id > ?"
            f" AND {SHOWN} ORDER BY id LIMIT ?",
            (cid, after_id, limit),
        )
        return [to_message(row) for row in rows]

    def has_messages_before(self, cid: int, before_id: int) -> bool:
        rows = self._read(
            "SELECT EXISTS (SELECT 1 FROM messages WHERE conversation_id = ? AND id < ?"
            f" AND {SHOWN})",
            (cid, before_id),
        )
        return bool(rows[0][0])

    def has_messages_after(self, cid: int, after_id: int) -> bool:
        rows = self._read(
            "SELECT EXISTS (SELECT 1 FROM messages WHERE conversation_id = ? AND id > ?"
            f" AND {SHOWN})",
            (cid, after_id),
        )
        return bool(rows[0][0])

    def history(self, cid: int, before_id: int | None = None) -> list[Turn]:
        """The chat's completed exchanges (before message `before_id`, if given), for the model:
        only the text is read, not the figures, so a long chat's history stays cheap."""
        sql = f"SELECT role, content, status FROM messages WHERE conversation_id = ? AND {SHOWN}"
        params: list[object] = [cid]
        if before_id is not None:
            sql += " AND id < ?"
            params.append(before_id)
        return _turns(self._read(sql + " ORDER BY id", params))
