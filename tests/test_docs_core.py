"""Documents, without the model or Qt: readers on real files, passages, the index (real SQLite),
incremental runs, hybrid search, the FTS5 fallback, and the offline embedder."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from desktop.core.docs.chunking import MAX_CHARS, chunk_pages
from desktop.core.docs.embedder import Embedder
from desktop.core.docs.index import DocIndex, sqlite_has_fts5
from desktop.core.docs.indexer import Controls, Indexer
from desktop.core.docs.reader_process import Extracted, ReaderProcess
from desktop.core.docs.readers import Page, Skipped, read_document
from desktop.core.docs.search import search
from tests.docs_fixtures import (
    SPEC_PDF,
    make_corpus,
    write_blank_pdf,
    write_docx,
    write_encrypted_pdf,
)


def _reason(path: Path) -> str:
    with pytest.raises(Skipped) as caught:
        read_document(path)
    return caught.value.reason


# -- readers ------------------------------------------------------------------------------------
def test_each_format_is_read(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "c")
    assert "Marguerite" in read_document(corpus / "notes.txt")[0].text
    assert "35 minutes" in read_document(corpus / "recipe.md")[0].text
    html = read_document(corpus / "page.html")[0].text
    assert "2.4 metres" in html and "secret" not in html and "color" not in html
    assert "420 kilograms" in read_document(corpus / "report.docx")[0].text
    assert "old mill" in read_document(corpus / "letter.odt")[0].text
    pages = read_document(corpus / "spec.pdf")
    assert [p.number for p in pages] == list(range(1, 18))
    assert "Extended Attributes" in pages[13].text


def test_text_that_is_not_utf8_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(
        "Le château de la forêt est fermé en été, à cause des travaux.".encode("cp1252")
    )
    assert "château" in read_document(path)[0].text


def test_bad_files_are_skipped_with_a_reason(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    assert _reason(tmp_path / "empty.txt") == "empty"
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    assert _reason(tmp_path / "binary.txt") == "binary"
    corrupt = tmp_path / "corrupt.pdf"
    corrupt.write_bytes(SPEC_PDF.read_bytes()[:3000])
    assert _reason(corrupt) in ("damaged", "no_text")
    (tmp_path / "fake.pdf").write_bytes(b"this is not a pdf at all")
    assert _reason(tmp_path / "fake.pdf") == "damaged"
    assert _reason(write_encrypted_pdf(tmp_path / "locked.pdf")) == "encrypted"
    assert _reason(write_blank_pdf(tmp_path / "scan.pdf")) == "no_text"
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    assert _reason(tmp_path / "broken.docx") == "damaged"
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    assert _reason(tmp_path / "image.png") == "unsupported"
    assert _reason(tmp_path / "gone.txt") == "vanished"
    loop_a, loop_b = tmp_path / "a.txt", tmp_path / "b.txt"
    loop_a.symlink_to(loop_b)
    loop_b.symlink_to(loop_a)
    assert _reason(loop_a) == "loop"


def test_a_file_too_large_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import desktop.core.docs.readers as readers

    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 1000)  # same code path as 200 MB, quicker
    (tmp_path / "big.txt").write_text("word " * 1000)
    assert _reason(tmp_path / "big.txt") == "too_large"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_a_file_without_permission_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("hidden")
    path.chmod(0)
    assert _reason(path) == "unreadable"


# -- passages -----------------------------------------------------------------------------------
def test_passages_end_on_sentences_and_keep_page_and_position() -> None:
    text = " ".join(f"Sentence number {i} says something short." for i in range(60))
    chunks = chunk_pages([Page(3, text), Page(4, "Second page.\n\nAnother paragraph.")])
    assert all(len(c.text) <= MAX_CHARS for c in chunks)
    assert all(c.text.endswith(".") for c in chunks)
    assert {c.page for c in chunks} == {3, 4}
    for chunk in chunks[:3]:
        assert text[chunk.position :].startswith(chunk.text[:20])


# -- index, incremental runs, search -------------------------------------------------------------
def _indexed(tmp_path: Path, fts5: bool | None = None) -> tuple[DocIndex, Path]:
    corpus = make_corpus(tmp_path / "corpus")
    index = DocIndex(tmp_path / "documents.sqlite3", fts5=fts5)
    index.add_collection("home", [corpus])
    Indexer(index).run("home")
    return index, corpus


def test_indexing_is_incremental(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    index, corpus = _indexed(tmp_path)
    (collection,) = index.collections()
    assert (collection.files, collection.indexed, collection.skipped) == (7, 6, 1)
    states = {Path(f.path).name: (f.state, f.reason) for f in index.files(collection.id)}
    assert states["photo.png"] == ("skipped", "unsupported")

    read: list[Path] = []
    real = ReaderProcess.extract

    def spy(self: ReaderProcess, path: str, controls: Controls) -> Extracted:
        read.append(Path(path))
        return real(self, path, controls)

    monkeypatch.setattr(ReaderProcess, "extract", spy)
    run = Indexer(index).run("home")
    assert read == [] and run.files_unchanged == 7

    (corpus / "notes.txt").write_text("The red kayak is stored in the boathouse.")
    os.utime(corpus / "notes.txt", ns=(1, 1))
    (corpus / "recipe.md").unlink()
    write_docx(corpus / "new.docx", ["The lighthouse keeper is called Anselme."])
    run = Indexer(index).run("home")
    assert sorted(p.name for p in read) == ["new.docx", "notes.txt"]
    assert (run.files_read, run.files_removed, run.files_unchanged) == (2, 1, 5)
    assert search(index, "where is the kayak?", ["home"])[0].path.endswith("notes.txt")
    assert not [h for h in search(index, "Marguerite", ["home"]) if "Marguerite" in h.text]
    assert run.index_bytes > 0 and index.last_run(collection.id) is not None


@pytest.mark.parametrize("fts5", [True, False], ids=["fts5", "bm25s-fallback"])
def test_the_right_file_and_page_come_first(tmp_path: Path, fts5: bool) -> None:
    if fts5 and not sqlite_has_fts5():
        pytest.skip("this SQLite has no FTS5")
    index, _ = _indexed(tmp_path, fts5=fts5)
    cases = {
        "How many kilograms of apples did the orchard produce?": ("report.docx", None),
        "When is the garden party?": ("letter.odt", None),
        "How long does the lemon cake bake?": ("recipe.md", None),
        "extended attribute user.mime_type": ("spec.pdf", 14),
    }
    for question, (name, page) in cases.items():
        hits = search(index, question, ["home"])
        top3 = [(Path(h.path).name, h.page) for h in hits[:3]]
        assert (name, page) in top3 if page else name in [n for n, _ in top3], (question, top3)
    assert search(index, "zygomorphic quasar xylophone", ["home"]) == []


def test_fts5_missing_is_detected_and_the_fallback_has_no_fts_table(tmp_path: Path) -> None:
    index, _ = _indexed(tmp_path, fts5=False)
    tables = {r[0] for r in index.execute("SELECT name FROM sqlite_master")}
    assert "chunks_fts" not in tables and index.fts5 is False
    assert isinstance(sqlite_has_fts5(), bool)


def test_cancel_and_remove(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    index = DocIndex(tmp_path / "documents.sqlite3")
    index.add_collection("home", [corpus])
    controls = Controls()
    controls.cancel.set()
    run = Indexer(index).run("home", controls)
    assert run.cancelled and run.files_read == 0
    assert index.remove_collection("home") and index.collections() == []
    assert search(index, "apples", ["home"]) == []


def test_a_missing_folder_is_reported(tmp_path: Path) -> None:
    index = DocIndex(tmp_path / "documents.sqlite3")
    index.add_collection("gone", [tmp_path / "nowhere"])
    run = Indexer(index).run("gone")
    assert run.missing_roots == [str(tmp_path / "nowhere")]


def test_a_full_disk_keeps_the_index_consistent(tmp_path: Path) -> None:
    index, corpus = _indexed(tmp_path)
    before = index.execute("SELECT COUNT(*) FROM chunks")[0][0]
    index.execute("PRAGMA max_page_count = " + str(index.execute("PRAGMA page_count")[0][0]))
    write_docx(corpus / "more.docx", ["x " * 5000 + "A long document that does not fit."])
    from desktop.core.store.sqlite import StoreError

    with pytest.raises(StoreError) as caught:
        Indexer(index).run("home")
    assert caught.value.kind == "full"
    assert index.execute("SELECT COUNT(*) FROM chunks")[0][0] == before
    assert index.execute("PRAGMA integrity_check")[0][0] == "ok"


# -- the embedder ---------------------------------------------------------------------------------
def test_the_embedder_opens_no_network_connection(monkeypatch: pytest.MonkeyPatch) -> None:
    Embedder._instance = None  # load it here, under watch
    opened: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        opened.append(args)
        raise OSError("network use in a test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    vectors = Embedder.shared().embed(["a cat sat on the mat", "a kitten on a rug", "tax law"])
    assert opened == []
    assert vectors.shape == (3, 256)
    assert float(vectors[0] @ vectors[1]) > float(vectors[0] @ vectors[2])


def test_a_damaged_index_is_set_aside_and_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "documents.sqlite3"
    path.write_bytes(b"not a database" * 100)
    index = DocIndex(path)
    assert index.set_aside is not None and index.set_aside.read_bytes().startswith(b"not a")
    index.add_collection("home", [make_corpus(tmp_path / "corpus")])
    assert Indexer(index).run("home").files_read == 6


def test_a_file_changed_while_read_is_read_again_next_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    index = DocIndex(tmp_path / "documents.sqlite3")
    index.add_collection("home", [corpus])
    real = ReaderProcess.extract

    def read_and_change(self: ReaderProcess, path: str, controls: Controls) -> Extracted:
        got = real(self, path, controls)
        if path.endswith("notes.txt"):  # another program writes to it while we read it
            Path(path).write_text("The green canoe is stored under the bridge, next to the oars.")
        return got

    monkeypatch.setattr(ReaderProcess, "extract", read_and_change)
    Indexer(index).run("home")
    (cid,) = [c.id for c in index.collections()]
    notes = next(f for f in index.files(cid) if f.path.endswith("notes.txt"))
    assert notes.state == "changed" and notes.chunks == 0
    monkeypatch.setattr(ReaderProcess, "extract", real)
    run = Indexer(index).run("home")
    assert run.files_read == 1
    assert search(index, "green canoe bridge", ["home"])[0].path.endswith("notes.txt")


def test_a_second_collection_is_searched_alone(tmp_path: Path) -> None:
    index, _ = _indexed(tmp_path)
    other = tmp_path / "other"
    other.mkdir()
    (other / "zoo.txt").write_text("The zebra at the zoo is called Ferdinand and eats hay.")
    index.add_collection("zoo", [other])
    Indexer(index).run("zoo")
    assert [Path(h.path).name for h in search(index, "zebra Ferdinand", ["zoo"])] == ["zoo.txt"]
    assert search(index, "zebra Ferdinand", ["home"]) == []
    assert search(index, "orchard apples kilograms", ["zoo"]) == []


def test_words_in_most_passages_are_left_out_of_keyword_search(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import desktop.core.docs.search as search_module

    index, _ = _indexed(tmp_path)
    total = int(index.execute("SELECT COUNT(*) FROM chunks")[0][0])
    assert search_module._not_common(index, ["mime", "orchard"], total) == ["mime", "orchard"]
    monkeypatch.setattr(search_module, "COMMON_MIN", 5)  # as on a large corpus
    monkeypatch.setattr(search_module, "COMMON_SHARE", 0.1)
    assert search_module._passages_with(index, "mime") > 0.1 * total  # "mime" is everywhere
    assert search_module._not_common(index, ["mime", "orchard"], total) == ["orchard"]
    assert search_module._not_common(index, ["mime"], total) == ["mime"]  # never nothing


def test_a_folder_link_loop_does_not_trap_the_walk(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    (corpus / "again").symlink_to(corpus, target_is_directory=True)  # corpus/again/again/...
    (corpus / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    index = DocIndex(tmp_path / "documents.sqlite3")
    index.add_collection("home", [corpus])
    run = Indexer(index).run("home")
    assert run.files_read == 6
    (cid,) = [c.id for c in index.collections()]
    reasons = {Path(f.path).name: f.reason for f in index.files(cid) if f.state == "skipped"}
    assert reasons["dangling.txt"] == "vanished"


def test_cancel_stops_inside_a_long_pdf() -> None:
    import threading

    from desktop.core.docs.readers import Cancelled

    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        read_document(SPEC_PDF, cancel)


def test_a_file_deleted_while_read_is_forgotten_next_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    index = DocIndex(tmp_path / "documents.sqlite3")
    index.add_collection("home", [corpus])
    real = ReaderProcess.extract

    def read_and_delete(self: ReaderProcess, path: str, controls: Controls) -> Extracted:
        got = real(self, path, controls)
        if path.endswith("recipe.md"):
            Path(path).unlink()
        return got

    monkeypatch.setattr(ReaderProcess, "extract", read_and_delete)
    Indexer(index).run("home")
    assert search(index, "lemon cake oven", ["home"]) == []  # nothing half-saved
    run = Indexer(index).run("home")
    assert run.files_removed == 1
    (cid,) = [c.id for c in index.collections()]
    assert not [f for f in index.files(cid) if f.path.endswith("recipe.md")]


def test_searching_while_the_indexer_writes(tmp_path: Path) -> None:
    index, _ = _indexed(tmp_path)
    index.execute("BEGIN IMMEDIATE")  # the indexer in the middle of a big file
    try:
        reader = DocIndex(index.path)  # as the engine thread opens it for an answer
        hits = search(reader, "How many kilograms of apples?", ["home"])
        assert hits and hits[0].path.endswith("report.docx")
        reader.close()
    finally:
        index.execute("ROLLBACK")
