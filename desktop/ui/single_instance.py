"""One window per user, as desktop apps are: a second launch brings the first window forward.

A lock file in the app-data folder says an instance runs (QLockFile notices a stale lock left
by a crash, from its process id, and takes it over). A second launch leaves a small request file
beside the lock and exits; the running instance watches the folder (QFileSystemWatcher), sees
the request, removes it and comes forward. No socket of any kind is opened: the app stays silent
on the network, and Qt's network module is never loaded. The command line (`smaller ask`, ...)
takes no lock and keeps working beside the window.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QLockFile, QObject, Signal

LOCK_NAME = "smaller.lock"
REQUEST_NAME = "activate.request"


class SingleInstance(QObject):
    activated = Signal()  # another launch asked this instance to come forward

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.request = folder / REQUEST_NAME
        self.lock = QLockFile(str(folder / LOCK_NAME))
        self.lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        self._watcher: QFileSystemWatcher | None = None

    def acquire(self) -> bool:
        """True when this is the only instance (then it watches for later launches)."""
        if not self.lock.tryLock(200):
            return False
        with contextlib.suppress(OSError):
            self.request.unlink(missing_ok=True)  # left by a launch while none was running
        self._watcher = QFileSystemWatcher([str(self.folder)], self)
        self._watcher.directoryChanged.connect(self._check_request)
        return True

    def _check_request(self, _folder: str = "") -> None:
        if self.request.exists():
            with contextlib.suppress(OSError):
                self.request.unlink()
            self.activated.emit()

    def activate_running(self) -> bool:
        """From a second launch: ask the running instance to show its window."""
        try:
            self.request.write_text(str(os.getpid()), encoding="utf-8")
        except OSError:
            return False
        return True

    def release(self) -> None:
        if self._watcher is not None:
            self._watcher.deleteLater()
            self._watcher = None
        self.lock.unlock()
