"""Download a model safely: resumable, cancellable, verified before it gets its `.gguf` name.

Bytes go to `NAME.gguf.part`. Only after the size, the checksum(s) and the same preflight as
loading (format, architecture, pre-tokenizer) pass is the file renamed to `NAME.gguf`, so a
half-downloaded, corrupt or foreign file is never listed or loaded.

What happens to the `.part` file on each failure:
  kept (the next run resumes with an HTTP Range request): paused, connection lost, timeout,
      disk full, HTTP errors such as 404 or 503.
  removed (its bytes are known to be useless): cancelled, checksum mismatch, wrong size, not a
      usable model file.
A server that ignores Range (answers 200) or cannot resume (416) makes us start from byte 0.
The checksums are computed over the finished .part in one extra read, so a resumed download is
verified as a whole, whatever happened between its pieces.
"""

from __future__ import annotations

import dataclasses
import hashlib
import http.client
import os
import shutil
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

from desktop.core.errors import PlainError
from desktop.core.i18n import translate
from desktop.core.modelfile import ModelFileError, ModelInfo, human_size, preflight
from desktop.core.models.catalog import CatalogEntry
from desktop.core.models.installed import models_dir

SPACE_MARGIN = 50_000_000  # never fill the disk to the last byte: the system needs some too
_ANY_RAM = 1 << 62  # preflight checks the format only; the fit badge speaks about memory

DownloadErrorKind = Literal[
    "not_found", "http_error", "connection", "timeout", "disk_full", "cancelled", "paused",
    "checksum", "wrong_size", "bad_file", "bad_url", "exists", "write_failed",
]  # fmt: skip


class DownloadError(PlainError):
    """A download that did not produce a usable model."""

    kind: DownloadErrorKind


@dataclass(frozen=True)
class Progress:
    done: int  # bytes in the .part file so far, including a resumed part
    total: int | None
    speed: float  # bytes per second over the last few seconds
    seconds_left: float | None


class _DiskUsage(Protocol):
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


class Download:
    """One model download. `run()` blocks (call it on a worker thread); `pause()` and `cancel()`
    may be called from any thread and take effect after the chunk being read."""

    def __init__(
        self,
        url: str,
        dest: Path,
        *,
        size: int | None = None,
        md5: str | None = None,
        sha256: str | None = None,
        timeout: float = 30.0,
        disk_usage: Callable[[Path], _DiskUsage] = shutil.disk_usage,
        chunk_size: int = 1 << 18,
        progress_interval: float = 0.25,
        entry: CatalogEntry | None = None,
    ) -> None:
        self.url, self.dest, self.size = url, Path(dest), size
        self.md5, self.sha256 = (md5 or "").lower() or None, (sha256 or "").lower() or None
        self.timeout, self.disk_usage, self.chunk_size = timeout, disk_usage, chunk_size
        self.progress_interval = progress_interval
        self.entry = entry
        self.cancel_event = threading.Event()
        self.pause_event = threading.Event()
        self.info: ModelInfo | None = None
        self._samples: deque[tuple[float, int]] = deque()
        self._last_report = 0.0

    @classmethod
    def for_entry(
        cls, entry: CatalogEntry, folder: Path | None = None, url: str | None = None, *,
        timeout: float = 30.0, disk_usage: Callable[[Path], _DiskUsage] = shutil.disk_usage,
        chunk_size: int = 1 << 18, progress_interval: float = 0.25,
    ) -> Download:  # fmt: skip
        """A download of a catalog model into the models folder, checked against its size and
        checksums (also when `url` points at a mirror)."""
        return cls(
            url or entry.url, (folder or models_dir()) / entry.filename, size=entry.file_size,
            md5=entry.md5, sha256=entry.sha256, timeout=timeout, disk_usage=disk_usage,
            chunk_size=chunk_size, progress_interval=progress_interval, entry=entry,
        )  # fmt: skip

    @property
    def part(self) -> Path:
        return part_path(self.dest)

    def pause(self) -> None:
        self.pause_event.set()

    def cancel(self) -> None:
        self.cancel_event.set()

    # -- the steps ---------------------------------------------------------------------------

    def run(self, on_progress: Callable[[Progress], None] | None = None) -> Path:
        """Download (or resume), verify, preflight, rename. Returns the final path."""
        name = self.dest.name
        if urllib.parse.urlsplit(self.url).scheme not in ("http", "https"):
            msg = translate("Download", "“{url}” is not a web address.").format(url=self.url)
            raise DownloadError("bad_url", msg, self.url)
        if self.dest.exists():
            msg = translate("Download", "“{name}” is already installed.").format(name=name)
            raise DownloadError("exists", msg, str(self.dest))
        self.dest.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._fetch(on_progress)
            self._verify()
        except DownloadError as exc:
            if exc.kind in ("cancelled", "checksum", "wrong_size", "bad_file"):
                discard_partial(self.dest)
            raise
        os.replace(self.part, self.dest)
        if self.info is not None:
            self.info = dataclasses.replace(self.info, path=self.dest)
        if self.entry is not None:
            from desktop.core.models.settings import (
                load_settings,
                save_settings,
                settings_from_entry,
            )

            if load_settings(self.dest.name, self.dest.parent) is None:
                save_settings(self.dest.name, settings_from_entry(self.entry), self.dest.parent)
        return self.dest

    def _check_space(self, still_needed: int) -> None:
        free = self.disk_usage(self.dest.parent).free
        if still_needed + SPACE_MARGIN > free:
            msg = translate(
                "Download",
                "There is not enough free disk space for this model: it needs {needed} and only "
                "{free} is free. Free up some space, then try again.",
            ).format(needed=human_size(still_needed + SPACE_MARGIN), free=human_size(free))
            raise DownloadError("disk_full", msg, f"{self.dest.parent}: free {free} B")

    def _stop_if_asked(self) -> None:
        if self.cancel_event.is_set():
            raise DownloadError("cancelled", translate("Download", "The download was cancelled."))
        if self.pause_event.is_set():
            msg = translate("Download", "The download is paused. Resume it to continue.")
            raise DownloadError("paused", msg)

    def _fetch(self, on_progress: Callable[[Progress], None] | None) -> None:
        for _attempt in range(2):  # a second time only when the .part had to be thrown away
            offset = self.part.stat().st_size if self.part.exists() else 0
            if self.size is not None:
                if offset == self.size:
                    return  # complete already (e.g. paused while verifying): just verify
                if offset > self.size:
                    discard_partial(self.dest)
                    continue
                self._check_space(self.size - offset)
            self._stop_if_asked()
            if self._fetch_from(offset, on_progress):
                return
        msg = translate("Download", "The server did not resume the download.")
        raise DownloadError("connection", msg, self.url)

    def _open(self, offset: int) -> http.client.HTTPResponse | None:
        """The response, or None when the server cannot resume at `offset` (answer 416)."""
        headers = {"User-Agent": "Smaller (model download)", "Accept-Encoding": "identity"}
        if offset:
            headers["Range"] = f"bytes={offset}-"
        request = urllib.request.Request(self.url, headers=headers)
        try:
            response: http.client.HTTPResponse = urllib.request.urlopen(
                request, timeout=self.timeout
            )
            return response
        except urllib.error.HTTPError as exc:
            exc.close()  # it holds the error page's socket
            if exc.code == 416 and offset:
                return None
            if exc.code in (404, 410):
                msg = translate(
                    "Download",
                    "The model file was not found on the server (error 404). The model list may "
                    "be out of date: refresh it and try again.",
                )
                raise DownloadError("not_found", msg, f"{self.url}: {exc}") from None
            msg = translate(
                "Download", "The server refused the download (error {code}). Try again later."
            ).format(code=exc.code)
            raise DownloadError("http_error", msg, f"{self.url}: {exc}") from None
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, TimeoutError):
                raise self._timeout_error(exc) from None
            msg = translate(
                "Download",
                "The server could not be reached. Check your internet connection and try again.",
            )
            raise DownloadError("connection", msg, f"{self.url}: {exc.reason}") from None
        except TimeoutError as exc:
            raise self._timeout_error(exc) from None
        except (OSError, http.client.HTTPException) as exc:
            raise self._dropped_error(offset, self.size, exc) from None

    def _fetch_from(self, offset: int, on_progress: Callable[[Progress], None] | None) -> bool:
        """Download from `offset` to the end; False if the .part was discarded to start over."""
        response = self._open(offset)
        if response is None:  # 416: the server has nothing past our .part, which is then wrong
            discard_partial(self.dest)
            return False
        with response:
            if offset and response.status == 206:
                start, total = _content_range(response.getheader("Content-Range", ""))
                if start != offset:
                    discard_partial(self.dest)
                    return False
            else:
                offset, total = 0, None  # a plain 200: the server sends the whole file again
            length = response.getheader("Content-Length")
            if total is None and length is not None and length.isdigit():
                total = offset + int(length)
            if total is not None and self.size is not None and total != self.size:
                msg = translate(
                    "Download",
                    "The server is offering a different file ({offered}) from the one expected "
                    "({expected}), so it was not downloaded.",
                ).format(offered=human_size(total), expected=human_size(self.size))
                raise DownloadError("wrong_size", msg, f"{self.url}: {total} != {self.size} B")
            if self.size is None and total is not None:
                self._check_space(total - offset)
            self._stream(response, offset, total or self.size, on_progress)
        return True

    def _stream(
        self, response: http.client.HTTPResponse, offset: int, total: int | None,
        on_progress: Callable[[Progress], None] | None,
    ) -> None:  # fmt: skip
        done = offset
        self._samples.clear()
        self._samples.append((time.monotonic(), done))
        with self.part.open("ab" if offset else "wb") as out:
            while True:
                try:
                    chunk = response.read(self.chunk_size)
                except TimeoutError as exc:
                    raise self._timeout_error(exc) from None
                except (OSError, http.client.HTTPException) as exc:
                    raise self._dropped_error(done, total, exc) from None
                if not chunk:
                    break
                try:
                    out.write(chunk)
                except OSError as exc:
                    out.close()
                    self._check_space(len(chunk))  # raises disk_full if that was the cause
                    msg = translate("Download", "The model could not be saved in {folder}.").format(
                        folder=self.dest.parent
                    )
                    raise DownloadError("write_failed", msg, str(exc)) from None
                done += len(chunk)
                self._report(on_progress, done, total, final=False)
                self._stop_if_asked()
        if total is not None and done < total:
            raise self._dropped_error(done, total, EOFError("connection closed early"))
        self._report(on_progress, done, total, final=True)

    def _report(
        self, on_progress: Callable[[Progress], None] | None, done: int, total: int | None,
        final: bool,
    ) -> None:  # fmt: skip
        now = time.monotonic()
        self._samples.append((now, done))
        while len(self._samples) > 2 and now - self._samples[0][0] > 5.0:
            self._samples.popleft()  # speed over the last ~5 s, so it follows the connection
        if on_progress is None or (not final and now - self._last_report < self.progress_interval):
            return
        self._last_report = now
        first_time, first_done = self._samples[0]
        speed = (done - first_done) / (now - first_time) if now > first_time else 0.0
        left = (total - done) / speed if total is not None and speed > 0 else None
        on_progress(Progress(done, total, speed, left))

    def _timeout_error(self, exc: BaseException) -> DownloadError:
        msg = translate(
            "Download",
            "The server stopped answering for {seconds} seconds. Check your connection and try "
            "again: the download will continue where it stopped.",
        ).format(seconds=f"{self.timeout:g}")
        return DownloadError("timeout", msg, f"{self.url}: {exc!r}")

    def _dropped_error(self, done: int, total: int | None, exc: BaseException) -> DownloadError:
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
        return DownloadError("connection", msg, f"{self.url}: {exc!r}")

    def _verify(self) -> None:
        """Size, then checksums, then the loader's own preflight, all on the .part file."""
        actual = self.part.stat().st_size
        if self.size is not None and actual != self.size:
            msg = translate(
                "Download",
                "The downloaded file has the wrong size, so it was deleted. Download it again.",
            )
            raise DownloadError("wrong_size", msg, f"{actual} != {self.size} B")
        md5, sha256 = hashlib.md5(usedforsecurity=False), hashlib.sha256()
        with self.part.open("rb") as handle:
            while block := handle.read(1 << 20):
                md5.update(block)
                sha256.update(block)
                self._stop_if_asked()
        for algo, want, got in (("md5", self.md5, md5), ("sha256", self.sha256, sha256)):
            if want is not None and got.hexdigest() != want:
                msg = translate(
                    "Download",
                    "The downloaded file is damaged (its checksum does not match), so it was "
                    "deleted. Download it again.",
                )
                raise DownloadError("checksum", msg, f"{algo} {got.hexdigest()} != {want}")
        try:
            self.info = preflight(self.part, available_ram=_ANY_RAM)
        except ModelFileError as exc:
            msg = translate(
                "Download", "The downloaded file cannot be used, so it was deleted. {reason}"
            ).format(reason=exc)
            raise DownloadError("bad_file", msg, f"{exc.kind}: {exc.detail}") from None


def _content_range(value: str) -> tuple[int | None, int | None]:
    """ "bytes 100-199/200" -> (100, 200); unknown parts are None."""
    try:
        unit, _, rest = value.partition(" ")
        span, _, size = rest.partition("/")
        start = int(span.split("-")[0]) if unit == "bytes" else None
        return start, int(size) if size.isdigit() else None
    except ValueError:
        return None, None
