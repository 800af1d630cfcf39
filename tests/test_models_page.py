"""The Models page (desktop/ui/models_page.py) against a real HTTP server on 127.0.0.1.

The catalog is made here: tiny real GGUFs served by tests/models_server.py, plus two entries
that are never downloaded, sized so this "computer" (8 GB, 4 GB free) gets each badge.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.core.models import Catalog, Memory, load_settings, models_dir
from desktop.core.paths import DEFAULT_MODEL_FILE
from desktop.ui.models_page import ModelsDialog
from desktop.workers.download_worker import DownloadController
from tests import models_server
from tests.gguf_factory import truncate_half, write_gguf
from tests.models_server import ModelServer, entry_for

MEMORY = Memory(total=8_000_000_000, available=4_000_000_000)
WAIT_MS = 10_000
LLAMA3_TEMPLATE = (
    "{% for m in messages %}<|start_header_id|>{{ m['role'] }}<|end_header_id|>\n\n"
    "{{ m['content'] }}<|eot_id|>{% endfor %}"
)


@pytest.fixture(scope="module")
def model_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return write_gguf(tmp_path_factory.mktemp("gguf") / "tiny.gguf").read_bytes()


@pytest.fixture
def catalog(model_bytes: bytes) -> Catalog:
    entries = (
        entry_for(model_bytes),
        # Same bytes, wrong checksum: what a corrupted download looks like.
        entry_for(
            model_bytes, name="Damaged", filename="damaged.gguf", md5=None, sha256="0" * 64
        ),  # fmt: skip
        # Upper-bound estimates: 4 GB + KV for 7 B + logits ~ 5.8 GB, between 80% of the free
        # 4 GB and 85% of the 8 GB total: "tight". 13 GB is more than 85% of 8 GB: "won't fit".
        entry_for(
            model_bytes,
            name="Middle",
            filename="middle.gguf",
            parameters="7 billion",
            file_size=4_000_000_000,
        ),  # fmt: skip
        entry_for(
            model_bytes,
            name="Huge",
            filename="huge.gguf",
            parameters="13 billion",
            file_size=13_000_000_000,
        ),  # fmt: skip
    )
    return Catalog(entries, "test", "2026-01-01", "bundled")


@pytest.fixture
def server(model_bytes: bytes) -> Iterator[ModelServer]:
    with ModelServer() as srv:
        srv.serve("/tiny.gguf", model_bytes)
        srv.serve("/damaged.gguf", model_bytes)
        yield srv


@pytest.fixture
def make_dialog(
    qtbot: QtBot, server: ModelServer, catalog: Catalog
) -> Iterator[Callable[[], ModelsDialog]]:
    made: list[ModelsDialog] = []

    def make() -> ModelsDialog:
        # 1 KB chunks and every progress report, so there is a "half way" in a 56 KB file.
        controller = DownloadController(chunk_size=1024, progress_interval=0.0, timeout=5.0)
        dialog = ModelsDialog(
            catalog=catalog, catalog_url=server.base + "/models3.json",
            download_url=lambda e: f"{server.base}/{e.filename}", memory=MEMORY,
            controller=controller,
        )  # fmt: skip
        qtbot.addWidget(dialog)
        dialog.show()
        made.append(dialog)
        return dialog

    yield make
    for dialog in made:
        assert dialog.shutdown(5000), "worker threads still running"
        assert dialog.controller.threads_finished()


@pytest.fixture
def gate(
    make_dialog: Callable[[], ModelsDialog], monkeypatch: pytest.MonkeyPatch
) -> Iterator[threading.Event]:
    """The server sends the first half of each file, then waits for the gate: the download is
    then mid-way for as long as the test needs. Released before the dialog shuts down."""
    opened = threading.Event()
    original = models_server._Handler._write

    def gated(handler: Any, data: bytes, seen: Any) -> None:
        original(handler, data[: len(data) // 2], seen)
        opened.wait(10)
        original(handler, data[len(data) // 2 :], seen)

    monkeypatch.setattr(models_server._Handler, "_write", gated)
    yield opened
    opened.set()


def click(qtbot: QtBot, button: Any) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def ggufs() -> list[str]:
    folder = models_dir()
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def install(data: bytes, name: str = "tiny.gguf") -> Path:
    models_dir().mkdir(parents=True, exist_ok=True)
    path = models_dir() / name
    path.write_bytes(data)
    return path


def start_download(qtbot: QtBot, dialog: ModelsDialog, key: str) -> None:
    assert dialog.table.select_key(key)
    click(qtbot, dialog.download_button)


# -- the list -----------------------------------------------------------------------------------


def test_installed_first_active_marked_and_a_badge_for_this_computer(
    qtbot: QtBot, make_dialog: Callable[[], ModelsDialog], model_bytes: bytes
) -> None:
    install(model_bytes)
    dialog = make_dialog()
    table = dialog.table
    assert table.row_keys() == [DEFAULT_MODEL_FILE, "tiny.gguf", "damaged.gguf", "middle.gguf",
                            "huge.gguf"]  # fmt: skip
    assert table.text(DEFAULT_MODEL_FILE, "status") == "In use"
    assert table.text(DEFAULT_MODEL_FILE, "name").startswith("●")
    assert table.text("tiny.gguf", "status") == "Installed"
    assert table.text("huge.gguf", "status") == "Not downloaded"
    assert table.text("huge.gguf", "parameters") == "13 billion"
    assert table.text("tiny.gguf", "parameters") == "1 million"
    assert table.text("middle.gguf", "size") == "4 GB"
    assert table.text("huge.gguf", "licence") == "MIT"
    assert table.text("huge.gguf", "good_at") == "A test model."
    assert [table.badge(k) for k in ("tiny.gguf", "middle.gguf", "huge.gguf")] == [
        "fits", "tight", "won't fit"
    ]  # fmt: skip
    assert table.text("huge.gguf", "badge") == "✗ Won't fit"
    assert "more than this computer's 8 GB" in table.tooltip("huge.gguf", "badge")
    assert table.text("middle.gguf", "memory").startswith("about ")
    # The built-in model is not in the catalog: its badge comes from its file, read off-thread.
    qtbot.waitUntil(lambda: table.badge(DEFAULT_MODEL_FILE) == "fits", timeout=WAIT_MS)
    assert not dialog.restore_button.isVisible() and not dialog.download_panel.isVisible()


# -- downloads ----------------------------------------------------------------------------------


def test_full_download_reaches_100_percent_and_the_model_is_installed(
    qtbot: QtBot, make_dialog: Callable[[], ModelsDialog], model_bytes: bytes
) -> None:
    dialog = make_dialog()
    values: list[int] = []
    dialog.controller.progress.connect(
        lambda _p: values.append(dialog.download_panel.progress_bar.value())
    )
    with qtbot.waitSignal(dialog.controller.finished, timeout=WAIT_MS) as done:
        start_download(qtbot, dialog, "tiny.gguf")
    assert done.args == [models_dir() / "tiny.gguf"]
    assert (
        dialog.download_panel.progress_bar.value() == 100
        and values == sorted(values)
        and len(values) > 10
    )
    assert (models_dir() / "tiny.gguf").read_bytes() == model_bytes
    assert "tiny.gguf.part" not in ggufs()
    assert dialog.table.row_keys()[:2] == [DEFAULT_MODEL_FILE, "tiny.gguf"]
    assert dialog.table.text("tiny.gguf", "status") == "Installed"
    assert dialog.table.selected_key() == "tiny.gguf" and dialog.use_button.isEnabled()
    assert "downloaded and checked" in dialog.message.text()
    assert dialog.controller.state == "idle" and not dialog.download_panel.pause_button.isVisible()


def test_pause_then_resume_continues_where_it_stopped(
    qtbot: QtBot, make_dialog: Callable[[], ModelsDialog], gate: threading.Event,
    server: ModelServer, model_bytes: bytes,
) -> None:  # fmt: skip
    dialog = make_dialog()
    start_download(qtbot, dialog, "tiny.gguf")
    qtbot.waitUntil(lambda: dialog.download_panel.progress_bar.value() >= 45, timeout=WAIT_MS)
    assert (
        " of " in dialog.download_panel.progress_label.text()
        and "/s" in dialog.download_panel.progress_label.text()
    )
    with qtbot.waitSignal(dialog.controller.paused, timeout=WAIT_MS):
        click(qtbot, dialog.download_panel.pause_button)
        gate.set()  # the next chunk arrives; the download stops after it
    part = models_dir() / "tiny.gguf.part"
    kept = part.stat().st_size
    assert 0 < kept < len(model_bytes) and not (models_dir() / "tiny.gguf").exists()
    assert (
        dialog.download_panel.pause_button.text() == "Resume"
        and dialog.download_panel.progress_label.text() == "Paused"
    )
    assert dialog.table.text("tiny.gguf", "status").startswith("Stopped at ")

    with qtbot.waitSignal(dialog.controller.finished, timeout=WAIT_MS):
        click(qtbot, dialog.download_panel.pause_button)
    assert server.requests[-1].range == f"bytes={kept}-"  # resumed with HTTP Range
    assert (models_dir() / "tiny.gguf").read_bytes() == model_bytes
    assert dialog.download_panel.progress_bar.value() == 100
    assert dialog.table.text("tiny.gguf", "status") == "Installed"


def test_cancel_deletes_the_part_and_installs_nothing(
    qtbot: QtBot, make_dialog: Callable[[], ModelsDialog], gate: threading.Event
) -> None:
    dialog = make_dialog()
    start_download(qtbot, dialog, "tiny.gguf")
    qtbot.waitUntil(lambda: dialog.download_panel.progress_bar.value() >= 45, timeout=WAIT_MS)
    with qtbot.waitSignal(dialog.controller.cancelled, timeout=WAIT_MS):
        click(qtbot, dialog.download_panel.cancel_button)
        gate.set()
    assert ggufs() == [] or all(not n.startswith("tiny") for n in ggufs())
    assert "cancelled" in dialog.message.text() and not dialog.download_panel.isVisible()
    assert dialog.table.text("tiny.gguf", "status") == "Not downloaded"
    assert dialog.download_button.isEnabled() and dialog.download_button.text() == "Download"


def test_cancel_while_paused_deletes_the_part(
    qtbot: QtBot, make_dialog: Callable[[], ModelsDialog], gate: threading.Event
) -> None:
    dialog = make_dialog()
    start_download(qtbot, dialog, "tiny.gguf")
    qtbot.waitUntil(lambda: dialog.download_panel.progress_bar.value() >= 45, timeout=WAIT_MS)
    with qtbot.waitSignal(dialog.controller.paused, timeout=WAIT_MS):
        click(qtbot, dialog.download_panel.pause_button)
        gate.set()
    assert (models_dir() / "tiny.gguf.part").exists()
    with qtbot.waitSignal(dialog.controller.cancelled, timeout=WAIT_MS):
        click(qtbot, dialog.download_panel.cancel_button)
    assert not (models_dir() / "tiny.gguf.part").exists()
    assert dialog.controller.state == "idle"


def test_checksum_mismatch_is_reported_and_nothing_is_installed(
    qtbot: QtBot, make_dialog: Callable[[], ModelsDialog]
) -> None:
    dialog = make_dialog()
    with qtbot.waitSignal(dialog.controller.failed, timeout=WAIT_MS) as failed:
        start_download(qtbot, dialog, "damaged.gguf")
    assert failed.args[0] == "checksum"
    text = dialog.message.text()
    assert "“Damaged” did not finish" in text and "checksum does not match" in text
    assert ggufs() == []  # neither the file nor its .part
    assert dialog.table.text("damaged.gguf", "status") == "Not downloaded"


def test_a_dropped_connection_offers_to_resume(
    qtbot: QtBot, make_dialog: Callable[[], ModelsDialog], server: ModelServer,
    model_bytes: bytes,
) -> None:  # fmt: skip
    server.serve("/tiny.gguf", model_bytes, mode="drop_half_once")
    dialog = make_dialog()
    with qtbot.waitSignal(dialog.controller.failed, timeout=WAIT_MS) as failed:
        start_download(qtbot, dialog, "tiny.gguf")
    assert failed.args[0] == "connection" and "connection was lost" in dialog.message.text()
    assert dialog.table.text("tiny.gguf", "status").startswith("Stopped at ")
    assert dialog.download_button.text() == "Resume download"
    with qtbot.waitSignal(dialog.controller.finished, timeout=WAIT_MS):
        click(qtbot, dialog.download_button)
    assert (models_dir() / "tiny.gguf").read_bytes() == model_bytes


# -- use, remove, settings ----------------------------------------------------------------------


def test_use_emits_model_chosen_with_the_path_and_its_settings(
    qtbot: QtBot, make_dialog: Callable[[], ModelsDialog], model_bytes: bytes
) -> None:
    path = install(model_bytes)
    dialog = make_dialog()
    dialog.table.select_key("tiny.gguf")
    with qtbot.waitSignal(dialog.model_chosen, timeout=WAIT_MS) as chosen:
        click(qtbot, dialog.use_button)
    chosen_path, settings = chosen.args
    assert chosen_path == path
    assert settings.prompt_format == "llama3"  # the catalog entry's format
    assert settings.chat_format().name == "llama3"
    assert dialog.table.row_keys()[0] == "tiny.gguf"
    assert dialog.table.text("tiny.gguf", "status") == "In use"


def test_remove_asks_first_and_deletes_the_file(
    qtbot: QtBot, make_dialog: Callable[[], ModelsDialog], model_bytes: bytes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    path = install(model_bytes)
    dialog = make_dialog()
    questions: list[str] = []

    def answer(button: QMessageBox.StandardButton) -> Callable[..., QMessageBox.StandardButton]:
        def ask(_parent: Any, _title: str, text: str, *_a: Any) -> QMessageBox.StandardButton:
            questions.append(text)
            return button

        return ask

    dialog.table.select_key("tiny.gguf")
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    click(qtbot, dialog.remove_button)
    assert path.exists() and "will be deleted" in questions[-1]

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    click(qtbot, dialog.remove_button)
    assert not path.exists() and "was removed" in dialog.message.text()
    assert dialog.table.text("tiny.gguf", "status") == "Not downloaded"


def test_the_built_in_model_is_hidden_then_restored(
    qtbot: QtBot, make_dialog: Callable[[], ModelsDialog], monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = make_dialog()
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    assert not dialog.restore_button.isVisible()
    dialog.table.select_key(DEFAULT_MODEL_FILE)
    click(qtbot, dialog.remove_button)
    assert DEFAULT_MODEL_FILE not in dialog.table.row_keys()
    click(qtbot, dialog.restore_button)
    assert (
        dialog.table.row_keys()[0] == DEFAULT_MODEL_FILE and not dialog.restore_button.isVisible()
    )


def test_settings_are_saved_per_model(
    qtbot: QtBot, make_dialog: Callable[[], ModelsDialog], model_bytes: bytes
) -> None:
    path = install(model_bytes)
    dialog = make_dialog()
    dialog.table.select_key("tiny.gguf")
    click(qtbot, dialog.settings_button)
    editor = dialog.settings_dialog
    assert editor is not None and editor.prompt_format.currentData() == "llama3"
    editor.temperature.setValue(0.2)
    editor.context_length.setValue(1024)
    editor.system_prompt.setPlainText("Be brief.")
    with qtbot.waitSignal(dialog.settings_saved, timeout=WAIT_MS) as saved:
        click(qtbot, editor.buttons.button(QDialogButtonBox.StandardButton.Ok))
    assert saved.args[0] == path
    stored = load_settings("tiny.gguf")
    assert stored is not None
    assert stored.temperature == 0.2 and stored.context_length == 1024
    assert stored.system_prompt == "Be brief."


# -- import -------------------------------------------------------------------------------------


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), ""))


def test_import_of_a_valid_file_picks_its_prompt_format(
    qtbot: QtBot, make_dialog: Callable[[], ModelsDialog], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    source = write_gguf(tmp_path / "Downloads" / "my-llama.gguf", name="My Llama",
                        chat_template=LLAMA3_TEMPLATE)  # fmt: skip
    choose_file(monkeypatch, source)
    dialog = make_dialog()
    with qtbot.waitSignal(dialog.controller.imported, timeout=WAIT_MS):
        click(qtbot, dialog.import_button)
    assert (models_dir() / "my-llama.gguf").read_bytes() == source.read_bytes()
    assert dialog.table.selected_key() == "my-llama.gguf"
    assert dialog.table.text("my-llama.gguf", "status") == "Imported"
    assert dialog.table.text("my-llama.gguf", "name") == "My Llama"
    assert dialog.table.badge("my-llama.gguf") == "fits"
    assert "Llama 3" in dialog.message.text() and dialog.settings_dialog is None
    stored = load_settings("my-llama.gguf")
    assert stored is not None and stored.prompt_format == "llama3"


def test_import_with_an_unknown_template_lets_the_user_fix_the_format(
    qtbot: QtBot, make_dialog: Callable[[], ModelsDialog], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    source = write_gguf(tmp_path / "plain.gguf", chat_template="{{ messages }}")
    choose_file(monkeypatch, source)
    dialog = make_dialog()
    with qtbot.waitSignal(dialog.controller.imported, timeout=WAIT_MS):
        click(qtbot, dialog.import_button)
    editor = dialog.settings_dialog
    assert editor is not None and editor.isVisible()
    assert editor.prompt_format.currentData() == "chatml"  # assumed, and said so
    editor.prompt_format.setCurrentIndex(editor.prompt_format.findData("phi3"))
    click(qtbot, editor.buttons.button(QDialogButtonBox.StandardButton.Ok))
    stored = load_settings("plain.gguf")
    assert stored is not None and stored.prompt_format == "phi3"


@pytest.mark.parametrize("kind", ["truncated", "unknown_architecture"])
def test_import_of_a_broken_file_copies_nothing(
    qtbot: QtBot, make_dialog: Callable[[], ModelsDialog], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, kind: str,
) -> None:  # fmt: skip
    good = write_gguf(tmp_path / "good.gguf")
    source = (truncate_half(good, tmp_path / "half.gguf") if kind == "truncated"
              else write_gguf(tmp_path / "odd.gguf", arch="mamba"))  # fmt: skip
    choose_file(monkeypatch, source)
    dialog = make_dialog()
    with qtbot.waitSignal(dialog.controller.import_failed, timeout=WAIT_MS) as failed:
        click(qtbot, dialog.import_button)
    assert failed.args[0] == kind
    assert dialog.message.text().startswith("The file was not imported.")
    assert ggufs() == [] and dialog.import_button.isEnabled()
    assert dialog.table.row_keys()[0] == DEFAULT_MODEL_FILE and len(dialog.table.row_keys()) == 5


# -- refresh ------------------------------------------------------------------------------------


def test_refresh_failure_is_a_plain_message_and_the_list_stays(
    qtbot: QtBot, make_dialog: Callable[[], ModelsDialog]
) -> None:
    dialog = make_dialog()  # the server has no /models3.json: it answers 404
    before = dialog.table.row_keys()
    with qtbot.waitSignal(dialog.controller.refresh_failed, timeout=WAIT_MS):
        click(qtbot, dialog.refresh_button)
    assert "The list was not updated" in dialog.message.text() and "404" in dialog.message.text()
    assert dialog.table.row_keys() == before and dialog.refresh_button.isEnabled()


def test_refresh_replaces_the_list_only_when_asked(
    qtbot: QtBot, make_dialog: Callable[[], ModelsDialog], server: ModelServer
) -> None:
    qwen = {"name": "Qwen2-1.5B-Instruct", "filename": "qwen2-1_5b-instruct-q4_0.gguf",
            "filesize": "937532800", "md5sum": "a8c5a783105f87a481543d4ed7d7586d",
            "parameters": "1.5 billion", "quant": "q4_0", "type": "qwen2",
            "description": "<ul><li>Fast responses</li></ul>", "url": "https://example.invalid/q",
            "promptTemplate": "<|im_start|>user\n%1<|im_end|>\n<|im_start|>assistant\n%2<|im_end|>",
            }  # fmt: skip
    server.serve("/models3.json", json.dumps([qwen]).encode(), content_type="application/json")
    dialog = make_dialog()
    assert not any(r.path == "/models3.json" for r in server.requests)  # nothing fetched on open
    with qtbot.waitSignal(dialog.controller.catalog_refreshed, timeout=WAIT_MS):
        click(qtbot, dialog.refresh_button)
    assert dialog.table.row_keys() == [DEFAULT_MODEL_FILE, "qwen2-1_5b-instruct-q4_0.gguf"]
    assert dialog.table.text("qwen2-1_5b-instruct-q4_0.gguf", "parameters") == "1.5 billion"
    assert dialog.message.text() == "The list is up to date. Models this app can run: 1."
