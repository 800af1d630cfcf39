"""What the live resource panel costs: the app's CPU time with the panel on vs off.

Runs the real window (offscreen) on the real model and answers the same greedy prompt several
times, alternating panel on and off (A-B, B-A), sampling at 1 Hz. Prints JSON with:
- the process CPU seconds per answer, panel on and off (medians) and their difference;
- the panel's own cost, measured directly: the GUI thread's CPU time spent in its ticks, as a
  share of one core at the sampling interval (the difference of medians is noisier than that).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/bench_panel.py [rounds]
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="smaller-bench-")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402

from desktop.app import make_application, open_chats  # noqa: E402
from desktop.core.engine import SamplingSettings  # noqa: E402
from desktop.core.session import active_choice  # noqa: E402
from desktop.ui.main_window import MainWindow  # noqa: E402
from desktop.ui.settings import AppSettings  # noqa: E402

PROMPT = "Write a short story about a lighthouse keeper and a cat."


def main(rounds: int) -> dict[str, object]:
    _app = make_application([])  # kept referenced for the whole run
    store, _ = open_chats()
    settings = AppSettings(threads=1, sample_interval_s=1.0)
    window = MainWindow(store, active_choice(), settings=settings)
    window.show()

    def wait(condition) -> None:  # type: ignore[no-untyped-def]
        # A real event loop, not a processEvents() spin: a busy wait would itself cost a core.
        loop = QEventLoop()
        timer = QTimer()
        timer.timeout.connect(lambda: condition() and loop.quit())
        timer.start(50)
        if not condition():
            loop.exec()
        timer.stop()

    wait(lambda: window.model_info is not None)
    window.chat.settings = SamplingSettings(max_tokens=256, temperature=0.0, top_k=1)
    cpu: dict[bool, list[float]] = {True: [], False: []}
    wall: dict[bool, list[float]] = {True: [], False: []}
    for i in range(rounds):
        for panel_on in (True, False) if i % 2 == 0 else (False, True):
            window.set_panel_visible(panel_on)
            if not panel_on:
                window.resource_panel._timer.stop()  # off means no sampling at all
            else:
                window.resource_panel.set_interval(1.0)
            window.new_conversation()
            started_cpu, started = time.process_time(), time.monotonic()
            window.prompt.setPlainText(PROMPT)
            window.send_current()
            wait(lambda: not window.chat.streaming)
            cpu[panel_on].append(time.process_time() - started_cpu)
            wall[panel_on].append(time.monotonic() - started)
    panel = window.resource_panel
    window.close()
    on, off = statistics.median(cpu[True]), statistics.median(cpu[False])
    wall_on = statistics.median(wall[True])
    return {
        "rounds": rounds,
        "sampling_interval_s": 1.0,
        "cpu_s_per_answer_panel_on": round(on, 4),
        "cpu_s_per_answer_panel_off": round(off, 4),
        "difference_cpu_s": round(on - off, 4),
        "difference_percent_of_one_core": round(100 * (on - off) / wall_on, 3),
        "panel_ticks": panel.ticks,
        "panel_cpu_ms_per_tick": round(1000 * panel.cost_cpu_s / max(panel.ticks, 1), 3),
        "panel_percent_of_one_core": round(panel.cost_percent_of_one_core(), 3),
    }


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]) if len(sys.argv) > 1 else 6), indent=2))
