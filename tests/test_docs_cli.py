"""`smaller docs ...` and `smaller ask --docs`, run as real subprocesses, and a grounded answer
of the real model with its sources."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.paths import chats_db_path
from tests.docs_fixtures import make_corpus


def smaller(*args: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args], capture_output=True, text=True, timeout=timeout
    )


def test_docs_add_list_remove(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    run = smaller("docs", "add", str(corpus), "--name", "home", "--json")
    assert run.returncode == 0, run.stderr
    added = json.loads(run.stdout)
    assert added["files_read"] == 6 and added["files_skipped"] == 1 and added["passages"] > 6
    assert added["index_bytes"] > 0 and added["wall_s"] >= 0 and added["energy_wh"] is not None
    # Read in the reader's child process (the frozen app's path too): its CPU time is counted.
    assert added["reader_stops"] == [] and added["error"] == "" and added["cpu_s"] > 0

    listing = json.loads(smaller("docs", "list", "--json").stdout)
    (home,) = listing["collections"]
    assert home["name"] == "home" and home["indexed"] == 6 and home["roots"] == [str(corpus)]
    (skipped,) = home["skipped_files"]
    assert skipped["path"].endswith("photo.png") and skipped["reason"] == "unsupported"

    again = json.loads(smaller("docs", "add", str(corpus), "--name", "home", "--json").stdout)
    assert again["files_read"] == 0 and again["files_unchanged"] == 7

    (corpus / "recipe.md").unlink()
    update = json.loads(smaller("docs", "update", "home", "--json").stdout)
    assert update["files_removed"] == 1 and update["files_unchanged"] == 6
    assert smaller("docs", "update", "nope").returncode == 1

    text = smaller("docs", "list")
    assert "home: 5 of 6 files indexed" in text.stdout and "photo.png" in text.stdout

    # The indexing run's energy is in the chats file's append-only ledger.
    conn = sqlite3.connect(chats_db_path())
    rows = conn.execute("SELECT kind, energy_wh FROM ledger WHERE kind = 'indexing'").fetchall()
    conn.close()
    assert len(rows) == 2 and rows[0][1] > 0  # the first run and the update that forgot a file

    assert smaller("docs", "remove", "home").returncode == 0
    gone = smaller("docs", "remove", "home", "--json")
    assert gone.returncode == 1
    assert json.loads(gone.stdout)["error_kind"] == "unknown_collection"


def test_docs_bad_input_is_one_plain_line(tmp_path: Path) -> None:
    run = smaller("docs", "add", str(tmp_path / "nowhere"))
    assert run.returncode == 2 and run.stderr.startswith("smaller: not found")
    assert "Traceback" not in run.stderr
    unknown = smaller("ask", "hello", "--docs", "nothing", "--json")
    assert unknown.returncode == 1
    assert json.loads(unknown.stdout)["error_kind"] == "unknown_collection"


@pytest.mark.model
def test_ask_docs_json_lists_its_sources(tmp_path: Path, model_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    assert smaller("docs", "add", str(corpus), "--name", "home").returncode == 0
    run = smaller("ask", "How many kilograms of apples did the orchard produce?", "--docs",
                  "home", "--json", "--max-tokens", "24", "--threads", "1")  # fmt: skip
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert data["answer"].strip()
    first = data["sources"][0]
    assert set(first) >= {"file", "page", "passage", "score"}
    assert first["file"] == "report.docx" and "420 kilograms" in first["passage"]
    assert first["page"] is None and first["score"] > 0
    # The passages were read by the model: they count as prompt tokens in the footprint.
    assert data["prompt_tokens"] > len(first["passage"]) // 8
    assert data["footprint"]["energy_wh"] > 0

    nothing = smaller("ask", "What is the capital of Mongolia?", "--docs", "home", "--only-docs",
                      "--json", "--max-tokens", "16", "--threads", "1")  # fmt: skip
    data = json.loads(nothing.stdout)
    assert "do not seem to contain" in data["answer"] and "sources" not in data
