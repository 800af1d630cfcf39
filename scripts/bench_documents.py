"""What documents cost: indexing throughput, index size, query latency, peak memory, and how long
the window's event loop waits while indexing runs on its thread.

The corpus is real documentation nobody on the project wrote: what Debian packages install under
/usr/share/doc (HTML, text, Markdown, PDF as they are; gzipped changelogs and the extensionless
copyright files as .txt), copied until it holds at least `--files` files and `--mb` MB of text.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/bench_documents.py [--files 1000] [--mb 50]

Prints one JSON object. Figures are measured on this machine, one run: read them as orders of
magnitude (the machine is shared), not as a guarantee.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout's `desktop`
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="smaller-bench-docs-")

from desktop.core.docs.index import DocIndex  # noqa: E402
from desktop.core.docs.indexer import Indexer  # noqa: E402
from desktop.core.docs.search import _query_words, search  # noqa: E402
from desktop.core.footprint import FootprintMeter  # noqa: E402

SOURCE = Path("/usr/share/doc")
KEEP = (".html", ".htm", ".txt", ".md", ".pdf")


def build_corpus(target: Path, min_files: int, min_mb: float) -> tuple[int, int]:
    """Copy documentation into `target`; returns (files, bytes of text written or copied)."""
    files = 0
    size = 0
    for path in sorted(SOURCE.rglob("*")):
        if files >= min_files and size >= min_mb * 1e6:
            break
        if not path.is_file() or path.is_symlink():
            continue
        rel = "_".join(path.relative_to(SOURCE).parts)
        try:
            if path.suffix.lower() in KEEP:
                shutil.copyfile(path, target / rel)
                size += path.stat().st_size
            elif path.suffix == ".gz":
                data = gzip.decompress(path.read_bytes())
                (target / (rel[:-3] + ".txt")).write_bytes(data)
                size += len(data)
            elif path.name == "copyright":
                shutil.copyfile(path, target / (rel + ".txt"))
                size += path.stat().st_size
            else:
                continue
        except (OSError, EOFError, gzip.BadGzipFile):
            continue
        files += 1
    return files, size


def _peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


# A second, separate process ticking the same way: a gap it sees at the same instant is the
# machine's (scheduler, host), not this process's global interpreter lock.
def _start_other_ticker() -> subprocess.Popen[str]:
    code = (
        "import json, sys, threading, time\n"
        "stop = threading.Event()\n"
        "threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()\n"
        "gaps, last = [], time.perf_counter()\n"
        "while not stop.is_set():\n"
        "    time.sleep(0.01)\n"
        "    now = time.perf_counter()\n"
        "    gaps.append((now - last, now))\n"
        "    last = now\n"
        "print(json.dumps(gaps))\n"
    )
    return subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)  # fmt: skip


def _stats(gaps: list[float]) -> tuple[float, float]:
    ordered = sorted(gaps)
    return ordered[-1] * 1000, ordered[int(0.99 * (len(ordered) - 1))] * 1000


def window_stall_ms(
    index_path: Path | None, name: str, idle_s: float = 10.0, in_process: bool = False
) -> dict[str, float]:
    """The longest gap between ticks of a 10 ms timer on the GUI thread while IndexWorker
    indexes `name` (what a user would feel as the window freezing), the 99th percentile of the
    gaps and their count; with no index, the same timer for `idle_s` seconds with nothing else
    running. `in_process`: read and embed on the worker's thread, as before the child process.
    Also the same figures from a separate process ticking meanwhile, and the longest gap of the
    window's that the other process did not see at the same time (within 5 ms)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.workers.index_worker import IndexWorker

    app = QApplication.instance() or QApplication(sys.argv)
    worker = IndexWorker(index_path, in_process=in_process)
    gaps: list[tuple[float, float]] = []
    last = [time.perf_counter()]
    end = last[0] + idle_s

    def tick() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0], now))
        last[0] = now
        if (index_path is not None and not worker.running) or (index_path is None and now > end):
            app.quit()

    other = _start_other_ticker()
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    if index_path is not None:
        worker.start([name])
    timer.start()
    app.exec()
    worker.shutdown()
    other_gaps = [(g, t) for g, t in json.loads(other.communicate("")[0])]
    if not gaps or not other_gaps:
        return {}
    longest, p99 = _stats([g for g, _ in gaps])
    other_longest, other_p99 = _stats([g for g, _ in other_gaps])
    seen = [t for g, t in other_gaps if g > 0.02]
    alone = [g for g, t in gaps if not any(abs(t - u) < 0.005 for u in seen)]
    return {
        "longest": round(longest, 1), "p99": round(p99, 1), "ticks": len(gaps),
        "other_process_longest": round(other_longest, 1),
        "other_process_p99": round(other_p99, 1),
        "longest_not_seen_by_the_other_process": round(max(alone, default=0.0) * 1000, 1),
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--mb", type=float, default=50.0)
    parser.add_argument("--queries", type=int, default=100)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="smaller-corpus-"))
    corpus = work / "corpus"
    corpus.mkdir()
    files, size = build_corpus(corpus, args.files, args.mb)
    report: dict[str, object] = {"corpus_files": files, "corpus_mb": round(size / 1e6, 1),
                                 "source": str(SOURCE)}  # fmt: skip

    # First, in a process like the app's (nothing loaded yet): the window while IndexWorker
    # indexes the corpus, reading and embedding on its own thread as before the child process
    # (wordllama loads in this process then, as it did), then the same with the child process
    # (the app's way), then the same timer with nothing running, side by side.
    for label in ("in_process", "child"):
        small = DocIndex(work / f"window_{label}.sqlite3")
        small.add_collection("doc", [corpus])
        small.close()
    before = window_stall_ms(work / "window_in_process.sqlite3", "doc", in_process=True)
    busy = window_stall_ms(work / "window_child.sqlite3", "doc")
    idle = window_stall_ms(None, "")
    for label, figures in (("in_thread", before), ("child_process", busy), ("idle", idle)):
        report[f"window_stall_ms_{label}"] = figures

    index = DocIndex(work / "documents.sqlite3")
    index.add_collection("doc", [corpus])
    started = time.perf_counter()
    indexer = Indexer(index)
    run = indexer.run("doc", meter=FootprintMeter())
    wall = time.perf_counter() - started
    text_mb = run.text_bytes / 1e6
    report["indexing"] = {
        **run.to_json(),
        "files_per_s": round((run.files_read + run.files_skipped) / wall, 1),
        "text_mb": round(text_mb, 1),
        "text_mb_per_s": round(text_mb / wall, 2),
        "index_mb": round(index.size_on_disk() / 1e6, 1),
        "index_mb_per_text_mb": round(index.size_on_disk() / max(run.text_bytes, 1), 2),
    }
    started = time.perf_counter()
    again = Indexer(index).run("doc")
    report["peak_rss_mb_after_indexing"] = _peak_mb()  # this process only
    report["reader_process_peak_rss_mb"] = indexer.reader and indexer.reader.peak_rss_mb
    report["reindex_unchanged_s"] = round(time.perf_counter() - started, 2)
    report["reindex_files_read"] = again.files_read

    rng = random.Random(14)
    rows = index.execute("SELECT text FROM chunks ORDER BY random() LIMIT 2000")
    questions = []
    for (text,) in rows:
        words = [w for w in _query_words(text) if len(w) > 3 and not w.isdigit()]
        if len(words) >= 4:
            questions.append(" ".join(rng.sample(words, 4)))
        if len(questions) >= args.queries:
            break
    search(index, "warm up the caches", ["doc"])  # loads the vectors and the embedder once
    for label, idx in (("fts5", index), ("bm25s_fallback", DocIndex(index.path, fts5=False))):
        search(idx, "warm up", ["doc"])
        times = []
        for q in questions:
            t = time.perf_counter()
            search(idx, q, ["doc"])
            times.append((time.perf_counter() - t) * 1000)
        times.sort()
        report[f"query_ms_{label}"] = {
            "queries": len(times), "median": round(statistics.median(times), 1),
            "p95": round(times[int(0.95 * (len(times) - 1))], 1), "max": round(times[-1], 1),
        }  # fmt: skip
        report[f"peak_rss_mb_after_{label}"] = _peak_mb()

    report["load_average"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(report, indent=2))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
