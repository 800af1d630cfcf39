"""An HTTP GET that never blocks for more than a quarter second at a time.

urllib's blocking reads let a server that sends 1 byte per second hold a download forever: each
byte resets the per-read timeout, and a 256 KiB read waits for all its bytes before returning, so
no progress, Pause or Cancel gets through. Here every wait (DNS, connect, TLS handshake, headers,
body) is cut into TICK_S slices; between slices a `Watch` checks Pause/Cancel, the stall rule
(less than MIN_PROGRESS_BYTES in `stall_limit` seconds) and reports progress. Body reads return
whatever has arrived (`read1`), so progress follows the bytes.

The connection is made to an address checked by urlpolicy.py, and each redirect is checked
again before it is followed. http.client still parses the status, headers and chunked bodies.
"""

from __future__ import annotations

import errno
import http.client
import io
import select
import socket
import ssl
import time
import urllib.parse
from collections.abc import Callable
from typing import cast

from desktop.core.i18n import translate
from desktop.core.models.download_errors import DownloadError, stalled_error, unreachable_error
from desktop.core.models.urlpolicy import (
    Resolver,
    Target,
    check_redirect,
    check_target,
    resolve_while,
    split,
    system_resolver,
)

TICK_S = 0.25  # the longest any single wait lasts: Pause and Cancel answer within this
STALL_LIMIT_S = 30.0  # no real progress for this long: the server has stopped sending
MIN_PROGRESS_BYTES = 1024  # "real progress": a trickle of a few bytes a second does not count
CONNECT_ATTEMPT_S = 10.0  # per address: a silent IPv6 route must not keep IPv4 from being tried
MAX_REDIRECTS = 5
REDIRECTS = (301, 302, 303, 307, 308)
_IN_PROGRESS = {errno.EINPROGRESS, errno.EWOULDBLOCK, errno.EALREADY, 10035}  # 10035: Windows


class Watch:
    """Called between waits. `stop()` raises to pause or cancel; the stall rule raises a
    "timeout" DownloadError; `on_idle()` reports progress while nothing arrives."""

    def __init__(
        self, url: str, stop: Callable[[], None], stall_limit: float = STALL_LIMIT_S,
        on_idle: Callable[[], None] | None = None, min_progress: int = MIN_PROGRESS_BYTES,
    ) -> None:  # fmt: skip
        self.url, self.stop, self.stall_limit = url, stop, stall_limit
        self.on_idle, self.min_progress = on_idle, min_progress
        self._window_start = self.last_byte = time.monotonic()
        self._window_bytes = 0

    def idle_for(self) -> float:
        """Seconds since the server last sent anything."""
        return time.monotonic() - self.last_byte

    def got(self, count: int) -> None:
        now = time.monotonic()
        self.last_byte = now
        self._window_bytes += count
        if self._window_bytes >= self.min_progress:
            self._window_start, self._window_bytes = now, 0  # real progress: a new window
        self._check(now)

    def tick(self) -> None:
        self._check(time.monotonic())
        if self.on_idle is not None:
            self.on_idle()

    def _check(self, now: float) -> None:
        self.stop()
        if now - self._window_start >= self.stall_limit:
            raise stalled_error(self.url, self.stall_limit, self._window_bytes)


class _TickingReader(io.RawIOBase):
    """The socket as a raw stream whose reads wait in TICK_S slices, asking the Watch between
    them. (socket.makefile's reader cannot be read again after a timeout; this one can.)"""

    def __init__(self, sock: socket.socket, watch: Watch) -> None:
        self._sock, self._watch = sock, watch

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        while True:
            try:
                count = self._sock.recv_into(buffer)
            except (TimeoutError, ssl.SSLWantReadError):
                self._watch.tick()
                continue
            if count:
                self._watch.got(count)
            return count

    def close(self) -> None:
        if not self.closed:
            self._sock.close()
        super().close()


class _SocketForResponse:
    """What http.client.HTTPResponse needs from a socket: a `makefile()` giving our reader."""

    def __init__(self, sock: socket.socket, watch: Watch) -> None:
        self._reader = io.BufferedReader(_TickingReader(sock, watch))

    def makefile(self, mode: str) -> io.BufferedIOBase:
        return self._reader


def _connect(target: Target, watch: Watch) -> socket.socket:
    """A TCP connection to the first checked address that answers, waiting in slices."""
    last_error: OSError = OSError("no address")
    for address in target.addresses:
        family = socket.AF_INET6 if ":" in address else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        try:
            sock.setblocking(False)
            code = sock.connect_ex((address, target.port))
            give_up = time.monotonic() + CONNECT_ATTEMPT_S
            while code in _IN_PROGRESS:
                _, writable, failed = select.select([], [sock], [sock], TICK_S)
                if writable or failed:
                    code = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
                    break
                watch.tick()
                if time.monotonic() > give_up:
                    code = errno.ETIMEDOUT
            if code:
                raise OSError(code, f"{address}: {errno.errorcode.get(code, code)}")
            sock.settimeout(TICK_S)
            return sock
        except OSError as exc:
            sock.close()
            last_error = exc
        except BaseException:  # paused, cancelled or stalled while connecting
            sock.close()
            raise
    raise unreachable_error(target.url, last_error)


def _secure(
    sock: socket.socket, target: Target, watch: Watch, context: ssl.SSLContext
) -> socket.socket:
    """The TLS handshake, in slices too (a server may stall it)."""
    tls = context.wrap_socket(sock, server_hostname=target.host, do_handshake_on_connect=False)
    try:
        while True:
            try:
                tls.do_handshake()
                return tls
            except (TimeoutError, ssl.SSLWantReadError, ssl.SSLWantWriteError):
                watch.tick()
    except ssl.SSLCertVerificationError as exc:
        tls.close()
        msg = translate(
            "Download",
            "The server's security certificate could not be verified, so nothing was "
            "downloaded from it.",
        )
        raise DownloadError("refused", msg, f"{target.url}: {exc}") from None
    except BaseException:
        tls.close()
        raise


def _request(
    target: Target, headers: dict[str, str], watch: Watch, context: ssl.SSLContext | None
) -> http.client.HTTPResponse:
    sock = _connect(target, watch)
    try:
        if target.https:
            sock = _secure(sock, target, watch, context or ssl.create_default_context())
        host = f"[{target.host}]" if ":" in target.host else target.host
        if target.port != (443 if target.https else 80):
            host += f":{target.port}"
        lines = [f"GET {target.path} HTTP/1.1", f"Host: {host}", "Connection: close"]
        lines += [f"{key}: {value}" for key, value in headers.items()]
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("ascii"))
        shim = cast(socket.socket, _SocketForResponse(sock, watch))
        response = http.client.HTTPResponse(shim, method="GET", url=target.url)
    except BaseException:
        sock.close()
        raise
    try:
        response.begin()  # status and headers, read through the Watch
    except BaseException:
        response.close()
        raise
    return response


def open_get(
    url: str, headers: dict[str, str], watch: Watch, *, user_typed: bool = False,
    resolver: Resolver | None = None, context: ssl.SSLContext | None = None,
) -> http.client.HTTPResponse:  # fmt: skip
    """The response to GET `url` after following redirects, each target checked first.
    Raises DownloadError (refused, unreachable, paused, cancelled, stalled); OSError and
    HTTPException when the connection breaks after it was made."""
    resolver = resolver or system_resolver
    typed_host = split(url).hostname if user_typed else None

    def resolve(host: str, port: int) -> list[str]:
        return resolve_while(resolver, host, port, watch.tick)

    for _ in range(MAX_REDIRECTS + 1):
        target = check_target(url, user_typed_host=typed_host, resolve=resolve)
        response = _request(target, headers, watch, context)
        location = response.getheader("Location")
        if response.status not in REDIRECTS or not location:
            return response
        response.close()
        url, previous = urllib.parse.urljoin(url, location), url
        check_redirect(previous, url)
    msg = translate("Download", "The server redirected the download too many times.")
    raise DownloadError("http_error", msg, url)


def get_small(
    url: str, headers: dict[str, str], *, max_bytes: int, stall_limit: float, deadline_s: float,
    user_typed: bool = False,
) -> tuple[int, bytes]:  # fmt: skip
    """A small document (the model list) with the same checks and waits, given up after
    `deadline_s` in all, so a trickling server cannot hold the caller's thread. Returns the
    status and at most `max_bytes + 1` bytes (more means it is not what was asked for)."""
    give_up = time.monotonic() + deadline_s

    def stop() -> None:
        if time.monotonic() > give_up:
            raise stalled_error(url, deadline_s, 0)

    watch = Watch(url, stop, stall_limit)
    with open_get(url, headers, watch, user_typed=user_typed) as response:
        body = b""
        while len(body) <= max_bytes and (chunk := response.read1(max_bytes + 1 - len(body))):
            body += chunk
        return response.status, body
