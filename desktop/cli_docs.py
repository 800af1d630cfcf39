"""`smaller docs ...` and `smaller ask --docs`: the Documents page on the command line.

    smaller docs add PATH... [--name NAME]   add files or folders to a collection and index them
    smaller docs update [NAME...]            read new and changed files, forget deleted ones
    smaller docs list                        collections, their files, what was skipped and why
    smaller docs remove NAME                 forget a collection (the files stay where they are)

Failures leave through `Output.fail` like every other command. Indexing reports its progress on
stderr, and what it cost (time, energy) is written to the ledger of the chats file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop.cli_output import EXIT_USAGE, Output
from desktop.core.store.sqlite import StoreError


def add_docs_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    docs = sub.add_parser("docs", help="index your own documents to ask questions about them")
    commands = docs.add_subparsers(dest="docs_command")
    add = commands.add_parser("add", help="add files or folders to a collection and index them")
    add.add_argument("paths", nargs="+", type=Path, help="files or folders")
    add.add_argument("--name", help="the collection's name (default: the first folder's name)")
    add.add_argument("--json", action="store_true", help="print one JSON object")
    update = commands.add_parser("update", help="read new and changed files again, forget "
                                 "deleted ones (all collections, or the ones named)")  # fmt: skip
    update.add_argument("names", nargs="*", help="collection names (default: all)")
    update.add_argument("--json", action="store_true", help="print one JSON object")
    listing = commands.add_parser("list", help="collections, their files and skipped files")
    listing.add_argument("--json", action="store_true", help="print one JSON object")
    remove = commands.add_parser("remove", help="forget a collection (your files stay)")
    remove.add_argument("name", help="the collection's name")
    remove.add_argument("--json", action="store_true", help="print one JSON object")


def _megabytes(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


def _add(args: argparse.Namespace, out: Output) -> int:
    from desktop.core.docs.index import DocIndex

    paths = [p.expanduser().resolve() for p in args.paths]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        return out.fail(f"not found: {', '.join(missing)}", "not_found", EXIT_USAGE)
    name = (args.name or paths[0].name or str(paths[0])).strip()
    if not name:
        return out.fail("the collection needs a name (--name)", "bad_argument", EXIT_USAGE)
    index = DocIndex()
    try:
        index.add_collection(name, paths)
    finally:
        index.close()
    return _index([name], args.json, out)


def _update(args: argparse.Namespace, out: Output) -> int:
    from desktop.core.docs.index import DocIndex

    index = DocIndex()
    try:
        known = [c.name for c in index.collections()]
    finally:
        index.close()
    unknown = [n for n in args.names if n not in known]
    if unknown:
        return out.fail(f"no collection is called “{unknown[0]}” (see `smaller docs list`)",
                        "unknown_collection")  # fmt: skip
    return _index(args.names or known, args.json, out)


def _index(names: list[str], as_json: bool, out: Output) -> int:
    """Index the collections, with progress on stderr; one summary line (or object) each."""
    from desktop.core.docs.index import DocIndex
    from desktop.core.docs.indexer import Indexer, Progress
    from desktop.core.footprint import FootprintMeter

    show = sys.stderr.isatty() and not as_json

    def progress(p: Progress) -> None:
        if show:
            print(f"\r{p.done}/{p.total} files", end="", file=sys.stderr, flush=True)

    runs = []
    index = DocIndex()
    try:
        for name in names:
            run = Indexer(index).run(name, progress=progress, meter=FootprintMeter())
            if show:
                print(file=sys.stderr)
            _record(run)
            runs.append(run)
    finally:
        index.close()
    if as_json:
        out.write_json(
            runs[0].to_json() if len(runs) == 1 else {"runs": [r.to_json() for r in runs]}
        )
        return 0
    for run in runs:
        _summary(run, out)
    return 0


def _summary(run: Any, out: Output) -> None:
    name = run.collection
    fp = run.footprint
    energy = f", {fp.energy_wh:.3g} Wh ({fp.method})" if fp else ""
    out.stream.write(
        f"{name}: {run.files_read} files read ({run.chunks} passages), {run.files_skipped} "
        f"skipped, {run.files_removed} removed, {run.files_unchanged} unchanged; "
        f"{run.wall_s:.1f} s{energy}; index {_megabytes(run.index_bytes)} on disk\n"
    )
    for root in run.missing_roots:
        out.stream.write(f"  not found: {root}\n")
    if run.error:
        out.stream.write(f"  {run.error}\n")


def _record(run: object) -> None:
    """The run's energy in the chats file's ledger, where every other cost is counted."""
    from desktop.core.docs.indexer import IndexRun, ledger_entry
    from desktop.core.paths import chats_db_path
    from desktop.core.store import open_store

    assert isinstance(run, IndexRun)
    entry = ledger_entry(run)
    if entry is None:
        return
    store, _warning = open_store(chats_db_path())
    try:
        store.record(entry)
    finally:
        store.close()


def _list(args: argparse.Namespace, out: Output) -> int:
    from desktop.core.docs.index import DocIndex
    from desktop.core.docs.readers import skip_message

    index = DocIndex()
    try:
        collections = index.collections()
        files = {c.id: index.files(c.id) for c in collections}
        size = index.size_on_disk()
    finally:
        index.close()
    if args.json:
        out.write_json({
            "index_bytes": size,
            "collections": [{
                "name": c.name, "roots": list(c.roots), "files": c.files, "indexed": c.indexed,
                "skipped": c.skipped, "passages": c.chunks, "size_bytes": c.size_bytes,
                "skipped_files": [{"path": f.path, "reason": f.reason,
                                   "message": skip_message(f.reason)}
                                  for f in files[c.id] if f.state != "indexed"],
            } for c in collections],
        })  # fmt: skip
        return 0
    if not collections:
        out.stream.write("No collections yet. Add one with `smaller docs add FOLDER`.\n")
        return 0
    for c in collections:
        out.stream.write(
            f"{c.name}: {c.indexed} of {c.files} files indexed, {c.chunks} passages, "
            f"{_megabytes(c.size_bytes)}\n"
        )
        for root in c.roots:
            out.stream.write(f"  from {root}\n")
        for f in files[c.id]:
            if f.state != "indexed":
                out.stream.write(f"  skipped {f.path}: {skip_message(f.reason)}\n")
    out.stream.write(f"Index on disk: {_megabytes(size)}\n")
    return 0


def _remove(args: argparse.Namespace, out: Output) -> int:
    from desktop.core.docs.index import DocIndex

    index = DocIndex()
    try:
        if not index.remove_collection(args.name):
            return out.fail(f"no collection is called “{args.name}” (see `smaller docs list`)",
                            "unknown_collection")  # fmt: skip
    finally:
        index.close()
    if args.json:
        out.write_json({"removed": args.name})
    return 0


def run_docs(args: argparse.Namespace, out: Output) -> int:
    command = getattr(args, "docs_command", None) or "list"
    if command == "list" and not hasattr(args, "json"):
        args.json = False
    try:
        if command == "add":
            return _add(args, out)
        if command == "remove":
            return _remove(args, out)
        if command == "update":
            return _update(args, out)
        return _list(args, out)
    except StoreError as exc:
        return out.fail(str(exc), f"store_{exc.kind}")


def check_collections(names: list[str], out: Output) -> int | None:
    """For `ask --docs`: None when every collection exists, else the exit code of the failure."""
    from desktop.core.docs.index import DocIndex

    try:
        index = DocIndex()
    except StoreError as exc:
        return out.fail(str(exc), f"store_{exc.kind}")
    try:
        known = {c.name for c in index.collections()}
    finally:
        index.close()
    unknown = [n for n in names if n not in known]
    if unknown:
        return out.fail(f"no collection is called “{unknown[0]}” (see `smaller docs list`)",
                        "unknown_collection")  # fmt: skip
    return None
