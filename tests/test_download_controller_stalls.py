"""The download strip against a server that sends 1 byte per second, or nothing: the real
DownloadController (its QThread), the real DownloadPanel and a real HTTP server on 127.0.0.1.
Pause, Cancel and quitting are honoured while the server would need hours; the strip says
when nothing arrives. Waits are bounded (5 s), never asserted as timings.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.core.models.download import Progress, partial_size
from desktop.ui.download_panel import DownloadPanel
from desktop.workers.download_worker import DownloadController
from tests.gguf_factory import write_gguf
from tests.models_server import ModelServer, entry_for

WAIT_MS = 5000


@pytest.fixture
def server() -> Iterator[ModelServer]:
    with ModelServer() as srv:
        yield srv


@pytest.fixture(scope="module")
def model_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return write_gguf(tmp_path_factory.mktemp("gguf") / "tiny.gguf").read_bytes()


@pytest.fixture
def controller(qtbot: QtBot, tmp_path: Path) -> Iterator[DownloadController]:
    made = DownloadController(folder=tmp_path, progress_interval=0.0)
    yield made
    assert made.shutdown(WAIT_MS), "a download thread is still blocked"


def first_byte(qtbot: QtBot, controller: DownloadController) -> None:
    """Until the progress signal reports a byte (the .part file's own size lags: it is buffered)."""
    seen: list[Progress] = []
    controller.progress.connect(seen.append)
    qtbot.waitUntil(lambda: any(p.done >= 1 for p in seen), timeout=WAIT_MS)


def test_pause_resume_and_cancel_while_the_server_trickles(
    qtbot: QtBot, server: ModelServer, controller: DownloadController, model_bytes: bytes
) -> None:
    entry = entry_for(model_bytes)
    url = server.serve("/tiny.gguf", model_bytes, mode="trickle", interval=1.0)
    seen: list[Progress] = []
    controller.progress.connect(seen.append)
    assert controller.start(entry, url)
    first_byte(qtbot, controller)
    with qtbot.waitSignal(controller.paused, timeout=WAIT_MS):
        controller.pause()
    assert controller.state == "paused" and any(p.done >= 1 for p in seen)
    kept = partial_size(controller._download.dest)  # type: ignore[union-attr]
    assert kept >= 1

    assert controller.resume()
    qtbot.waitUntil(lambda: len(server.requests) == 2, timeout=WAIT_MS)
    assert server.requests[1].range == f"bytes={kept}-"  # it continues where it stopped
    with qtbot.waitSignal(controller.cancelled, timeout=WAIT_MS):
        controller.cancel()
    assert controller.state == "idle" and not list(Path(controller.folder or ".").glob("tiny*"))


def test_quitting_mid_trickle_stops_the_thread(
    qtbot: QtBot, server: ModelServer, tmp_path: Path, model_bytes: bytes
) -> None:
    controller = DownloadController(folder=tmp_path, progress_interval=0.0)
    url = server.serve("/tiny.gguf", model_bytes, mode="trickle", interval=1.0)
    assert controller.start(entry_for(model_bytes), url)
    try:
        first_byte(qtbot, controller)
    finally:
        assert controller.shutdown(WAIT_MS) and controller.threads_finished()
    assert partial_size(tmp_path / "tiny.gguf") >= 1  # kept: the next start resumes


def test_the_strip_says_when_the_server_sends_nothing(
    qtbot: QtBot, server: ModelServer, controller: DownloadController, model_bytes: bytes
) -> None:
    panel = DownloadPanel(controller)
    qtbot.addWidget(panel)
    url = server.serve("/tiny.gguf", model_bytes, mode="stall_body")
    assert controller.start(entry_for(model_bytes), url)
    panel.started("Tiny Test Model", 0.0)
    qtbot.waitUntil(
        lambda: "nothing received for 3 s" in panel.progress_label.text(), timeout=WAIT_MS + 2000
    )
    assert panel.progress_bar.value() == 1  # 1 KB of 56 KB arrived before the silence
    with qtbot.waitSignal(controller.cancelled, timeout=WAIT_MS):
        panel.cancel_button.click()
    assert not panel.isVisible()
