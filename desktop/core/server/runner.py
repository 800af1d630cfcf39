"""uvicorn (with its pure-Python h11 HTTP parser) in a thread of its own, started and stopped by
the window or `smaller serve`.

The socket is bound here, before uvicorn starts, so "port in use" or "address not available" is a
plain error for the caller rather than a log line in a thread. Stopping: the answers in progress
are stopped (their stop Events), recorded in the ledger, their streams ended; then uvicorn exits.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import anyio._backends._asyncio  # noqa: F401 - loaded by name in anyio: imported for the bundle
import uvicorn
import uvicorn.lifespan.off  # noqa: F401 - named by a string in uvicorn: imported for the bundle
from uvicorn.protocols.http.h11_impl import H11Protocol

from desktop.core.errors import PlainError
from desktop.core.server.app import ServerState, build_app
from desktop.core.server.embeddings import EmbeddingService
from desktop.core.server.ledger import LedgerRecorder
from desktop.core.server.security import DEFAULT_BODY_LIMIT, DEFAULT_MAX_TOKENS_CAP, Policy
from desktop.core.server.settings import DEFAULT_HOST, DEFAULT_PORT
from desktop.core.service import EngineService

log = logging.getLogger(__name__)


class ServerError(PlainError):
    """The server could not start (port taken, address not on this computer...)."""


@dataclass(frozen=True)
class ServerOptions:
    api_key: str
    port: int = DEFAULT_PORT  # 0: any free port (tests)
    host: str = DEFAULT_HOST
    allowed_origins: tuple[str, ...] = ()
    body_limit: int = DEFAULT_BODY_LIMIT
    max_tokens_cap: int = DEFAULT_MAX_TOKENS_CAP
    ledger: Path | None = None  # the chats file whose ledger counts the requests
    documents_index: Path | None = None  # the documents index; None: the app's own


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(128)
    except OSError as exc:
        sock.close()
        reason = ("another program already uses this port; choose another one"
                  if exc.errno == 98 else str(exc.strerror or exc))  # fmt: skip
        raise ServerError("port_unavailable", f"Cannot listen on {host}:{port}: {reason}.",
                          repr(exc)) from exc  # fmt: skip
    return sock


class _Server(uvicorn.Server):
    def install_signal_handlers(self) -> None:  # the caller handles signals (older uvicorn)
        pass


class ApiServer:
    """`start()` binds and serves in a thread; `stop()` ends it within `timeout_s`."""

    def __init__(self, service: EngineService, options: ServerOptions) -> None:
        self.options = options
        host = options.host
        extra = frozenset() if host in ("127.0.0.1", "::1", "localhost") else frozenset({host})
        self.policy = Policy(
            api_key=options.api_key, extra_hosts=extra,
            allowed_origins=frozenset(options.allowed_origins), body_limit=options.body_limit,
            max_tokens_cap=options.max_tokens_cap, any_address=host in ("0.0.0.0", "::"),
        )  # fmt: skip
        recorder = LedgerRecorder(options.ledger) if options.ledger is not None else None

        def meter() -> tuple[str | None, float | None]:
            settings = service.session.meter_settings
            return settings.zone, settings.cpu_watts

        self.state = ServerState(
            service, self.policy, recorder, documents_index=options.documents_index,
            embedder=EmbeddingService(meter),
        )  # fmt: skip
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self.port = 0

    @property
    def url(self) -> str:
        host = self.options.host
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{self.port}/v1"

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def answering(self) -> int:
        """How many requests are being answered or wait for the engine."""
        return len(self.state.active)

    def set_api_key(self, key: str) -> None:
        self.policy.api_key = key  # read by the guard at every request

    def start(self, timeout_s: float = 10.0) -> ApiServer:
        sock = _bind(self.options.host, self.options.port)
        self.port = int(sock.getsockname()[1])
        self.policy.port = self.port
        config = uvicorn.Config(
            build_app(self.state), loop="none", http=H11Protocol, ws="none", lifespan="off",
            log_level="warning", access_log=False, timeout_graceful_shutdown=1,
            server_header=False, date_header=False,
        )  # fmt: skip
        server = _Server(config)
        self._server = server
        self._thread = threading.Thread(
            target=self._serve, args=(server, sock), name="smaller-api", daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + timeout_s
        while not server.started and self._thread.is_alive() and time.monotonic() < deadline:
            time.sleep(0.01)
        if not server.started:
            self.stop()
            raise ServerError("server_failed", "The server did not start; see the log.")
        log.info("API server listening on %s", self.url)
        return self

    @staticmethod
    def _serve(server: _Server, sock: socket.socket) -> None:
        try:
            asyncio.run(server.serve(sockets=[sock]))
        except BaseException:  # noqa: BLE001 - a thread's end must be logged, not lost
            log.exception("the API server stopped with an error")
        finally:
            sock.close()

    def stop(self, timeout_s: float = 1.5) -> bool:
        """Stop the answers in progress (they are recorded), then the server. True if it ended
        within `timeout_s`."""
        deadline = time.monotonic() + timeout_s
        for job in list(self.state.active):
            job.cancel()
        # Let the stopped answers reach the ledger and their clients (milliseconds).
        while (self.state.active or self.state.finishing) and time.monotonic() < deadline - 0.5:
            time.sleep(0.01)
        if self._server is not None:
            self._server.should_exit = True
        ended = True
        if self._thread is not None:
            self._thread.join(max(0.1, deadline - time.monotonic()))
            ended = not self._thread.is_alive()
            if not ended:
                assert self._server is not None
                self._server.force_exit = True
        if self.state.recorder is not None:
            with contextlib.suppress(Exception):
                self.state.recorder.close()
        return ended
