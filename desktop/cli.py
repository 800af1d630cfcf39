"""Command line. `smaller` opens the window; `smaller ask` and `smaller bench` run headless on the
same Qt-free engine the window's worker uses."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import threading
from importlib import metadata
from pathlib import Path
from typing import Any

from desktop import __version__


def _versions() -> str:
    parts = [f"smaller {__version__}"]
    for dist in ("gpt4all", "PySide6-Essentials"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            parts.append(f"{dist} {metadata.version(dist)}")
    return parts[0] + (f" ({', '.join(parts[1:])})" if len(parts) > 1 else "")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
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
    ask.add_argument("--system", default="", help="a system prompt")
    ask.add_argument("--max-tokens", type=int, default=512, help="longest answer, in tokens")
    ask.add_argument("--threads", type=int, help="CPU threads (default: physical cores - 1)")
    ask.add_argument("--temperature", type=float, help="creativity (default: the model's own)")
    ask.add_argument("--json", action="store_true", help="print one JSON object")
    ask.add_argument("--grid", help="electricity grid zone for CO2 and water, e.g. FRA, USA, WOR")

    from desktop.core.models.cli import add_models_parser

    add_models_parser(sub)

    bench = sub.add_parser("bench", help="compare the app's answer path with bare gpt4all")
    bench.add_argument("--model", type=Path)
    bench.add_argument("--rounds", type=int, default=5)
    bench.add_argument("--max-tokens", type=int, default=128)
    bench.add_argument("--threads", type=int, default=1)
    return parser


def _print_json(obj: dict[str, Any]) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=2))


def _ask(args: argparse.Namespace) -> int:
    from desktop.core.engine import EngineError
    from desktop.core.measured import comparison_for
    from desktop.core.session import MeterSettings, ModelSession, active_choice, find_choice

    stream = not args.json
    model_name = str(args.model or "")

    def fail(message: str, kind: str) -> int:
        if args.json:
            _print_json({"error": message, "error_kind": kind, "model": model_name})
        else:
            print(f"smaller: {message}", file=sys.stderr)
        return 1

    if args.max_tokens < 1:
        return fail("--max-tokens must be at least 1.", "bad_argument")
    # The model `smaller models use` chose, with its own settings, as the window loads it.
    session = ModelSession(threads=args.threads, meter=MeterSettings(zone=args.grid))
    try:
        choice = find_choice(args.model) if args.model else active_choice()
        model_name = choice.name
        info = session.load(choice)
    except EngineError as exc:
        return fail(str(exc), exc.kind)

    def on_text(text: str) -> None:
        sys.stdout.write(text)
        sys.stdout.flush()

    try:
        system = args.system if args.system else None  # None: the model's own instructions
        result = session.answer(
            args.prompt, system_prompt=system,
            settings=session.sampling(args.max_tokens, args.temperature),
            on_text=on_text if stream else None, stop=threading.Event(),
        )  # fmt: skip
    finally:
        session.close()
    if stream:
        print()
    if result.status == "error":
        return fail(
            result.error or "the model gave no answer", result.error_kind or "answer_failed"
        )
    if args.json:
        output = result.to_json()
        comparison = comparison_for(result, info.size_bytes)
        if comparison is not None:
            output["comparison_405b"] = comparison
        _print_json(output)
    return 0


def _bench(args: argparse.Namespace) -> int:
    from desktop.core.bench import run_bench
    from desktop.core.engine import EngineError
    from desktop.core.paths import default_model_path

    try:
        report = run_bench(
            args.model or default_model_path(), rounds=args.rounds, max_tokens=args.max_tokens,
            n_threads=args.threads,
        )  # fmt: skip
    except EngineError as exc:
        print(f"smaller: {exc}", file=sys.stderr)
        return 1
    _print_json(report)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "ask":
        return _ask(args)
    if args.command == "bench":
        return _bench(args)
    if args.command == "models":
        from desktop.core.models.cli import run_models

        return run_models(args)
    from desktop.app import run_app  # Qt only when a window is wanted

    return run_app()
