"""The guard in front of every route, as plain ASGI middleware (so streaming and disconnects
pass through untouched):

1. Host header (403): only a loopback name or address with this server's port, or the address the
   user chose to bind. A web page can make the browser send requests to 127.0.0.1 through a DNS
   name it controls ("DNS rebinding"); the browser then sends that name as Host, and it is refused.
2. Origin (403): a request from a web page carries its origin; refused unless the user allowed it,
   and only then are CORS headers sent (and preflights answered).
3. API key (401): `Authorization: Bearer <key>`, compared in constant time.
"""

from __future__ import annotations

import ipaddress
import json
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any

from desktop.core.server.errors import ApiError

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

LOOPBACK_NAMES = frozenset({"localhost", "localhost.", "ip6-localhost"})
DEFAULT_BODY_LIMIT = 1_000_000  # bytes: a long prompt is ~100 KB; more is a mistake or an attack
DEFAULT_MAX_TOKENS_CAP = 4096


@dataclass
class Policy:
    """What the guard and the routes enforce; the window changes `api_key` when it is renewed."""

    api_key: str
    port: int = 0  # set once the socket is bound
    extra_hosts: frozenset[str] = frozenset()  # a non-loopback address the user chose to bind
    any_address: bool = False  # bound to 0.0.0.0 or ::: any address literal (never a name)
    allowed_origins: frozenset[str] = frozenset()
    body_limit: int = DEFAULT_BODY_LIMIT
    max_tokens_cap: int = DEFAULT_MAX_TOKENS_CAP
    cors_headers: tuple[str, ...] = field(default=("authorization", "content-type"))


def _is_loopback(name: str) -> bool:
    if name in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def split_host(value: str) -> tuple[str, str | None]:
    """'[::1]:8080' -> ('::1', '8080'); 'localhost' -> ('localhost', None)."""
    if value.startswith("["):
        end = value.find("]")
        if end < 0:
            return value, None
        rest = value[end + 1 :]
        return value[1:end], (rest[1:] if rest.startswith(":") else None)
    name, sep, port = value.rpartition(":")
    return (name, port) if sep else (value, None)


def host_allowed(value: str, policy: Policy) -> bool:
    name, port = split_host(value.strip().lower())
    if port is None:
        port = "80"  # what a Host without a port means
    if port != str(policy.port):
        return False
    if _is_loopback(name) or name in policy.extra_hosts:
        return True
    # Rebinding needs a name the attacker controls; an address literal cannot be rebound.
    return policy.any_address and _is_address(name)


def _is_address(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return bytes(value).decode("latin-1")
    return None


async def send_error(send: Send, error: ApiError, extra: dict[str, str] | None = None) -> None:
    body = json.dumps(error.to_json()).encode("utf-8")
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    for key, value in {**error.headers, **(extra or {})}.items():
        headers.append((key.lower().encode("latin-1"), value.encode("latin-1")))
    await send({"type": "http.response.start", "status": error.status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class Guard:
    def __init__(self, app: ASGIApp, policy: Policy) -> None:
        self.app = app
        self.policy = policy

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        policy = self.policy
        host = _header(scope, b"host")
        if host is None or not host_allowed(host, policy):
            msg = (
                f"This server only answers requests addressed to 127.0.0.1:{policy.port} or "
                f"localhost:{policy.port}."
            )
            return await send_error(send, ApiError(403, msg, code="host_not_allowed"))
        origin = _header(scope, b"origin")
        cors: dict[str, str] = {}
        if origin is not None:
            if origin not in policy.allowed_origins:
                msg = (
                    f"Requests from web pages ({origin}) are refused; allow this origin in "
                    "Smaller's settings to accept them."
                )
                return await send_error(send, ApiError(403, msg, code="origin_not_allowed"))
            cors = {"Access-Control-Allow-Origin": origin, "Vary": "Origin"}
            if scope["method"] == "OPTIONS":
                return await self._preflight(send, cors)
        if not self._authorized(_header(scope, b"authorization")):
            msg = (
                "A valid API key is required: send it as 'Authorization: Bearer <key>' "
                "(Smaller shows it in Settings, or `smaller serve` prints it)."
            )
            return await send_error(send, ApiError(401, msg, code="invalid_api_key"), cors)
        if not cors:
            return await self.app(scope, receive, send)

        async def send_with_cors(message: Message) -> None:
            if message["type"] == "http.response.start":
                extra = [(k.lower().encode(), v.encode()) for k, v in cors.items()]
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        return await self.app(scope, receive, send_with_cors)

    def _authorized(self, header: str | None) -> bool:
        if not header or not self.policy.api_key:
            return False
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer":
            return False
        return secrets.compare_digest(token.strip().encode(), self.policy.api_key.encode())

    async def _preflight(self, send: Send, cors: dict[str, str]) -> None:
        headers = {**cors, "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
                   "Access-Control-Allow-Headers": ", ".join(self.policy.cors_headers),
                   "Access-Control-Max-Age": "600", "Content-Length": "0"}  # fmt: skip
        raw = [(k.lower().encode(), v.encode()) for k, v in headers.items()]
        await send({"type": "http.response.start", "status": 204, "headers": raw})
        await send({"type": "http.response.body", "body": b""})
