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
import http.client
import os
import shutil
import ssl
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop.core.i18n import translate
from desktop.core.modelfile import ModelInfo, human_size
from desktop.core.models.catalog import CatalogEntry
from desktop.core.models.download_errors import DownloadError, DownloadErrorKind, dropped_error
from desktop.core.models.download_files import (
    SPACE_MARGIN,
    DiskUsage,
    check_space,
    content_range,
    discard_partial,
    part_path,
    partial_size,
    verify_part,
)
from desktop.core.models.installed import models_dir
from desktop.core.models.patient_http import STALL_LIMIT_S, Watch, open_get
from desktop.core.models.urlpolicy import Resolver, precheck

__all__ = [
    "SPACE_MARGIN", "STALL_LIMIT_S", "WAITING_SHOWN_S", "Download", "DownloadError",
    "DownloadErrorKind", "Progress", "discard_partial", "part_path", "partial_size",
]  # fmt: skip
WAITING_SHOWN_S = 3.0  # a shorter silence is ordinary network jitter; a longer one is shown


@dataclass(frozen=True)
class Progress:
    done: int  # bytes in the .part file so far, including a resumed part
    total: int | None
    speed: float  # bytes per second over the last few seconds
    seconds_left: float | None
    waiting: float = 0.0  # seconds since the server last sent anything (shown when it stalls)


class Download:
    """One model download. `run()` blocks (call it on a worker thread); `pause()` and `cancel()`
    may be called from any thread and take effect within a quarter second (patient_http.TICK_S),
    whatever the server does. `timeout`: the stall limit, seconds without real progress.
    `user_typed`: the URL came from the user's own input, so its host may be on their local
    network (urlpolicy.py); a catalog URL or a mirror chosen by the app may not."""

    def __init__(
        self,
        url: str,
        dest: Path,
        *,
        size: int | None = None,
        md5: str | None = None,
        sha256: str | None = None,
        timeout: float = STALL_LIMIT_S,
        disk_usage: Callable[[Path], DiskUsage] = shutil.disk_usage,
        chunk_size: int = 1 << 18,
        progress_interval: float = 0.25,
        entry: CatalogEntry | None = None,
        user_typed: bool = False,
        resolver: Resolver | None = None,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        self.url, self.dest, self.size = url, Path(dest), size
        self.md5, self.sha256 = (md5 or "").lower() or None, (sha256 or "").lower() or None
        self.timeout, self.disk_usage, self.chunk_size = timeout, disk_usage, chunk_size
        self.progress_interval = progress_interval
        self.entry, self.user_typed = entry, user_typed
        self.resolver, self.ssl_context = resolver, ssl_context
        self.cancel_event = threading.Event()
        self.pause_event = threading.Event()
        self.info: ModelInfo | None = None
        self._samples: deque[tuple[float, int]] = deque()
        self._last_report = 0.0
        self._on_progress: Callable[[Progress], None] | None = None
        self._done, self._total = 0, size  # what the next heartbeat reports
        self._watch: Watch | None = None

    @classmethod
    def for_entry(
        cls, entry: CatalogEntry, folder: Path | None = None, url: str | None = None, *,
        user_typed: bool = False, **options: object,
    ) -> Download:  # fmt: skip
        """A download of a catalog model into the models folder, checked against its size and
        checksums (also when `url` points at a mirror). `options`: as for Download()."""
        return cls(
            url or entry.url, (folder or models_dir()) / entry.filename, size=entry.file_size,
            md5=entry.md5, sha256=entry.sha256, entry=entry, user_typed=user_typed and bool(url),
            **options,  # type: ignore[arg-type]
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
        precheck(self.url)  # not a web address, or plain http to another computer
        if self.dest.exists():
            msg = translate("Download", "“{name}” is already installed.").format(name=name)
            raise DownloadError("exists", msg, str(self.dest))
        self.dest.parent.mkdir(parents=True, exist_ok=True)
        self._on_progress = on_progress
        try:
            self._fetch()
            self.info = verify_part(
                self.part, self.size, self.md5, self.sha256, self._stop_if_asked
            )
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

    def _stop_if_asked(self) -> None:
        if self.cancel_event.is_set():
            raise DownloadError("cancelled", translate("Download", "The download was cancelled."))
        if self.pause_event.is_set():
            msg = translate("Download", "The download is paused. Resume it to continue.")
            raise DownloadError("paused", msg)

    def _fetch(self) -> None:
        for _attempt in range(2):  # a second time only when the .part had to be thrown away
            offset = self.part.stat().st_size if self.part.exists() else 0
            if self.size is not None:
                if offset == self.size:
                    return  # complete already (e.g. paused while verifying): just verify
                if offset > self.size:
                    discard_partial(self.dest)
                    continue
                check_space(self.disk_usage, self.dest.parent, self.size - offset)
            self._stop_if_asked()
            if self._fetch_from(offset):
                return
        msg = translate("Download", "The server did not resume the download.")
        raise DownloadError("connection", msg, self.url)

    def _heartbeat(self) -> None:
        """Progress while nothing arrives, so the window shows the speed falling and the wait."""
        self._report(self._done, self._total, final=False)

    def _open(self, offset: int) -> http.client.HTTPResponse | None:
        """The response, or None when the server cannot resume at `offset` (answer 416)."""
        headers = {"User-Agent": "Smaller (model download)", "Accept-Encoding": "identity"}
        if offset:
            headers["Range"] = f"bytes={offset}-"
        self._watch = Watch(self.url, self._stop_if_asked, self.timeout, self._heartbeat)
        try:
            response = open_get(
                self.url, headers, self._watch, user_typed=self.user_typed,
                resolver=self.resolver, context=self.ssl_context,
            )  # fmt: skip
        except (OSError, http.client.HTTPException) as exc:
            raise dropped_error(self.url, offset, self.size, exc) from None
        if response.status < 400:
            return response
        response.close()  # it holds the error page's socket
        if response.status == 416 and offset:
            return None
        detail = f"{self.url}: HTTP {response.status} {response.reason}"
        if response.status in (404, 410):
            msg = translate(
                "Download",
                "The model file was not found on the server (error 404). The model list may "
                "be out of date: refresh it and try again.",
            )
            raise DownloadError("not_found", msg, detail)
        msg = translate(
            "Download", "The server refused the download (error {code}). Try again later."
        ).format(code=response.status)
        raise DownloadError("http_error", msg, detail)

    def _fetch_from(self, offset: int) -> bool:
        """Download from `offset` to the end; False if the .part was discarded to start over."""
        self._done, self._total = offset, self.size
        self._samples.clear()
        self._samples.append((time.monotonic(), offset))
        response = self._open(offset)
        if response is None:  # 416: the server has nothing past our .part, which is then wrong
            discard_partial(self.dest)
            return False
        with response:
            if offset and response.status == 206:
                start, total = content_range(response.getheader("Content-Range", ""))
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
                check_space(self.disk_usage, self.dest.parent, total - offset)
            self._stream(response, offset, total or self.size)
        return True

    def _stream(self, response: http.client.HTTPResponse, offset: int, total: int | None) -> None:
        self._done, self._total = offset, total
        with self.part.open("ab" if offset else "wb") as out:
            while True:
                try:
                    # read1: whatever has arrived, at most chunk_size; waits in short slices.
                    chunk = response.read1(self.chunk_size)
                except (OSError, http.client.HTTPException) as exc:
                    raise dropped_error(self.url, self._done, total, exc) from None
                if not chunk:
                    break
                try:
                    out.write(chunk)
                except OSError as exc:
                    out.close()
                    check_space(
                        self.disk_usage, self.dest.parent, len(chunk)
                    )  # raises disk_full if that was the cause
                    msg = translate("Download", "The model could not be saved in {folder}.").format(
                        folder=self.dest.parent
                    )
                    raise DownloadError("write_failed", msg, str(exc)) from None
                self._done += len(chunk)
                self._report(self._done, total, final=False)
                self._stop_if_asked()
        if total is not None and self._done < total:
            raise dropped_error(self.url, self._done, total, EOFError("connection closed early"))
        self._report(self._done, total, final=True)

    def _report(self, done: int, total: int | None, final: bool) -> None:
        now = time.monotonic()
        self._samples.append((now, done))
        while len(self._samples) > 2 and now - self._samples[0][0] > 5.0:
            self._samples.popleft()  # speed over the last ~5 s, so it follows the connection
        on_progress = self._on_progress
        if on_progress is None or (not final and now - self._last_report < self.progress_interval):
            return
        self._last_report = now
        first_time, first_done = self._samples[0]
        speed = (done - first_done) / (now - first_time) if now > first_time else 0.0
        left = (total - done) / speed if total is not None and speed > 0 else None
        waiting = self._watch.idle_for() if self._watch is not None and not final else 0.0
        on_progress(Progress(done, total, speed, left, waiting))
