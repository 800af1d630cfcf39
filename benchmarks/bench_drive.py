"""Test-drive benchmark: every installed model on the whole built-in task set, in one run.

    .venv/bin/python benchmarks/bench_drive.py [--threads 1] [--max-tokens 48] [--limit N]
                                               [--answers build/bench-drive-answers.json]

Prints, per model: correct answers, energy per answer and per correct answer, total energy and
time, then per category, then the smallest model that reached 80% in each. Models run one after
the other in the same process (the same way `smaller drive` and the window run them), greedy, so
a re-run gives the same answers; energy and time vary with the machine's load. Each answer is
written to the `--answers` file, to check the scoring by eye. Nothing is saved in the app data.
CPU heavy: about 5 minutes with the 1.5B second model on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.core.drive.records import smallest_per_category  # noqa: E402
from desktop.core.drive.runner import DriveProgress, run_drive  # noqa: E402
from desktop.core.drive.tasks import builtin_tasks  # noqa: E402
from desktop.core.models.installed import list_installed  # noqa: E402
from desktop.core.session import ModelSession, installed_choice  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--max-tokens", type=int, default=48)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--answers", type=Path, default=ROOT / "build" / "bench-drive-answers.json")
    args = parser.parse_args()
    tasks = builtin_tasks().limited(args.limit)
    choices = [installed_choice(m) for m in list_installed()]
    session = ModelSession(threads=args.threads)

    def progress(p: DriveProgress) -> None:
        if p.task_index in (0, p.tasks) or p.task_index % 10 == 0:
            print(f"  [{p.model_index + 1}/{p.models}] {p.model}: {p.task_index}/{p.tasks}",
                  file=sys.stderr, flush=True)  # fmt: skip

    started = time.perf_counter()
    try:
        run = run_drive(session, threading.Event(), choices, tasks, max_tokens=args.max_tokens,
                        on_progress=progress)  # fmt: skip
    finally:
        session.close()
    wall = time.perf_counter() - started
    args.answers.parent.mkdir(parents=True, exist_ok=True)
    args.answers.write_text(json.dumps(run.to_json(), ensure_ascii=False, indent=1), "utf-8")

    methods = {o.energy_method for m in run.models for o in m.outcomes}
    print(f"\nTest drive, {run.date}, {run.machine['cpu']}, {run.machine['logical_cores']} "
          f"logical cores, {args.threads} thread(s); {len(tasks.tasks)} tasks, greedy, "
          f"at most {args.max_tokens} tokens; energy {', '.join(sorted(str(x) for x in methods))}; "
          f"whole run {wall:.0f} s\n")  # fmt: skip
    print("| model | file | correct | energy per answer | energy per correct answer "
          "| energy, all answers | time, all answers | load |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|")
    for m in run.models:
        if m.error:
            print(f"| {m.model} | {m.file} | did not load: {m.error} | | | | | |")
            continue
        per, per_ok = m.energy_per_answer_wh, m.energy_per_correct_wh
        print(f"| {m.model} | {m.file_size / 1e6:.0f} MB | **{m.correct}/{len(m.outcomes)}** | "
              f"{per * 1000:.1f} mWh | "
              f"{(per_ok * 1000) if per_ok else float('nan'):.1f} mWh | "
              f"{m.energy_wh * 1000:.0f} mWh | {m.time_s:.0f} s | {m.load_s:.1f} s |"
              if per is not None else f"| {m.model} | | 0 answers | | | | | |")  # fmt: skip
    print("\nPer category (correct/tasks):\n")
    categories = [c.category for c in run.models[0].by_category()] if run.models else []
    print("| model | " + " | ".join(categories) + " |")
    print("|---|" + "---|" * len(categories))
    for m in run.models:
        scores = {c.category: c for c in m.by_category()}
        cells = [
            f"{scores[c].correct}/{scores[c].tasks}" if c in scores else "" for c in categories
        ]
        print(f"| {m.model} | " + " | ".join(cells) + " |")
    print("\nSmallest model right at least 80% of the time:")
    for category, model in smallest_per_category(run).items():
        print(f"  {category}: {model or 'none'}")
    print(f"\nAnswers: {args.answers}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
