"""Start the window: Qt application, log, one instance, chats database, style, main window."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.core.paths import app_data_dir, chats_db_path, resource_path
from desktop.core.store import ChatStore, open_store

log = logging.getLogger(__name__)
DB_NAME = chats_db_path().name


def data_dir() -> Path:
    """The app-data folder (~/.local/share/Smaller/Smaller on Linux), as Qt names it."""
    return app_data_dir()


def open_chats() -> tuple[ChatStore, str | None]:
    """The chats file, with the answers a crash cut off marked; never raises."""
    return open_store(chats_db_path())


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


_windows: list[object] = []  # keeps the current window referenced across a language switch


def open_main_window(settings: object | None = None, notices: list[str] | None = None) -> object:
    """Install the language, open the chats and build the window (not shown yet)."""
    from desktop.core.session import active_choice
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
    messages = [m for m in [*(notices or []), warning] if m]
    window = MainWindow(
        store, active_choice(), store_warning=" ".join(messages) or None, settings=settings
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


def _open_window_safely() -> object | None:
    """The window, whatever the saved settings say; None only if even defaults fail (the user
    then reads why in a message box)."""
    from desktop.ui.startup import reset_view, startup_settings

    settings, notices = startup_settings()
    try:
        return open_main_window(settings, notices)
    except Exception as exc:
        log.exception("the window could not be built; trying again with the usual view")
        first = exc
    try:
        notice = QApplication.translate(
            "Startup",
            "Smaller could not open with your view settings, so it uses the usual view. ({error})",
        ).format(error=first)
        return open_main_window(reset_view(settings), [*notices, notice])
    except Exception as exc:
        log.exception("the window could not be built with default settings either")
        from desktop.core.logs import log_path

        QMessageBox.critical(
            None, "Smaller",
            QApplication.translate(
                "Startup",
                "Smaller could not open its window: {error}\n\nThe log file has the details:"
                " {log}",
            ).format(error=exc, log=log_path()),
        )  # fmt: skip
        return None


def _bring_forward(window: object) -> None:
    from desktop.ui.main_window import MainWindow

    current = _windows[0] if _windows else window
    if isinstance(current, MainWindow):
        current.showNormal()
        current.raise_()
        current.activateWindow()


def run_app() -> int:
    from desktop.core.logs import setup_logging
    from desktop.ui.single_instance import SingleInstance
    from desktop.ui.startup import SETTLED_MS, SignalQuit, mark_started, mark_starting
    from desktop.workers.engine_worker import LINGERING

    setup_logging()
    app = make_application()
    instance = SingleInstance(app_data_dir())
    if not instance.acquire():
        log.info("another instance runs: asking it to come forward")
        instance.activate_running()
        return 0
    log.info("starting")
    mark_starting()
    window = _open_window_safely()
    if window is None:
        mark_started()
        instance.release()
        return 1
    from desktop.ui.welcome import should_show_welcome

    window.show()  # type: ignore[attr-defined]
    instance.activated.connect(lambda: _bring_forward(window))

    def close_and_quit() -> None:  # as the window's close button, then leave
        for current in list(_windows):
            current.close()  # type: ignore[attr-defined]
        app.quit()

    quitter = SignalQuit(close_and_quit)
    from PySide6.QtCore import QTimer

    QTimer.singleShot(SETTLED_MS, mark_started)
    if should_show_welcome():
        window.show_welcome()  # type: ignore[attr-defined]
    code = app.exec()
    quitter.restore()
    mark_started()
    instance.release()
    log.info("stopped (code %d)", code)
    if LINGERING:
        # The model is still inside the C library (closing it from here would crash) and the
        # chats are saved: leave now rather than keep the user waiting.
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code
