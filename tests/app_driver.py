"""Runs the real app (`desktop.app.run_app`) in a child process for the process-level tests,
and once its model is loaded asks the question given on the command line, as a user would by
typing it. Nothing here is part of the app."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

import desktop.app
from desktop.ui.settings import AppSettings


def main() -> int:
    question = sys.argv[1] if len(sys.argv) > 1 else ""
    QApplication(sys.argv[:1])
    AppSettings(threads=1, max_tokens=2000).save()

    def ask_when_ready() -> None:
        windows = desktop.app._windows
        window = windows[0] if windows else None
        if window is None or window.model_info is None:  # type: ignore[attr-defined]
            QTimer.singleShot(50, ask_when_ready)
            return
        print("ready", flush=True)
        if question:
            window.ask(question)  # type: ignore[attr-defined]

    QTimer.singleShot(0, ask_when_ready)
    return desktop.app.run_app()


if __name__ == "__main__":
    sys.exit(main())
