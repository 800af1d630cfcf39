"""`smaller models ...`: the Models page on the command line.

    smaller models                       the catalog with a fit badge, installed first, active *
    smaller models download NAME [--url URL]   download with a progress bar on stderr
    smaller models import FILE [--link]  check a .gguf and copy it in (or only record its place)
    smaller models use NAME | remove NAME [--yes] | restore-default | refresh [--url URL]

desktop/cli.py calls `add_models_parser(sub)` and, for `args.command == "models"`, `run_models`.
"""

from __future__ import annotations

import argparse
import sys
import urllib.parse
from pathlib import Path

from desktop.core.modelfile import ModelFileError, human_size, read_model_info
from desktop.core.models.catalog import (
    DEFAULT_CATALOG_URL,
    SAFE_FILENAME,
    CatalogError,
    load_catalog,
)
from desktop.core.models.catalog_refresh import refresh_catalog
from desktop.core.models.download import (
    STALL_LIMIT_S,
    WAITING_SHOWN_S,
    Download,
    DownloadError,
    Progress,
)
from desktop.core.models.fit import Fit, current_memory, fit_for_entry, fit_for_info
from desktop.core.models.importer import ModelImportError, import_model
from desktop.core.models.installed import (
    ModelNotFound,
    active_model,
    find_installed,
    list_installed,
    models_dir,
    remove_model,
    restore_default,
    set_active_model,
)
from desktop.core.models.settings import settings_for
from desktop.core.paths import cache_dir


def add_models_parser(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    models = subparsers.add_parser("models", help="list, download, import or remove models")
    sub = models.add_subparsers(dest="models_command")
    sub.add_parser("list", help="the catalog with a memory-fit badge (the default)")
    download = sub.add_parser("download", help="download a model from the catalog")
    download.add_argument("name", help="catalog name or file name (see `smaller models`)")
    download.add_argument(
        "--url", help="download from this address instead (a mirror; https, or http on this "
        "computer; an address on your local network is allowed because you typed it)",
    )  # fmt: skip
    download.add_argument(
        "--timeout", type=float, default=STALL_LIMIT_S,
        help="give up after this many seconds without progress (default %(default)g)",
    )  # fmt: skip
    imp = sub.add_parser("import", help="add a .gguf file you already have")
    imp.add_argument("file", type=Path)
    imp.add_argument("--link", action="store_true", help="leave the file where it is")
    use = sub.add_parser("use", help="make a model the one the chat window loads")
    use.add_argument("name")
    remove = sub.add_parser("remove", help="remove a model (the built-in one is only hidden)")
    remove.add_argument("name")
    remove.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    sub.add_parser("restore-default", help="show the built-in model again")
    refresh = sub.add_parser("refresh", help="fetch the current catalog (uses the network)")
    refresh.add_argument("--url", default=DEFAULT_CATALOG_URL)
    return models


def _fail(message: str) -> int:
    print(f"smaller: {message}", file=sys.stderr)
    return 1


def _fit_cell(fit: Fit | None) -> str:
    return (
        f"needs {human_size(fit.need_bytes):>7}  {fit.badge:<9}" if fit else f"{'':<15}  unusable "
    )


def _list() -> int:
    catalog = load_catalog()
    memory = current_memory()
    installed = list_installed(catalog=catalog)
    active = active_model()
    origin = "shipped with the app" if catalog.origin == "bundled" else "refreshed"
    print(f"Catalog: GPT4All's model list of {catalog.date} ({origin})")
    print(f"Memory: {human_size(memory.total)} in all, {human_size(memory.available)} free now\n")
    print("Installed (* = used by the chat window):")
    for model in installed:
        fit: Fit | None
        try:
            ctx = settings_for(model).context_length
            fit = fit_for_info(read_model_info(model.path, cache_dir()), ctx, memory)
        except ModelFileError:
            fit = None
        mark = "*" if active is not None and model.key == active.key else " "
        print(f"{mark} {model.name:<36} {human_size(model.size_bytes):>8}  {_fit_cell(fit)}"
              f"  {model.source}")  # fmt: skip
    print("\nAvailable to download:")
    have = {m.path.name for m in installed}
    for entry in sorted(catalog.entries, key=lambda e: e.file_size):
        if entry.filename in have:
            continue
        fit = fit_for_entry(entry, memory=memory)
        print(f"  {entry.name:<36} {human_size(entry.file_size):>8}  {_fit_cell(fit)}"
              f"  {entry.parameters}, {entry.licence}")  # fmt: skip
        print(f"      {entry.description}")
    return 0


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return ""
    seconds = int(seconds)
    return (
        f"{seconds // 60} min {seconds % 60:02d} s left" if seconds >= 60 else f"{seconds} s left"
    )


def progress_line(p: Progress, width: int = 28) -> str:
    """`[#######-----]  25%  1 GB of 4 GB  5 MB/s  9 min 58 s left`"""
    if p.total:
        filled = min(width, int(width * p.done / p.total))
        head = f"[{'#' * filled}{'-' * (width - filled)}] {100 * p.done / p.total:3.0f}%"
        amount = f"{human_size(p.done)} of {human_size(p.total)}"
    else:
        head, amount = f"[{'?' * width}]", human_size(p.done)
    waiting = f"  (nothing received for {int(p.waiting)} s)" if p.waiting >= WAITING_SHOWN_S else ""
    line = f"{head}  {amount}  {human_size(int(p.speed))}/s  {_duration(p.seconds_left)}"
    return line.rstrip() + waiting


def _download(name: str, url: str | None, timeout: float) -> int:
    entry = load_catalog().find(name)
    if entry is not None:
        # A --url is the user's own input: a host on their own network is then allowed.
        download = Download.for_entry(entry, url=url, timeout=timeout, user_typed=True)
    elif url is not None:
        filename = name if SAFE_FILENAME.fullmatch(name) else Path(
            urllib.parse.urlsplit(url).path).name  # fmt: skip
        if not SAFE_FILENAME.fullmatch(filename):
            return _fail(f"Give the file a plain name ending in .gguf, not “{filename}”.")
        print("No checksum is known for this file: only its format will be checked.",
              file=sys.stderr)  # fmt: skip
        download = Download(url, models_dir() / filename, timeout=timeout, user_typed=True)
    else:
        return _fail(f"No model called “{name}” in the catalog. Run `smaller models` to list them.")

    def show(p: Progress) -> None:
        print(f"\r{progress_line(p):<90}", end="", file=sys.stderr, flush=True)

    try:
        path = download.run(show)
    except DownloadError as exc:
        print(file=sys.stderr)
        return _fail(str(exc))
    except KeyboardInterrupt:  # the .part file stays: the same command resumes
        print("\nPaused. Run the same command again to continue.", file=sys.stderr)
        return 130
    print(file=sys.stderr)
    print(f"Installed “{entry.name if entry else path.name}” ({human_size(path.stat().st_size)}).")
    return 0


def _import(file: Path, link: bool) -> int:
    try:
        result = import_model(file, copy=not link, cache_dir=cache_dir())
    except ModelImportError as exc:
        return _fail(str(exc))
    info, fmt = result.info, result.settings.chat_format()
    ctx = f"{info.context_length:,} tokens" if info.context_length else "unknown"
    print(f"Imported “{result.model.name}” ({human_size(info.size_bytes)}, {info.architecture}, "
          f"context {ctx}, prompt format {fmt.label}).")  # fmt: skip
    if not result.format_recognised:
        print("Its chat template was not recognised, so ChatML was assumed: change the prompt "
              "format in the model's settings if its answers look wrong.")  # fmt: skip
    return 0


def _remove(name: str, yes: bool) -> int:
    try:
        model = find_installed(name)
    except ModelNotFound as exc:
        return _fail(str(exc))
    if not yes:
        if not sys.stdin.isatty():
            return _fail("Add --yes to remove a model without being asked.")
        answer = input(f"Remove “{model.name}”? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            return 1
    remove_model(model.key)
    if model.source == "bundled":
        print(f"Hid “{model.name}”. `smaller models restore-default` shows it again.")
    else:
        print(f"Removed “{model.name}”.")
    return 0


def run_models(args: argparse.Namespace) -> int:
    command = getattr(args, "models_command", None) or "list"
    try:
        if command == "list":
            return _list()
        if command == "download":
            return _download(args.name, args.url, args.timeout)
        if command == "import":
            return _import(args.file, args.link)
        if command == "remove":
            return _remove(args.name, args.yes)
        if command == "use":
            set_active_model(find_installed(args.name).key)
            return 0
        if command == "restore-default":
            restore_default()
            return 0
        if command == "refresh":
            catalog = refresh_catalog(args.url, user_typed=args.url != DEFAULT_CATALOG_URL)
            print(f"The catalog now lists {len(catalog.entries)} models this app can run.")
            return 0
    except (ModelNotFound, CatalogError) as exc:
        return _fail(str(exc))
    return _fail(f"unknown models command {command!r}")
