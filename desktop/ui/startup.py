"""Starting the window so that it always starts.

- A marker in the settings says a start is under way; it is cleared once the window has been up
  for a moment. If it is still there at the next start, that start crashed: the view settings
  (demo mode, panel, theme) go back to their defaults, and the window says so.
- A setting that cannot be applied is reset with a message (AppSettings.load_checked).
- If building the window fails anyway, it is built again with default view settings; if even
  that fails, a message box says what happened and where the log is.
- Ctrl+C and SIGTERM close the window as its close button does (answer saved, model closed).
"""

from __future__ import annotations

import logging
import signal
import socket
import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QSocketNotifier, QTimer

from desktop.ui.settings import VIEW_FIELDS, AppSettings, setting_label

log = logging.getLogger(__name__)
MARKER = "startup/in_progress"
SETTLED_MS = 3000  # the window has been up this long: the start went well
translate = QCoreApplication.translate


def previous_start_crashed() -> bool:
    return bool(QSettings().value(MARKER, False, type=bool))


def mark_starting() -> None:
    store = QSettings()
    store.setValue(MARKER, True)
    store.sync()


def mark_started() -> None:
    store = QSettings()
    store.remove(MARKER)
    store.sync()


def reset_view(settings: AppSettings) -> AppSettings:
    defaults = AppSettings()
    for name in VIEW_FIELDS:
        setattr(settings, name, getattr(defaults, name))
    settings.save()
    return settings


def startup_settings() -> tuple[AppSettings, list[str]]:
    """The settings to start with, and messages for the user about what was reset."""
    settings, reset = AppSettings.load_checked()
    messages = []
    if reset:
        names = ", ".join(setting_label(name) for name in reset)
        messages.append(
            translate(
                "Startup", "Some settings could not be used and were put back to normal: {names}."
            ).format(names=names)
        )
    if previous_start_crashed():
        log.warning("the previous start did not finish: view settings reset")
        reset_view(settings)
        messages.append(
            translate(
                "Startup",
                "Smaller did not start properly last time, so it starts with the usual view (demo"
                " mode off, the resource panel shown, the system's theme).",
            )
        )
    return settings, messages


class SignalQuit(QObject):
    """Ctrl+C and SIGTERM reach Qt's event loop through a socket pair (Python runs signal
    handlers only between bytecodes, and the loop sits in C++): then `on_signal` runs."""

    def __init__(self, on_signal: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_signal = on_signal
        self._fired = False
        if sys.platform == "win32":
            # No socket here (Windows builds a socket pair on a loopback port): a short timer
            # lets Python run its Ctrl+C handler between Qt events instead.
            self._previous = {signal.SIGINT: signal.signal(signal.SIGINT, self._fire)}
            self._timer = QTimer(self)
            self._timer.timeout.connect(lambda: None)
            self._timer.start(250)
            return
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        self._previous = {
            sig: signal.signal(sig, lambda *_a: None) for sig in (signal.SIGINT, signal.SIGTERM)
        }
        self._old_fd = signal.set_wakeup_fd(self._writer.fileno())

    def _fire(self, *_args: object) -> None:
        if not self._fired:
            self._fired = True
            QTimer.singleShot(0, self._on_signal)

    def _drain(self) -> None:
        try:
            while self._reader.recv(64):
                pass
        except OSError:
            pass
        if not self._fired:
            self._fired = True
            log.info("quit signal received: closing")
            QTimer.singleShot(0, self._on_signal)

    def restore(self) -> None:
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)
        if sys.platform == "win32":
            self._timer.stop()
            return
        signal.set_wakeup_fd(self._old_fd)
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()
