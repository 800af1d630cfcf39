"""Import a `.gguf` the user already has: check it first, then copy it in (or just remember it).

The check is the loader's own preflight (format, complete file, architecture, pre-tokenizer), so
a file that could not load is refused before a single byte is copied. Its name, context length
and chat template come from its metadata; the template picks the prompt format, which the user
can change afterwards in the model's settings.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop.core.errors import PlainError
from desktop.core.i18n import translate
from desktop.core.modelfile import ModelFileError, ModelInfo, human_size, preflight
from desktop.core.models.catalog import format_of_template
from desktop.core.models.installed import (
    InstalledModel,
    list_installed,
    models_dir,
    read_registry,
    register_import,
)
from desktop.core.models.settings import ModelSettings, save_settings, settings_from_info

_ANY_RAM = 1 << 62  # the format is checked here; memory is the fit badge's business
_COPY_CHUNK = 1 << 20


class ModelImportError(PlainError):
    """An import that was refused or failed."""


@dataclass(frozen=True)
class ImportResult:
    model: InstalledModel
    info: ModelInfo
    settings: ModelSettings
    format_recognised: bool  # False: the template was unknown and ChatML was assumed


def check_importable(source: Path, cache_dir: Path | None = None) -> ModelInfo:
    """Preflight `source`; raises ModelImportError with the preflight's plain message."""
    try:
        return preflight(Path(source), available_ram=_ANY_RAM, cache_dir=cache_dir)
    except ModelFileError as exc:
        raise ModelImportError(exc.kind, str(exc), exc.detail) from None


def _free_key(folder: Path, wanted: str, taken: set[str]) -> str:
    """`wanted`, or `stem-2.gguf`, `stem-3.gguf`... so an import never overwrites a model."""
    stem, n, key = Path(wanted).stem, 2, wanted
    while key in taken or (folder / key).exists():
        key, n = f"{stem}-{n}.gguf", n + 1
    return key


def _copy(source: Path, dest: Path, on_progress: Callable[[int, int], None] | None) -> None:
    """Copy through `dest.part` and rename, so an interrupted copy never looks like a model."""
    total = source.stat().st_size
    free = shutil.disk_usage(dest.parent).free
    if total > free:
        msg = translate(
            "Import",
            "There is not enough free disk space to copy this model ({needed} needed, {free} "
            "free). Free up some space, or import it without copying.",
        ).format(needed=human_size(total), free=human_size(free))
        raise ModelImportError("disk_full", msg, f"{dest.parent}: free {free} B")
    part = dest.with_name(dest.name + ".part")
    done = 0
    try:
        with source.open("rb") as fin, part.open("wb") as fout:
            while block := fin.read(_COPY_CHUNK):
                fout.write(block)
                done += len(block)
                if on_progress is not None:
                    on_progress(done, total)
        if part.stat().st_size != total:
            raise OSError(f"copied {part.stat().st_size} of {total} bytes")
        os.replace(part, dest)
    except OSError as exc:
        part.unlink(missing_ok=True)
        msg = translate("Import", "The model could not be copied into {folder}.").format(
            folder=dest.parent
        )
        raise ModelImportError("copy_failed", msg, str(exc)) from None


def import_model(
    source: Path,
    *,
    copy: bool = True,
    folder: Path | None = None,
    cache_dir: Path | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Check `source`, then copy it into the models folder (or, with copy=False, record where it
    is), and save settings guessed from its metadata. Nothing is copied or recorded on failure."""
    source = Path(source).expanduser().absolute()
    info = check_importable(source, cache_dir)
    folder = folder or models_dir()
    folder.mkdir(parents=True, exist_ok=True)
    installed = list_installed(folder, include_hidden=True)
    originals = {k: r.get("original") for k, r in read_registry(folder)["imported"].items()}
    for model in installed:
        # The same file, or one we copied from it (a second import would only duplicate it).
        if os.path.samefile(model.path, source) or originals.get(model.key) == str(source):
            msg = translate("Import", "This model is already installed as “{name}”.").format(
                name=model.name
            )
            raise ModelImportError("exists", msg, str(source))
    wanted = source.name if source.suffix == ".gguf" else source.name + ".gguf"
    key = _free_key(folder, wanted, {m.key for m in installed})
    if copy:
        _copy(source, folder / key, on_progress)
    settings = settings_from_info(info)
    record = {
        "name": info.name,
        "linked": not copy,
        "path": str(source if not copy else folder / key),
        "original": str(source),
        "context_length": info.context_length,
        "architecture": info.architecture,
    }
    register_import(folder, key, record)
    save_settings(key, settings, folder)
    path = folder / key if copy else source
    model = InstalledModel(key, info.name, path, "imported" if copy else "linked",
                           path.stat().st_size, None, info.context_length)  # fmt: skip
    recognised = format_of_template(info.chat_template) is not None
    return ImportResult(model, info, settings, recognised)
