"""Indexing through the real child process (reader_process.py): a crash of the child, pause and
cancel while the child is inside a file, and the child's CPU time in the run's energy."""

from __future__ import annotations

import threading
from pathlib import Path

import psutil
import pytest
from pytestqt.qtbot import QtBot

from desktop.core.docs.index import DocIndex
from desktop.core.docs.indexer import (
    MAX_READER_STOPS,
    Controls,
    Indexer,
    IndexRun,
    Progress,
    ledger_entry,
)
from desktop.core.docs.reader_process import ReaderProcess
from desktop.core.docs.search import search
from desktop.core.footprint import FootprintMeter
from tests.docs_fixtures import make_corpus
from tests.gui_helpers import open_window


def _kill(pid: int | None) -> None:
    assert pid is not None
    # As the kernel's out-of-memory killer would. Not waited for here: multiprocessing reaps it
    # (a wait by psutil would take its exit code away).
    psutil.Process(pid).kill()


def _states(index: DocIndex) -> dict[str, tuple[str, str]]:
    (cid,) = [c.id for c in index.collections()]
    return {Path(f.path).name: (f.state, f.reason) for f in index.files(cid)}


def test_a_crash_of_the_reader_skips_that_file_and_the_next_run_reads_it(
    tmp_path: Path,
) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    index = DocIndex(tmp_path / "documents.sqlite3")
    index.add_collection("home", [corpus])
    indexer = Indexer(index)
    killed: list[str] = []

    def progress(p: Progress) -> None:
        # Kill the child once it has read a file; it dies before or while reading this one.
        reader = indexer.reader
        if not killed and p.path.endswith(".txt") and reader and reader.pid:
            _kill(reader.pid)
            killed.append(Path(p.path).name)

    run = indexer.run("home", progress=progress, meter=FootprintMeter())
    assert killed == ["notes.txt"]
    assert [Path(p).name for p in run.reader_stops] == ["notes.txt"]
    assert "notes.txt" in run.error and "tried again next time" in run.error
    assert _states(index)["notes.txt"] == ("skipped", "reader_stopped")
    assert run.files_read == 5  # a new child read every file after it
    assert index.execute("PRAGMA integrity_check")[0][0] == "ok"
    assert search(index, "telescope mirror", ["home"])[0].path.endswith("page.html")
    entry = ledger_entry(run)  # what the run cost is still counted
    assert entry is not None and entry.kind == "indexing" and entry.energy_wh > 0

    again = Indexer(index).run("home")
    assert (again.files_read, again.reader_stops, again.error) == (1, [], "")
    assert _states(index)["notes.txt"] == ("indexed", "")


def test_a_reader_that_keeps_crashing_stops_the_run_with_a_plain_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    index = DocIndex(tmp_path / "documents.sqlite3")
    index.add_collection("home", [corpus])
    cid = index.collection_id("home")
    assert cid is not None
    index.save_file(cid, str(corpus / "recipe.md"), 1, 1, "indexed", "", [(None, 0, "old", None)])
    real_start = ReaderProcess._start

    def start_and_kill(self: ReaderProcess) -> None:
        real_start(self)
        _kill(self.pid)

    monkeypatch.setattr(ReaderProcess, "_start", start_and_kill)
    run = Indexer(index).run("home", meter=FootprintMeter())
    assert len(run.reader_stops) == MAX_READER_STOPS and run.files_read == 0
    assert run.error.startswith("Indexing stopped: the document reader stopped 3 times")
    assert index.execute("PRAGMA integrity_check")[0][0] == "ok"
    # A file it did not reach keeps what it had; the run is recorded and its energy counted.
    assert [Path(p).name for p in run.reader_stops] == ["letter.odt", "notes.txt", "page.html"]
    assert index.execute("SELECT text FROM chunks") == [("old",)]
    (collection,) = index.collections()
    assert index.last_run(collection.id) is not None and ledger_entry(run) is not None


def test_pause_holds_the_child_inside_a_file_and_cancel_keeps_the_index_as_it_was(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    paragraph = "The lighthouse keeper counts the ships that pass the cape every night. "
    (corpus / "big.txt").write_text((paragraph * 8 + "\n\n") * 6000)  # ~3.4 MB, many batches
    index = DocIndex(tmp_path / "documents.sqlite3")
    index.add_collection("big", [corpus])
    indexer = Indexer(index)
    controls = Controls()
    result: list[object] = []
    thread = threading.Thread(target=lambda: result.append(indexer.run("big", controls)))
    thread.start()
    while indexer.reader is None or indexer.reader.pid is None:
        thread.join(0.01)
    controls.pause.set()
    child = psutil.Process(indexer.reader.pid)
    thread.join(1.0)
    assert thread.is_alive() and child.is_running()  # held, not ended
    controls.cancel.set()
    thread.join(30)
    assert not thread.is_alive()
    (run,) = result
    assert isinstance(run, IndexRun) and run.cancelled and run.files_read == 0
    assert index.execute("SELECT COUNT(*) FROM chunks")[0][0] == 0  # nothing half-written
    child.wait(10)  # the child ended with the run
    assert not child.is_running()


def test_the_childs_cpu_time_is_in_the_runs_energy(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    index = DocIndex(tmp_path / "documents.sqlite3")
    index.add_collection("home", [corpus])
    indexer = Indexer(index)
    run = indexer.run("home", meter=FootprintMeter())
    assert indexer.reader is not None and indexer.reader.cpu_s > 0
    assert run.cpu_s is not None and run.cpu_s >= indexer.reader.cpu_s
    entry = ledger_entry(run)
    assert entry is not None and entry.cpu_s == run.cpu_s


def test_an_unchanged_folder_starts_no_child(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    index = DocIndex(tmp_path / "documents.sqlite3")
    index.add_collection("home", [corpus])
    Indexer(index).run("home")
    indexer = Indexer(index)
    assert indexer.run("home").files_unchanged == 7
    assert indexer.reader is not None and indexer.reader.pid is None


def test_the_window_says_when_the_reader_keeps_crashing_and_still_counts_the_run(
    qtbot: QtBot, model_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    real_start = ReaderProcess._start

    def start_and_kill(self: ReaderProcess) -> None:
        real_start(self)
        _kill(self.pid)

    monkeypatch.setattr(ReaderProcess, "_start", start_and_kill)
    win = open_window(qtbot, model_path)
    win.show_documents()
    assert win.documents.add([corpus], "home")
    qtbot.waitUntil(lambda: not win.documents.worker.running, timeout=60_000)
    win.documents.worker.drain()
    assert win.notice_bar.text().startswith("Indexing stopped: the document reader stopped")
    assert win.store.footprint_totals(kinds=("indexing",)).count == 1  # its cost is counted
    (collection,) = win.documents.index.collections()  # type: ignore[union-attr]
    # The three it crashed on; the rest not reached. No "unknown" size (-1) in the total.
    assert (collection.indexed, collection.skipped, collection.size_bytes) == (0, 3, 0)
    win.close()
