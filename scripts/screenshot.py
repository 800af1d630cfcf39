"""Take the README's screenshots of the real window, on the real model, under a virtual display.

Run under Xvfb with the xcb platform (what users get), e.g.:
    xvfb-run -a -s "-screen 0 1400x1000x24" .venv/bin/python scripts/screenshot.py docs/screenshots
Each language runs in its own process with a throw-away data folder, so no real chats are shown.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def wait(app, condition, timeout: float = 120.0) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    timer = QTimer()
    end = time.monotonic() + timeout
    timer.timeout.connect(lambda: (condition() or time.monotonic() > end) and loop.quit())
    timer.start(50)
    if not condition():
        loop.exec()
    timer.stop()


def pause(app, seconds: float) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + seconds
    wait(app, lambda: time.monotonic() > end, seconds + 1)


def shoot(out_dir: Path, language: str) -> None:
    from desktop.app import make_application, open_main_window
    from desktop.core.engine import SamplingSettings
    from desktop.ui.settings import AppSettings

    suffix = "" if language == "en" else f"-{language}"
    app = make_application([])
    window = open_main_window(AppSettings(language=language, threads=1, theme="light"))
    window.resize(1360, 800)
    window.show()
    welcome = window.show_welcome()
    pause(app, 0.5)
    welcome.grab().save(str(out_dir / f"welcome{suffix}.png"))
    welcome.reject()
    wait(app, lambda: window.model_info is not None)
    window.chat.settings = SamplingSettings(max_tokens=160, temperature=0.0, top_k=1)
    if language == "en":
        window.rename_conversation(window.store.create_conversation().id, "Packing for a weekend")
        window.new_conversation()
        for question in (
            "Give me three tips to write a clear e-mail, as a list.",
            "Explain in two sentences what a small language model is.",
        ):
            window.ask(question)
            wait(app, lambda: not window.chat.streaming)
        pause(app, 1.5)  # let the panel take a few samples
        window.grab().save(str(out_dir / "main-window.png"))
        window.open_comparison([window.chat_view.messages[-1].stats])
        view = window.comparison_view
        view.more_button.click()
        view.resize(1000, 900)
        pause(app, 0.5)
        view.grab().save(str(out_dir / "comparison-405b.png"))
        view.close()
    window.new_conversation()
    window.set_demo_mode(True)
    window.demo_panel.buttons[0].click()
    wait(app, lambda: bool(window.chat_view.messages) and not window.chat.streaming)
    pause(app, 1.0)
    window.grab().save(str(out_dir / f"demo-mode{suffix}.png"))
    window.set_demo_mode(False)
    window.close()


def run_isolated(script: str, *args: str) -> None:
    """Run `script --one ARGS` in its own process with throw-away data, settings and log
    folders, so no real chat, setting or earlier screenshot run shows (xcb unless told)."""
    folders = ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME")
    env = dict(os.environ, **{name: tempfile.mkdtemp() for name in folders})
    env.setdefault("QT_QPA_PLATFORM", "xcb")
    subprocess.run([sys.executable, script, "--one", *args], env=env, check=True)


def main(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    for language in ("en", "fr"):
        run_isolated(__file__, language, str(out_dir))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--one":
        shoot(Path(sys.argv[3]), sys.argv[2])
    else:
        main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
