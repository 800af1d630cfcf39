"""Capture what the C library writes to file descriptor 2 while a model loads.

gpt4all's llama.cpp explains a failed load only on the process's stderr (fd 2), never through
Python. We point fd 2 at a temporary file for the duration of the load, then turn the useful line
into a sentence for the user. It also hides the harmless "Failed to load ...cuda..." noise that
the first model creation prints on machines without CUDA.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from desktop.core.i18n import translate


class Captured:
    def __init__(self) -> None:
        self.text = ""
        self._notes: list[str] = []

    def append_note(self, note: str) -> None:
        self._notes.append(note)

    def finish(self, text: str) -> None:
        self.text = "\n".join([text, *self._notes]).strip()


@contextlib.contextmanager
def capture_stderr() -> Iterator[Captured]:
    captured = Captured()
    sys.stderr.flush()
    saved = os.dup(2)
    with tempfile.TemporaryFile(mode="w+b") as sink:
        os.dup2(sink.fileno(), 2)
        try:
            yield captured
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)
            sink.seek(0)
            raw = sink.read().decode("utf-8", errors="replace")
            captured.finish("\n".join(line for line in raw.splitlines() if "cuda" not in line))


def _reasons() -> list[tuple[str, str]]:
    """(substring in stderr, message for the user). The first match wins. A function, so the
    messages are translated when a load fails, not when this module is imported."""
    no_memory = translate(
        "Capture",
        "There is not enough free memory to load this model. Close other programs, or choose a "
        "smaller model or a shorter context.",
    )
    return [
        (
            "not within the file bounds",
            translate(
                "Capture",
                "The model file is incomplete (it may be a download that stopped half way). "
                "Download it again.",
            ),
        ),
        (
            "unknown pre-tokenizer",
            translate(
                "Capture",
                "This model needs a newer version of the engine than the one in Smaller (its "
                "tokenizer is not supported). Choose another model.",
            ),
        ),
        (
            "Unsupported model architecture",
            translate(
                "Capture",
                "This kind of model is not supported by Smaller's engine. Choose another model.",
            ),
        ),
        (
            "Unsupported file format",
            translate("Capture", "This file is not a model file Smaller can read."),
        ),
        ("failed to allocate", no_memory),
        ("failed to init context", no_memory),
    ]


def explain_load_failure(stderr_text: str, path: Path) -> tuple[str, str]:
    """Return (plain message, technical detail) for a failed load."""
    detail = "\n".join(
        line
        for line in stderr_text.splitlines()
        if "error" in line.lower() or "fail" in line.lower() or "unsupported" in line.lower()
    )
    for needle, message in _reasons():
        if needle in stderr_text:
            failed = translate("Capture", "Could not load {name}.").format(name=path.name)
            return f"{failed} {message}", detail or stderr_text[-2000:]
    return (
        translate(
            "Capture",
            "Could not load {name}: the engine refused it. The file may be damaged or of a kind "
            "Smaller does not support. Try another model file.",
        ).format(name=path.name),
        detail or stderr_text[-2000:] or "no reason given by the engine",
    )
