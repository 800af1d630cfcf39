"""A real HTTP server on 127.0.0.1 for the model-manager tests: serves files with Range support,
and on request misbehaves like real servers do (drops the connection, stalls, 404s).

    with ModelServer() as server:
        url = server.serve("/m.gguf", data, mode="drop_half_once")
        ...
        server.requests  # what it saw: path, Range header, body bytes sent

Leaving the `with` block stops it: every stalled handler is released, its thread joined and the
listening socket closed, so nothing outlives the test.
"""

from __future__ import annotations

import hashlib
import socket
import ssl
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal

from desktop.core.models.catalog import CatalogEntry

Mode = Literal[
    "ok",  # serve, honouring Range
    "no_ranges",  # ignore Range and always send the whole file with 200
    "drop_half_once",  # the first request sends half the file, then closes the connection
    "stall_body",  # send the headers and 1 KB, then go silent
    "stall_headers",  # accept the connection and say nothing
    "trickle",  # send the headers, then one byte every `interval` seconds (minutes for a model)
    "redirect",  # answer 302 with `location`
]
STALL_LIMIT_S = 10.0  # a stalled handler gives up by itself even if the test forgets to stop it


@dataclass
class Route:
    body: bytes
    mode: Mode = "ok"
    content_type: str = "application/octet-stream"
    hits: int = 0
    interval: float = 1.0  # trickle: seconds between bytes
    location: str = ""  # redirect: where to


@dataclass
class Seen:
    path: str
    range: str | None
    status: int = 0
    sent: int = 0  # body bytes written


class _Server(ThreadingHTTPServer):
    daemon_threads = False  # so server_close() joins every handler thread
    owner: ModelServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that hung up mid-body (timeout and cancel tests) is expected here


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _send(self, status: int, body: bytes, seen: Seen, extra: dict[str, str]) -> None:
        seen.status = status
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        for key, value in extra.items():
            self.send_header(key, value)
        self.end_headers()

    def do_GET(self) -> None:
        owner = self.server.owner
        seen = Seen(self.path, self.headers.get("Range"))
        owner.requests.append(seen)
        route = owner.routes.get(self.path)
        self.close_connection = True
        if route is None:
            page = b"<html><body>Not Found</body></html>"
            self._send(404, page, seen, {"Content-Type": "text/html"})
            self.wfile.write(page)
            return
        route.hits += 1
        if route.mode == "redirect":
            self._send(302, b"", seen, {"Location": route.location})
            return
        if route.mode == "stall_headers":
            owner.stop.wait(STALL_LIMIT_S)
            return
        body, start, status = route.body, 0, 200
        headers = {"Content-Type": route.content_type, "Accept-Ranges": "bytes"}
        if seen.range and route.mode != "no_ranges":
            start = int(seen.range.removeprefix("bytes=").split("-")[0])
            if start >= len(body):
                headers["Content-Range"] = f"bytes */{len(body)}"
                self._send(416, b"", seen, headers)
                return
            status = 206
            headers["Content-Range"] = f"bytes {start}-{len(body) - 1}/{len(body)}"
        payload = body[start:]
        self._send(status, payload, seen, headers)
        if route.mode == "drop_half_once" and route.hits == 1:
            payload = payload[: len(body) // 2 - start]
        elif route.mode == "stall_body":
            self._write(payload[:1024], seen)
            owner.stop.wait(STALL_LIMIT_S)
            return
        elif route.mode == "trickle":
            for byte in payload:  # ends when the client hangs up (the write fails) or at exit
                self._write(bytes([byte]), seen)
                if owner.stop.wait(route.interval):
                    return
            return
        self._write(payload, seen)
        if len(payload) < len(body) - start:  # cut the connection as a failing network would
            self.connection.shutdown(socket.SHUT_RDWR)

    def _write(self, data: bytes, seen: Seen) -> None:
        for i in range(0, len(data), 4096):
            self.wfile.write(data[i : i + 4096])
            seen.sent += len(data[i : i + 4096])
        self.wfile.flush()


class ModelServer:
    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        """`tls`: a server-side context, to serve https on 127.0.0.1."""
        self.routes: dict[str, Route] = {}
        self.requests: list[Seen] = []
        self.stop = threading.Event()
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.owner = self
        self.scheme = "https" if tls else "http"
        if tls is not None:
            self._httpd.socket = tls.wrap_socket(self._httpd.socket, server_side=True)
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def base(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"{self.scheme}://{host!s}:{port}"

    def serve(
        self, path: str, body: bytes, mode: Mode = "ok", content_type: str = "",
        interval: float = 1.0,
    ) -> str:  # fmt: skip
        route = Route(body, mode, content_type or "application/octet-stream", interval=interval)
        self.routes[path] = route
        return self.base + path

    def redirect(self, path: str, location: str) -> str:
        self.routes[path] = Route(b"", "redirect", location=location)
        return self.base + path

    def __enter__(self) -> ModelServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()  # releases stalled handlers first, so shutdown does not wait on them
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)


def entry_for(data: bytes, **changes: Any) -> CatalogEntry:
    """A catalog entry for `data` served by a ModelServer (its url is set by the test)."""
    values: dict[str, Any] = dict(
        name="Tiny Test Model", filename="tiny.gguf", description="A test model.",
        parameters="1 million", file_size=len(data), ram_required_gb=None, licence="MIT",
        url="https://example.invalid/tiny.gguf", md5=hashlib.md5(data).hexdigest(),
        sha256=hashlib.sha256(data).hexdigest(), prompt_format="llama3", prompt_template="",
        system_prompt="", family="llama", quant="f32",
    )  # fmt: skip
    values.update(changes)
    return CatalogEntry(**values)
