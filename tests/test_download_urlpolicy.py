"""Where a model download may go (issue 10, item 6): https only, plain http only on this
computer, never down from https to http, never to a local-network address unless the user typed
it. Unit tests of desktop.core.models.urlpolicy with a fake resolver (no DNS), then the real
Download against real HTTP and HTTPS servers on 127.0.0.1 (a throwaway certificate made with the
openssl command).
"""

from __future__ import annotations

import shutil
import ssl
import subprocess
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from desktop.core.models.download import Download, DownloadError, partial_size
from desktop.core.models.urlpolicy import Resolver, check_redirect, check_target, precheck
from tests.gguf_factory import write_gguf
from tests.models_server import ModelServer, entry_for


def resolver(*addresses: str) -> tuple[list[tuple[str, int]], Resolver]:
    asked: list[tuple[str, int]] = []

    def resolve(host: str, port: int) -> Sequence[str]:
        asked.append((host, port))
        return list(addresses)

    return asked, resolve


def refusal(url: str, *addresses: str, typed: str | None = None) -> DownloadError:
    _, resolve = resolver(*addresses)
    with pytest.raises(DownloadError) as info:
        check_target(url, user_typed_host=typed, resolve=resolve)
    return info.value


# -- the policy ---------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["http://example.com/m.gguf", "http://10.0.0.5/m.gguf"])
def test_plain_http_to_another_computer_is_refused_without_the_network(url: str) -> None:
    with pytest.raises(DownloadError) as info:
        precheck(url)
    assert info.value.kind == "refused"
    assert "only over a secure connection (https)" in str(info.value) and url in str(info.value)


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:8080/m.gguf", "http://127.9.9.9/m.gguf", "http://[::1]:9/m.gguf",
     "http://localhost:8080/m.gguf", "http://LOCALHOST./m.gguf"],
)  # fmt: skip
def test_plain_http_on_this_computer_is_allowed(url: str) -> None:
    asked, resolve = resolver("127.0.0.1", "::1")
    target = check_target(url, user_typed_host=None, resolve=resolve)
    assert not target.https and target.addresses
    assert len(asked) == (0 if "localhost" not in url.lower() else 1)  # an IP needs no DNS


def test_localhost_that_resolves_elsewhere_is_not_this_computer() -> None:
    exc = refusal("http://localhost/m.gguf", "93.184.216.34")
    assert exc.kind == "refused" and "https" in str(exc)


@pytest.mark.parametrize(
    "address",
    ["10.1.2.3", "172.16.0.9", "192.168.1.20", "169.254.169.254", "100.64.0.1", "0.0.0.0",
     "fe80::1", "fd12:3456::1", "::ffff:192.168.1.20", "224.0.0.251"],
)  # fmt: skip
def test_local_network_addresses_are_refused_unless_typed(address: str) -> None:
    exc = refusal("https://models.example/m.gguf", "93.184.216.34", address)
    assert exc.kind == "refused"
    assert str(exc).startswith("“models.example” is on a local network (")
    assert "only when you type it yourself" in str(exc)
    _, resolve = resolver(address)
    target = check_target(
        "https://models.example/m.gguf",
        user_typed_host="models.example",
        resolve=resolve,
    )
    assert target.addresses == (address,)


def test_a_typed_local_address_in_the_url_itself() -> None:
    assert refusal("https://192.168.1.20:8443/m.gguf").kind == "refused"
    target = check_target(
        "https://192.168.1.20:8443/m.gguf", user_typed_host="192.168.1.20",
        resolve=lambda h, p: [],
    )  # fmt: skip
    assert (target.host, target.port, target.addresses) == ("192.168.1.20", 8443, ("192.168.1.20",))


def test_public_addresses_and_this_computer_are_allowed_over_https() -> None:
    _, resolve = resolver("93.184.216.34", "2606:2800:220:1::1")
    target = check_target("https://huggingface.co/a b?x=é", user_typed_host=None, resolve=resolve)
    assert target.https and target.port == 443 and target.path == "/a%20b?x=%C3%A9"
    assert check_target("https://127.0.0.1/m", user_typed_host=None, resolve=resolve).https


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.com/m.gguf", "https://",
                                 "https://host:notaport/m", "m.gguf"])  # fmt: skip
def test_what_is_not_a_web_address(url: str) -> None:
    with pytest.raises(DownloadError) as info:
        precheck(url)
    assert info.value.kind == "bad_url" and "is not a web address" in str(info.value)


def test_redirects_never_go_from_https_down_to_http() -> None:
    with pytest.raises(DownloadError) as info:
        check_redirect("https://example.com/a", "http://example.com/a")
    assert info.value.kind == "refused" and "insecure address (http)" in str(info.value)
    check_redirect("http://127.0.0.1/a", "https://example.com/a")
    check_redirect("https://example.com/a", "https://cdn.example.com/a")


# -- the real download against servers on 127.0.0.1 ----------------------------------------------


@pytest.fixture(scope="module")
def model_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return write_gguf(tmp_path_factory.mktemp("gguf") / "tiny.gguf").read_bytes()


@pytest.fixture
def server() -> Iterator[ModelServer]:
    with ModelServer() as srv:
        yield srv


def test_a_redirect_to_a_local_network_address_is_refused_before_connecting(
    server: ModelServer, model_bytes: bytes, tmp_path: Path
) -> None:
    url = server.redirect("/tiny.gguf", "https://10.255.255.1/tiny.gguf")
    for typed in (False, True):  # typing 127.0.0.1 does not vouch for where it redirects
        download = Download.for_entry(entry_for(model_bytes), tmp_path, url=url, user_typed=typed)
        with pytest.raises(DownloadError) as info:
            download.run()
        assert info.value.kind == "refused" and "“10.255.255.1” is on a local network" in str(
            info.value
        )
    assert partial_size(tmp_path / "tiny.gguf") == 0


def test_redirects_on_this_computer_are_followed(
    server: ModelServer, model_bytes: bytes, tmp_path: Path
) -> None:
    server.serve("/files/tiny.gguf", model_bytes)
    url = server.redirect("/tiny.gguf", "/files/tiny.gguf")
    path = Download.for_entry(entry_for(model_bytes), tmp_path, url=url).run()
    assert path.read_bytes() == model_bytes
    assert [r.path for r in server.requests] == ["/tiny.gguf", "/files/tiny.gguf"]


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    if shutil.which("openssl") is None:
        pytest.skip("the openssl command is needed to make a test certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    return cert, key


@pytest.fixture
def https_server(certificate: tuple[Path, Path]) -> Iterator[ModelServer]:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*certificate)
    with ModelServer(tls=context) as srv:
        yield srv


def trusting(certificate: tuple[Path, Path]) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(certificate[0]))


def test_https_download_from_a_local_server(
    https_server: ModelServer, certificate: tuple[Path, Path], model_bytes: bytes, tmp_path: Path
) -> None:
    url = https_server.serve("/tiny.gguf", model_bytes)
    assert url.startswith("https://127.0.0.1:")
    download = Download.for_entry(
        entry_for(model_bytes), tmp_path, url=url, ssl_context=trusting(certificate)
    )
    assert download.run().read_bytes() == model_bytes


def test_https_redirect_down_to_http_is_refused(
    https_server: ModelServer, server: ModelServer, certificate: tuple[Path, Path],
    model_bytes: bytes, tmp_path: Path,
) -> None:  # fmt: skip
    plain = server.serve("/tiny.gguf", model_bytes)
    url = https_server.redirect("/tiny.gguf", plain)
    download = Download.for_entry(
        entry_for(model_bytes), tmp_path, url=url, ssl_context=trusting(certificate)
    )
    with pytest.raises(DownloadError) as info:
        download.run()
    assert info.value.kind == "refused" and "insecure address (http)" in str(info.value)
    assert server.requests == []  # the http server was never contacted


def test_an_untrusted_certificate_is_refused_with_a_plain_message(
    https_server: ModelServer, model_bytes: bytes, tmp_path: Path
) -> None:
    url = https_server.serve("/tiny.gguf", model_bytes)
    with pytest.raises(DownloadError) as info:
        Download.for_entry(entry_for(model_bytes), tmp_path, url=url).run()
    assert info.value.kind == "refused" and "certificate could not be verified" in str(info.value)
    assert https_server.requests == []


def test_the_connection_goes_to_the_checked_addresses_in_turn(
    server: ModelServer, model_bytes: bytes, tmp_path: Path
) -> None:
    """The resolver's answer is what gets checked and what is connected to (no second lookup that
    could answer differently); an address that refuses is skipped for the next one."""
    port = server.base.rsplit(":", 1)[1]
    url = f"http://localhost:{port}/tiny.gguf"
    server.serve("/tiny.gguf", model_bytes)
    asked, resolve = resolver("127.0.0.2", "127.0.0.1")  # nothing listens on 127.0.0.2
    download = Download.for_entry(entry_for(model_bytes), tmp_path, url=url, resolver=resolve)
    assert download.run().read_bytes() == model_bytes
    assert asked == [("localhost", int(port))] and len(server.requests) == 1
