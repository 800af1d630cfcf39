"""How long opening a long chat takes in the real window, and how much memory it adds.

Builds real SQLite chats files of 1,000 and 10,000 messages (questions of 40-400 characters,
Markdown answers of 300-2,500 characters with their saved figures), opens each in the real window
(offscreen, real model loaded), and measures, each size in its own fresh process so that one run
does not inherit the other's memory:
- open_s: from selecting the chat to the view laid out, scrolled to the end and painted;
- rss_growth_mb: the process's resident memory after opening minus before (psutil);
- widgets: message widgets built;
- earlier_page_s: scrolling to the top, until the previous page is shown (median of 3);
- rss_growth / widgets after scrolling up 10 and 20 pages (400, 800 messages): bounded;
- for 1,000 messages, the same chat opened with every message as a widget (the design before
  paging; Regenerate bookkeeping already O(1)), side by side: the ratio is the gain of paging.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_chat_open.py [sizes...]

Prints one JSON object. The machine may be shared: compare figures from one run.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's `desktop`, not another installed copy

SIZES = (1_000, 10_000)
EAGER_UP_TO = 1_000  # every message as a widget takes minutes above this
TIMED_PAGES = 3  # earlier pages timed (median)
DEEP_PAGES = 20  # then scrolled up this far, for the memory after a long read back
WORDS = [
    "the", "model", "answers", "on", "this", "computer", "energy", "memory", "token", "context",
    "window", "sentence", "light", "lighthouse", "keeper", "cat", "river", "mountain", "bread",
    "recipe", "garden", "winter", "summer", "python", "function", "list", "value", "result",
    "question", "reason", "simple", "small", "local", "private", "quickly", "carefully",
]  # fmt: skip


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _answer(rng: random.Random) -> str:
    """Markdown as the model writes it: paragraphs, sometimes a list or a code block."""
    parts = [_sentence(rng, rng.randint(12, 40)) for _ in range(rng.randint(1, 4))]
    if rng.random() < 0.4:
        parts.append("\n".join(f"- **{rng.choice(WORDS)}**: {_sentence(rng, 8)}" for _ in range(4)))
    if rng.random() < 0.2:
        parts.append("```python\ndef answer(x):\n    return x * 2\n```")
    return "\n\n".join(parts)[:2500]


def _stats(rng: random.Random) -> object:
    from desktop.core.records import AnswerStats

    tokens = rng.randint(60, 500)
    seconds = tokens / rng.uniform(40, 80)
    energy = seconds * 0.004
    return AnswerStats.from_json({
        "model": "SmolLM2-135M-Instruct-Q4_1", "status": "complete", "prompt_tokens": 180,
        "completion_tokens": tokens, "ttft_s": 0.15, "total_s": seconds,
        "tokens_per_s": tokens / seconds,
        "resources": {"peak_rss_mb": 210.0, "cpu_s": seconds, "wall_s": seconds},
        "footprint": {
            "energy_wh": energy, "method": "estimated", "range_wh": [energy / 7, energy],
            "co2_g": energy * 0.45, "co2_range_g": [energy * 0.06, energy * 0.45],
            "water_ml": energy * 3.7, "water_range_ml": [energy * 0.5, energy * 3.7],
            "grid": "FRA", "grid_name": "France", "grid_gco2_per_kwh": 41.44,
            "grid_water_l_per_kwh": 3.67,
            "explanation": "Estimated, because this machine exposes no RAPL energy counters.",
            "sources": ["CodeCarbon cpu.py (https://github.com/mlco2/codecarbon)"],
        },
    })  # fmt: skip


def build_chat(store: object, messages: int, seed: int = 1) -> int:
    """A chat of `messages` messages (questions and answers alternating) in `store`."""
    rng = random.Random(seed)
    chat = store.create_conversation(f"{messages} messages")  # type: ignore[attr-defined]
    for i in range(messages):
        if i % 2 == 0:
            store.add_message(chat.id, "user", _sentence(rng, rng.randint(8, 60))[:400])  # type: ignore[attr-defined]
        else:
            store.add_message(chat.id, "assistant", _answer(rng), stats=_stats(rng))  # type: ignore[attr-defined]
    return int(chat.id)


def measure(messages: int, eager: bool) -> dict[str, object]:
    """In this process: build the file, open the window, open the chat, measure."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="smaller-bench-")
    import psutil
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    import desktop
    from desktop.app import make_application, open_chats
    from desktop.core.session import active_choice
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import AppSettings

    assert Path(desktop.__file__).is_relative_to(ROOT), desktop.__file__
    app = make_application([])
    store, _ = open_chats()
    cid = build_chat(store, messages)
    empty = store.create_conversation("empty").id  # newest: the window opens on it
    window = MainWindow(store, active_choice(), settings=AppSettings(threads=1))
    window.resize(1280, 760)
    window.show()

    def wait(condition) -> None:  # type: ignore[no-untyped-def]
        loop, timer = QEventLoop(), QTimer()
        timer.timeout.connect(lambda: condition() and loop.quit())
        timer.start(50)
        if not condition():
            loop.exec()
        timer.stop()

    wait(lambda: window.model_info is not None or not window.engine.busy)
    view, bar = window.chat_view, window.chat_view.verticalScrollBar()
    if eager:
        window.chat._pages.page_size = messages  # every message as a widget, as before paging

    def settle() -> None:
        # Until layout, deferred deletes and the scroll to the end are done, then one paint.
        for _ in range(3):
            QApplication.processEvents()
        while bar.value() != bar.maximum():
            QApplication.processEvents()
        view.viewport().repaint()

    window.select_conversation(empty)
    settle()
    process = psutil.Process()
    before = process.memory_info().rss
    started = time.perf_counter()
    window.select_conversation(cid)
    settle()
    open_s = time.perf_counter() - started
    growth_mb = (process.memory_info().rss - before) / 1e6
    widgets = len(view.messages)
    pages: list[float] = []
    halfway_mb = 0.0
    for i in range(0 if eager else DEEP_PAGES):
        shown = view.messages[0]
        started = time.perf_counter()
        bar.setValue(0)
        while view.messages[0] is shown:
            QApplication.processEvents()
        while bar.value() == 0:  # until the text read is back in place
            QApplication.processEvents()
        view.viewport().repaint()
        if i < TIMED_PAGES:
            pages.append(time.perf_counter() - started)
        if i + 1 == DEEP_PAGES // 2:
            for _ in range(3):
                QApplication.processEvents()
            halfway_mb = (process.memory_info().rss - before) / 1e6
    for _ in range(3):
        QApplication.processEvents()  # deferred deletes of the pages let go
    deep_mb = (process.memory_info().rss - before) / 1e6
    deep_widgets = len(view.messages)
    window.close()
    app.processEvents()
    return {
        "messages": messages,
        "all_as_widgets": eager,
        "open_s": round(open_s, 3),
        "rss_growth_mb": round(growth_mb, 1),
        "widgets": widgets,
        "earlier_page_s": round(statistics.median(pages), 3) if pages else None,
        f"rss_growth_after_{DEEP_PAGES // 2}_earlier_pages_mb": None
        if eager
        else round(halfway_mb, 1),
        f"rss_growth_after_{DEEP_PAGES}_earlier_pages_mb": None if eager else round(deep_mb, 1),
        f"widgets_after_{DEEP_PAGES}_earlier_pages": None if eager else deep_widgets,
    }


def _child(messages: int, eager: bool) -> dict[str, object]:
    args = [sys.executable, __file__, "--one", str(messages)] + (["--eager"] if eager else [])
    done = subprocess.run(args, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(sizes: list[int]) -> dict[str, object]:
    runs = {f"paged_{n}": _child(n, eager=False) for n in sizes}
    report: dict[str, object] = {"page_size": _page_size(), **runs}
    small = min(sizes)
    if small <= EAGER_UP_TO:
        eager = _child(small, eager=True)
        paged = runs[f"paged_{small}"]
        report[f"all_as_widgets_{small}"] = eager
        report[f"open_ratio_all_vs_paged_{small}"] = round(
            float(eager["open_s"]) / max(float(paged["open_s"]), 1e-6),
            1,  # type: ignore[arg-type]
        )
    if len(sizes) > 1:
        big, paged = runs[f"paged_{max(sizes)}"], runs[f"paged_{small}"]
        report["open_ratio_largest_vs_smallest"] = round(
            float(big["open_s"]) / max(float(paged["open_s"]), 1e-6),
            2,  # type: ignore[arg-type]
        )
    return report


def _page_size() -> int:
    from desktop.core.store import PAGE_SIZE

    return PAGE_SIZE


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--one":
        print(json.dumps(measure(int(sys.argv[2]), "--eager" in sys.argv)))
    else:
        chosen = [int(a) for a in sys.argv[1:]] or list(SIZES)
        print(json.dumps(main(chosen), indent=2))
