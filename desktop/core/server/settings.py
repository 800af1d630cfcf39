"""The server's settings: off by default, port 4891, loopback only, and an API key made on first
use. Kept in `server.json` in the app-data folder (readable by the user only), shared by the window
and `smaller serve`, so a program set up once keeps working whichever way the server runs."""

from __future__ import annotations

import contextlib
import json
import os
import secrets
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from desktop.core.jsonfile import write_json_atomically
from desktop.core.paths import app_data_dir

DEFAULT_PORT = 4891  # GPT4All's own API server port: programs written for it find us
DEFAULT_HOST = "127.0.0.1"
KEY_PREFIX = "sk-smaller-"


def settings_path() -> Path:
    return app_data_dir() / "server.json"


def new_key() -> str:
    # 32 random bytes: as strong as any API key; the prefix tells the user where it comes from.
    return KEY_PREFIX + secrets.token_urlsafe(32)


@dataclass(frozen=True)
class ServerSettings:
    enabled: bool = False  # the window's switch; `smaller serve` ignores it
    port: int = DEFAULT_PORT
    host: str = DEFAULT_HOST
    api_key: str = ""
    allowed_origins: tuple[str, ...] = field(default_factory=tuple)


def _valid_port(value: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 65535:
        return value
    return DEFAULT_PORT


def load_settings(path: Path | None = None, *, create_key: bool = True) -> ServerSettings:
    """The saved settings; a missing or damaged file gives the defaults. With `create_key`, a key
    is generated and saved the first time one is needed."""
    file = path or settings_path()
    data: dict[str, object] = {}
    with contextlib.suppress(OSError, ValueError):
        loaded = json.loads(file.read_text(encoding="utf-8"))
        if isinstance(loaded, dict):
            data = loaded
    origins = data.get("allowed_origins")
    key = data.get("api_key")
    settings = ServerSettings(
        enabled=data.get("enabled") is True,
        port=_valid_port(data.get("port")),
        host=str(data.get("host") or DEFAULT_HOST),
        api_key=key if isinstance(key, str) else "",
        allowed_origins=tuple(str(o) for o in origins) if isinstance(origins, list) else (),
    )  # fmt: skip
    if create_key and not settings.api_key:
        settings = replace(settings, api_key=new_key())
        save_settings(settings, file)
    return settings


def save_settings(settings: ServerSettings, path: Path | None = None) -> None:
    file = path or settings_path()
    data = asdict(settings)
    data["allowed_origins"] = list(settings.allowed_origins)
    write_json_atomically(file, data)
    with contextlib.suppress(OSError):
        os.chmod(file, 0o600)  # the key is a secret: readable by the user only


def renew_key(path: Path | None = None) -> ServerSettings:
    """A new key; programs holding the old one get 401 from now on."""
    settings = replace(load_settings(path, create_key=False), api_key=new_key())
    save_settings(settings, path)
    return settings
