"""Documents in the real window: a collection added on the Documents page and indexed on its
worker thread (progress, pause, cancel), the chat's choice of collections, a cited answer of the
real model saved with its sources and shown again after a restart."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.core.docs.search import search
from desktop.core.engine import SamplingSettings
from desktop.ui import documents_controller
from desktop.ui.sources_view import SourcesView
from tests.docs_fixtures import make_corpus
from tests.gui_helpers import open_window, wait_answer, wait_loaded


def _wait_indexed(qtbot: QtBot, window) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not window.documents.worker.running, timeout=60_000)
    window.documents.worker.drain()


def test_documents_page_indexes_and_a_cited_answer_survives_a_restart(
    qtbot: QtBot, model_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    win = open_window(qtbot, model_path)
    wait_loaded(qtbot, win)
    win.chat.settings = SamplingSettings(max_tokens=24, temperature=0.0, top_k=1)
    page = win.show_documents()
    assert win.documents.add([corpus], "home")
    _wait_indexed(qtbot, win)
    top = page.tree.topLevelItem(0)
    assert top.text(0) == "home" and "6 of 7 files indexed" in top.text(2)
    states = {top.child(i).text(0): top.child(i).text(2) for i in range(top.childCount())}
    assert states["photo.png"].startswith("skipped: not a format")
    assert states["spec.pdf"].startswith("indexed (")
    assert "Index on disk" in page.cost_label.text() and "Wh" in page.cost_label.text()
    # The indexing run's energy is in the ledger.
    assert win.store.footprint_totals(kinds=("indexing",)).count == 1

    # None by default; choose the collection for this chat, only from documents.
    win.new_conversation()
    assert win.documents_button.text() == "Documents: none"
    win.documents_button.actions_by_name["home"].setChecked(True)
    assert win.documents_button.only_action is not None
    win.documents_button.only_action.setChecked(True)
    cid = win.chat.conversation_id
    assert cid is not None
    win.prompt.setPlainText("How many kilograms of apples did the orchard produce?")
    qtbot.keyClick(win.prompt, Qt.Key.Key_Return)
    wait_answer(qtbot, win)
    answer = win.chat_view.messages[-1]
    view = answer.findChild(SourcesView)
    assert view is not None and view.isVisible()
    assert view.sources[0].file == "report.docx" and "420 kilograms" in view.sources[0].passage
    assert "420 kilograms" in view.labels[0].toolTip()
    saved = win.store.messages(cid)[-1]
    assert saved.stats is not None and saved.stats.sources == view.sources
    win.close()

    # A file changed while the app was closed is read again soon after the next start.
    (corpus / "notes.txt").write_text("The red kayak is stored in the boathouse.")
    monkeypatch.setattr(documents_controller, "STARTUP_UPDATE_MS", 50)
    again = open_window(qtbot, model_path)
    index = again.documents.index
    assert index is not None

    def kayak_found() -> bool:
        hits = search(index, "red kayak boathouse", ["home"])
        return bool(hits) and hits[0].path.endswith("notes.txt")

    qtbot.waitUntil(kayak_found, timeout=20_000)  # the run is too quick to watch it running
    _wait_indexed(qtbot, again)
    wait_loaded(qtbot, again)
    again.select_conversation(cid)
    shown = again.chat_view.messages[-1].findChild(SourcesView)
    assert shown is not None and shown.sources == view.sources
    assert again.documents_button.chosen == ["home"] and again.documents_button.only_documents
    again.close()


def test_indexing_pauses_cancels_and_an_update_finishes_the_rest(
    qtbot: QtBot, model_path: Path, tmp_path: Path
) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    for n in range(150):
        shutil.copy(corpus / "notes.txt", corpus / f"copy{n:03d}.txt")
    win = open_window(qtbot, model_path)
    page = win.show_documents()
    win.documents.worker.set_paused(True)  # held before the first file
    assert win.documents.add([corpus], "many")
    qtbot.wait(300)
    page.pause_button.setChecked(True)
    assert page.pause_button.text() == "Resume" and win.documents.worker.running
    page.cancel_button.click()
    _wait_indexed(qtbot, win)
    assert "Cancelled" in page.progress_label.text()
    (collection,) = win.documents.index.collections()  # type: ignore[union-attr]
    assert collection.indexed < 156
    # Updating later reads only what the cancelled run did not.
    win.documents.index_collections(["many"])
    _wait_indexed(qtbot, win)
    (collection,) = win.documents.index.collections()  # type: ignore[union-attr]
    assert collection.indexed == 156
    win.close()
