"""The files of a download: the `.part` file, free space, and the checks on the finished bytes.

Split from download.py (which talks to the server); these helpers only touch the disk.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from desktop.core.i18n import translate
from desktop.core.modelfile import ModelFileError, ModelInfo, human_size, preflight
from desktop.core.models.download_errors import DownloadError

SPACE_MARGIN = 50_000_000  # never fill the disk to the last byte: the system needs some too
_ANY_RAM = 1 << 62  # preflight checks the format only; the fit badge speaks about memory


class DiskUsage(Protocol):
    @property
    def free(self) -> int: ...


def part_path(dest: Path) -> Path:
    return dest.with_name(dest.name + ".part")


def partial_size(dest: Path) -> int:
    """Bytes already downloaded for `dest` (0 if none): the UI offers "resume" when > 0."""
    try:
        return part_path(dest).stat().st_size
    except OSError:
        return 0


def discard_partial(dest: Path) -> None:
    part_path(dest).unlink(missing_ok=True)


def check_space(disk_usage: Callable[[Path], DiskUsage], folder: Path, still_needed: int) -> None:
    free = disk_usage(folder).free
    if still_needed + SPACE_MARGIN > free:
        msg = translate(
            "Download",
            "There is not enough free disk space for this model: it needs {needed} and only "
            "{free} is free. Free up some space, then try again.",
        ).format(needed=human_size(still_needed + SPACE_MARGIN), free=human_size(free))
        raise DownloadError("disk_full", msg, f"{folder}: free {free} B")


def verify_part(
    part: Path, size: int | None, md5: str | None, sha256: str | None,
    stop_if_asked: Callable[[], None],
) -> ModelInfo:  # fmt: skip
    """Size, then checksums, then the loader's own preflight, all on the .part file."""
    actual = part.stat().st_size
    if size is not None and actual != size:
        msg = translate(
            "Download",
            "The downloaded file has the wrong size, so it was deleted. Download it again.",
        )
        raise DownloadError("wrong_size", msg, f"{actual} != {size} B")
    md5_sum, sha256_sum = hashlib.md5(usedforsecurity=False), hashlib.sha256()
    with part.open("rb") as handle:
        while block := handle.read(1 << 20):
            md5_sum.update(block)
            sha256_sum.update(block)
            stop_if_asked()
    for algo, want, got in (("md5", md5, md5_sum), ("sha256", sha256, sha256_sum)):
        if want is not None and got.hexdigest() != want:
            msg = translate(
                "Download",
                "The downloaded file is damaged (its checksum does not match), so it was "
                "deleted. Download it again.",
            )
            raise DownloadError("checksum", msg, f"{algo} {got.hexdigest()} != {want}")
    try:
        return preflight(part, available_ram=_ANY_RAM)
    except ModelFileError as exc:
        msg = translate(
            "Download", "The downloaded file cannot be used, so it was deleted. {reason}"
        ).format(reason=exc)
        raise DownloadError("bad_file", msg, f"{exc.kind}: {exc.detail}") from None


def content_range(value: str) -> tuple[int | None, int | None]:
    """ "bytes 100-199/200" -> (100, 200); unknown parts are None."""
    try:
        unit, _, rest = value.partition(" ")
        span, _, size = rest.partition("/")
        start = int(span.split("-")[0]) if unit == "bytes" else None
        return start, int(size) if size.isdigit() else None
    except ValueError:
        return None, None
