"""Where a model download may go: the checks made before every connection.

- https only; plain http only to this computer (127.0.0.0/8, ::1, localhost), for local servers.
- never from https down to http on a redirect.
- never to a local-network address (private, link-local, carrier-grade NAT, multicast, reserved)
  unless the user typed that host themselves: a catalog entry or a redirect must not make the app
  reach a router, a printer or a cloud metadata service (169.254.169.254).
The host is resolved here and every address is checked; the connection is then made to one of
these checked addresses (patient_http.py), so a second DNS answer cannot slip past the check.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import urllib.parse
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from desktop.core.i18n import translate
from desktop.core.models.download_errors import DownloadError, unreachable_error

Resolver = Callable[[str, int], Sequence[str]]  # host, port -> IP addresses as text
LOOPBACK_NAMES = ("localhost",)  # and any name under .localhost (RFC 6761)


@dataclass(frozen=True)
class Target:
    """A checked address: connect to one of `addresses`, say `host` (Host header, TLS name)."""

    url: str
    https: bool
    host: str
    port: int
    path: str  # path and query, as sent in the request line
    addresses: tuple[str, ...]


def system_resolver(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _ip(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    ip = ipaddress.ip_address(text.split("%", 1)[0])  # drop an IPv6 zone ("fe80::1%eth0")
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped  # ::ffff:10.0.0.1 is 10.0.0.1
    return ip


def is_loopback(address: str) -> bool:
    return _ip(address).is_loopback


def is_local_network(address: str) -> bool:
    """Anything but loopback that is not on the public internet."""
    ip = _ip(address)
    return not ip.is_loopback and (not ip.is_global or ip.is_multicast)


def _is_loopback_name(host: str) -> bool:
    host = host.lower().rstrip(".")
    if host in LOOPBACK_NAMES or host.endswith(".localhost"):
        return True
    try:
        return is_loopback(host)
    except ValueError:
        return False  # a name, not an address


def split(url: str) -> urllib.parse.SplitResult:
    """The URL's parts, or "not a web address" (a scheme other than http(s), or no host)."""
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
        msg = translate("Download", "“{url}” is not a web address.").format(url=url)
        raise DownloadError("bad_url", msg, url)
    return parts


def precheck(url: str) -> None:
    """What can be refused without the network: not a web address, or http to another computer."""
    parts = split(url)
    if parts.scheme == "http" and not _is_loopback_name(parts.hostname or ""):
        raise _http_refused(url)


def _http_refused(url: str) -> DownloadError:
    msg = translate(
        "Download",
        "Models are downloaded only over a secure connection (https), so “{url}” was not "
        "opened. Plain http is allowed only for a server on this computer.",
    ).format(url=url)
    return DownloadError("refused", msg, url)


def check_redirect(previous: str, url: str) -> None:
    if split(previous).scheme == "https" and split(url).scheme == "http":
        msg = translate(
            "Download",
            "The server tried to move the download to an insecure address (http), so it was "
            "stopped.",
        )
        raise DownloadError("refused", msg, f"{previous} -> {url}")


def check_addresses(url: str, host: str, addresses: Sequence[str], *, user_typed: bool) -> None:
    """Every address `host` resolved to is allowed for `url`, or a plain refusal."""
    if not addresses:
        raise unreachable_error(url, "no address")
    if split(url).scheme == "http" and not all(is_loopback(a) for a in addresses):
        raise _http_refused(url)
    local = [a for a in addresses if is_local_network(a)]
    if local and not user_typed:
        msg = translate(
            "Download",
            "“{host}” is on a local network ({address}). Models are downloaded from such an "
            "address only when you type it yourself, so the download was not started.",
        ).format(host=host, address=local[0])
        raise DownloadError("refused", msg, f"{url}: {', '.join(addresses)}")


def resolve_while(resolver: Resolver, host: str, port: int, tick: Callable[[], None]) -> list[str]:
    """`resolver(host, port)` on a helper thread, calling `tick()` (which raises to stop, on
    pause, cancel or stall) every 0.1 s while it runs: a slow DNS server cannot block us."""
    result: list[str] = []
    error: list[BaseException] = []
    finished = threading.Event()

    def work() -> None:
        try:
            result.extend(resolver(host, port))
        except BaseException as exc:  # handed to the waiting thread
            error.append(exc)
        finally:
            finished.set()

    threading.Thread(target=work, name="smaller-resolve", daemon=True).start()
    while not finished.wait(0.1):
        tick()  # a stuck resolver thread is left behind: it is a daemon and ends with its query
    if error:
        raise error[0]
    return result


def check_target(
    url: str, *, user_typed_host: str | None, resolve: Callable[[str, int], Sequence[str]],
) -> Target:  # fmt: skip
    """Parse, resolve and check `url`. `user_typed_host`: the host the user typed (its local
    addresses are then allowed), or None when the URL came from the catalog or a redirect."""
    precheck(url)
    parts = split(url)
    https = parts.scheme == "https"
    host = parts.hostname or ""
    port = parts.port or (443 if https else 80)
    try:
        addresses = [str(_ip(host))] if _is_ip(host) else list(resolve(host, port))
    except OSError as exc:
        raise unreachable_error(url, exc) from None
    typed = user_typed_host is not None and user_typed_host.lower() == host.lower()
    check_addresses(url, host, addresses, user_typed=typed)
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    # Only printable ASCII goes on the request line; "%" is kept so existing escapes survive.
    path = urllib.parse.quote(path, safe="".join(map(chr, range(0x21, 0x7F))))
    return Target(url, https, host, port, path, tuple(addresses))


def _is_ip(host: str) -> bool:
    try:
        _ip(host)
    except ValueError:
        return False
    return True
