"""Take the README's screenshots of the real window, on the real model, under a virtual display.

Run under Xvfb with the xcb platform (what users get), e.g.:
    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python scripts/screenshot.py docs/screenshots
It uses a throw-away data folder, so the user's own chats are never shown.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="smaller-shot-")

from PySide6.QtCore import QEventLoop  # noqa: E402

from desktop.app import configured_model_path, make_application, open_chats  # noqa: E402
from desktop.core.engine import SamplingSettings  # noqa: E402
from desktop.ui.main_window import MainWindow  # noqa: E402


def wait(app, condition, timeout: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while not condition() and time.monotonic() < end:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def main(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    app = make_application([])
    store, warning = open_chats()
    window = MainWindow(store, configured_model_path(), store_warning=warning, n_threads=1)
    window.resize(1360, 800)
    window.show()
    wait(app, lambda: window.model_info is not None)
    window.chat.settings = SamplingSettings(max_tokens=160, temperature=0.0, top_k=1)
    window.rename_conversation(window.store.create_conversation().id, "Packing for a weekend")
    window.new_conversation()
    for question in (
        "Give me three tips to write a clear e-mail, as a list.",
        "Explain in two sentences what a small language model is.",
    ):
        window.prompt.setPlainText(question)
        window.send_current()
        wait(app, lambda: not window.chat.streaming)
    wait(app, lambda: False, timeout=1.5)  # let the panel take a few samples
    window.grab().save(str(out_dir / "main-window.png"))
    window.open_comparison([window.chat_view.messages[-1].stats])
    view = window.comparison_view
    view.more_button.click()
    view.resize(1000, 900)
    wait(app, lambda: False, timeout=0.5)
    view.grab().save(str(out_dir / "comparison-405b.png"))
    view.export_png(out_dir / "comparison-card.png")
    view.close()
    window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
