"""Refresh the model list from GPT4All's server ("Refresh the list", `smaller models refresh`).

Split from catalog.py, which reads and filters lists; this module is the one network fetch. It
uses the same checks and waits as a model download (urlpolicy.py, patient_http.py): https only,
no local-network address unless the user typed it, and a trickling or silent server cannot hold
the thread that also runs imports and metadata reads.
"""

from __future__ import annotations

import http.client
import json
import logging
import time
from pathlib import Path

from desktop.core.i18n import translate
from desktop.core.jsonfile import write_text_atomically
from desktop.core.models.catalog import (
    DEFAULT_CATALOG_URL,
    REFRESHED_FILE,
    Catalog,
    CatalogEntry,
    CatalogError,
    entry_from_gpt4all,
    load_bundled_catalog,
    snapshot_json,
    why_not_offered,
)
from desktop.core.models.download_errors import DownloadError
from desktop.core.models.patient_http import get_small

log = logging.getLogger(__name__)
MAX_CATALOG_BYTES = 5_000_000  # the real list is ~40 KB; anything huge is not a catalog
CATALOG_DEADLINE_S = 60.0  # the ~40 KB list in all, even from a server that trickles


def refresh_catalog(
    url: str = DEFAULT_CATALOG_URL,
    timeout: float = 15.0,
    folder: Path | None = None,
    user_typed: bool = False,
) -> Catalog:
    """Fetch GPT4All's current list, keep the runnable chat models and store them in the models
    folder (so the next start shows them too). Raises CatalogError; the old list then stays.
    `timeout`: seconds without progress; `user_typed`: as for Download (urlpolicy.py)."""
    from desktop.core.models.installed import models_dir

    headers = {"User-Agent": "Smaller (model catalog)"}
    try:
        status, body = get_small(
            url, headers, max_bytes=MAX_CATALOG_BYTES, stall_limit=timeout,
            deadline_s=CATALOG_DEADLINE_S, user_typed=user_typed,
        )  # fmt: skip
    except DownloadError as exc:
        if exc.kind in ("refused", "bad_url"):
            raise CatalogError(exc.kind, str(exc), exc.detail) from None
        msg = translate(
            "Catalog", "The model list could not be downloaded. Check your internet connection."
        )
        raise CatalogError("connection", msg, f"{url}: {exc.detail}") from None
    except (OSError, http.client.HTTPException) as exc:
        msg = translate(
            "Catalog", "The model list could not be downloaded. Check your internet connection."
        )
        raise CatalogError("connection", msg, f"{url}: {exc!r}") from None
    if status >= 400:
        msg = translate(
            "Catalog", "The model list could not be downloaded (the server answered {code})."
        ).format(code=status)
        raise CatalogError("http_error", msg, f"{url}: HTTP {status}")
    if len(body) > MAX_CATALOG_BYTES:
        msg = translate("Catalog", "The server sent something that is not a model list.")
        raise CatalogError("invalid", msg, url)
    try:
        raw_entries = json.loads(body.decode("utf-8"))
        if not isinstance(raw_entries, list):
            raise ValueError("not a list")
    except ValueError as exc:
        msg = translate("Catalog", "The server sent something that is not a model list.")
        raise CatalogError("invalid", msg, f"{url}: {exc}") from None

    bundled = load_bundled_catalog()
    entries: list[CatalogEntry] = []
    for raw in raw_entries:
        problem = why_not_offered(raw) if isinstance(raw, dict) else "not an object"
        if problem is not None:
            name = raw.get("filename") if isinstance(raw, dict) else raw
            log.info("catalog: leaving out %r: %s", name, problem)
            continue
        try:
            entry = entry_from_gpt4all(raw, bundled.by_filename(raw["filename"]))
        except (ValueError, KeyError, TypeError) as exc:
            log.info("catalog: leaving out %r: %s", raw.get("filename"), exc)
            continue
        if all(e.filename != entry.filename for e in entries):
            entries.append(entry)
    if not entries:
        msg = translate("Catalog", "The downloaded model list has no model this app can run.")
        raise CatalogError("empty", msg, f"{url}: {len(raw_entries)} entries, none runnable")

    date = time.strftime("%Y-%m-%d", time.gmtime())
    text = snapshot_json(
        entries, url, date, "Fetched by refresh_catalog(); runnable chat models only."
    )
    target = (folder or models_dir()) / REFRESHED_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomically(target, text)
    return Catalog(tuple(entries), url, date, "refreshed")
