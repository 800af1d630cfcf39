"""Start the window: Qt application, chats database, style, main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop.core.paths import default_model_path, resource_path
from desktop.core.store import ChatStore, open_store

DB_NAME = "chats.sqlite3"


def data_dir() -> Path:
    """The platform's app-data folder (~/.local/share/Smaller on Linux)."""
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


def open_chats() -> tuple[ChatStore, str | None]:
    store, warning = open_store(data_dir() / DB_NAME)
    if not store.read_only:
        store.mark_interrupted()  # answers cut off by a crash or a kill are kept, marked
    return store, warning


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Smaller")
    app.setOrganizationName("Smaller")
    app.setApplicationDisplayName("Smaller")
    app.setWindowIcon(QIcon(str(resource_path("icons", "smaller.svg"))))
    style = resource_path("styles", "app.qss")
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    return app


def configured_model_path() -> Path:
    saved = QSettings().value("settings/model_path", "", type=str)
    return Path(saved) if saved else default_model_path()


def run_app() -> int:
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import AppSettings
    from desktop.workers.engine_worker import LINGERING

    app = make_application()
    store, warning = open_chats()
    window = MainWindow(
        store, configured_model_path(), store_warning=warning, settings=AppSettings.load()
    )
    window.show()
    code = app.exec()
    if LINGERING:
        # The model is still inside the C library (closing it from here would crash) and the
        # chats are saved: leave now rather than keep the user waiting.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code
