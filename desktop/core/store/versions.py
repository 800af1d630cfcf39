"""Versions of an answer, and editing a sent message.

Regenerating an answer keeps the earlier one: the new answer is saved as another version of the
same place in the chat (`version_of` = the first version's id) and the others are hidden
(`shown` = 0). Only shown messages are part of the chat: the pages, the history sent to the
model and the exports read only them (messages.SHOWN). Browsing the versions changes which one
is shown, and is saved. What every version cost stays in the ledger, which is append-only.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.i18n import translate
from desktop.core.store.messages import MESSAGE_COLUMNS, Message, to_message
from desktop.core.store.sqlite import Database

VERSION_GROUP = "(SELECT COALESCE(version_of, id) FROM messages WHERE id = ?)"
# The rows of every version of the place of message ? (given twice).
IN_GROUP = f"(id = {VERSION_GROUP} OR version_of = {VERSION_GROUP})"


@dataclass(frozen=True)
class Versions:
    ids: tuple[int, ...]  # oldest first
    shown: int  # the id of the one shown

    @property
    def position(self) -> int:
        """1 for the first version."""
        return self.ids.index(self.shown) + 1 if self.shown in self.ids else 0


class MessageVersions(Database):
    """Mixed into ChatStore."""

    def message(self, mid: int) -> Message | None:
        rows = self._read(f"SELECT {MESSAGE_COLUMNS} FROM messages WHERE id = ?", (mid,))
        return to_message(rows[0]) if rows else None

    def versions(self, mid: int) -> Versions:
        """Every version of message `mid`'s place in the chat (itself alone if it has none)."""
        rows = self._read(
            f"SELECT id, shown FROM messages WHERE {IN_GROUP} ORDER BY id",
            (mid, mid),
        )
        ids = tuple(int(r[0]) for r in rows) or (mid,)
        shown = next((int(r[0]) for r in rows if r[1]), mid)
        return Versions(ids, shown)

    def show_version(self, mid: int) -> None:
        """Show version `mid` in place of the others of its place."""
        with self._write(translate("Store", "the answer shown could not be saved")) as conn:
            conn.execute(
                f"UPDATE messages SET shown = (id = ?) WHERE {IN_GROUP}",
                (mid, mid, mid),
            )

    def edit_and_cut(self, mid: int, content: str) -> int:
        """A sent message's new text; every message after it in its chat (the answers to the
        old text, all their versions) is deleted. Returns how many were deleted."""
        with self._write(translate("Store", "the edited message could not be saved")) as conn:
            row = conn.execute("SELECT conversation_id FROM messages WHERE id = ?", (mid,))
            found = row.fetchone()
            if found is None:
                return 0
            conn.execute("UPDATE messages SET content = ? WHERE id = ?", (content, mid))
            cursor = conn.execute(
                "DELETE FROM messages WHERE conversation_id = ? AND id > ?", (found[0], mid)
            )
        return cursor.rowcount

    def count_after(self, cid: int, mid: int) -> int:
        """Messages of the chat shown after message `mid`."""
        rows = self._read(
            "SELECT COUNT(*) FROM messages WHERE conversation_id = ? AND id > ? AND shown = 1",
            (cid, mid),
        )
        return int(rows[0][0])
