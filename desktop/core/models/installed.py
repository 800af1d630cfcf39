"""The models on this computer: the bundled default, the user's models folder, imported files,
and shared models folders (`resources/models/` beside the app and `/usr/share/smaller/models`,
where a separate model package installs its file: Debian ships large data apart from programs).

The models folder holds finished `.gguf` files only (downloads are written to `NAME.gguf.part`
and renamed once verified), plus two small JSON files: `models.json` (imported files, the active
model, whether the bundled model is hidden) and `model-settings.json` (see settings.py).
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from desktop.core.i18n import translate
from desktop.core.jsonfile import write_json_atomically
from desktop.core.models.catalog import Catalog, CatalogEntry, load_catalog
from desktop.core.paths import app_data_dir, default_model_path, resource_path

log = logging.getLogger(__name__)

REGISTRY_FILE = "models.json"
_REGISTRY_SCHEMA = 1
BUNDLED_NAME = "SmolLM2 135M Instruct (built in)"

Source = Literal["bundled", "downloaded", "imported", "linked", "shared"]
SYSTEM_MODELS_DIR = Path("/usr/share/smaller/models")  # where a model .deb puts its file
# Folders searched besides the user's, separated by os.pathsep; set (even empty) it replaces the
# defaults (tests use it to see only the models they mean to).
SHARED_DIRS_VARIABLE = "SMALLER_SHARED_MODELS"
CARD_SUFFIX = ".card.json"


class ModelNotFound(LookupError):
    """No installed model has that name. `str()` is the message for the user."""


@dataclass(frozen=True)
class InstalledModel:
    key: str  # the file name: identifies the model in the registry and the settings
    name: str
    path: Path
    source: Source  # "linked": imported without copying, the file stays where the user keeps it
    size_bytes: int
    catalog: CatalogEntry | None = None
    context_length: int | None = None  # read at import; None when not known yet

    @property
    def deletable(self) -> bool:
        """Whether removing it deletes a file (never the bundled one or a linked one)."""
        return self.source in ("downloaded", "imported")


def models_dir() -> Path:
    return app_data_dir() / "models"


def shared_model_dirs() -> list[Path]:
    """Read-only folders of models installed for everyone (never written by the app)."""
    value = os.environ.get(SHARED_DIRS_VARIABLE)
    if value is not None:
        return [Path(p) for p in value.split(os.pathsep) if p]
    return [resource_path("models"), SYSTEM_MODELS_DIR]


def read_card(model: Path) -> CatalogEntry | None:
    """The card written beside a shared model (`<file>.card.json`), or None if absent or bad."""
    file = model.with_name(model.name + CARD_SUFFIX)
    try:
        return CatalogEntry.from_json(json.loads(file.read_text(encoding="utf-8")))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError) as exc:
        log.warning("ignoring damaged %s: %s", file, exc)
        return None


def read_registry(folder: Path) -> dict[str, Any]:
    """The registry, or an empty one if missing or damaged (a damaged one is logged, not fatal:
    the files in the folder are still listed, only imported-by-path models would be lost)."""
    empty: dict[str, Any] = {"schema": _REGISTRY_SCHEMA, "imported": {}, "active": None,
                             "hidden_default": False}  # fmt: skip
    file = folder / REGISTRY_FILE
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return empty
    except (OSError, ValueError) as exc:
        log.warning("ignoring damaged %s: %s", file, exc)
        return empty
    if not isinstance(data, dict) or not isinstance(data.get("imported"), dict):
        return empty
    return {**empty, **data}


def write_registry(folder: Path, registry: dict[str, Any]) -> None:
    write_json_atomically(folder / REGISTRY_FILE, registry)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def list_installed(
    folder: Path | None = None, catalog: Catalog | None = None, include_hidden: bool = False
) -> list[InstalledModel]:
    """Bundled model first, then the folder's .gguf files, linked files that still exist, and
    the shared folders' models (unless hidden by this user).
    Reads no model file (metadata reads take seconds): names come from the catalog or the import."""
    folder = folder or models_dir()
    catalog = catalog or load_catalog(folder)
    registry = read_registry(folder)
    imported: dict[str, dict[str, Any]] = registry["imported"]
    found: list[InstalledModel] = []
    bundled = default_model_path()
    if bundled.is_file() and (include_hidden or not registry.get("hidden_default")):
        # Named in the user's language; found by its English name too (find_installed).
        name = translate("Models", "SmolLM2 135M Instruct (built in)")
        found.append(InstalledModel(bundled.name, name, bundled, "bundled", _size(bundled)))
    seen = {m.key for m in found}
    files = sorted(folder.glob("*.gguf")) if folder.is_dir() else []
    for path in files:
        if path.name in seen or not path.is_file():
            continue
        record = imported.get(path.name, {})
        entry = catalog.by_filename(path.name)
        name = record.get("name") or (entry.name if entry else path.stem)
        source: Source = "imported" if record else "downloaded"
        ctx = record.get("context_length")
        found.append(InstalledModel(path.name, name, path, source, _size(path), entry, ctx))
        seen.add(path.name)
    for key, record in sorted(imported.items()):
        path = Path(record.get("path", ""))
        if key in seen or not record.get("linked") or not path.is_file():
            continue  # a linked file that was moved or deleted is simply not offered
        entry = catalog.by_filename(path.name)
        ctx = record.get("context_length")
        name = record.get("name") or path.stem
        found.append(InstalledModel(key, name, path, "linked", _size(path), entry, ctx))
        seen.add(key)
    hidden = set(registry.get("hidden_shared") or [])
    for shared in shared_model_dirs():
        for path in sorted(shared.glob("*.gguf")) if shared.is_dir() else []:
            if path.name in seen or path.name == bundled.name or not path.is_file():
                continue  # the bundled model is listed (or hidden) as such, never as shared
            if path.name in hidden and not include_hidden:
                continue
            entry = read_card(path) or catalog.by_filename(path.name)
            name = entry.name if entry else path.stem
            found.append(InstalledModel(path.name, name, path, "shared", _size(path), entry))
            seen.add(path.name)
    return found


def find_installed(name: str, folder: Path | None = None) -> InstalledModel:
    """By key (file name), display name or path, ignoring case; raises ModelNotFound."""
    wanted = name.casefold()
    for model in list_installed(folder, include_hidden=True):
        names: tuple[str, ...] = (model.key, model.name, str(model.path))
        if model.source == "bundled":
            names += (BUNDLED_NAME,)
        if wanted in (n.casefold() for n in names):
            return model
    raise ModelNotFound(f"No installed model is called “{name}”.")


def register_import(folder: Path, key: str, record: dict[str, Any]) -> None:
    registry = read_registry(folder)
    registry["imported"][key] = record
    write_registry(folder, registry)


def set_active_model(key: str | None, folder: Path | None = None) -> None:
    """The model the chat window loads; None means the bundled default."""
    folder = folder or models_dir()
    registry = read_registry(folder)
    registry["active"] = key
    write_registry(folder, registry)


def active_model(folder: Path | None = None) -> InstalledModel | None:
    """The chosen model if still installed, else the bundled one, else the first one listed."""
    folder = folder or models_dir()
    installed = list_installed(folder)
    key = read_registry(folder).get("active")
    for model in installed:
        if model.key == key:
            return model
    bundled = [m for m in installed if m.source == "bundled"]
    return (bundled or installed)[0] if installed else None


def active_model_path(folder: Path | None = None) -> Path:
    model = active_model(folder)
    return model.path if model else default_model_path()


def remove_model(name: str, folder: Path | None = None) -> InstalledModel:
    """Remove an installed model (the UI asks for confirmation first). The bundled model is only
    hidden (`restore_default` brings it back); a linked file is forgotten, never deleted."""
    from desktop.core.models.settings import forget_settings

    folder = folder or models_dir()
    model = find_installed(name, folder)
    registry = read_registry(folder)
    if model.source == "bundled":
        registry["hidden_default"] = True
    elif model.source == "shared":  # installed for everyone: hidden for this user, never deleted
        registry["hidden_shared"] = sorted({*(registry.get("hidden_shared") or []), model.key})
    else:
        if model.deletable:
            model.path.unlink(missing_ok=True)
        registry["imported"].pop(model.key, None)
        forget_settings(model.key, folder)
    if registry.get("active") == model.key:
        registry["active"] = None
    write_registry(folder, registry)
    return model


def restore_default(folder: Path | None = None) -> None:
    folder = folder or models_dir()
    registry = read_registry(folder)
    registry["hidden_default"] = False
    registry["hidden_shared"] = []
    write_registry(folder, registry)
