"""Long chats: the store reads them a page at a time and the window shows one page, then earlier
pages when the user scrolls to the top. Real SQLite files, the real window; the model only where
an answer is written. Speed is measured by benchmarks/bench_chat_open.py, not here."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.app import open_chats
from desktop.core.context import Turn
from desktop.core.engine import SamplingSettings
from desktop.core.records import AnswerStats
from desktop.core.store import PAGE_SIZE, ChatStore
from desktop.ui.chat_pages import MAX_PAGES
from desktop.ui.main_window import MainWindow
from tests.gui_helpers import wait_answer, wait_loaded

LONG = 2_000


def fill(store: ChatStore, messages: int) -> int:
    """A chat of questions and answers "q0", "a1", "q2"... with figures on every answer."""
    chat = store.create_conversation("long")
    for i in range(messages):
        if i % 2 == 0:
            store.add_message(chat.id, "user", f"q{i}")
        else:
            stats = AnswerStats(total_s=1.0, completion_tokens=3)
            store.add_message(chat.id, "assistant", f"a{i}", stats=stats)
    return chat.id


# --- the store --------------------------------------------------------------------------------
@pytest.fixture
def store(tmp_path: Path) -> ChatStore:
    s = ChatStore(tmp_path / "chats.db")
    yield s  # type: ignore[misc]
    s.close()


def test_pages_walk_back_in_order(store: ChatStore) -> None:
    cid = fill(store, 2 * PAGE_SIZE + 5)
    other = fill(store, 3)  # another chat's messages never leak into a page
    assert store.count_messages(cid) == 2 * PAGE_SIZE + 5 and store.count_messages(other) == 3
    everything = [m.content for m in store.messages(cid)]
    latest = store.messages_page(cid)
    assert [m.content for m in latest] == everything[-PAGE_SIZE:]
    assert latest[-2].stats is not None and latest[-2].stats.completion_tokens == 3
    before = store.messages_page(cid, latest[0].id)
    assert [m.content for m in before] == everything[-2 * PAGE_SIZE : -PAGE_SIZE]
    first = store.messages_page(cid, before[0].id)
    assert [m.content for m in first] == everything[:5]
    assert store.has_messages_before(cid, before[0].id)
    assert not store.has_messages_before(cid, first[0].id)
    assert store.messages_page(cid, first[0].id) == []
    assert [m.content for m in store.messages_page(cid, limit=2)] == everything[-2:]
    assert store.messages_page(cid, limit=0) == []
    assert store.messages_page(9999) == [] and store.count_messages(9999) == 0


def test_history_reads_completed_exchanges_only(store: ChatStore) -> None:
    chat = store.create_conversation()
    store.add_message(chat.id, "user", "one")
    store.add_message(chat.id, "assistant", "first")
    store.add_message(chat.id, "user", "two")
    store.add_message(chat.id, "assistant", "", status="error")  # failed: left out
    store.add_message(chat.id, "user", "three")
    store.add_message(chat.id, "assistant", "cut", status="stopped")
    last = store.add_message(chat.id, "user", "four")
    assert store.history(chat.id) == [Turn("one", "first"), Turn("three", "cut")]
    assert store.history(chat.id, before_id=last.id - 1) == [Turn("one", "first")]
    assert store.history(9999) == []


# --- the window (no model needed to read a chat) ----------------------------------------------
def window_on_long_chat(qtbot: QtBot, messages: int, model: Path | None = None) -> MainWindow:
    store, _ = open_chats()
    fill(store, messages)
    window = MainWindow(store, model or Path("no-model-here.gguf"), n_threads=1)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def at_bottom(window: MainWindow) -> bool:
    bar = window.chat_view.verticalScrollBar()
    return bar.maximum() > 0 and bar.value() == bar.maximum()


def regenerate_shown(window: MainWindow) -> list[str]:
    return [w.text for w in window.chat_view.messages if not w.regenerate_button.isHidden()]


def test_opening_a_long_chat_builds_one_page(qtbot: QtBot) -> None:
    window = window_on_long_chat(qtbot, LONG)
    view = window.chat_view
    texts = [w.text for w in view.messages]
    assert texts == [f"{'q' if i % 2 == 0 else 'a'}{i}" for i in range(LONG - PAGE_SIZE, LONG)]
    assert view.has_earlier and not view._earlier.isHidden()
    assert regenerate_shown(window) == [f"a{LONG - 1}"]  # only the latest answer
    qtbot.waitUntil(lambda: at_bottom(window))  # opened at the end, as before


def test_scrolling_to_the_top_shows_the_page_before_in_place(qtbot: QtBot) -> None:
    window = window_on_long_chat(qtbot, LONG)
    view, bar = window.chat_view, window.chat_view.verticalScrollBar()
    qtbot.waitUntil(lambda: at_bottom(window))
    bar.setValue(0)
    qtbot.waitUntil(lambda: len(view.messages) == 2 * PAGE_SIZE)
    old_first = view.messages[PAGE_SIZE]
    on_screen = old_first.y() - bar.value()
    expected = [f"{'q' if i % 2 == 0 else 'a'}{i}" for i in range(LONG - 2 * PAGE_SIZE, LONG)]
    assert [w.text for w in view.messages] == expected
    layout = view.widget().layout()
    assert [layout.indexOf(w) for w in view.messages] == sorted(
        layout.indexOf(w) for w in view.messages
    )  # the screen reader's order is the chat's order
    qtbot.wait(100)  # let the new page lay itself out
    assert bar.value() > 0  # not left at the top, which would load page after page
    assert abs((old_first.y() - bar.value()) - on_screen) <= 2  # the text read did not jump
    assert regenerate_shown(window) == [f"a{LONG - 1}"]
    view.add_message("user", "You", "a new question")  # as sending does: back to the end
    qtbot.waitUntil(lambda: at_bottom(window))
    assert regenerate_shown(window) == []


def test_the_button_reaches_the_first_message(qtbot: QtBot) -> None:
    window = window_on_long_chat(qtbot, 2 * PAGE_SIZE + 3)
    view = window.chat_view
    view._earlier.click()  # the keyboard's way: no scrolling needed
    qtbot.waitUntil(lambda: len(view.messages) == 2 * PAGE_SIZE)
    assert view.has_earlier
    view._earlier.click()
    qtbot.waitUntil(lambda: len(view.messages) == 2 * PAGE_SIZE + 3)
    assert [w.text for w in view.messages][:4] == ["q0", "a1", "q2", "a3"]
    assert not view.has_earlier and view._earlier.isHidden()
    # Another chat, then back: the latest page again, nothing kept from before.
    window.new_conversation()
    assert view.messages == [] and not view.has_earlier
    window.select_conversation(window.store.list_conversations()[-1].id)
    assert len(view.messages) == PAGE_SIZE


def numbers(window: MainWindow) -> list[int]:
    return [int(w.text[1:]) for w in window.chat_view.messages]


def test_far_up_and_back_down_with_a_bounded_number_of_widgets(qtbot: QtBot) -> None:
    window = window_on_long_chat(qtbot, LONG)
    view, bar = window.chat_view, window.chat_view.verticalScrollBar()
    qtbot.waitUntil(lambda: at_bottom(window))
    for _ in range(MAX_PAGES + 2):
        shown = numbers(window)[0]
        bar.setValue(0)
        # The page comes, then the view keeps the text read in place (away from the top).
        qtbot.waitUntil(lambda shown=shown: numbers(window)[0] < shown and bar.value() > 0)
    got = numbers(window)
    assert len(got) == MAX_PAGES * PAGE_SIZE  # the pages furthest below were let go
    assert got == list(range(got[0], got[0] + len(got)))  # in order, none missing
    assert got[0] == LONG - (MAX_PAGES + 3) * PAGE_SIZE
    assert view.has_later and not view._later.isHidden()
    assert regenerate_shown(window) == []  # the last one shown is not the chat's latest
    view._later.click()  # the keyboard's way back down; scrolling to the end does the same
    qtbot.waitUntil(lambda: numbers(window)[-1] == got[-1] + PAGE_SIZE)
    while view.has_later:
        last = numbers(window)[-1]
        bar.setValue(bar.maximum())
        qtbot.waitUntil(lambda last=last: numbers(window)[-1] > last and not at_bottom(window))
    got = numbers(window)
    assert got[-1] == LONG - 1 and len(got) <= MAX_PAGES * PAGE_SIZE
    assert got == list(range(got[0], LONG))
    assert regenerate_shown(window) == [f"a{LONG - 1}"]


def test_sending_while_reading_old_messages_goes_back_to_the_end(qtbot: QtBot) -> None:
    window = window_on_long_chat(qtbot, LONG)
    view = window.chat_view
    for _ in range(MAX_PAGES + 1):
        view._earlier.click()
    assert view.has_later
    assert window.chat.send("a new question")  # no model: the answer fails, the text is kept
    assert not view.has_later
    texts = [w.text for w in view.messages]
    assert texts[-3:-1] == [f"a{LONG - 1}", "a new question"] and len(texts) == PAGE_SIZE + 2
    assert [w.message_id for w in view.messages[-2:]] == [
        m.id for m in window.store.messages_page(window.chat.conversation_id or 0, limit=2)
    ]
    wait_answer(qtbot, window)


def test_a_short_chat_has_no_earlier_button(qtbot: QtBot) -> None:
    window = window_on_long_chat(qtbot, PAGE_SIZE)
    assert len(window.chat_view.messages) == PAGE_SIZE
    assert not window.chat_view.has_earlier and window.chat_view._earlier.isHidden()


# --- writing in a long chat, with the real model -----------------------------------------------
@pytest.mark.model
def test_send_and_regenerate_in_a_long_chat(qtbot: QtBot, model_path: Path) -> None:
    window = window_on_long_chat(qtbot, LONG, model_path)
    wait_loaded(qtbot, window)
    assert window.model_info is not None, window.notice_bar.text()
    window.chat.settings = SamplingSettings(max_tokens=8, temperature=0.0, top_k=1)
    cid = window.chat.conversation_id
    assert cid is not None
    window.ask("Say hello.")
    wait_answer(qtbot, window)
    view = window.chat_view
    assert len(view.messages) == PAGE_SIZE + 2
    saved = window.store.messages_page(cid, limit=2)
    assert window.store.count_messages(cid) == LONG + 2
    assert [m.content for m in saved] == [w.text for w in view.messages[-2:]]
    assert saved[1].stats is not None and saved[1].stats.dropped_turns > 0  # 1,000 exchanges
    assert regenerate_shown(window) == [view.messages[-1].text]
    view.messages[-1].regenerate_button.click()
    assert window.chat.streaming and not view.messages[-1].regenerate_button.isEnabled()
    wait_answer(qtbot, window)
    assert len(view.messages) == PAGE_SIZE + 2
    assert window.store.count_messages(cid) == LONG + 2
    again = window.store.messages_page(cid, limit=1)[0]
    assert again.created_at > saved[1].created_at and again.content == view.messages[-1].text
    assert regenerate_shown(window) == [view.messages[-1].text]
    assert view.messages[-1].regenerate_button.isEnabled()


def test_a_chat_ending_with_a_question_shows_no_regenerate(qtbot: QtBot) -> None:
    window = window_on_long_chat(qtbot, 3)
    assert [w.text for w in window.chat_view.messages] == ["q0", "a1", "q2"]
    assert regenerate_shown(window) == []  # only the latest message may, and it is a question


@pytest.mark.model
def test_an_answer_written_while_reading_old_messages_is_there_on_the_way_back(
    qtbot: QtBot, model_path: Path
) -> None:
    window = window_on_long_chat(qtbot, LONG, model_path)
    wait_loaded(qtbot, window)
    window.chat.settings = SamplingSettings(max_tokens=120, temperature=0.8)
    window.ask("Write a short story about a lighthouse.")
    assert window.chat.streaming
    view = window.chat_view
    for _ in range(MAX_PAGES + 1):  # far enough up that the answer's page is let go
        view._earlier.click()
    assert view.has_later
    assert window.chat._streaming is not None and window.chat._streaming.widget is None
    wait_answer(qtbot, window)  # it kept streaming into no widget, and was saved
    while view.has_later:
        view._later.click()
    saved = window.store.messages_page(window.chat.conversation_id or 0, limit=1)[0]
    answer = view.messages[-1]
    assert saved.role == "assistant" and saved.content and answer.text == saved.content
    assert answer.message_id == saved.id and answer.stats is not None
    assert regenerate_shown(window) == [saved.content]
