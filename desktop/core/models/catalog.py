"""The catalog of downloadable models: GPT4All's list, cut down to what gpt4all 2.8.2 can chat with.

A snapshot ships in `resources/data/models-catalog.json` (built by `scripts/build_catalog.py`).
`refresh_catalog()` (catalog_refresh.py) is the only catalog code that touches the network, and
only the UI's "refresh" button or `smaller models refresh` call it: the app never fetches anything
on its own.
"""

from __future__ import annotations

import html
import json
import logging
import re
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any, Literal

from desktop.core.engine_support import KNOWN_ARCHES
from desktop.core.errors import PlainError
from desktop.core.paths import resource_path

log = logging.getLogger(__name__)

SNAPSHOT_SCHEMA = 1
DEFAULT_CATALOG_URL = "https://gpt4all.io/models/models3.json"  # what gpt4all.list_models() reads
DEFAULT_DOWNLOAD_BASE = "https://gpt4all.io/models/gguf/"  # gpt4all's fallback for entries sans url
REFRESHED_FILE = "catalog-refreshed.json"
# A file name we will create inside the models folder: no folders, no dot-files, ends in .gguf.
SAFE_FILENAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._+-]{0,200}\.gguf")

# GPT4All's loose "type" label -> the llama.cpp architecture the file will have. Families not
# listed are left out: we have not checked that 2.8.2 runs them (research/gpt4all.md, section 1).
FAMILY_ARCH = {
    "llama": "llama", "llama2": "llama", "llama3": "llama", "mistral": "llama",
    "openllama": "llama", "falcon": "falcon", "mpt": "mpt", "phi-3": "phi3", "qwen2": "qwen2",
    "deepseek": "llama",  # only the Llama distill: the Qwen ones are refused below
}  # fmt: skip
# Files the research found unloadable although their family is fine.
KNOWN_UNRUNNABLE = {"all-MiniLM-L6-v2-f16.gguf": "old bert.cpp file: Unsupported file format"}

PromptFormatName = Literal["chatml", "llama3", "phi3", "custom"]


class CatalogError(PlainError):
    """The list could not be fetched or read."""


@dataclass(frozen=True)
class CatalogEntry:
    name: str
    filename: str
    description: str  # one line, plain words: what it is good at
    parameters: str  # as GPT4All writes it: "1 billion", "7 billion"
    file_size: int  # bytes
    ram_required_gb: int | None  # GPT4All's own figure, when given
    licence: str
    url: str
    md5: str | None
    sha256: str | None
    prompt_format: PromptFormatName
    prompt_template: str  # `%1` = user's text, `%2` = reply (gpt4all's own syntax)
    system_prompt: str  # with its role markup, as GPT4All ships it
    family: str
    quant: str
    template_source: str = "catalog"  # "smaller" when the catalog had none and we added it

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CatalogEntry:
        """Check every field's type (a refreshed or hand-edited file may be wrong)."""
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        for key in ("name", "filename", "description", "parameters", "licence", "url"):
            if not isinstance(values.get(key), str) or not values[key]:
                raise ValueError(f"{key} missing or not text")
        if not SAFE_FILENAME.fullmatch(values["filename"]):
            raise ValueError(f"unsafe file name {values['filename']!r}")
        size = values.get("file_size")
        if not isinstance(size, int) or isinstance(size, bool) or size <= 0:
            raise ValueError("file_size must be a positive integer")
        if values.get("prompt_format") not in ("chatml", "llama3", "phi3", "custom"):
            raise ValueError(f"unknown prompt_format {values.get('prompt_format')!r}")
        values.setdefault("template_source", "catalog")
        for key in ("prompt_template", "system_prompt", "family", "quant", "template_source"):
            if not isinstance(values.setdefault(key, ""), str):
                raise ValueError(f"{key} is not text")
        ram = values.setdefault("ram_required_gb", None)
        if ram is not None and (not isinstance(ram, int) or isinstance(ram, bool)):
            raise ValueError("ram_required_gb must be an integer")
        for key, length in (("md5", 32), ("sha256", 64)):
            digest = values.setdefault(key, None)
            if digest is not None and not re.fullmatch(f"[0-9a-f]{{{length}}}", str(digest)):
                raise ValueError(f"{key} is not a hex digest")
        return cls(**values)


@dataclass(frozen=True)
class Catalog:
    entries: tuple[CatalogEntry, ...]
    source: str
    date: str
    origin: Literal["bundled", "refreshed"]

    def find(self, name: str) -> CatalogEntry | None:
        """By display name or file name, ignoring case."""
        wanted = name.casefold()
        for entry in self.entries:
            if wanted in (entry.name.casefold(), entry.filename.casefold()):
                return entry
        return None

    def by_filename(self, filename: str) -> CatalogEntry | None:
        return next((e for e in self.entries if e.filename == filename), None)


def snapshot_path() -> Path:
    return resource_path("data", "models-catalog.json")


def _catalog_from_snapshot(data: object, origin: Literal["bundled", "refreshed"]) -> Catalog:
    if not isinstance(data, dict) or data.get("schema") != SNAPSHOT_SCHEMA:
        raise ValueError("not a catalog snapshot")
    entries = tuple(CatalogEntry.from_json(e) for e in data["models"])
    for entry in entries:
        if (problem := entry_problem(entry)) is not None:
            raise ValueError(f"{entry.filename}: {problem}")
    return Catalog(entries, str(data.get("source", "")), str(data.get("date", "")), origin)


def snapshot_json(entries: list[CatalogEntry], source: str, date: str, note: str) -> str:
    body = {"schema": SNAPSHOT_SCHEMA, "source": source, "date": date, "engine": "gpt4all 2.8.2",
            "note": note, "models": [asdict(e) for e in entries]}  # fmt: skip
    return json.dumps(body, ensure_ascii=False, indent=1) + "\n"


def load_catalog(folder: Path | None = None) -> Catalog:
    """The last refreshed list kept in the models folder if any and valid, else the snapshot."""
    from desktop.core.models.installed import models_dir

    refreshed = (folder or models_dir()) / REFRESHED_FILE
    if refreshed.exists():
        try:
            return _catalog_from_snapshot(json.loads(refreshed.read_text("utf-8")), "refreshed")
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("ignoring damaged %s: %s", refreshed, exc)
    return _catalog_from_snapshot(json.loads(snapshot_path().read_text("utf-8")), "bundled")


def load_bundled_catalog() -> Catalog:
    return _catalog_from_snapshot(json.loads(snapshot_path().read_text("utf-8")), "bundled")


# -- GPT4All's own entries (models3.json) ------------------------------------------------------


def _flag(value: object) -> bool:
    return value is True or (isinstance(value, str) and value.lower() == "true")


def format_of_template(template: str | None) -> PromptFormatName | None:
    """Which of our formats a gpt4all template (or a Jinja chat template) is; None if another."""
    text = template or ""
    if "<|im_start|>" in text:
        return "chatml"
    if "<|start_header_id|>" in text:
        return "llama3"
    if "<|assistant|>" in text and "<|end|>" in text:  # the same tests as chatformat.guess_format
        return "phi3"
    return None


def why_not_offered(raw: dict[str, Any]) -> str | None:
    """Why we do not offer this models3.json entry, or None: gpt4all 2.8.2 must be able to chat
    with it, and its download must be verifiable (GPT4All's md5, since size alone misses
    corruption: a top complaint about other assistants)."""
    filename = raw.get("filename")
    family = str(raw.get("type") or "").lower()
    if not isinstance(filename, str) or not SAFE_FILENAME.fullmatch(filename):
        return f"file name {filename!r} is not a plain .gguf name"
    if _flag(raw.get("embeddingModel")) or family == "bert":
        return "embedding model, cannot chat"
    if _flag(raw.get("disableGUI")) or (raw.get("promptTemplate") or "").strip() == "%1":
        return "code completion model, not made for chat"
    if raw.get("removedIn"):
        return f"withdrawn from GPT4All's list in {raw['removedIn']}"
    if filename in KNOWN_UNRUNNABLE:
        return KNOWN_UNRUNNABLE[filename]
    arch = FAMILY_ARCH.get(family)
    if arch is None or arch not in KNOWN_ARCHES:
        return f"model family {raw.get('type')!r} not known to run on gpt4all 2.8.2"
    if family == "deepseek" and "qwen" in filename.lower():
        return "pre-tokenizer deepseek-r1-qwen is unknown to gpt4all 2.8.2's llama.cpp"
    try:
        if int(str(raw.get("filesize"))) <= 0:
            return "no file size"
    except ValueError:
        return "no file size"
    md5, sha256 = raw.get("md5sum"), raw.get("sha256sum")
    if md5 is None and sha256 is None:
        return "no checksum to verify the download with"
    if md5 is not None and not re.fullmatch(r"[0-9a-f]{32}", str(md5)):
        return "malformed md5sum"
    if sha256 is not None and not re.fullmatch(r"[0-9a-f]{64}", str(sha256)):
        return "malformed sha256sum"
    url = raw.get("url") or DEFAULT_DOWNLOAD_BASE + filename
    if not str(url).startswith("https://"):
        return "download address is not https"
    return None


def entry_problem(entry: CatalogEntry) -> str | None:
    """`why_not_offered` for one of our entries (a snapshot could be hand-edited or stale)."""
    raw = {
        "filename": entry.filename, "type": entry.family, "filesize": entry.file_size,
        "md5sum": entry.md5, "sha256sum": entry.sha256, "url": entry.url,
        "promptTemplate": entry.prompt_template,
    }  # fmt: skip
    return why_not_offered(raw)


def plain_description(description: object) -> str:
    """GPT4All's HTML description (a string or a list of lines) as one line of text."""
    parts = description if isinstance(description, list) else [description or ""]
    text = " ".join(str(p) for p in parts)
    items = [html.unescape(re.sub(r"<[^>]+>", "", s)).strip() for s in re.split(r"<li>|<br>", text)]
    items = [s for s in items if s and not s.lower().startswith("license")]
    return "; ".join(items[:3]) or "No description."


def _licence_from_description(description: object) -> str:
    text = " ".join(description) if isinstance(description, list) else str(description or "")
    if found := re.search(r"License:\s*(?:<a[^>]*>)?([^<]+)", text):
        return html.unescape(found.group(1)).strip()
    if "Cannot be used commercially" in text:
        return "non-commercial use only (per GPT4All)"
    if "commercial use" in text:
        return "commercial use allowed (per GPT4All)"
    return "see the model's page"


def entry_from_gpt4all(raw: dict[str, Any], known: CatalogEntry | None = None) -> CatalogEntry:
    """A runnable models3.json entry as ours. `known` (our entry for the same file) supplies the
    plain description, licence and any template we added, which GPT4All's list lacks."""
    filename = str(raw["filename"])
    template = raw.get("promptTemplate") or None
    fmt = format_of_template(template) or format_of_template(raw.get("chatTemplate"))
    source = "catalog"
    if template is None and known is not None:
        template, fmt, source = known.prompt_template, known.prompt_format, known.template_source
    if template is None and fmt is None:
        raise ValueError("no prompt template")
    ram = str(raw.get("ramrequired") or "")
    return CatalogEntry(
        name=str(raw.get("name") or filename),
        filename=filename,
        description=known.description if known else plain_description(raw.get("description")),
        parameters=str(raw.get("parameters") or "unknown"),
        file_size=int(str(raw["filesize"])),
        ram_required_gb=int(ram) if ram.isdigit() else None,
        licence=known.licence if known else _licence_from_description(raw.get("description")),
        url=str(raw.get("url") or DEFAULT_DOWNLOAD_BASE + filename),
        md5=raw.get("md5sum") or None,
        sha256=raw.get("sha256sum") or None,
        prompt_format=fmt or "custom",
        # A known format's template is ours (chatformat.py); keep GPT4All's text for reference.
        prompt_template=template or "",
        system_prompt=str(raw.get("systemPrompt") or ""),
        family=str(raw.get("type") or ""),
        quant=str(raw.get("quant") or ""),
        template_source=source,
    )
