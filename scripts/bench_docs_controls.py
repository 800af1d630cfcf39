"""How fast Pause and Cancel reach the document reader's child process, in the middle of a file.

A generated text file of about `--mb` MB (many batches of passages) is indexed on a thread, as
the window's IndexWorker does. Once the child has worked for `--after` seconds:
- pause: the time from setting the pause event until the child's CPU time stops growing (read
  with psutil every 10 ms; "stopped" = no growth over 150 ms, that window subtracted);
- cancel: the time from setting the cancel event until the run returns (child stopped).

    .venv/bin/python scripts/bench_docs_controls.py [--rounds 5] [--mb 6]

Prints one JSON object: median and max of each over the rounds (measured on this machine).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout's `desktop`
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="smaller-bench-controls-")

from desktop.core.docs.index import DocIndex  # noqa: E402
from desktop.core.docs.indexer import Controls, Indexer  # noqa: E402

QUIET_S = 0.15


def _cpu(process: psutil.Process) -> float:
    times = process.cpu_times()
    return float(times.user + times.system)


def one_round(folder: Path, after_s: float) -> dict[str, float]:
    index = DocIndex(folder / f"index-{time.monotonic_ns()}.sqlite3")
    index.add_collection("big", [folder / "corpus"])
    indexer = Indexer(index)
    controls = Controls()
    thread = threading.Thread(target=indexer.run, args=("big", controls))
    thread.start()
    while indexer.reader is None or indexer.reader.pid is None:
        time.sleep(0.01)
    child = psutil.Process(indexer.reader.pid)
    time.sleep(after_s)
    paused_at = time.perf_counter()
    controls.pause.set()
    last, last_change = _cpu(child), time.perf_counter()
    while time.perf_counter() - last_change < QUIET_S:
        time.sleep(0.01)
        now = _cpu(child)
        if now != last:
            last, last_change = now, time.perf_counter()
    pause_s = last_change - paused_at
    cancelled_at = time.perf_counter()
    controls.cancel.set()
    thread.join()
    cancel_s = time.perf_counter() - cancelled_at
    index.close()
    return {"pause_s": pause_s, "cancel_s": cancel_s}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--mb", type=float, default=6.0)
    parser.add_argument("--after", type=float, default=2.0)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="smaller-controls-"))
    (folder / "corpus").mkdir()
    paragraph = "The lighthouse keeper counts the ships that pass the cape every night. " * 7
    repeats = int(args.mb * 1e6 / (len(paragraph) + 2))
    (folder / "corpus" / "big.txt").write_text((paragraph + "\n\n") * repeats)
    rounds = [one_round(folder, args.after) for _ in range(args.rounds)]
    report: dict[str, object] = {"file_mb": args.mb, "rounds": len(rounds)}
    for key in ("pause_s", "cancel_s"):
        values = [r[key] for r in rounds]
        report[key] = {"median": round(statistics.median(values), 3),
                       "max": round(max(values), 3)}  # fmt: skip
    report["load_average"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
