"""The window's API server: an `ApiServer` on the window's one engine (`EngineController.service`),
so programs' requests queue with the window's answers in arrival order.

uvicorn runs in its own thread (desktop.core.server.runner); this object lives on the GUI thread,
starts and stops it, and polls (a few times a second, a read of a set's size) how many programs'
requests are in progress, so the window can say when a program is being answered.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.core.errors import PlainError
from desktop.core.server import ApiServer, ServerOptions, ServerSettings
from desktop.core.service import EngineService

log = logging.getLogger(__name__)
POLL_MS = 300


class ServerHost(QObject):
    answering_changed = Signal(int)  # requests in progress (answered or waiting)
    running_changed = Signal(bool)

    def __init__(self, service: EngineService, ledger: Path | None, parent: QObject | None = None):
        super().__init__(parent)
        self._service = service
        self._ledger = ledger
        self.server: ApiServer | None = None
        self.settings = ServerSettings()  # what the running server was started with
        self._answering = 0
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)

    @property
    def running(self) -> bool:
        return self.server is not None and self.server.running

    @property
    def url(self) -> str:
        return self.server.url if self.server is not None else ""

    def start(self, settings: ServerSettings) -> str | None:
        """Start (or restart with new settings). None when it listens, else why not."""
        self.stop()
        options = ServerOptions(
            api_key=settings.api_key, port=settings.port, host=settings.host,
            allowed_origins=settings.allowed_origins, ledger=self._ledger,
        )  # fmt: skip
        try:
            self.server = ApiServer(self._service, options).start()
            self.settings = settings
        except PlainError as exc:
            log.warning("API server not started: %s", exc)
            self.server = None
            return str(exc)
        self._timer.start()
        self.running_changed.emit(True)
        return None

    def stop(self) -> None:
        if self.server is None:
            return
        self.server.stop()
        self.server = None
        self._timer.stop()
        self._poll_value(0)
        self.running_changed.emit(False)

    def set_api_key(self, key: str) -> None:
        self.settings = replace(self.settings, api_key=key)
        if self.server is not None:
            self.server.set_api_key(key)

    def _poll(self) -> None:
        self._poll_value(self.server.answering if self.server is not None else 0)

    def _poll_value(self, count: int) -> None:
        if count != self._answering:
            self._answering = count
            self.answering_changed.emit(count)
