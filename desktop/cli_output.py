"""The command line's output: a stdout only Smaller writes to, and one way to fail.

- gpt4all's C library can print to the process's stdout (its llama.cpp build calls puts and
  printf), and `smaller ask --json | jq` must read exactly one JSON object. So while a command
  runs, file descriptor 1 points at stderr, and Python's `sys.stdout` writes to a duplicate of
  the original stdout.
- Every failure goes through `Output.fail`: one line on stderr ("smaller: ..."), or with --json
  one JSON object {"error", "error_kind"} on stdout; exit 1 for a failure, 2 for a bad argument
  (as argparse), 130 for Ctrl+C.
- Writing can fail: a reader that went away (`| head`) ends the command quietly, as Unix tools
  do (exit 141, 128 + SIGPIPE); a full disk gives one line on stderr and exit 1. No traceback.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import io
import json
import os
import re
import signal
import sys
import threading
from collections.abc import Iterator
from typing import Any, TextIO

EXIT_FAILURE, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 1, 2, 130, 141
_SURROGATE = re.compile("[\ud800-\udfff]")


class OutputFailed(Exception):
    """Writing to stdout failed (`error` says why)."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


class _GuardedText(io.TextIOWrapper):
    """A text stream whose write failures are OutputFailed, so they are told apart from any
    other OSError (a model file that cannot be read is not an output failure)."""

    def write(self, text: str) -> int:
        try:
            return super().write(text)
        except OSError as exc:
            raise OutputFailed(exc) from None

    def flush(self) -> None:
        try:
            super().flush()
        except OSError as exc:
            raise OutputFailed(exc) from None


def _flush_c_stdio() -> None:
    """Flush what the C library buffered for fd 1 while it pointed at stderr, so it cannot
    reach the real stdout once fd 1 is restored."""
    with contextlib.suppress(Exception):
        libc = ctypes.cdll.ucrtbase if sys.platform == "win32" else ctypes.CDLL(None)
        libc.fflush(None)


class Output:
    def __init__(self, json_mode: bool) -> None:
        self.json_mode = json_mode
        self._saved: TextIO | None = None
        self._fds: tuple[int, int] | None = None  # (original fd 1, ours)
        self.stream: TextIO = sys.stdout

    def open(self) -> None:
        """Point fd 1 at stderr; `sys.stdout` keeps writing where stdout went."""
        current = sys.stdout
        try:
            if current is None or current.fileno() != 1:
                return  # no stdout, or one replaced in-process (a test's capture): leave it
            current.flush()
            original, ours = os.dup(1), os.dup(1)
        except (OSError, ValueError, io.UnsupportedOperation):
            return
        with contextlib.suppress(OSError):
            os.dup2(2, 1)
        raw = io.FileIO(ours, "w", closefd=True)
        self.stream = _GuardedText(
            io.BufferedWriter(raw), encoding=current.encoding or "utf-8", errors="replace",
            line_buffering=raw.isatty(),
        )  # fmt: skip
        self._saved, self._fds = current, (original, ours)
        sys.stdout = self.stream

    def close(self) -> None:
        if self._fds is None:
            return
        original, _ours = self._fds
        _flush_c_stdio()
        sys.stdout = self._saved
        with contextlib.suppress(OSError):
            os.dup2(original, 1)
        os.close(original)
        with contextlib.suppress(OSError, OutputFailed, ValueError):
            self.stream.close()
        self._fds = None

    def flush(self) -> None:
        self.stream.flush()

    def write_json(self, obj: dict[str, Any]) -> None:
        self.stream.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")
        self.stream.flush()

    def _silence(self) -> None:
        """After a failed write: send what is still buffered nowhere, so no later flush (at
        exit) fails again with a traceback."""
        if self._fds is not None:
            with contextlib.suppress(OSError):
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, self._fds[1])
                os.close(devnull)

    def output_failed(self, exc: OutputFailed) -> int:
        self._silence()
        gone = (errno.EPIPE,) + ((errno.EINVAL,) if sys.platform == "win32" else ())
        if isinstance(exc.error, BrokenPipeError) or exc.error.errno in gone:
            return EXIT_BROKEN_PIPE  # the reader has all it wanted: say nothing
        say(f"could not write the output: {exc.error.strerror or exc.error}")
        return EXIT_FAILURE

    def fail(self, message: str, kind: str, code: int = EXIT_FAILURE, **extra: Any) -> int:
        """The one way a command fails. Returns the exit code."""
        if self.json_mode:
            try:
                self.write_json({"error": message, "error_kind": kind, **extra})
                return code
            except OutputFailed as exc:
                self.output_failed(exc)
        say(message)
        return code


def say(message: str) -> None:
    """One line on stderr."""
    with contextlib.suppress(OSError, ValueError):
        print(f"smaller: {' '.join(message.split())}", file=sys.stderr, flush=True)


def undecodable(text: str) -> str | None:
    """None for proper text; else the first byte that was not UTF-8, as "0xff". Python turns
    such bytes in the command line into lone surrogates (PEP 383), which cannot be encoded."""
    found = _SURROGATE.search(text)
    if found is None:
        return None
    code = ord(found.group())
    return f"0x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"U+{code:04X}"


@contextlib.contextmanager
def stop_on_interrupt(stop: threading.Event) -> Iterator[list[bool]]:
    """Ctrl+C sets `stop` instead of raising KeyboardInterrupt. Raised inside gpt4all's token
    callback, the exception would be printed as a traceback and ignored; a stop event ends the
    answer cleanly at the next token. The list it yields holds True once Ctrl+C was pressed."""
    pressed: list[bool] = []
    main_thread = threading.current_thread() is threading.main_thread()
    if not main_thread or signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        yield pressed  # signals go to the main thread only; an ignored Ctrl+C stays ignored
        return

    def handler(_signum: int, _frame: object) -> None:
        pressed.append(True)
        stop.set()

    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield pressed
    finally:
        signal.signal(signal.SIGINT, previous)
