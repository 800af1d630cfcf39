"""Where Smaller keeps things, in one place: bundled resources (source and frozen runs alike), the
user's app-data folder (chats, models, settings of models, documents index), the cache, and the
state folder (the log). Qt-free, so the command line finds the same folders as the window.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

DEFAULT_MODEL_FILE = "SmolLM2-135M-Instruct-Q4_1.gguf"
APP_NAME = "Smaller"


def resources_dir() -> Path:
    """The `resources/` folder: beside the executable's data when frozen, else the repo root."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def default_model_path() -> Path:
    """The embedded default model, written by `desktop.core.provision`."""
    return resource_path("models", DEFAULT_MODEL_FILE)


def _xdg(variable: str, fallback: Path) -> Path:
    value = os.environ.get(variable, "")
    return Path(value) if os.path.isabs(value) else fallback  # the spec ignores relative paths


def app_data_dir() -> Path:
    """What Qt's QStandardPaths.AppDataLocation gives for organisation and application "Smaller".

    Qt appends both names, so on Linux it is ~/.local/share/Smaller/Smaller (a test checks it
    against Qt). Chats, models and the documents index live here."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = _xdg("XDG_DATA_HOME", Path.home() / ".local" / "share")
    return base / APP_NAME / APP_NAME


def chats_db_path() -> Path:
    return app_data_dir() / "chats.sqlite3"


def cache_dir() -> Path:
    """Per-user cache folder (model metadata, checksums): safe to delete."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
        return base / APP_NAME / "cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / APP_NAME
    return _xdg("XDG_CACHE_HOME", Path.home() / ".cache") / "smaller"


def state_dir() -> Path:
    """Where the log goes: XDG's state folder on Linux, the platform's logs folder elsewhere."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
        return base / APP_NAME / "logs"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Logs" / APP_NAME
    return _xdg("XDG_STATE_HOME", Path.home() / ".local" / "state") / "smaller"
