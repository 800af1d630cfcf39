"""Export a chat as Markdown (to read) and JSON (for programs), each answer with its figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.core.records import AnswerStats
from desktop.core.store import ChatStore
from desktop.core.store.export import figures_line, to_json, to_markdown
from desktop.ui import chat_export
from desktop.ui.chat_export import kind_for, suggested_name, write_export
from tests.gui_helpers import open_window, wait_loaded


def _chat(tmp_path: Path) -> tuple[ChatStore, int]:
    store = ChatStore(tmp_path / "chats.db")
    chat = store.create_conversation()
    store.rename_conversation(chat.id, "Trip to Lyon")
    store.set_system_prompt(chat.id, "Be brief.")
    store.add_message(chat.id, "user", "Where is Lyon?")
    stats = AnswerStats(model="SmolLM2 135M", prompt_tokens=20, completion_tokens=7, total_s=1.25)
    store.add_message(chat.id, "assistant", "In France.", stats=stats)
    return store, chat.id


def test_markdown_reads_as_a_conversation_with_its_figures(tmp_path: Path) -> None:
    store, cid = _chat(tmp_path)
    conversation = store.get_conversation(cid)
    assert conversation is not None
    text = to_markdown(conversation, store.messages(cid))
    assert text.startswith("# Trip to Lyon\n")
    assert "**Instructions:** Be brief." in text
    assert "## You\n\nWhere is Lyon?" in text
    assert "## SmolLM2 135M\n\nIn France." in text
    assert "*SmolLM2 135M · 7 tokens in 1.3 s*" in text  # 1.25 s, two figures, half up


def test_json_keeps_every_answers_figures(tmp_path: Path) -> None:
    store, cid = _chat(tmp_path)
    conversation = store.get_conversation(cid)
    assert conversation is not None
    data = json.loads(to_json(conversation, store.messages(cid)))
    assert data["title"] == "Trip to Lyon" and data["system_prompt"] == "Be brief."
    user, answer = data["messages"]
    assert user["role"] == "user" and "figures" not in user
    assert answer["figures"]["completion_tokens"] == 7 and answer["figures"]["total_s"] == 1.25


def test_file_names_and_kinds() -> None:
    assert suggested_name("Trip to Lyon / 2026?") == "Trip to Lyon  2026.md"
    assert suggested_name("???") == "chat.md"
    assert kind_for(Path("a.json")) == "json" and kind_for(Path("a.md")) == "markdown"


def test_a_folder_that_cannot_be_made_gives_a_clear_message(tmp_path: Path) -> None:
    store, cid = _chat(tmp_path)
    (tmp_path / "a-file").write_text("x")
    problem = write_export(store, cid, tmp_path / "a-file" / "chat.md", "markdown")
    assert problem is not None and "Choose another folder" in problem


def test_a_path_that_is_a_folder_gives_a_clear_message(tmp_path: Path) -> None:
    store, cid = _chat(tmp_path)
    (tmp_path / "taken.md").mkdir()
    problem = write_export(store, cid, tmp_path / "taken.md", "markdown")
    assert problem is not None and "Choose another folder" in problem
    assert list(tmp_path.glob("*.tmp")) == []


def test_the_window_exports_a_real_answer(
    qtbot: QtBot, model_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, model_path)
    wait_loaded(qtbot, window)
    window.chat.max_tokens = 4
    window.chat.send("Hello")
    qtbot.waitUntil(lambda: not window.chat.streaming, timeout=60_000)
    target = tmp_path / "out" / "hello.json"
    monkeypatch.setattr(chat_export, "QFileDialog", _SaveTo(target))
    window.chat_actions.export_current()
    data = json.loads(target.read_text(encoding="utf-8"))
    answer = data["messages"][-1]
    assert answer["role"] == "assistant" and answer["figures"]["completion_tokens"] >= 1
    assert answer["figures"]["footprint"]["method"] in ("measured", "estimated")
    stats = window.store.messages(window.chat.conversation_id)[-1].stats  # type: ignore[arg-type]
    assert stats is not None and "tokens in" in figures_line(stats)


class _SaveTo:
    """Stands in for the save dialog: the user picked `path`."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def getSaveFileName(self, *_args: object) -> tuple[str, str]:  # noqa: N802 (Qt's name)
        return str(self.path), ""
