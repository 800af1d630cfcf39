"""Downloads never hang (issue 10, item 6): a real HTTP server on 127.0.0.1 that sends one byte
per second, or nothing at all, against the real Download on its own thread.

Before the fix a 256 KiB blocking read waited for all its bytes: with 1 byte per second no
progress was shown, Cancel and Pause were seen only after the read, and each byte reset the
per-read timeout so it never timed out. No timing asserts: each test only bounds how long it
waits for the download thread (5 s) against a server that would need minutes.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.core.models.catalog import CatalogError
from desktop.core.models.catalog_refresh import refresh_catalog
from desktop.core.models.download import Download, DownloadError, Progress, partial_size
from desktop.core.models.patient_http import Watch
from tests.gguf_factory import write_gguf
from tests.models_server import ModelServer, entry_for

JOIN_S = 5.0  # the 56 KB model at 1 byte per second would take about 15 hours


@pytest.fixture
def server() -> Iterator[ModelServer]:
    with ModelServer() as srv:
        yield srv


@pytest.fixture(scope="module")
def model_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return write_gguf(tmp_path_factory.mktemp("gguf") / "tiny.gguf").read_bytes()


class Running:
    """A Download running on its own thread, as the download worker runs it."""

    def __init__(self, download: Download) -> None:
        self.download = download
        self.seen: list[Progress] = []
        self.error: DownloadError | None = None
        self.got_progress = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            self.download.run(self._on_progress)
        except DownloadError as exc:
            self.error = exc

    def _on_progress(self, p: Progress) -> None:
        self.seen.append(p)
        self.got_progress.set()

    def wait_for(self, predicate: Any, timeout: float = 10.0) -> None:
        """Until some progress report satisfies `predicate` (progress comes at least 4 times a
        second, so this never waits on the server)."""
        deadline = threading.Event()
        timer = threading.Timer(timeout, deadline.set)
        timer.start()
        try:
            while not any(predicate(p) for p in list(self.seen)):
                assert not deadline.is_set(), f"no such progress in {timeout} s: {self.seen[-3:]}"
                assert self.thread.is_alive(), f"download ended: {self.error}"
                self.got_progress.clear()
                self.got_progress.wait(0.5)
        finally:
            timer.cancel()

    def finished_within(self, seconds: float) -> DownloadError:
        self.thread.join(seconds)
        assert not self.thread.is_alive(), "the download did not stop"
        assert self.error is not None
        return self.error


def trickle(server: ModelServer, data: bytes, folder: Path, **options: Any) -> Running:
    url = server.serve("/tiny.gguf", data, mode="trickle", interval=1.0)
    options.setdefault("progress_interval", 0.0)
    return Running(Download.for_entry(entry_for(data), folder, url=url, **options))


def test_progress_is_reported_while_single_bytes_trickle_in(
    server: ModelServer, model_bytes: bytes, tmp_path: Path
) -> None:
    running = trickle(server, model_bytes, tmp_path)
    running.wait_for(lambda p: p.done >= 2)  # the second byte: at least a second in
    running.download.cancel()
    running.finished_within(JOIN_S)
    with_bytes = [p for p in running.seen if p.done > 0]
    assert with_bytes and all(p.total == len(model_bytes) for p in with_bytes)
    assert [p.done for p in running.seen] == sorted(p.done for p in running.seen)
    assert any(0 < p.done < len(model_bytes) and p.speed > 0 for p in running.seen)


def test_cancel_is_honoured_while_the_server_trickles(
    server: ModelServer, model_bytes: bytes, tmp_path: Path
) -> None:
    running = trickle(server, model_bytes, tmp_path)
    running.wait_for(lambda p: p.done >= 1)
    running.download.cancel()
    exc = running.finished_within(JOIN_S)
    assert exc.kind == "cancelled"
    assert partial_size(tmp_path / "tiny.gguf") == 0 and not list(tmp_path.glob("*.gguf"))


def test_pause_is_honoured_while_the_server_trickles_and_keeps_the_bytes(
    server: ModelServer, model_bytes: bytes, tmp_path: Path
) -> None:
    running = trickle(server, model_bytes, tmp_path)
    running.wait_for(lambda p: p.done >= 1)
    running.download.pause()
    exc = running.finished_within(JOIN_S)
    assert exc.kind == "paused"
    kept = partial_size(tmp_path / "tiny.gguf")
    assert kept >= 1 and kept == running.seen[-1].done  # every byte received is kept to resume
    assert server.requests[0].range is None


@pytest.mark.parametrize("mode", ["stall_headers", "stall_body"])
def test_cancel_is_honoured_while_the_server_says_nothing_and_progress_goes_on(
    server: ModelServer, model_bytes: bytes, tmp_path: Path, mode: Any
) -> None:
    url = server.serve("/tiny.gguf", model_bytes, mode=mode)
    download = Download.for_entry(
        entry_for(model_bytes), tmp_path, url=url, progress_interval=0.0, timeout=60.0
    )
    running = Running(download)
    # Heartbeats while nothing arrives: the window can show the wait instead of freezing.
    running.wait_for(lambda p: p.waiting >= 1.0)
    assert running.seen[-1].total == len(model_bytes)
    download.cancel()
    assert running.finished_within(JOIN_S).kind == "cancelled"


def test_a_trickle_below_the_stall_rule_fails_with_a_plain_message_and_keeps_the_part(
    server: ModelServer, model_bytes: bytes, tmp_path: Path
) -> None:
    running = trickle(server, model_bytes, tmp_path, timeout=2.0)  # the stall limit, injected
    exc = running.finished_within(JOIN_S + 2.0)
    assert exc.kind == "timeout"
    assert str(exc).startswith("The server almost stopped sending: ")
    assert "continue where it stopped" in str(exc)
    kept = partial_size(tmp_path / "tiny.gguf")
    assert 1 <= kept < 1024  # kept for the next attempt, which resumes with a Range request
    assert exc.detail.endswith(" B in 2 s")


def test_a_silent_server_fails_with_the_stall_limit_in_the_message(
    server: ModelServer, model_bytes: bytes, tmp_path: Path
) -> None:
    url = server.serve("/tiny.gguf", model_bytes, mode="stall_headers")
    download = Download.for_entry(entry_for(model_bytes), tmp_path, url=url, timeout=1.5)
    exc = Running(download).finished_within(JOIN_S)
    assert exc.kind == "timeout"
    assert str(exc).startswith("The server stopped sending for 1.5 seconds.")


def test_the_stall_rule_counts_real_progress_not_single_bytes() -> None:
    stops: list[str] = []
    watch = Watch("u", lambda: stops.append("checked"), stall_limit=0.2, min_progress=10)
    watch.got(5)
    threading.Event().wait(0.25)
    with pytest.raises(DownloadError) as info:
        watch.got(1)  # a byte, but 6 bytes in 0.25 s is below the 10 needed
    assert info.value.kind == "timeout" and "6 bytes in 0.2 seconds" in str(info.value)
    watch = Watch("u", lambda: None, stall_limit=0.2, min_progress=10)
    watch.got(10)  # real progress: a new window starts
    watch.tick()
    assert stops  # pause and cancel were checked on each call


def test_cancel_is_honoured_while_the_name_is_being_looked_up(
    model_bytes: bytes, tmp_path: Path
) -> None:
    stuck = threading.Event()

    def slow_dns(host: str, port: int) -> list[str]:
        stuck.wait(30)  # a resolver that does not answer (released at the end of the test)
        return ["93.184.216.34"]

    download = Download.for_entry(
        entry_for(model_bytes), tmp_path, url="https://models.example/tiny.gguf",
        resolver=slow_dns, progress_interval=0.0,
    )  # fmt: skip
    running = Running(download)
    try:
        running.wait_for(lambda p: p.waiting >= 0.5)  # progress goes on while it waits
        download.cancel()
        assert running.finished_within(JOIN_S).kind == "cancelled"
    finally:
        stuck.set()


def test_refreshing_the_model_list_from_a_trickling_server_gives_up(
    server: ModelServer, tmp_path: Path
) -> None:
    """The list is fetched on the thread that also runs imports: it must not hang either."""
    url = server.serve("/models3.json", b"[" + b" " * 5000 + b"]", mode="trickle", interval=1.0)
    result: list[BaseException] = []

    def refresh() -> None:
        try:
            refresh_catalog(url, timeout=2.0, folder=tmp_path)  # the stall limit, injected
        except CatalogError as exc:
            result.append(exc)

    thread = threading.Thread(target=refresh, daemon=True)
    thread.start()
    thread.join(JOIN_S + 2.0)
    assert not thread.is_alive()
    (exc,) = result
    assert isinstance(exc, CatalogError) and exc.kind == "connection"
    assert str(exc) == "The model list could not be downloaded. Check your internet connection."
    assert "almost stopped" not in str(exc) and " B in 2 s" in exc.detail


def test_the_model_list_follows_the_url_policy(tmp_path: Path) -> None:
    with pytest.raises(CatalogError) as info:
        refresh_catalog("http://example.com/models3.json", folder=tmp_path)
    assert info.value.kind == "refused" and "https" in str(info.value)
