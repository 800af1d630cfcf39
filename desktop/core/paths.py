"""One resolver for bundled files, for source runs and frozen (PyInstaller) runs alike."""

from __future__ import annotations

import sys
from pathlib import Path

DEFAULT_MODEL_FILE = "SmolLM2-135M-Instruct-Q4_1.gguf"


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


def cache_dir() -> Path:
    """Per-user cache folder (model metadata). Qt-free so the command line can use it too."""
    import os

    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
        return base / "Smaller" / "cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "Smaller"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "smaller"
