"""The window always starts: saved settings that cannot be applied, a start that crashed, a window
that fails to build, a second launch. In-process, on the real window and model."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

import desktop.app
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import AppSettings
from desktop.ui.single_instance import SingleInstance
from desktop.ui.startup import mark_starting, previous_start_crashed
from tests.gui_helpers import wait_loaded

pytestmark = pytest.mark.model


def open_safely(qtbot: QtBot) -> MainWindow:
    window = desktop.app._open_window_safely()
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    window.show()
    wait_loaded(qtbot, window)
    return window


def test_quitting_in_demo_mode_then_starting_again(qtbot: QtBot) -> None:
    """Regression: demo mode on at start used the demo object before it existed (exit 134)."""
    AppSettings(demo_mode=True, threads=1).save()
    window = open_safely(qtbot)
    assert window.demo_mode.on and window.demo_panel.isVisible()
    window.close()


def test_settings_that_cannot_be_applied_are_reset_with_a_message(qtbot: QtBot) -> None:
    store = QSettings()
    for key, value in (("threads", -1), ("language", "xx"), ("sample_interval_s", "nan"),
                       ("grid_zone", "ZZZ"), ("max_tokens", 10**9)):  # fmt: skip
        store.setValue(f"settings/{key}", value)
    store.sync()
    window = open_safely(qtbot)
    text = window.notice_bar.text()
    assert "put back to normal" in text
    for name in ("Processor threads", "Language", "Panel refresh", "Electricity grid"):
        assert name in text
    assert window.settings.threads == 0 and window.settings.language == ""
    assert AppSettings.load().threads == 0  # the file holds the default again
    window.prompt.setPlainText("Hi")
    window.send_current()  # the thread count that aborted gpt4all never reaches it
    qtbot.waitUntil(lambda: not window.chat.streaming, timeout=60_000)
    assert window.store.messages(window.chat.conversation_id)[-1].status == "complete"  # type: ignore[arg-type]
    window.close()


def test_after_a_start_that_crashed_the_view_is_back_to_normal(qtbot: QtBot) -> None:
    AppSettings(demo_mode=True, panel_visible=False, theme="dark", threads=1).save()
    mark_starting()  # as a start that never finished leaves it
    assert previous_start_crashed()
    window = open_safely(qtbot)
    assert "did not start properly" in window.notice_bar.text()
    assert not window.demo_mode.on and window.resource_panel.isVisible()
    assert window.settings.theme == "" and window.settings.threads == 1  # others kept
    window.close()


def test_a_window_that_fails_to_build_is_built_again_with_the_usual_view(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    AppSettings(demo_mode=True, threads=1).save()
    real = MainWindow.set_demo_mode
    calls: list[bool] = []

    def broken(self: MainWindow, on: bool) -> None:
        calls.append(on)
        if on:
            raise RuntimeError("demo mode broke")
        real(self, on)

    monkeypatch.setattr(MainWindow, "set_demo_mode", broken)
    window = open_safely(qtbot)
    assert "uses the usual view" in window.notice_bar.text()
    assert not window.settings.demo_mode and calls == [True]
    window.close()


def test_a_second_instance_brings_the_first_forward(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "app-data"
    first = SingleInstance(folder)
    assert first.acquire()
    second = SingleInstance(folder)
    assert not second.acquire()  # the lock is held: this launch must not open the chats
    with qtbot.waitSignal(first.activated, timeout=5000):
        assert second.activate_running()
    first.release()
    third = SingleInstance(folder)
    assert third.acquire()  # free again once the first one quit
    third.release()
