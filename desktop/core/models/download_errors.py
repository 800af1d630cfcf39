"""The one error type of a model download, and the messages shared by its modules.

Split from download.py so that the URL policy (urlpolicy.py) and the network reads
(patient_http.py) can raise the same error the UI and the CLI already show.
"""

from __future__ import annotations

from typing import Literal

from desktop.core.errors import PlainError
from desktop.core.figures import given, whole
from desktop.core.i18n import translate
from desktop.core.modelfile import human_size

DownloadErrorKind = Literal[
    "not_found", "http_error", "connection", "timeout", "disk_full", "cancelled", "paused",
    "checksum", "wrong_size", "bad_file", "bad_url", "refused", "exists", "write_failed",
]  # fmt: skip


class DownloadError(PlainError):
    """A download that did not produce a usable model."""

    kind: DownloadErrorKind


def unreachable_error(url: str, reason: object) -> DownloadError:
    msg = translate(
        "Download",
        "The server could not be reached. Check your internet connection and try again.",
    )
    return DownloadError("connection", msg, f"{url}: {reason}")


def stalled_error(url: str, seconds: float, received: int) -> DownloadError:
    """No real progress for `seconds`: the server went silent, or trickles `received` bytes."""
    if received:
        msg = translate(
            "Download",
            "The server almost stopped sending: {received} bytes in {seconds} seconds. Try "
            "again later: the download will continue where it stopped.",
        ).format(received=whole(received), seconds=given(seconds))
    else:
        msg = translate(
            "Download",
            "The server stopped sending for {seconds} seconds. Check your connection and try "
            "again: the download will continue where it stopped.",
        ).format(seconds=given(seconds))
    return DownloadError("timeout", msg, f"{url}: {received} B in {seconds:g} s")


def dropped_error(url: str, done: int, total: int | None, exc: BaseException) -> DownloadError:
    if total:
        msg = translate(
            "Download",
            "The connection was lost after {done} of {total}. Try again: the download will "
            "continue where it stopped.",
        ).format(done=human_size(done), total=human_size(total))
    else:
        msg = translate(
            "Download",
            "The connection was lost. Try again: the download will continue where it stopped.",
        )
    return DownloadError("connection", msg, f"{url}: {exc!r}")
