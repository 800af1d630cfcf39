"""desktop.core.models.download against a real HTTP server on 127.0.0.1 (tests/models_server.py).

The served file is a tiny real GGUF (56 KB), read in 1 KB chunks so there is a "half way".
"""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.core.models.catalog import Catalog, CatalogEntry
from desktop.core.models.download import Download, DownloadError, Progress, partial_size
from desktop.core.models.installed import list_installed
from desktop.core.models.settings import load_settings
from tests.gguf_factory import write_gguf, write_html
from tests.models_server import ModelServer, entry_for

CHUNK = 1024


@pytest.fixture
def server() -> Iterator[ModelServer]:
    with ModelServer() as srv:
        yield srv


@pytest.fixture(scope="module")
def model_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return write_gguf(tmp_path_factory.mktemp("gguf") / "tiny.gguf").read_bytes()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "models"


def make(entry: CatalogEntry, folder: Path, url: str, **options: Any) -> Download:
    options.setdefault("chunk_size", CHUNK)
    options.setdefault("progress_interval", 0.0)
    options.setdefault("timeout", 5.0)
    return Download.for_entry(entry, folder, url=url, **options)


def failure(download: Download, on_progress: Any = None) -> DownloadError:
    with pytest.raises(DownloadError) as info:
        download.run(on_progress)
    return info.value


def ggufs(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("*.gguf")) if folder.exists() else []


def test_full_download_reports_progress_verifies_and_installs(
    server: ModelServer, model_bytes: bytes, folder: Path
) -> None:
    entry = entry_for(model_bytes)
    url = server.serve("/tiny.gguf", model_bytes)
    seen: list[Progress] = []
    path = make(entry, folder, url).run(seen.append)

    assert path == folder / "tiny.gguf" and path.read_bytes() == model_bytes
    assert not (folder / "tiny.gguf.part").exists()
    assert len(seen) >= len(model_bytes) // CHUNK  # one per chunk with progress_interval=0
    assert [p.done for p in seen] == sorted(p.done for p in seen)
    assert seen[-1].done == seen[-1].total == len(model_bytes)
    assert all(p.total == len(model_bytes) and p.speed >= 0 for p in seen)
    assert seen[-1].seconds_left == 0 or seen[-1].seconds_left is None
    assert server.requests[0].range is None
    # Listed, with the catalog entry's settings saved for it.
    catalog = Catalog((entry,), "test", "today", "bundled")
    (model,) = [m for m in list_installed(folder, catalog) if m.source == "downloaded"]
    assert (model.name, model.catalog) == ("Tiny Test Model", entry)
    settings = load_settings("tiny.gguf", folder)
    assert settings is not None and settings.prompt_format == "llama3"


def test_resume_after_the_connection_drops_half_way(
    server: ModelServer, model_bytes: bytes, folder: Path
) -> None:
    url = server.serve("/tiny.gguf", model_bytes, mode="drop_half_once")
    half = len(model_bytes) // 2
    exc = failure(make(entry_for(model_bytes), folder, url))
    assert exc.kind == "connection"
    assert "lost" in str(exc) and "continue where it stopped" in str(exc)
    assert ggufs(folder) == [] and partial_size(folder / "tiny.gguf") == half

    path = make(entry_for(model_bytes), folder, url).run()
    assert path.read_bytes() == model_bytes
    first, second = server.requests
    assert first.range is None and first.sent == half
    assert second.range == f"bytes={half}-" and second.status == 206
    assert second.sent == len(model_bytes) - half  # only the rest was fetched


def test_server_that_ignores_range_restarts_cleanly(
    server: ModelServer, model_bytes: bytes, folder: Path
) -> None:
    folder.mkdir()
    (folder / "tiny.gguf.part").write_bytes(b"stale bytes from another file")
    url = server.serve("/tiny.gguf", model_bytes, mode="no_ranges")
    assert make(entry_for(model_bytes), folder, url).run().read_bytes() == model_bytes
    assert server.requests[0].range == "bytes=29-" and server.requests[0].status == 200


@pytest.mark.parametrize("checksum", ["md5", "sha256"])
def test_checksum_mismatch_is_rejected_and_deleted(
    server: ModelServer, model_bytes: bytes, folder: Path, tmp_path: Path, checksum: str
) -> None:
    other = write_gguf(tmp_path / "other.gguf", seed=1).read_bytes()
    assert len(other) == len(model_bytes) and other != model_bytes  # same size, other bytes
    url = server.serve("/tiny.gguf", other)
    entry = entry_for(model_bytes, **{("sha256" if checksum == "md5" else "md5"): None})
    exc = failure(make(entry, folder, url))
    assert exc.kind == "checksum" and checksum in exc.detail
    assert "damaged" in str(exc) and "deleted" in str(exc)
    assert ggufs(folder) == [] and not (folder / "tiny.gguf.part").exists()


def test_not_found(server: ModelServer, model_bytes: bytes, folder: Path) -> None:
    exc = failure(make(entry_for(model_bytes), folder, server.base + "/missing.gguf"))
    assert exc.kind == "not_found" and "404" in str(exc) and "not found" in str(exc)
    assert ggufs(folder) == [] and partial_size(folder / "tiny.gguf") == 0


@pytest.mark.parametrize("mode", ["stall_body", "stall_headers"])
def test_stalled_server_times_out_with_a_clear_message(
    server: ModelServer, model_bytes: bytes, folder: Path, mode: Any
) -> None:
    url = server.serve("/tiny.gguf", model_bytes, mode=mode)
    started = time.monotonic()
    exc = failure(make(entry_for(model_bytes), folder, url, timeout=0.3))
    assert time.monotonic() - started < 3
    assert exc.kind == "timeout"
    assert str(exc).startswith("The server stopped sending for 0.3 seconds.")
    assert ggufs(folder) == []
    # What arrived before the stall is kept for the next attempt.
    assert partial_size(folder / "tiny.gguf") == (1024 if mode == "stall_body" else 0)


def test_disk_too_small_is_refused_before_any_request(
    server: ModelServer, model_bytes: bytes, folder: Path
) -> None:
    url = server.serve("/tiny.gguf", model_bytes)
    tiny_disk = lambda _path: type("Usage", (), {"free": 1000})()  # noqa: E731
    exc = failure(make(entry_for(model_bytes), folder, url, disk_usage=tiny_disk))
    assert exc.kind == "disk_full" and "not enough free disk space" in str(exc)
    assert "1 KB is free" in str(exc)
    assert server.requests == [] and ggufs(folder) == []


def test_disk_checked_against_the_servers_size_when_unknown(
    server: ModelServer, model_bytes: bytes, folder: Path
) -> None:
    url = server.serve("/tiny.gguf", model_bytes)
    tiny_disk = lambda _path: type("Usage", (), {"free": 1000})()  # noqa: E731
    download = Download(url, folder / "tiny.gguf", disk_usage=tiny_disk, timeout=5)
    assert failure(download).kind == "disk_full"
    assert len(server.requests) == 1 and partial_size(folder / "tiny.gguf") == 0


def test_cancel_mid_way_removes_everything(
    server: ModelServer, model_bytes: bytes, folder: Path
) -> None:
    url = server.serve("/tiny.gguf", model_bytes)
    download = make(entry_for(model_bytes), folder, url)

    def cancel_at_a_third(p: Progress) -> None:
        if p.done >= len(model_bytes) // 3:
            download.cancel()

    exc = failure(download, cancel_at_a_third)
    assert exc.kind == "cancelled" and str(exc) == "The download was cancelled."
    assert ggufs(folder) == [] and not (folder / "tiny.gguf.part").exists()


def test_pause_keeps_the_part_and_resume_finishes(
    server: ModelServer, model_bytes: bytes, folder: Path
) -> None:
    url = server.serve("/tiny.gguf", model_bytes)
    download = make(entry_for(model_bytes), folder, url)
    paused_at: list[int] = []

    def pause_after_10_kb(p: Progress) -> None:
        if p.done >= 10 * CHUNK and not paused_at:
            paused_at.append(p.done)
            download.pause()

    exc = failure(download, pause_after_10_kb)
    assert exc.kind == "paused"
    kept = partial_size(folder / "tiny.gguf")
    assert kept == paused_at[0] and ggufs(folder) == []  # stopped right after that chunk
    assert make(entry_for(model_bytes), folder, url).run().read_bytes() == model_bytes
    assert server.requests[-1].range == f"bytes={kept}-"


def test_wrong_size_on_the_server_is_not_downloaded(
    server: ModelServer, model_bytes: bytes, folder: Path
) -> None:
    url = server.serve("/tiny.gguf", model_bytes)
    exc = failure(make(entry_for(model_bytes, file_size=773_025_920), folder, url))
    assert exc.kind == "wrong_size" and "different file" in str(exc)
    assert ggufs(folder) == [] and partial_size(folder / "tiny.gguf") == 0


def test_unverifiable_download_still_gets_the_loaders_preflight(
    server: ModelServer, folder: Path, tmp_path: Path
) -> None:
    page = write_html(tmp_path / "page.html").read_bytes()
    url = server.serve("/captive.gguf", page, content_type="text/html")
    exc = failure(Download(url, folder / "captive.gguf", timeout=5))
    assert exc.kind == "bad_file" and "looks like a web page" in str(exc)
    assert ggufs(folder) == [] and partial_size(folder / "captive.gguf") == 0


def test_unreachable_server(folder: Path) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    exc = failure(Download(f"http://127.0.0.1:{port}/m.gguf", folder / "m.gguf", timeout=2))
    assert exc.kind == "connection" and "could not be reached" in str(exc)


def test_existing_model_and_bad_address_are_refused(folder: Path, model_bytes: bytes) -> None:
    folder.mkdir()
    (folder / "tiny.gguf").write_bytes(model_bytes)
    assert failure(Download("http://127.0.0.1:9/tiny.gguf", folder / "tiny.gguf")).kind == "exists"
    assert failure(Download("file:///etc/passwd", folder / "x.gguf")).kind == "bad_url"
