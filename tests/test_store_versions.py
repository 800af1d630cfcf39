"""Versions of an answer and edited messages in the chats file (real SQLite), and the upgrade of
a version 2 file."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from desktop.core.context import Turn
from desktop.core.records import AnswerStats
from desktop.core.store import ChatStore
from desktop.core.store.schema import MIGRATIONS


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ChatStore]:
    with closing(ChatStore(tmp_path / "chats.sqlite3")) as s:
        yield s


def _chat(store: ChatStore) -> tuple[int, list[int]]:
    cid = store.create_conversation().id
    ids = [
        store.add_message(cid, "user", "Hi").id,
        store.add_message(cid, "assistant", "Hello!").id,
        store.add_message(cid, "user", "Name a colour").id,
        store.add_message(cid, "assistant", "Blue").id,
    ]
    return cid, ids


def test_a_new_version_replaces_the_shown_answer_and_keeps_the_old(store: ChatStore) -> None:
    cid, ids = _chat(store)
    second = store.add_message(cid, "assistant", "Red", version_of=ids[3])
    third = store.add_message(cid, "assistant", "Green", version_of=second.id)
    assert [m.content for m in store.messages(cid)] == ["Hi", "Hello!", "Name a colour", "Green"]
    assert store.count_messages(cid) == 4
    assert store.history(cid) == [Turn("Hi", "Hello!"), Turn("Name a colour", "Green")]
    assert [m.content for m in store.messages_page(cid, limit=2)] == ["Name a colour", "Green"]
    versions = store.versions(third.id)
    assert versions.ids == (ids[3], second.id, third.id) and versions.position == 3
    assert store.versions(ids[0]).ids == (ids[0],)  # a message without versions
    store.show_version(ids[3])  # browsing back is saved
    assert store.messages(cid)[-1].content == "Blue"
    assert store.history(cid)[-1] == Turn("Name a colour", "Blue")
    assert store.versions(second.id).position == 1
    assert not store.has_messages_after(cid, ids[3])
    assert store.message(second.id) is not None and store.message(second.id).content == "Red"


def test_searching_messages_finds_only_the_versions_shown(store: ChatStore) -> None:
    cid, ids = _chat(store)
    store.add_message(cid, "assistant", "Turquoise", version_of=ids[3])
    assert [c.id for c in store.list_conversations("turquoise", in_messages=True)] == [cid]
    store.show_version(ids[3])  # back to "Blue": the hidden answer no longer matches
    assert store.list_conversations("turquoise", in_messages=True) == []
    assert [c.id for c in store.list_conversations("blue", in_messages=True)] == [cid]


def test_edit_cuts_the_later_messages_but_not_their_cost(store: ChatStore) -> None:
    cid, ids = _chat(store)
    store.finish_answer(ids[3], "Blue", AnswerStats(total_s=1.0, completion_tokens=2))
    store.add_message(cid, "assistant", "Red", version_of=ids[3])
    before = store.footprint_totals().count
    assert store.count_after(cid, ids[0]) == 3
    assert store.edit_and_cut(ids[2], "Name a fruit") == 2  # the answer and its other version
    assert [m.content for m in store.messages(cid)] == ["Hi", "Hello!", "Name a fruit"]
    assert store.footprint_totals().count == before  # the ledger keeps what was spent


def test_version_2_file_is_upgraded_with_every_message_shown(tmp_path: Path) -> None:
    path = tmp_path / "chats.sqlite3"
    with closing(sqlite3.connect(path)) as raw:
        for statements in MIGRATIONS[:2]:
            for sql in statements:
                raw.execute(sql)
        raw.execute("PRAGMA user_version = 2")
        raw.execute("INSERT INTO conversations VALUES (1, 'Old', '', 1.0, 1.0)")
        raw.execute("INSERT INTO messages VALUES (1, 1, 'user', 'Hi', 'complete', 1.0, '{}', '')")
        raw.execute(
            "INSERT INTO messages VALUES (2, 1, 'assistant', 'Hello', 'complete', 1.0, '{}', '')"
        )
        raw.commit()
    with closing(ChatStore(path)) as s:
        assert s._conn.execute("PRAGMA user_version").fetchone()[0] == 3
        assert [m.content for m in s.messages(1)] == ["Hi", "Hello"]
        assert s.history(1) == [Turn("Hi", "Hello")]
        assert s.versions(2).ids == (2,)
        new = s.add_message(1, "assistant", "Hey", version_of=2)
        assert s.versions(2).ids == (2, new.id) and s.messages(1)[-1].content == "Hey"
