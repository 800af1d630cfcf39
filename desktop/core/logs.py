"""The log file: what the app did and what went wrong, so a user can send it when asked.

It lives in the platform's state or logs folder (`paths.state_dir()`), is rotated (three files
of 1 MB at most), and never holds what the user typed or what the model answered: only events
(started, model loaded, answer finished with its figures, errors with their technical detail).
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import threading
from pathlib import Path
from types import TracebackType

from desktop.core.paths import state_dir

LOG_NAME = "smaller.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
_FORMAT = "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"


def log_path(folder: Path | None = None) -> Path:
    return (folder or state_dir()) / LOG_NAME


def setup_logging(folder: Path | None = None, level: int = logging.INFO) -> Path | None:
    """Send the app's log to the rotated file; returns its path, or None when the folder cannot
    be written (the app then runs without a log rather than not at all)."""
    path = log_path(folder)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "smaller_log", False)]:
        root.removeHandler(old)
        old.close()
    handler.smaller_log = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    _log_uncaught()
    return path


def _log_uncaught() -> None:
    """Uncaught exceptions, on any thread, go to the log too (then on as before)."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if not issubclass(kind, KeyboardInterrupt):
            logging.getLogger("smaller").error("uncaught exception", exc_info=(kind, value, tb))
        previous(kind, value, tb)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        logging.getLogger("smaller").error(
            "uncaught exception in %s", getattr(args.thread, "name", "?"),
            exc_info=(args.exc_type, args.exc_value, args.exc_traceback),  # type: ignore[arg-type]
        )  # fmt: skip

    if getattr(sys.excepthook, "smaller_hook", False):
        return
    hook.smaller_hook = True  # type: ignore[attr-defined]
    sys.excepthook = hook
    threading.excepthook = thread_hook
