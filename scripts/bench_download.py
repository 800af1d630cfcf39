"""Model downloads before and after issue 10 (item 6), side by side in one run, against real HTTP
servers on 127.0.0.1 (tests/models_server.py).

1. Cancel against a server that sends 1 byte per second: seconds from `cancel` to the download
   thread ending. Before: urllib's `response.read(256 KiB)` returns only when its 256 KiB have
   arrived (about 3 days at that rate), so Cancel is seen only then; we stop waiting at CAP_S.
   After: Download.run() on its thread, as the download worker runs it.
2. Throughput on a fast local server (the same 32 MB body, rounds interleaved A-B, B-A): the old
   urllib read loop against the new patient reads (open_get + read1), bytes thrown away, so
   the slices and the checks between them are shown to cost nothing measurable.

Prints JSON. `.venv/bin/python scripts/bench_download.py [rounds]`
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # for tests.models_server

from desktop.core.models.download import Download, DownloadError  # noqa: E402
from desktop.core.models.patient_http import Watch, open_get  # noqa: E402
from tests.models_server import ModelServer  # noqa: E402

CAP_S = 10.0  # how long we wait for the old way to notice Cancel
CHUNK = 1 << 18  # the old and new read size, 256 KiB
BODY = bytes(range(256)) * (32 * 4096)  # 32 MB


def old_cancel_seconds(url: str, after: float) -> float:
    """urllib as before: a flag checked between 256 KiB reads."""
    cancel = threading.Event()

    def run() -> None:
        with urllib.request.urlopen(url, timeout=30) as response:
            while response.read(CHUNK) and not cancel.is_set():
                pass

    thread = threading.Thread(target=run, daemon=True)  # left behind if it never returns
    thread.start()
    time.sleep(after)
    started = time.perf_counter()
    cancel.set()
    thread.join(CAP_S)
    return time.perf_counter() - started if not thread.is_alive() else float("inf")


def new_cancel_seconds(url: str, folder: Path, after: float) -> float:
    download = Download(url, folder / "m.gguf", chunk_size=CHUNK)
    outcome: list[str] = []

    def run() -> None:
        try:
            download.run()
        except DownloadError as exc:
            outcome.append(exc.kind)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    time.sleep(after)
    started = time.perf_counter()
    download.cancel()
    thread.join(CAP_S)
    assert outcome == ["cancelled"], outcome
    return time.perf_counter() - started if not thread.is_alive() else float("inf")


def old_read_all(url: str) -> int:
    done = 0
    with urllib.request.urlopen(url, timeout=30) as response:
        while chunk := response.read(CHUNK):
            done += len(chunk)
    return done


def new_read_all(url: str) -> int:
    done = 0
    watch = Watch(url, lambda: None)
    with open_get(url, {}, watch) as response:
        while chunk := response.read1(CHUNK):
            done += len(chunk)
    return done


def main(rounds: int) -> None:
    report: dict[str, object] = {"rounds": rounds, "cap_s": CAP_S}
    folder = Path(tempfile.mkdtemp(prefix="smaller-bench-"))
    with ModelServer() as server:
        url = server.serve("/trickle.gguf", BODY[:100_000], mode="trickle", interval=1.0)
        # Cancel at a random moment 1-2 s in, so it does not always fall just before a check.
        moments = [random.Random(i).uniform(1.0, 2.0) for i in range(rounds)]
        old = [old_cancel_seconds(url, after) for after in moments]
        new = [new_cancel_seconds(url, folder, after) for after in moments]
        report["cancel_1_byte_per_s"] = {
            "old_s": [round(x, 3) if x != float("inf") else f">{CAP_S:g}" for x in old],
            "new_s": [round(x, 3) for x in new],
            "new_median_s": round(statistics.median(new), 3),
            "new_max_s": round(max(new), 3),
        }
        url = server.serve("/fast.gguf", BODY)
        times: dict[str, list[float]] = {"old_s": [], "new_s": []}
        for i in range(rounds):
            for side in ("old_s", "new_s") if i % 2 == 0 else ("new_s", "old_s"):
                started = time.perf_counter()
                got = old_read_all(url) if side == "old_s" else new_read_all(url)
                times[side].append(time.perf_counter() - started)
                assert got == len(BODY)
        old_median, new_median = (statistics.median(times[k]) for k in ("old_s", "new_s"))
        report["throughput_32mb"] = {
            "old_median_s": round(old_median, 3),
            "new_median_s": round(new_median, 3),
            "old_mb_per_s": round(len(BODY) / old_median / 1e6, 1),
            "new_mb_per_s": round(len(BODY) / new_median / 1e6, 1),
            "ratio_new_over_old": round(new_median / old_median, 2),
        }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
