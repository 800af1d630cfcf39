"""The server in the window: off by default, started from its saved switch on the window's one
engine, a program's request answered and shown ("Answering a program"), counted in the Programs
view, and stopped with the window. And the Settings section: Copy and Renew."""

from __future__ import annotations

import json
import socket
import threading
import urllib.request
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from desktop.core.server import load_settings, save_settings
from desktop.core.service import EngineService
from desktop.core.session import ModelSession
from desktop.ui.programs_view import ServerSection
from desktop.workers.server_host import ServerHost
from tests.gui_helpers import open_window, wait_answer, wait_loaded


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _listening(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def test_settings_section_copies_and_renews_the_key(qtbot: QtBot) -> None:
    service = EngineService(ModelSession())  # never started: no model, no thread
    host = ServerHost(service, None)
    section = ServerSection(load_settings(), host)
    qtbot.addWidget(section)
    assert not section.enabled.isChecked() and section.port.value() == 4891  # off by default
    old = section.key.text()
    section.copy_button.click()
    assert QGuiApplication.clipboard().text() == old
    section.renew_button.click()
    assert section.key.text() != old and load_settings().api_key == section.key.text()
    assert section.address_warning.isHidden()  # loopback: nothing to warn about
    section.address.setText("192.168.1.5")
    assert not section.address_warning.isHidden()
    section.origins.setText("http://localhost:3000, http://127.0.0.1:8080")
    section.enabled.setChecked(True)
    section.port.setValue(5000)
    result = section.result()
    assert result.enabled and result.port == 5000 and result.api_key == section.key.text()
    assert result.host == "192.168.1.5"
    assert result.allowed_origins == ("http://localhost:3000", "http://127.0.0.1:8080")
    service.shutdown()


def test_the_settings_dialog_with_the_section_is_accessible_and_fits(qtbot: QtBot) -> None:
    from types import SimpleNamespace

    from desktop.ui.accessibility import missing_accessible_names, unreachable_by_tab
    from desktop.ui.programs_view import Programs
    from desktop.ui.settings import AppSettings
    from desktop.ui.settings_dialog import SettingsDialog

    service = EngineService(ModelSession())
    dialog = SettingsDialog(AppSettings())
    qtbot.addWidget(dialog)
    owner = SimpleNamespace(host=ServerHost(service, None))
    section = Programs.add_settings_section(owner, dialog)  # type: ignore[arg-type]
    dialog.show()
    qtbot.waitExposed(dialog)
    assert section.isVisible()
    assert missing_accessible_names(dialog) == [] and unreachable_by_tab(dialog) == []
    size = dialog.sizeHint()
    assert size.width() <= 1366 and size.height() <= 700  # a small laptop screen, with a panel
    service.shutdown()


@pytest.mark.model
def test_a_default_window_listens_nowhere(qtbot: QtBot, model_path: Path) -> None:
    window = open_window(qtbot, model_path)
    wait_loaded(qtbot, window)
    qtbot.wait(50)
    assert not window.programs.host.running and not _listening(4891)
    window.close()


@pytest.mark.model
def test_the_window_serves_a_program_and_shows_it(qtbot: QtBot, model_path: Path) -> None:
    port = _free_port()
    settings = load_settings()
    save_settings(type(settings)(enabled=True, port=port, api_key="sk-window-test-key"))
    window = open_window(qtbot, model_path)
    wait_loaded(qtbot, window)
    qtbot.waitUntil(lambda: window.programs.host.running, timeout=10_000)
    assert window.programs.host.server.state.service is window.engine.service  # type: ignore[union-attr]

    body = json.dumps({"messages": [{"role": "user", "content": "Write a long story."}],
                       "max_tokens": 150}).encode()  # fmt: skip
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/v1/chat/completions", data=body, method="POST",
        headers={"Authorization": "Bearer sk-window-test-key", "Content-Type": "application/json"},
    )  # fmt: skip
    replies: list[dict[str, object]] = []

    def call() -> None:
        with urllib.request.urlopen(request, timeout=120) as response:
            replies.append(json.loads(response.read()))

    thread = threading.Thread(target=call)
    thread.start()
    qtbot.waitUntil(lambda: window.programs.label.isVisible() or bool(replies), timeout=30_000)
    shown = window.programs.label.isVisible()
    window.ask("What is the capital of France?")  # the window's answer queues behind it
    qtbot.waitUntil(lambda: bool(replies), timeout=120_000)
    thread.join()
    wait_answer(qtbot, window)
    assert shown  # "Answering a program" while it was answered (150 tokens: well over 300 ms)
    assert window.chat_view.messages[-1].text  # both answered, one engine, in arrival order
    qtbot.waitUntil(lambda: not window.programs.label.isVisible(), timeout=5_000)

    view = window.programs.show_view()
    qtbot.addWidget(view)
    assert "1" in view.total.text() and "CO₂" in view.total.text()
    assert view.total_405b.text() != "—"
    assert str(port) in view.status.text()
    window.close()
    assert not _listening(port)
