"""`smaller models ...` run in-process through the parser it adds, against a local server."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.models.cli import add_models_parser, progress_line, run_models
from desktop.core.models.download import Progress
from desktop.core.models.installed import BUNDLED_NAME, active_model, models_dir
from tests.gguf_factory import write_gguf
from tests.models_server import ModelServer


@pytest.fixture
def server() -> Iterator[ModelServer]:
    with ModelServer() as srv:
        yield srv


def smaller(*argv: str) -> int:
    """What desktop/cli.py does once wired: add the parser, dispatch on `models`."""
    parser = argparse.ArgumentParser(prog="smaller")
    add_models_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    assert args.command == "models"
    return run_models(args)


def test_list_shows_installed_first_active_marked_and_badges(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert smaller("models") == 0
    out = capsys.readouterr().out
    installed, available = out.split("Available to download:")
    assert re.search(rf"^\* {re.escape(BUNDLED_NAME)} .* (fits|tight) .* bundled$", installed, re.M)
    assert "Llama 3.2 1B Instruct" in available and "Llama 3.2 Community License" in available
    assert "Meta's smallest chat model" in available
    badges = re.findall(r"needs +[\d.]+ [KMG]B  (fits|tight|won't fit)", available)
    assert len(badges) == 20


def test_download_with_progress_bar_then_listed(
    server: ModelServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = write_gguf(tmp_path / "tiny.gguf", name="Tiny").read_bytes()
    url = server.serve("/files/tiny.gguf", data)
    assert smaller("models", "download", "tiny.gguf", "--url", url) == 0
    captured = capsys.readouterr()
    assert "[############################] 100%  57 KB of 57 KB" in captured.err
    assert "only its format will be checked" in captured.err
    assert "Installed “tiny.gguf” (57 KB)." in captured.out
    assert (models_dir() / "tiny.gguf").read_bytes() == data

    assert smaller("models", "use", "tiny.gguf") == 0
    active = active_model()
    assert active is not None and active.key == "tiny.gguf"
    smaller("models")
    assert re.search(r"^\* tiny .* downloaded$", capsys.readouterr().out, re.M)


def test_catalog_download_keeps_its_checks_with_a_mirror_url(
    server: ModelServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = server.serve("/mirror.gguf", write_gguf(tmp_path / "t.gguf").read_bytes())
    assert smaller("models", "download", "Llama 3.2 1B Instruct", "--url", url) == 1
    err = capsys.readouterr().err
    assert "smaller: The server is offering a different file (57 KB)" in err
    assert list(models_dir().glob("*.gguf*")) == []


def test_download_unknown_name(capsys: pytest.CaptureFixture[str]) -> None:
    assert smaller("models", "download", "No Such Model") == 1
    assert "No model called “No Such Model” in the catalog" in capsys.readouterr().err


def test_import_then_remove(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    template = "<|start_header_id|>{{ role }}<|end_header_id|>"
    source = write_gguf(tmp_path / "mine.gguf", name="Mine", n_ctx=4096, chat_template=template)
    assert smaller("models", "import", str(source)) == 0
    out = capsys.readouterr().out
    assert "Imported “Mine” (57 KB, llama, context 4,096 tokens, prompt format Llama 3)." in out
    assert smaller("models", "remove", "Mine", "--yes") == 0
    assert "Removed “Mine”." in capsys.readouterr().out
    assert not (models_dir() / "mine.gguf").exists() and source.exists()


def test_import_refuses_a_broken_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write_gguf(tmp_path / "new.gguf", pre_tokenizer="tekken")
    assert smaller("models", "import", str(source)) == 1
    assert "smaller: This model needs a newer engine" in capsys.readouterr().err


def test_remove_needs_confirmation_when_not_interactive(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert smaller("models", "remove", BUNDLED_NAME) == 1
    assert "Add --yes" in capsys.readouterr().err
    assert smaller("models", "remove", BUNDLED_NAME, "--yes") == 0
    assert "restore-default" in capsys.readouterr().out
    assert smaller("models", "restore-default") == 0


def test_progress_line() -> None:
    line = progress_line(Progress(done=1_000_000_000, total=4_000_000_000, speed=5_000_000,
                                  seconds_left=600.4))  # fmt: skip
    assert line == "[#######---------------------]  25%  1 GB of 4 GB  5 MB/s  10 min 00 s left"
    assert progress_line(Progress(2048, None, 0.0, None)) == f"[{'?' * 28}]  2 KB  0 bytes/s"
