"""Start the window: Qt application, chats database, style, main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop.core.paths import default_model_path, resource_path
from desktop.core.store import ChatStore, open_store

DB_NAME = "chats.sqlite3"


def data_dir() -> Path:
    """The platform's app-data folder (~/.local/share/Smaller/Smaller on Linux: organisation,
    then application name)."""
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
    # Wayland matches the window to its menu entry and icon by this name (packaging/linux/).
    app.setDesktopFileName("io.github.smaller.Smaller")
    app.setWindowIcon(QIcon(str(resource_path("icons", "smaller.svg"))))
    return app


def configured_model() -> tuple[Path, object | None]:
    """The active model, as `smaller models use NAME` or the Models page set it, with its own
    settings (prompt format, memory, threads, creativity)."""
    from desktop.core.models import active_model, load_settings, settings_for

    try:
        model = active_model()
        if model is not None:
            # Only settings the user saved or the catalog gives; otherwise Settings' defaults.
            own = load_settings(model.key) or (settings_for(model) if model.catalog else None)
            return model.path, own
    except (OSError, ValueError):
        pass
    return default_model_path(), None


def configured_model_path() -> Path:
    return configured_model()[0]


_windows: list[object] = []  # keeps the current window referenced across a language switch


def open_main_window(settings: object | None = None) -> object:
    """Install the language, open the chats and build the window (not shown yet)."""
    from desktop.ui.i18n import install_language, resolve_language
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import AppSettings
    from desktop.ui.theme import apply_theme, resolve_theme

    settings = settings if isinstance(settings, AppSettings) else AppSettings.load()
    install_language(resolve_language(settings.language))
    app = QApplication.instance()
    if isinstance(app, QApplication):
        apply_theme(app, resolve_theme(settings.theme))
    store, warning = open_chats()
    path, model_settings = configured_model()
    window = MainWindow(
        store, path, store_warning=warning, settings=settings, model_settings=model_settings
    )
    window.language_changed.connect(lambda _language: switch_language(window))
    _windows[:] = [window]
    return window


def switch_language(old: object) -> object:
    """Rebuild the window in the newly chosen language, on the same chat and geometry. The new
    window is shown before the old one closes, so the application never has zero windows."""
    from desktop.ui.main_window import MainWindow

    assert isinstance(old, MainWindow)
    cid = old.chat.conversation_id
    new = open_main_window()
    assert isinstance(new, MainWindow)
    new.restoreGeometry(old.saveGeometry())
    if cid is not None:
        new.select_conversation(cid)
    new.show()
    old.close()
    return new


def run_app() -> int:
    from desktop.workers.engine_worker import LINGERING

    app = make_application()
    from desktop.ui.welcome import should_show_welcome

    window = open_main_window()
    window.show()  # type: ignore[attr-defined]
    if should_show_welcome():
        window.show_welcome()  # type: ignore[attr-defined]
    code = app.exec()
    if LINGERING:
        # The model is still inside the C library (closing it from here would crash) and the
        # chats are saved: leave now rather than keep the user waiting.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code
