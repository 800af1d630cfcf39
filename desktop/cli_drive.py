"""`smaller drive` (the test drive on every installed model) and `smaller ask --models A,B` (one
message answered by several models in turn), on the same engine job the window runs.

    smaller drive [--models A,B] [--limit N] [--max-tokens N] [--threads N] [--tasks FILE] [--json]
    smaller ask "message" --models A,B [--json]

Progress goes to stderr; stdout holds only the table or the one JSON object. Ctrl+C stops the
drive; what was answered is kept, saved and marked as stopped.
"""

from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path
from typing import Any

from desktop.cli_output import EXIT_INTERRUPTED, Output, stop_on_interrupt


def add_drive_parser(sub: Any) -> None:
    drive = sub.add_parser("drive", help="test drive: everyday tasks on every installed model")
    drive.add_argument("--models", help="comma-separated installed models (default: all)")
    drive.add_argument("--limit", type=int, help="only the first N tasks (every category first)")
    drive.add_argument("--max-tokens", type=int, help="longest answer, in tokens (default 48)")
    drive.add_argument("--threads", type=int, help="CPU threads (default: physical cores - 1)")
    drive.add_argument("--tasks", type=Path, help="a task file (default: your own, else built-in)")
    drive.add_argument(
        "--bar", type=int, default=80, help="good enough from this %% right (default 80)"
    )
    drive.add_argument("--no-save", action="store_true", help="do not keep the results")
    drive.add_argument("--json", action="store_true", help="print one JSON object")


def _choices(names: str | None) -> list[Any]:
    from desktop.core.models.installed import list_installed
    from desktop.core.session import find_choice, installed_choice

    if names:
        return [find_choice(n.strip()) for n in names.split(",") if n.strip()]
    return [installed_choice(m) for m in list_installed()]


def _mwh(wh: float | None) -> str:
    return "–" if wh is None else f"{wh * 1000:.2f} mWh"


def _table(summary: dict[str, Any]) -> str:
    lines = [
        f"Test drive: {summary['tasks']} tasks ({summary['task_set']}, {summary['task_origin']}), "
        f"greedy, at most {summary['max_tokens']} tokens per answer, {summary['date']}",
        "",
        f"{'model':<36} {'correct':>9} {'energy/answer':>14} {'energy/correct':>15} {'time':>8}",
    ]
    for m in summary["models"]:
        if m["error"]:
            lines.append(f"{m['model']:<36} did not load: {m['error']}")
            continue
        mark = " (stopped)" if m["stopped"] else ""
        lines.append(
            f"{m['model'][:36]:<36} {m['correct']:>4}/{m['tasks']:<4} "
            f"{_mwh(m['energy_per_answer_wh']):>14} {_mwh(m['energy_per_correct_wh']):>15} "
            f"{m['time_s']:>7.1f}s{mark}"
        )
    lines += ["", "Per category (correct/tasks):"]
    for m in summary["models"]:
        cells = [f"{c['category']} {c['correct']}/{c['tasks']}" for c in m["categories"]]
        lines.append(f"  {m['model'][:34]:<34} " + ", ".join(cells))
    lines += ["", f"Smallest model right at least {summary['bar'] * 100:.0f}% of the time:"]
    for category, model in summary["smallest_per_category"].items():
        lines.append(f"  {category:<15} {model or 'none of these models'}")
    return "\n".join(lines)


def run_drive_command(args: argparse.Namespace, out: Output) -> int:
    from desktop.core.drive.results import save_run
    from desktop.core.drive.runner import DEFAULT_MAX_TOKENS, DriveProgress, run_drive
    from desktop.core.drive.tasks import load_task_set
    from desktop.core.engine import EngineError
    from desktop.core.service import EngineService
    from desktop.core.session import ModelSession

    if args.limit is not None and args.limit < 1:
        return out.fail("--limit must be at least 1.", "bad_argument", 2)
    if not 1 <= args.bar <= 100:
        return out.fail("--bar must be a percentage from 1 to 100.", "bad_argument", 2)
    if args.tasks is not None and not args.tasks.is_file():
        return out.fail(f"No task file at {args.tasks}.", "bad_argument", 2)
    try:
        choices = _choices(args.models)
    except EngineError as exc:
        return out.fail(str(exc), exc.kind)
    if not choices:
        return out.fail("No model is installed. Run `smaller models` to get one.", "no_model")
    task_set = load_task_set(args.tasks) if args.tasks else load_task_set()
    if task_set.problem:
        print(f"smaller: {task_set.problem}", file=sys.stderr, flush=True)
    task_set = task_set.limited(args.limit)

    def progress(p: DriveProgress) -> None:
        mark = {True: " right", False: " wrong", None: ""}[p.last_correct]
        print(f"[{p.model_index + 1}/{p.models}] {p.model}: {p.task_index}/{p.tasks}{mark}",
              file=sys.stderr, flush=True)  # fmt: skip

    service = EngineService(ModelSession(threads=args.threads)).start()
    max_tokens = args.max_tokens or DEFAULT_MAX_TOKENS
    job = service.submit(
        lambda session, stop: run_drive(session, stop, choices, task_set,
                                        max_tokens=max_tokens, on_progress=progress),
        kind="drive",
    )  # fmt: skip
    stop = threading.Event()
    try:
        with stop_on_interrupt(stop) as pressed:
            while not job.done.wait(0.2):
                if stop.is_set():
                    job.cancel()
        run = job.wait()
    finally:
        service.shutdown(60.0)
    if pressed:
        run.stopped = True
    saved = None if args.no_save else save_run(run)
    summary = run.summary_json(args.bar / 100)
    if args.json:
        out.write_json({**summary, "saved_to": str(saved) if saved else None})
    else:
        out.stream.write(_table(summary) + "\n")
        if saved:
            out.stream.write(f"\nSaved to {saved}\n")
    if pressed:
        return out.fail("Interrupted: the drive was cut short.", "interrupted", EXIT_INTERRUPTED)
    return 0


def run_ask_models(args: argparse.Namespace, out: Output) -> int:
    """One message, answered by each model in turn (load, answer, unload), side by side."""
    from desktop.core.drive.side_by_side import answer_in_turn
    from desktop.core.engine import EngineError
    from desktop.core.session import MeterSettings, ModelSession

    try:
        choices = _choices(args.models)
    except EngineError as exc:
        return out.fail(str(exc), exc.kind)
    session = ModelSession(threads=args.threads, meter=MeterSettings(zone=args.grid))
    stop = threading.Event()
    try:
        with stop_on_interrupt(stop) as pressed:
            outcomes = answer_in_turn(
                session, stop, choices, args.prompt, max_tokens=args.max_tokens,
                temperature=args.temperature, system_prompt=args.system or None,
            )  # fmt: skip
    finally:
        session.close()
    answers: list[dict[str, Any]] = []
    for o in outcomes:
        if o.result is not None:
            answers.append(o.result.to_json())
        elif o.error is not None:
            answers.append({"model": o.model, "error": o.error, "error_kind": "load_failed"})
    if args.json:
        out.write_json({"prompt": args.prompt, "answers": answers})
    else:
        out.stream.write(_side_by_side(answers) + "\n")
    if pressed:
        return out.fail("Interrupted: the answers were cut short.", "interrupted", EXIT_INTERRUPTED)
    return 0 if any("error" not in a for a in answers) else 1


def _side_by_side(answers: list[dict[str, Any]]) -> str:
    blocks = []
    for a in answers:
        if "error" in a and "answer" not in a:
            blocks.append(f"== {a['model']}\n(did not answer: {a['error']})")
            continue
        fp = a.get("footprint") or {}
        tps = a.get("tokens_per_s")
        figures = [f"{a.get('total_s', 0):.1f} s", f"{a.get('completion_tokens', 0)} tokens"]
        if tps:
            figures.append(f"{tps:.1f} tokens/s")
        if fp.get("energy_wh") is not None:
            figures.append(f"{fp['energy_wh'] * 1000:.2f} mWh ({fp.get('method', 'estimated')})")
        if (rss := (a.get("resources") or {}).get("peak_rss_mb")) is not None:
            figures.append(f"{rss:.0f} MB")
        blocks.append(f"== {a['model']}  ({', '.join(figures)})\n{a.get('answer', '').strip()}")
    return "\n\n".join(blocks)
