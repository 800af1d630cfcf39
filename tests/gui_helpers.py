"""Helpers for window tests: open the real window on a real database and the real model."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.app import open_chats
from desktop.core.store import ChatStore
from desktop.ui.main_window import MainWindow

ANSWER_TIMEOUT_MS = 60_000


def open_window(qtbot: QtBot, model_path: Path, store: ChatStore | None = None,
                warning: str | None = None) -> MainWindow:  # fmt: skip
    if store is None:
        store, warning = open_chats()
    window = MainWindow(store, model_path, store_warning=warning, n_threads=1)
    qtbot.addWidget(window)
    window.show()
    return window


def wait_loaded(qtbot: QtBot, window: MainWindow) -> None:
    """Until the model loaded or failed (the engine is idle again)."""
    qtbot.waitUntil(lambda: window.model_info is not None or not window.engine.busy,
                    timeout=30_000)  # fmt: skip


def wait_answer(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.chat.streaming, timeout=ANSWER_TIMEOUT_MS)
