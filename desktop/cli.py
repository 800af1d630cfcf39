"""Command line. `smaller` opens the window; `smaller ask`, `smaller drive` (desktop/cli_drive.py)
and `smaller bench` run headless on the same Qt-free engine the window's worker uses.

Every flag is checked against desktop.core.limits before anything runs, and every failure leaves
through `Output.fail` (desktop/cli_output.py): one line on stderr, or one JSON object with --json,
and a non-zero exit. No traceback reaches the user.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import threading
import traceback
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any, NoReturn

from desktop import __version__
from desktop.cli_output import (
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    Output,
    OutputFailed,
    stop_on_interrupt,
    undecodable,
)
from desktop.core.limits import (
    LimitError,
    check_grid_zone,
    check_max_tokens,
    check_rounds,
    check_temperature,
    check_threads,
)


def _versions() -> str:
    parts = [f"smaller {__version__}"]
    for dist in ("gpt4all", "PySide6-Essentials"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            parts.append(f"{dist} {metadata.version(dist)}")
    return parts[0] + (f" ({', '.join(parts[1:])})" if len(parts) > 1 else "")


class UsageError(Exception):
    """A command line argparse cannot make sense of."""


class _Parser(argparse.ArgumentParser):
    # argparse prints the usage and the error on two lines and exits; we want the one error path.
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see `{self.prog} --help`)")


def _parser() -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = _Parser(
        prog="smaller",
        description="A private, offline assistant on a small language model. "
        "With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=_versions())
    sub = parser.add_subparsers(dest="command")

    ask = sub.add_parser("ask", help="answer one message and exit")
    ask.add_argument("prompt", help="the message to answer")
    ask.add_argument(
        "--model", help="an installed model's name or a .gguf file (default: the one in use)"
    )
    ask.add_argument(
        "--models", help="comma-separated installed models: each answers in turn, side by side"
    )
    ask.add_argument("--system", default="", help="a system prompt")
    ask.add_argument("--max-tokens", type=int, default=512, help="longest answer, in tokens")
    ask.add_argument("--threads", type=int, help="CPU threads (default: physical cores - 1)")
    ask.add_argument("--temperature", type=float, help="0 to 2 (default: the model's own)")
    ask.add_argument("--json", action="store_true", help="print one JSON object")
    ask.add_argument("--grid", help="electricity grid zone for CO2 and water, e.g. FRA, USA, WOR "
                     "(`smaller grids` lists them)")  # fmt: skip
    ask.add_argument("--datacenter-grid", help="grid zone of the 405B datacenter in the --json "
                     "comparison (default: the same grid as --grid)")  # fmt: skip
    ask.add_argument("--docs", action="append", metavar="NAME",
                     help="answer from this collection of your documents (repeatable; "
                     "`smaller docs list` lists them)")  # fmt: skip
    ask.add_argument(
        "--only-docs",
        action="store_true",
        help="with --docs: answer only from the documents, never from memory",
    )

    from desktop.cli_docs import add_docs_parser

    add_docs_parser(sub)

    from desktop.core.models.cli import add_models_parser

    add_models_parser(sub)

    from desktop.cli_drive import add_drive_parser

    add_drive_parser(sub)

    bench = sub.add_parser("bench", help="compare the app's answer path with bare gpt4all")
    bench.add_argument("--model", type=Path)
    bench.add_argument("--rounds", type=int, default=5)
    bench.add_argument("--max-tokens", type=int, default=128)
    bench.add_argument("--threads", type=int, default=1)
    bench.add_argument(
        "--server", action="store_true", help="the API server's path against `ask`'s path"
    )
    sub.add_parser("grids", help="list the electricity grid zones --grid accepts")

    from desktop.cli_serve import add_serve_parser

    add_serve_parser(sub)
    return parser


# Flag -> check, for the flags desktop.core.limits has a range for.
_CHECKS: dict[str, Callable[[object], object]] = {
    "threads": check_threads, "max_tokens": check_max_tokens, "temperature": check_temperature,
    "rounds": check_rounds, "grid": check_grid_zone, "datacenter_grid": check_grid_zone,
}  # fmt: skip
_POSITIONAL = {"prompt": "the message", "name": "the name"}


def _flag(dest: str) -> str:
    return _POSITIONAL.get(dest, "--" + dest.replace("_", "-"))


def _checked(args: argparse.Namespace) -> str | None:
    """Normalise the flags in place; the message for the first bad one, or None."""
    for dest, value in vars(args).items():
        if isinstance(value, str) and (byte := undecodable(value)) is not None:
            return (
                f"{_flag(dest)} is not valid UTF-8 text (it holds the byte {byte}). Type it again, "
                "or convert the text to UTF-8."
            )
    for dest, check in _CHECKS.items():
        value = getattr(args, dest, None)
        if value is None:
            continue  # not a flag of this command, or left to its default (threads, grid)
        try:
            setattr(args, dest, check(value))
        except LimitError as exc:
            grids = ("grid", "datacenter_grid")
            hint = " Run `smaller grids` to list them." if dest in grids else ""
            return f"{_flag(dest)}: {exc}{hint}"
    return None


def _ask(args: argparse.Namespace, out: Output) -> int:
    from desktop.core.engine import EngineError
    from desktop.core.measured import comparison_for
    from desktop.core.session import MeterSettings, ModelSession, active_choice, find_choice

    stream = not args.json
    if args.docs:
        from desktop.cli_docs import check_collections

        if (code := check_collections(args.docs, out)) is not None:
            return code
    # The model `smaller models use` chose, with its own settings, as the window loads it.
    session = ModelSession(threads=args.threads, meter=MeterSettings(zone=args.grid))
    try:
        choice = find_choice(args.model) if args.model else active_choice()
        info = session.load(choice)
    except EngineError as exc:
        return out.fail(str(exc), exc.kind, model=str(args.model or ""))
    stop = threading.Event()
    broken: list[OutputFailed] = []

    def on_text(text: str) -> None:
        # Runs inside gpt4all's callback, where an exception would only be printed: keep it
        # and stop the answer instead.
        try:
            out.stream.write(text)
            out.stream.flush()
        except OutputFailed as exc:
            broken.append(exc)
            stop.set()

    try:
        with stop_on_interrupt(stop) as pressed:
            result = _answer(session, args, on_text if stream else None, stop)
    finally:
        session.close()
    if broken:
        raise broken[0]
    if stream and result.text:
        print()
    if stream and result.sources:
        print("Sources:")
        for n, source in enumerate(result.sources, 1):
            page = f", page {source.page}" if source.page is not None else ""
            print(f"  [{n}] {source.file}{page} ({source.path})")
    if pressed:
        return out.fail("Interrupted: the answer was cut short.", "interrupted", EXIT_INTERRUPTED)
    if result.status == "error":
        message = result.error or "the model gave no answer"
        return out.fail(message, result.error_kind or "answer_failed", model=choice.name)
    if args.json:
        output = result.to_json()
        comparison = comparison_for(result, info.size_bytes, args.datacenter_grid, info.path.name)
        if comparison is not None:
            output["comparison_405b"] = comparison
        out.write_json(output)
    return 0


def _answer(
    session: Any, args: argparse.Namespace, on_text: Callable[[str], None] | None,
    stop: threading.Event,
) -> Any:  # fmt: skip
    """The answer, grounded in the collections of --docs when given."""
    system = args.system or None  # None: the model's own
    settings = session.sampling(args.max_tokens, args.temperature)
    if not args.docs:
        return session.answer(args.prompt, system_prompt=system, settings=settings,
                              on_text=on_text, stop=stop)  # fmt: skip
    from desktop.core.docs.grounding import DocumentsRequest, answer_from_documents
    from desktop.core.docs.index import DocIndex

    index = DocIndex()
    try:
        request = DocumentsRequest(tuple(args.docs), only_documents=args.only_docs)
        return answer_from_documents(session, index, args.prompt, request, system_prompt=system,
                                     settings=settings, on_text=on_text, stop=stop)  # fmt: skip
    finally:
        index.close()


def _bench(args: argparse.Namespace, out: Output) -> int:
    from desktop.core.bench import run_bench
    from desktop.core.engine import EngineError
    from desktop.core.paths import default_model_path

    # Nothing to keep from a half-run benchmark, and a KeyboardInterrupt raised inside gpt4all's
    # callback would only be printed: Ctrl+C ends the process at once, as it does other tools.
    with contextlib.suppress(ValueError):  # not the main thread
        signal.signal(signal.SIGINT, signal.SIG_DFL)
    try:
        if args.server:
            from desktop.core.server.bench import run_server_bench

            report = run_server_bench(
                args.model or default_model_path(), rounds=args.rounds,
                max_tokens=args.max_tokens, n_threads=args.threads,
            )  # fmt: skip
        else:
            report = run_bench(
                args.model or default_model_path(), rounds=args.rounds,
                max_tokens=args.max_tokens, n_threads=args.threads,
            )  # fmt: skip
    except EngineError as exc:
        return out.fail(str(exc), exc.kind)
    out.write_json(report)
    return 0


def _grids(out: Output) -> int:
    from desktop.core.footprint.grid import available_zones

    out.stream.write("".join(f"{code}  {name}\n" for code, name in available_zones()))
    return 0


def _run(argv: list[str], out: Output) -> int | None:
    """The command's exit code; None to open the window."""
    try:
        args = _parser().parse_args(argv)
    except UsageError as exc:
        return out.fail(str(exc), "bad_argument", EXIT_USAGE)
    except SystemExit as exc:  # --help and --version, already printed
        return exc.code if isinstance(exc.code, int) else 0
    if (problem := _checked(args)) is not None:
        return out.fail(problem, "bad_argument", EXIT_USAGE)
    if args.command is not None:
        from desktop.core.logs import setup_logging

        setup_logging()  # the same log file as the window's
    if args.command == "ask" and args.models:
        if args.model:
            return out.fail("Use --model or --models, not both.", "bad_argument", EXIT_USAGE)
        from desktop.cli_drive import run_ask_models

        return run_ask_models(args, out)
    if args.command == "ask":
        return _ask(args, out)
    if args.command == "drive":
        from desktop.cli_drive import run_drive_command

        return run_drive_command(args, out)
    if args.command == "bench":
        return _bench(args, out)
    if args.command == "grids":
        return _grids(out)
    if args.command == "serve":
        from desktop.cli_serve import serve

        return serve(args, out)
    if args.command == "docs":
        from desktop.cli_docs import run_docs

        return run_docs(args, out)
    if args.command == "models":
        from desktop.core.models.cli import run_models

        return run_models(args)
    return None


def main(argv: list[str] | None = None) -> int:
    raw = sys.argv[1:] if argv is None else list(argv)
    out = Output(json_mode="--json" in raw)
    out.open()
    try:
        code = _run(raw, out)
        out.flush()
    except OutputFailed as exc:
        code = out.output_failed(exc)
    except KeyboardInterrupt:
        code = out.fail("Interrupted.", "interrupted", EXIT_INTERRUPTED)
    except Exception as exc:  # a bug: still one line, the traceback only on request
        if os.environ.get("SMALLER_DEBUG"):
            traceback.print_exc()
        code = out.fail(f"unexpected error ({type(exc).__name__}: {exc}). Please report it; "
                        "SMALLER_DEBUG=1 shows the details.", "internal")  # fmt: skip
    finally:
        out.close()
    if code is not None:
        return code
    from desktop.app import run_app  # Qt only when a window is wanted

    return run_app()
