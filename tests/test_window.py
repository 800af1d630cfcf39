"""End to end: the real window, the real model, a real SQLite file, a real Qt event loop."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from desktop.app import DB_NAME, data_dir, open_chats
from desktop.core.engine import SamplingSettings
from desktop.ui.main_window import MainWindow
from tests import gguf_factory
from tests.gui_helpers import open_window, wait_answer, wait_loaded

pytestmark = pytest.mark.model
LONG = SamplingSettings(max_tokens=400, temperature=0.8)


@pytest.fixture
def window(qtbot: QtBot, model_path: Path) -> MainWindow:
    win = open_window(qtbot, model_path)
    wait_loaded(qtbot, win)
    assert win.model_info is not None, win.notice_bar.text()
    win.chat.settings = SamplingSettings(max_tokens=48, temperature=0.0, top_k=1)
    return win


def type_and_send(qtbot: QtBot, window: MainWindow, text: str) -> None:
    qtbot.keyClicks(window.prompt, text)
    qtbot.keyClick(window.prompt, Qt.Key.Key_Return)


def test_type_send_stream_and_save(qtbot: QtBot, window: MainWindow) -> None:
    lengths: list[int] = []
    window.engine.chunk.connect(
        lambda _rid, _t: lengths.append(len(window.chat_view.messages[-1].text))
    )
    type_and_send(qtbot, window, "What is the capital of France?")
    assert window.prompt.toPlainText() == ""
    wait_answer(qtbot, window)
    user, answer = window.chat_view.messages
    assert user.text == "What is the capital of France?"
    assert "Paris" in answer.text
    assert lengths and lengths == sorted(lengths)  # the answer grew as tokens arrived
    assert "tokens/s" in window.speed_label.text() and "first word" in window.speed_label.text()
    assert "SmolLM2" in window.model_label.text()
    # Saved, with its figures.
    cid = window.chat.conversation_id
    assert cid is not None
    saved = window.store.messages(cid)
    assert [m.role for m in saved] == ["user", "assistant"]
    assert saved[1].status == "complete" and saved[1].content == answer.text
    assert saved[1].stats is not None and saved[1].stats.completion_tokens > 0
    assert window.conversation_list.titles() == ["What is the capital of France?"]


def test_markdown_is_rendered(qtbot: QtBot, window: MainWindow) -> None:
    widget = window.chat_view.add_message("assistant", "model")
    widget.set_text("Some **bold** text.\n\n- one\n- two\n\n```\nprint('hi')\n```\n")
    plain = widget.body.document().toPlainText()
    assert "**" not in plain and "```" not in plain and "print('hi')" in plain
    assert "font-weight:700" in widget.body.toHtml() or "font-weight:600" in widget.body.toHtml()
    assert "<li" in widget.body.toHtml()


def test_shift_enter_makes_a_new_line(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClicks(window.prompt, "line one")
    qtbot.keyClick(window.prompt, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(window.prompt, "line two")
    assert window.prompt.toPlainText() == "line one\nline two"
    assert window.chat_view.messages == []


def test_escape_stops_the_answer_and_it_is_kept(qtbot: QtBot, window: MainWindow) -> None:
    window.chat.settings = LONG
    type_and_send(qtbot, window, "Write a very long story about a dragon and a knight.")
    qtbot.waitUntil(lambda: len(window.chat_view.messages[-1].text) > 0, timeout=30_000)
    assert window.stop_button.isEnabled()
    qtbot.keyClick(window.prompt, Qt.Key.Key_Escape)
    wait_answer(qtbot, window)
    answer = window.chat_view.messages[-1]
    assert answer.status_label.text() == "Stopped"
    saved = window.store.messages(window.chat.conversation_id)[-1]  # type: ignore[arg-type]
    assert saved.status == "stopped" and saved.note == "stopped"
    assert saved.content == answer.text and saved.content
    assert saved.stats is not None and 0 < saved.stats.completion_tokens < 400


def test_stop_button(qtbot: QtBot, window: MainWindow) -> None:
    window.chat.settings = LONG
    type_and_send(qtbot, window, "Write a very long story about a ship.")
    qtbot.waitUntil(lambda: len(window.chat_view.messages[-1].text) > 0, timeout=30_000)
    qtbot.mouseClick(window.stop_button, Qt.MouseButton.LeftButton)
    wait_answer(qtbot, window)
    assert window.store.messages(window.chat.conversation_id)[-1].status == "stopped"  # type: ignore[arg-type]
    assert not window.stop_button.isEnabled() and window.send_button.isEnabled()


def test_sending_while_streaming_is_refused_and_nothing_is_lost(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.chat.settings = LONG
    type_and_send(qtbot, window, "Write a very long story about a cat.")
    qtbot.waitUntil(lambda: window.chat.streaming)
    type_and_send(qtbot, window, "second message")
    assert window.prompt.toPlainText() == "second message"  # still there, not sent
    assert "Wait for the answer" in window.notice_bar.text()
    assert len(window.chat_view.messages) == 2
    window.chat.stop()
    wait_answer(qtbot, window)
    type_and_send(qtbot, window, "")  # Enter sends what is in the box
    wait_answer(qtbot, window)
    assert [w.text for w in window.chat_view.messages if w.role == "user"][-1] == "second message"


def test_empty_and_huge_messages_are_refused(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window.prompt, Qt.Key.Key_Return)
    assert "Type a message first" in window.notice_bar.text()
    huge = "x" * 100_000
    window.prompt.setPlainText(huge)  # a paste
    qtbot.keyClick(window.prompt, Qt.Key.Key_Return)
    assert "too long" in window.notice_bar.text()
    assert window.prompt.toPlainText() == huge
    assert window.chat_view.messages == []


def test_copy_and_regenerate(qtbot: QtBot, window: MainWindow) -> None:
    type_and_send(qtbot, window, "Name a colour.")
    wait_answer(qtbot, window)
    answer = window.chat_view.messages[-1]
    qtbot.mouseClick(answer.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == answer.text
    assert answer.regenerate_button.isVisible()
    assert not window.chat_view.messages[0].regenerate_button.isVisible()
    window.chat.settings = SamplingSettings(max_tokens=48, temperature=1.0)
    qtbot.mouseClick(answer.regenerate_button, Qt.MouseButton.LeftButton)
    wait_answer(qtbot, window)
    saved = window.store.messages(window.chat.conversation_id)  # type: ignore[arg-type]
    assert [m.role for m in saved] == ["user", "assistant"]
    assert len(window.chat_view.messages) == 2
    assert saved[1].content == window.chat_view.messages[1].text


def test_conversations_new_rename_search_delete(qtbot: QtBot, window: MainWindow) -> None:
    store = window.store
    qtbot.mouseClick(window.conversation_list.new_button, Qt.MouseButton.LeftButton)
    first = window.chat.conversation_id
    window.rename_conversation(first, "Holiday plans")  # type: ignore[arg-type]
    window.new_conversation()
    second = window.chat.conversation_id
    window.rename_conversation(second, "Recipe ideas")  # type: ignore[arg-type]
    assert sorted(window.conversation_list.titles()) == ["Holiday plans", "Recipe ideas"]
    assert window.title_label.text() == "Recipe ideas"
    qtbot.keyClicks(window.conversation_list.search, "recipe")
    assert window.conversation_list.titles() == ["Recipe ideas"]
    window.conversation_list.search.clear()
    window.delete_conversation(second)  # type: ignore[arg-type]
    assert [c.title for c in store.list_conversations()] == ["Holiday plans"]
    assert window.chat.conversation_id == first


def test_system_prompt_per_chat(qtbot: QtBot, window: MainWindow) -> None:
    window.new_conversation()
    window.set_system_prompt("Always answer in French.")
    cid = window.chat.conversation_id
    window.new_conversation()
    assert window.store.get_conversation(cid).system_prompt == "Always answer in French."  # type: ignore[arg-type, union-attr]
    assert window.store.get_conversation(window.chat.conversation_id).system_prompt == ""  # type: ignore[arg-type, union-attr]
    window.select_conversation(cid)
    type_and_send(qtbot, window, "Hello")
    wait_answer(qtbot, window)
    assert window.store.messages(cid)[-1].status == "complete"  # type: ignore[arg-type]


def test_quit_and_restart_shows_every_chat(qtbot: QtBot, model_path: Path) -> None:
    win = open_window(qtbot, model_path)
    wait_loaded(qtbot, win)
    win.chat.settings = SamplingSettings(max_tokens=24, temperature=0.0, top_k=1)
    type_and_send(qtbot, win, "Hello there")
    wait_answer(qtbot, win)
    answer = win.chat_view.messages[-1].text
    win.close()
    assert (data_dir() / DB_NAME).exists()
    again = open_window(qtbot, model_path)
    wait_loaded(qtbot, again)
    assert again.conversation_list.titles() == ["Hello there"]
    assert [w.text for w in again.chat_view.messages] == ["Hello there", answer]


def test_closing_mid_answer_exits_fast_and_keeps_the_partial_answer(
    qtbot: QtBot, model_path: Path
) -> None:
    win = open_window(qtbot, model_path)
    wait_loaded(qtbot, win)
    win.chat.settings = LONG
    type_and_send(qtbot, win, "Write a very long story about the sea.")
    qtbot.waitUntil(lambda: len(win.chat_view.messages[-1].text) > 10, timeout=30_000)
    win.close()  # how long it takes is measured by `smaller bench` (stop latency)
    store, _ = open_chats()
    try:
        saved = store.messages(store.list_conversations()[0].id)[-1]
        assert saved.status == "stopped" and saved.note == "closed"
        assert len(saved.content) > 10
        # What it cost until then is kept with it, and counted.
        assert saved.stats is not None and saved.stats.completion_tokens > 0
        assert store.footprint_totals().count == 1
    finally:
        store.close()


def test_broken_model_shows_a_message_not_a_traceback(qtbot: QtBot, tmp_path: Path) -> None:
    page = gguf_factory.write_html(tmp_path / "page.gguf")
    win = open_window(qtbot, page)
    wait_loaded(qtbot, win)
    text = win.notice_bar.text()
    assert "web page" in text and "Models" in text and "Traceback" not in text
    assert not win.send_button.isEnabled()
    win.prompt.setPlainText("hello")
    win.send_current()
    assert win.prompt.toPlainText() == "hello"


def test_switching_back_to_a_good_model(qtbot: QtBot, tmp_path: Path, model_path: Path) -> None:
    win = open_window(qtbot, gguf_factory.write_empty(tmp_path / "empty.gguf"))
    wait_loaded(qtbot, win)
    assert win.model_info is None
    win.load_model(model_path)
    qtbot.waitUntil(lambda: win.model_info is not None, timeout=30_000)
    assert not win.notice_bar.isVisible() and win.send_button.isEnabled()


def test_corrupt_database_still_starts_and_is_not_overwritten(
    qtbot: QtBot, model_path: Path
) -> None:
    db = data_dir() / DB_NAME
    db.parent.mkdir(parents=True, exist_ok=True)
    db.write_bytes(b"this is not a database" * 100)
    before = db.read_bytes()
    win = open_window(qtbot, model_path)
    wait_loaded(qtbot, win)
    assert "damaged" in win.notice_bar.text() or "could not be read" in win.notice_bar.text()
    win.chat.settings = SamplingSettings(max_tokens=8)
    type_and_send(qtbot, win, "Hi")
    wait_answer(qtbot, win)
    win.close()
    assert db.read_bytes() == before


def test_read_only_database_shows_chats_and_says_so(
    qtbot: QtBot, model_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, _ = open_chats()
    cid = store.create_conversation("Kept chat").id
    store.add_message(cid, "user", "old question")
    store.close()
    db = data_dir() / DB_NAME
    before = db.read_bytes()
    from desktop.core.store import opening

    # Tests run as root, where chmod does not stop writes: make the writability check see the
    # file as read-only, as it would for a normal user with a read-only file.
    monkeypatch.setattr(opening, "writable", lambda _path: False)
    win = open_window(qtbot, model_path)
    wait_loaded(qtbot, win)
    assert "read-only" in win.notice_bar.text()
    assert win.conversation_list.titles() == ["Kept chat"]
    win.close()
    assert db.read_bytes() == before


def test_models_page_opens_and_switching_loads_on_the_worker(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from desktop.core.models import ModelSettings

    dialog = window.show_models()
    assert dialog.isVisible() and window.show_models() is dialog  # one instance
    tiny = gguf_factory.write_gguf(tmp_path / "tiny.gguf")
    window.use_model(tiny, ModelSettings(prompt_format="chatml", context_length=1024))
    assert window.model_info is None  # loading, on the worker thread
    assert window.load_progress.isVisible()
    qtbot.waitUntil(lambda: window.model_info is not None, timeout=30_000)
    assert "tiny" in window.model_label.text() and window.chat.n_ctx == 1024
    assert not window.load_progress.isVisible()
    dialog.close()
