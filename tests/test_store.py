"""ChatStore on real SQLite files: the data model, and the ways a chats file can go wrong."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from desktop.core.footprint.answer import AnswerFootprint
from desktop.core.records import AnswerStats
from desktop.core.store import (
    SCHEMA_VERSION,
    ChatStore,
    LedgerEntry,
    StoreError,
    open_store,
)
from desktop.core.store import opening as store_module


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "smaller" / "chats.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[ChatStore]:
    with closing(ChatStore(db_path)) as s:
        yield s


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sidecars(path: Path) -> list[Path]:
    return [p for p in (Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists()]


def make_db(path: Path, titles: tuple[str, ...] = ("First", "Second")) -> None:
    """A good, closed chats file with one message per chat."""
    with closing(ChatStore(path)) as s:
        for title in titles:
            c = s.create_conversation(title)
            s.add_message(c.id, "user", f"hello from {title}")


# --- conversations -----------------------------------------------------------------------


def test_creates_parent_folders_and_starts_empty(store: ChatStore, db_path: Path) -> None:
    assert db_path.is_file()
    assert store.path == db_path
    assert not store.read_only
    assert store.list_conversations() == []


def test_create_get_and_list_newest_first(store: ChatStore) -> None:
    a = store.create_conversation()
    b = store.create_conversation("Recipes", system_prompt="Be brief.")
    assert a.title == "" and a.system_prompt == ""  # shown as "New chat" in the user's language
    assert store.get_conversation(b.id) == b
    assert store.get_conversation(9999) is None
    assert [c.id for c in store.list_conversations()] == [b.id, a.id]
    store.add_message(a.id, "user", "bump")  # activity moves a chat to the top
    assert [c.id for c in store.list_conversations()] == [a.id, b.id]
    assert store.get_conversation(a.id).updated_at >= b.updated_at  # type: ignore[union-attr]


def test_search_is_case_insensitive_and_literal(store: ChatStore) -> None:
    for title in ("Cooking Pasta", "100% sure", "100 percent", "snake_case", "snakeXcase", "ÉTÉ"):
        store.create_conversation(title)

    def found(search: str) -> set[str]:
        return {c.title for c in store.list_conversations(search)}

    assert found("pasta") == {"Cooking Pasta"}
    assert found("%") == {"100% sure"}
    assert found("0%") == {"100% sure"}
    assert found("_") == {"snake_case"}
    assert found("e_c") == {"snake_case"}
    assert found("\\") == set()
    assert found("été") == {"ÉTÉ"}
    assert len(found("")) == 6


def test_rename_and_system_prompt(store: ChatStore) -> None:
    c = store.create_conversation()
    store.rename_conversation(c.id, "Trip to Lyon")
    store.set_system_prompt(c.id, "Answer in French.")
    got = store.get_conversation(c.id)
    assert got is not None
    assert (got.title, got.system_prompt) == ("Trip to Lyon", "Answer in French.")


def test_delete_conversation_cascades_to_messages(store: ChatStore) -> None:
    keep, gone = store.create_conversation("keep"), store.create_conversation("gone")
    store.add_message(keep.id, "user", "stay")
    store.add_message(gone.id, "user", "bye")
    store.add_message(gone.id, "assistant", "bye!")
    store.delete_conversation(gone.id)
    assert store.get_conversation(gone.id) is None
    assert store.messages(gone.id) == []
    count = store._conn.execute("SELECT COUNT(*) FROM messages").fetchone()[0]
    assert count == 1
    assert [m.content for m in store.messages(keep.id)] == ["stay"]


# --- messages ----------------------------------------------------------------------------


def test_messages_in_order_with_stats_round_trip(store: ChatStore) -> None:
    c = store.create_conversation()
    stats = AnswerStats(
        model="SmolLM2 135M",
        ttft_s=0.25,
        total_s=1.5,
        tokens_per_s=42.0,
        prompt_tokens=12,
        completion_tokens=63,
        footprint=footprint(0.5, 0.1),
    )
    first = store.add_message(c.id, "user", "Hi")
    second = store.add_message(c.id, "assistant", "Hello!", stats=stats)
    third = store.add_message(c.id, "user", "Bye", note="n")
    got = store.messages(c.id)
    assert got == [first, second, third]
    assert got[1].stats == stats
    assert got[0].stats is None and got[0].note == "" and got[0].status == "complete"


def test_update_and_delete_message(store: ChatStore) -> None:
    c = store.create_conversation()
    m = store.add_message(c.id, "assistant", "", status="streaming")
    store.update_message(m.id, content="Partial")
    (got,) = store.messages(c.id)
    assert (got.content, got.status, got.stats, got.note) == (
        "Partial", "streaming", AnswerStats(), "",
    )  # fmt: skip
    stats = AnswerStats(model="m", status="stopped", completion_tokens=3)
    store.update_message(m.id, content="Full", status="stopped", stats=stats, note="stopped")
    (got,) = store.messages(c.id)
    assert (got.content, got.status, got.stats, got.note) == ("Full", "stopped", stats, "stopped")
    store.update_message(m.id)  # nothing to change is fine
    store.delete_message(m.id)
    assert store.messages(c.id) == []


def test_bad_role_or_status_is_a_programming_error(store: ChatStore) -> None:
    c = store.create_conversation()
    with pytest.raises(ValueError):
        store.add_message(c.id, "system", "x")
    m = store.add_message(c.id, "user", "x")
    with pytest.raises(ValueError):
        store.update_message(m.id, status="done")


def test_mark_interrupted(store: ChatStore) -> None:
    c = store.create_conversation()
    done = store.add_message(c.id, "assistant", "ok")
    cut = store.add_message(c.id, "assistant", "half an ans", status="streaming")
    assert store.mark_interrupted() == 1
    by_id = {m.id: m for m in store.messages(c.id)}
    assert (by_id[cut.id].status, by_id[cut.id].note) == ("stopped", "interrupted")
    assert by_id[cut.id].content == "half an ans"
    assert by_id[done.id].status == "complete"
    assert store.mark_interrupted() == 0


# --- the file ----------------------------------------------------------------------------


def test_persists_across_close_and_reopen(db_path: Path) -> None:
    with closing(ChatStore(db_path)) as s:
        c = s.create_conversation("Kept", system_prompt="Be kind.")
        m = s.add_message(c.id, "assistant", "Saved", stats=AnswerStats(model="m"), note="n")
        expected_conversation, expected_messages = s.get_conversation(c.id), s.messages(c.id)
    with closing(ChatStore(str(db_path))) as s:
        assert s.list_conversations() == [expected_conversation]
        assert s.messages(c.id) == expected_messages
        assert s.messages(c.id)[0].id == m.id


def test_wal_mode_and_schema_version(store: ChatStore, db_path: Path) -> None:
    assert store._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store._conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
    assert store._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with closing(sqlite3.connect(db_path)) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 3


def test_in_memory_store(tmp_path: Path) -> None:
    with closing(ChatStore(":memory:")) as s:
        assert s.path is None and not s.read_only
        c = s.create_conversation()
        s.add_message(c.id, "user", "hi")
        assert len(s.messages(c.id)) == 1
    assert list(tmp_path.iterdir()) == [tmp_path / "home"]  # nothing written to disk


def test_open_store_normal(db_path: Path) -> None:
    store, warning = open_store(db_path)
    with closing(store):
        assert warning is None and not store.read_only
        store.create_conversation()
    make_db(db_path)
    store, warning = open_store(db_path)
    with closing(store):
        assert warning is None and len(store.list_conversations()) == 3


def test_newer_version_opens_read_only_and_file_is_unchanged(db_path: Path) -> None:
    make_db(db_path)
    with closing(sqlite3.connect(db_path)) as raw:
        raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        raw.commit()
    before = sha256(db_path)

    with pytest.raises(StoreError, match="newer version of Smaller"):
        ChatStore(db_path)
    store, warning = open_store(db_path)
    with closing(store):
        assert warning is not None and "newer version of Smaller" in warning
        assert store.read_only and store.path == db_path
        assert {c.title for c in store.list_conversations()} == {"First", "Second"}
        store.create_conversation("only in memory")  # usable, just not saved
    assert sha256(db_path) == before
    assert sidecars(db_path) == []


@pytest.mark.parametrize("damage", ["random_bytes", "truncated"])
def test_corrupt_file_is_left_untouched(db_path: Path, damage: str) -> None:
    if damage == "random_bytes":
        db_path.parent.mkdir(parents=True)
        db_path.write_bytes(os.urandom(10_000))
    else:
        make_db(db_path, titles=tuple(f"chat {i}" for i in range(50)))
        data = db_path.read_bytes()
        db_path.write_bytes(data[: len(data) // 2])
    before = sha256(db_path)

    store, warning = open_store(db_path)
    with closing(store):
        assert warning is not None
        assert "could not be read" in warning and "damaged" in warning and str(db_path) in warning
        assert store.path is None  # in memory
        c = store.create_conversation()
        store.add_message(c.id, "user", "still works")
        assert len(store.messages(c.id)) == 1
    assert sha256(db_path) == before
    assert sidecars(db_path) == []
    with pytest.raises(StoreError, match="damaged"):
        ChatStore(db_path)
    assert sha256(db_path) == before


def test_read_only_file_is_copied_to_memory(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_db(db_path)
    before = sha256(db_path)
    folder = db_path.parent
    db_path.chmod(0o444)
    folder.chmod(0o555)
    try:
        if os.access(db_path, os.W_OK):
            # Running as root: permissions don't stop writes, so make the writability check
            # (the only part that root changes) report the truth a normal user would see.
            monkeypatch.setattr(store_module, "writable", lambda path: False)
        else:
            assert not store_module.writable(db_path)
        store, warning = open_store(db_path)
        with closing(store):
            assert warning is not None and "read-only" in warning
            assert "keeps trying" in warning and store.can_retry
            assert store.read_only and store.path == db_path
            assert {c.title for c in store.list_conversations()} == {"First", "Second"}
            store.create_conversation("only in memory")
            assert len(store.list_conversations()) == 3
        assert sha256(db_path) == before
        assert sidecars(db_path) == []
    finally:
        folder.chmod(0o755)
        db_path.chmod(0o644)
    with closing(ChatStore(db_path)) as s:
        assert len(s.list_conversations()) == 2  # the session's chat was not saved


def test_read_only_copy_includes_uncheckpointed_wal(db_path: Path) -> None:
    """A -wal left by a crash holds committed chats: the read-only copy must include them."""
    make_db(db_path, titles=("Old",))
    with closing(ChatStore(db_path)) as writer:
        writer.create_conversation("Only in the WAL")
        with closing(ChatStore(db_path, read_only=True)) as copy:
            assert {c.title for c in copy.list_conversations()} == {"Old", "Only in the WAL"}


def test_disk_full_is_explained_and_earlier_rows_survive(db_path: Path) -> None:
    with closing(ChatStore(db_path)) as s:
        c = s.create_conversation("Safe")
        s.add_message(c.id, "user", "hello")
        pages = s._conn.execute("PRAGMA page_count").fetchone()[0]
        s._conn.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(StoreError) as caught:
            s.add_message(c.id, "assistant", "x" * 100_000)
        message = str(caught.value)
        assert "disk is full" in message and "earlier chats are safe" in message
        assert isinstance(caught.value.__cause__, sqlite3.OperationalError)
        assert [m.content for m in s.messages(c.id)] == ["hello"]
        s.add_message(c.id, "assistant", "short")  # the store is still usable afterwards
    with closing(ChatStore(db_path)) as s:
        assert [m.content for m in s.messages(c.id)] == ["hello", "short"]


def test_other_write_errors_keep_the_detail(store: ChatStore) -> None:
    with pytest.raises(StoreError, match=r"Something went wrong: .*\(FOREIGN KEY"):
        store.add_message(12345, "user", "no such chat")


def test_read_only_database_error_wording(db_path: Path) -> None:
    make_db(db_path)
    with closing(ChatStore(db_path)) as s:
        s._conn.execute("PRAGMA query_only = ON")  # SQLite then refuses writes: SQLITE_READONLY
        with pytest.raises(StoreError, match="can't write"):
            s.create_conversation()


def test_open_store_never_raises_when_folder_cannot_be_made(tmp_path: Path) -> None:
    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder")
    store, warning = open_store(blocker / "sub" / "chats.sqlite3")
    with closing(store):
        assert warning is not None and "will not be saved" in warning
        assert store.path is None
        store.create_conversation()
    assert blocker.read_text() == "not a folder"


def footprint(energy_wh: float, co2_g: float, method: str = "estimated") -> AnswerFootprint:
    return AnswerFootprint(
        energy_wh=energy_wh, energy_wh_low=energy_wh / 2, energy_wh_high=energy_wh,
        method=method, co2_g=co2_g, co2_g_low=co2_g / 2, co2_g_high=co2_g, water_ml=0.1,
        water_ml_low=0.05, water_ml_high=0.1, grid="FRA", grid_name="France",
        explanation="", sources=(),
    )  # type: ignore[arg-type]  # fmt: skip


def answer(store: ChatStore, cid: int, text: str, fp: AnswerFootprint | None) -> int:
    """An answer as the window saves it: streaming first, then finished with its figures."""
    m = store.add_message(cid, "assistant", "", status="streaming")
    store.finish_answer(m.id, text, AnswerStats(model="m", completion_tokens=5, footprint=fp))
    return m.id


def test_footprint_totals_per_chat_and_overall_come_from_the_ledger(tmp_path: Path) -> None:
    store = ChatStore(tmp_path / "totals.sqlite3")
    try:
        a = store.create_conversation("a").id
        b = store.create_conversation("b").id
        store.add_message(a, "user", "q")
        answer(store, a, "x", footprint(0.5, 0.1))
        replaced = answer(store, a, "y", footprint(0.25, 0.2, "measured"))
        answer(store, b, "z", footprint(1.0, 0.4))
        answer(store, b, "no figures", None)
        totals = store.footprint_totals(a)
        assert (totals.energy_wh, totals.count, totals.method) == (0.75, 2, "mixed")
        assert totals.co2_g == pytest.approx(0.3)
        overall = store.footprint_totals()
        assert (overall.energy_wh, overall.count, overall.method) == (1.75, 3, "mixed")
        assert store.footprint_totals(999).count == 0
        # Energy really used stays counted: a regenerated answer, a deleted chat.
        store.delete_message(replaced)
        store.delete_conversation(b)
        assert store.footprint_totals(a).energy_wh == 0.75
        assert store.footprint_totals().energy_wh == 1.75
        assert store.footprint_totals(b).count == 1
    finally:
        store.close()


def test_ids_of_deleted_chats_and_replaced_answers_are_never_reused(store: ChatStore) -> None:
    """SQLite reuses the largest id once its row is deleted; the ledger still holds it, so a new
    chat would inherit a deleted chat's costs, and a new answer a replaced one's."""
    old = store.create_conversation("old").id
    replaced = answer(store, old, "x", footprint(0.5, 0.1))
    store.delete_message(replaced)
    again = answer(store, old, "y", footprint(0.25, 0.1))
    assert again != replaced
    store.delete_conversation(old)
    new = store.create_conversation("new").id
    assert new != old
    assert store.footprint_totals(new).count == 0  # a new chat starts at zero
    assert store.footprint_totals().energy_wh == 0.75  # and nothing really used is lost


def test_the_ledger_is_append_only(store: ChatStore) -> None:
    store.record(LedgerEntry("api", 0.1, 0.05, 0.1, 0.01, 0.2, "estimated", "FRA", model="m"))
    assert store.footprint_totals(kinds=("api",)).count == 1
    assert store.footprint_totals().count == 0  # chat totals count answers only
    for sql in ("UPDATE ledger SET energy_wh = 0", "DELETE FROM ledger"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            store._conn.execute(sql)
    assert store.footprint_totals(kinds=("api",)).energy_wh == 0.1


def test_partial_text_is_saved_while_streaming_and_kept_after_a_kill(db_path: Path) -> None:
    with closing(ChatStore(db_path)) as s:
        c = s.create_conversation("c")
        m = s.add_message(c.id, "assistant", "", status="streaming")
        s.save_partial(m.id, "The first words")
        # killed here: nothing else runs
    store, warning = open_store(db_path)
    with closing(store):
        assert warning is None
        (got,) = store.messages(c.id)
        assert (got.content, got.status, got.note) == ("The first words", "stopped", "interrupted")


def test_version_1_file_is_upgraded_with_its_costs_and_notes(db_path: Path) -> None:
    """A chats file of Smaller 0.1: its answers' costs enter the ledger, its sentences become
    codes, and its "New chat" titles become empty (shown in the user's language)."""
    db_path.parent.mkdir(parents=True)
    with closing(sqlite3.connect(db_path)) as raw:
        from desktop.core.store.schema import MIGRATIONS

        for sql in MIGRATIONS[0]:
            raw.execute(sql)
        raw.execute("PRAGMA user_version = 1")
        raw.execute("INSERT INTO conversations VALUES (1, 'New chat', '', 1.0, 1.0)")
        raw.execute("INSERT INTO conversations VALUES (2, 'Nouvelle conversation', '', 1.0, 1.0)")
        fp = '{"footprint": {"energy_wh": 0.2, "range_wh": [0.1, 0.3], "co2_g": 0.05,'
        fp += ' "water_ml": 0.4, "method": "estimated", "grid": "FRA"}, "completion_tokens": 9}'
        for mid, note in ((1, "Stopped by you."), (2, "Arrêté à votre demande."),
                          (3, "Interrupted: the app closed before the answer finished."),
                          (4, "Something else")):  # fmt: skip
            raw.execute(
                "INSERT INTO messages VALUES (?, 1, 'assistant', 'x', 'stopped', 1.0, ?, ?)",
                (mid, fp, note),
            )
        raw.commit()
    with closing(ChatStore(db_path)) as s:
        assert [m.note for m in s.messages(1)] == ["stopped", "stopped", "interrupted",
                                                   "Something else"]  # fmt: skip
        assert {c.title for c in s.list_conversations()} == {""}
        totals = s.footprint_totals()
        assert (totals.count, totals.energy_wh) == (4, pytest.approx(0.8))
        row = s._conn.execute("SELECT energy_wh_low, energy_wh_high FROM ledger").fetchone()
        assert row == (0.1, 0.3)


def test_a_locked_file_at_start_opens_read_only_then_saves_when_free(db_path: Path) -> None:
    """Another program holds a write lock: the window starts with the chats readable, and the
    chats of the session are written once the lock is gone."""
    make_db(db_path, titles=("Old",))
    with closing(ChatStore(db_path)) as s:
        s.add_message(s.list_conversations()[0].id, "assistant", "cut", status="streaming")
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # a write lock, as another program would hold
    try:
        store, warning = open_store(db_path)
        assert warning is not None and "in use by another program" in warning
        assert store.read_only and store.can_retry
        new = store.create_conversation("Made while locked")
        store.add_message(new.id, "user", "kept")
        assert not store.retry_writable()  # still locked
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with closing(store):
        assert store.retry_writable() and not store.read_only
    with closing(ChatStore(db_path)) as s:
        titles = {c.title: c.id for c in s.list_conversations()}
        assert set(titles) == {"Old", "Made while locked"}
        assert [m.content for m in s.messages(titles["Made while locked"])] == ["kept"]
        assert [m.status for m in s.messages(titles["Old"])][-1] == "stopped"  # marked at last
