"""Check a model file before gpt4all 2.8.2 loads it.

gpt4all reports most bad files only on stderr (or aborts the process, for some Gemma-2 files), so
we read the GGUF metadata ourselves first and turn every problem into a `ModelFileError` whose
message a non-technical user can act on. Facts about what 2.8.2 accepts come from
research/gpt4all.md, sections 1 and 2. No Qt here: this runs in workers and in the CLI.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import secrets
import stat
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

import psutil

from desktop.core.errors import PlainError
from desktop.core.ggufheader import Fields, Truncated, read_header
from desktop.core.i18n import translate

log = logging.getLogger(__name__)

# `KNOWN_ARCHES` in gpt4all-backend/llamamodel.cpp: anything else fails with "Unsupported model
# architecture".
# fmt: off
KNOWN_ARCHES: frozenset[str] = frozenset((
    "llama", "falcon", "gpt2", "gptneox", "mpt", "baichuan", "starcoder", "refact", "bert",
    "nomic-bert", "bloom", "stablelm", "qwen", "qwen2", "qwen2moe", "phi2", "phi3", "codeshell",
    "orion", "internlm2", "gemma", "gemma2", "starcoder2", "xverse", "command-r", "olmo",
    "openelm", "deepseek2", "chatglm", "jais",
))
# Pre-tokenizers the bundled llama.cpp (443665ae) knows, plus any "jina-..." name. An unknown one
# makes the load fail silently. llama.cpp only looks at it for BPE vocabularies, but other files
# practically never carry an odd value, so we check it whatever the tokenizer.
KNOWN_PRE_TOKENIZERS: frozenset[str] = frozenset((
    "default", "llama3", "llama-v3", "llama-bpe", "deepseek-llm", "deepseek-coder", "falcon",
    "mpt", "starcoder", "gpt-2", "phi-2", "refact", "command-r", "qwen2", "stablelm2", "olmo",
    "dbrx", "smaug-bpe", "poro-chat", "chatglm-bpe", "viking", "jais",
))
# fmt: on
# GGUF versions llama.cpp reads (v1 was dropped; v3 is the newest).
SUPPORTED_VERSIONS = (2, 3)
# Gemma-2 layer counts the engine's model-type switch knows; others hit GGML_ASSERT and abort.
GEMMA2_LAYER_COUNTS = (42, 46)
# Graph scratch buffers beyond the logits, plus the Python runtime (31 MiB RSS after import).
COMPUTE_ALLOWANCE_BYTES = 64 * 1024 * 1024
_CACHE_SCHEMA = 1

ErrorKind = Literal[
    "missing", "empty", "not_gguf", "unsupported_version", "truncated", "unknown_architecture",
    "unknown_pre_tokenizer", "unsupported_layout", "too_big", "unreadable",
]  # fmt: skip


class ModelFileError(PlainError):
    """A model file gpt4all would reject."""

    kind: ErrorKind


@dataclass(frozen=True)
class ModelInfo:
    path: Path
    size_bytes: int
    name: str
    architecture: str
    pre_tokenizer: str | None
    context_length: int | None
    n_layer: int | None
    n_embd: int | None
    n_head: int | None
    n_head_kv: int | None
    n_vocab: int | None
    chat_template: str | None
    license: str | None
    eos_token_id: int | None


def human_size(n_bytes: int) -> str:
    """ "98 MB", "1.2 GB". Decimal units (1 MB = 1,000,000 bytes), as file managers use."""
    value, unit = float(n_bytes), "bytes"
    for bigger in ("KB", "MB", "GB", "TB"):
        if value < 999.5:  # so 999,999,999 bytes reads "1 GB", not "1000 MB"
            break
        value, unit = value / 1000, bigger
    text = f"{value:.1f}" if value < 10 and unit != "bytes" else f"{value:.0f}"
    return f"{text.removesuffix('.0')} {unit}"


def _what_is_it(head: bytes) -> str:
    """A guess at what a non-GGUF file is, for the message; "" when we cannot tell."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"<"):
        return translate("ModelFile", "it looks like a web page")
    if text.startswith(b"version https://git-lfs"):
        return translate(
            "ModelFile", "it is only a small placeholder for the model, not the model itself"
        )
    if head[:4] in (b"lmgg", b"fmgg", b"tjgg"):  # GGML/GGMF/GGJT magics, stored little-endian
        return translate("ModelFile", "it is in an older model format this app cannot use")
    if head[:2] == b"PK":
        return translate("ModelFile", "it looks like a ZIP archive")
    if head[8:10] == b'{"':
        return translate(
            "ModelFile", "it looks like a Safetensors model; look for a GGUF version of it"
        )
    return ""


def _parse(path: Path, size: int, checkpoint: Callable[[Fields], None] | None = None) -> ModelInfo:
    """Read the metadata; raises Truncated or the header reader's ValueError/KeyError."""
    header = read_header(path, size, checkpoint)
    # The check the engine makes ("tensor data is not within the file bounds").
    if header.data_end > size:
        raise Truncated(f"tensor data ends at {header.data_end}, file has {size}")
    f = header.fields
    arch = f.text("general.architecture") or ""
    return ModelInfo(
        path=path,
        size_bytes=size,
        name=f.text("general.name") or path.stem,
        architecture=arch,
        pre_tokenizer=f.text("tokenizer.ggml.pre"),
        context_length=f.integer(f"{arch}.context_length"),
        n_layer=f.integer(f"{arch}.block_count"),
        n_embd=f.integer(f"{arch}.embedding_length"),
        n_head=f.integer(f"{arch}.attention.head_count"),
        n_head_kv=f.integer(f"{arch}.attention.head_count_kv"),
        # Counting the vocabulary's entries: its strings are never decoded.
        n_vocab=f.integer(f"{arch}.vocab_size") or f.count("tokenizer.ggml.tokens"),
        chat_template=f.text("tokenizer.chat_template"),
        license=f.text("general.license"),
        eos_token_id=f.integer("tokenizer.ggml.eos_token_id"),
    )


def _cache_file(cache_dir: Path, resolved: Path) -> Path:
    # One file per model path, so a changed model overwrites its entry instead of adding one.
    digest = hashlib.sha256(str(resolved).encode("utf-8")).hexdigest()[:16]
    return cache_dir / f"modelinfo-{digest}.json"


def _cache_load(file: Path, key: dict[str, object], path: Path) -> ModelInfo | None:
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        if data.get("key") != key:
            return None
        return ModelInfo(path=path, **data["info"])
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None  # missing, stale or damaged cache: just read the file again


def _cache_store(file: Path, key: dict[str, object], info: ModelInfo) -> None:
    fields = asdict(info)
    del fields["path"]  # the caller's path is used on a hit; the key holds the resolved one
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        tmp = file.with_name(f"{file.name}.{secrets.token_hex(4)}.tmp")  # unique per writer
        tmp.write_text(json.dumps({"key": key, "info": fields}), encoding="utf-8")
        os.replace(tmp, file)  # atomic, so a second app instance never reads half a file
    except OSError as exc:
        log.warning("could not cache model info in %s: %s", file, exc)


def sidecar_path(path: Path) -> Path:
    """Metadata written beside a model we ship (`<file>.info.json`), so its first launch does
    not even open the header (written when GGUFReader took seconds; still saves the read)."""
    return path.with_name(path.name + ".info.json")


def _sidecar_key(path: Path, size: int) -> dict[str, object]:
    # Keyed by size and a hash of the file's two ends, not by path or time: an installed copy
    # keeps neither, and a changed model changes its header or its tensors' tail.
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        digest.update(handle.read(1 << 20))
        handle.seek(max(size - (1 << 20), 0))
        digest.update(handle.read(1 << 20))
    return {"schema": _CACHE_SCHEMA, "size": size, "ends_sha256": digest.hexdigest()}


def write_sidecar(path: Path) -> Path:
    """Read a model's metadata once (slow) and write it beside the model."""
    info = read_model_info(path)
    target = sidecar_path(path)
    _cache_store(target, _sidecar_key(path, info.size_bytes), info)
    return target


def read_model_info(
    path: Path,
    cache_dir: Path | None = None,
    checkpoint: Callable[[Fields], None] | None = None,
) -> ModelInfo:
    """The file's metadata, or ModelFileError if gpt4all could not read it at all.

    With `cache_dir` the result is kept as JSON keyed by resolved path, size and modification
    time. `checkpoint` sees the cheap fields before the vocabulary is stepped over, and may
    raise ModelFileError to stop reading (see ggufheader).
    """
    path = Path(path)
    name = path.name
    again = translate("ModelFile", "Download the model again or choose another file.")
    try:
        st = path.stat()
    except FileNotFoundError as exc:
        msg = translate("ModelFile", "The model file “{name}” could not be found.")
        raise ModelFileError("missing", f"{msg.format(name=name)} {again}", str(exc)) from exc
    except OSError as exc:
        msg = translate("ModelFile", "The model file “{name}” could not be opened.")
        raise ModelFileError("unreadable", f"{msg.format(name=name)} {again}", str(exc)) from exc
    if not stat.S_ISREG(st.st_mode):
        msg = translate(
            "ModelFile", "“{name}” is a folder or device, not a model file. Choose a model file."
        ).format(name=name)
        raise ModelFileError("unreadable", msg, f"{path}: mode {st.st_mode:o}")
    if st.st_size == 0:
        msg = translate(
            "ModelFile", "The model file “{name}” is empty, so its download probably failed."
        ).format(name=name)
        raise ModelFileError("empty", f"{msg} {again}", f"{path}: 0 bytes")

    resolved = path.resolve()
    key = {"schema": _CACHE_SCHEMA, "path": str(resolved), "size": st.st_size,
           "mtime_ns": st.st_mtime_ns}  # fmt: skip
    cache_file = _cache_file(cache_dir, resolved) if cache_dir is not None else None
    if cache_file is not None and (cached := _cache_load(cache_file, key, path)) is not None:
        return cached
    sidecar = sidecar_path(path)
    if sidecar.exists():
        try:
            shipped = _cache_load(sidecar, _sidecar_key(path, st.st_size), path)
        except OSError:
            shipped = None
        if shipped is not None:
            if cache_file is not None:
                _cache_store(cache_file, key, shipped)
            return shipped

    size = st.st_size
    incomplete = translate(
        "ModelFile",
        "The model file “{name}” is incomplete (it stops after {size}), probably because its "
        "download was interrupted. Download it again.",
    ).format(name=name, size=human_size(size))
    try:
        with path.open("rb") as handle:
            head = handle.read(64)
    except OSError as exc:
        msg = translate("ModelFile", "The model file “{name}” could not be read.")
        raise ModelFileError("unreadable", f"{msg.format(name=name)} {again}", str(exc)) from exc
    if head[:4] != b"GGUF":
        if what := _what_is_it(head):
            msg = translate("ModelFile", "This file is not a GGUF model file ({what}).")
        else:
            msg = translate("ModelFile", "This file is not a GGUF model file.")
        msg = f"{msg.format(what=what)} {again}"
        raise ModelFileError("not_gguf", msg, f"first bytes {head[:16]!r}")
    if len(head) < 8:
        raise ModelFileError("truncated", incomplete, f"{size} bytes: header cut short")
    version = int.from_bytes(head[4:8], "little")
    if version not in SUPPORTED_VERSIONS:
        msg = translate(
            "ModelFile",
            "This model file uses a version of the GGUF format ({version}) that this app cannot "
            "read.",
        ).format(version=version)
        raise ModelFileError("unsupported_version", f"{msg} {again}", f"GGUF version {version}")

    failure: tuple[ErrorKind, str, str]
    try:
        info = _parse(path, size, checkpoint)
    except Truncated as exc:
        failure = ("truncated", incomplete, f"{path}: {exc}")
    except (ValueError, KeyError, IndexError, OverflowError, OSError, MemoryError) as exc:
        # Garbage inside a GGUF header: unknown value types, duplicate keys, bad UTF-8, etc.
        msg = translate("ModelFile", "The model file “{name}” is damaged and cannot be read.")
        msg = f"{msg.format(name=name)} {again}"
        failure = ("unreadable", msg, f"{type(exc).__name__}: {exc}")
    else:
        if cache_file is not None:
            _cache_store(cache_file, key, info)
        return info
    # Raised out here, unchained: the parse error's traceback holds the reader's memory map, and
    # would keep the file open (locked, on Windows) for as long as the error is shown.
    raise ModelFileError(*failure)


def estimate_ram_bytes(info: ModelInfo, n_ctx: int) -> int:
    """Memory the loaded model will need, deliberately on the high side.

    file size                                  weights (mmap'ed, all touched while generating)
    + 2 * n_layer * n_ctx * n_embd_gqa * 2     K and V caches in f16; n_embd_gqa = n_embd *
                                               n_head_kv / n_head (grouped-query attention)
    + n_vocab * 512 * 4                        f32 logits for a 512-token batch (logits_all)
    + COMPUTE_ALLOWANCE_BYTES                  the rest of the compute graph and the runtime
    For SmolLM2-135M at n_ctx=2048 the first three terms give 235 MiB and the total 299 MiB,
    against 200 MiB measured peak RSS (research/gpt4all.md, section 2). Missing metadata counts
    as 0; a missing n_head_kv means no grouping, as in llama.cpp.
    """
    n_layer, n_embd, n_head = info.n_layer or 0, info.n_embd or 0, info.n_head or 1
    n_head_kv = info.n_head_kv or n_head
    kv_cache = 2 * n_layer * n_ctx * (n_embd * n_head_kv // n_head) * 2
    logits = (info.n_vocab or 0) * 512 * 4
    return info.size_bytes + kv_cache + logits + COMPUTE_ALLOWANCE_BYTES


def refuse_unsupported(
    architecture: str, pre_tokenizer: str | None, n_layer: int | None, *, partial: bool = False
) -> None:
    """Raise ModelFileError for a kind of model gpt4all 2.8.2 rejects or crashes on. `partial`:
    only part of the header is known yet, so a missing layer count is not held against it."""
    choose = translate("ModelFile", "Choose a different model.")
    if architecture not in KNOWN_ARCHES:
        if architecture:
            msg = translate("ModelFile", "This app cannot run this kind of model ({architecture}).")
        else:
            msg = translate("ModelFile", "This app cannot run this kind of model.")
        msg = f"{msg.format(architecture=architecture)} {choose}"
        raise ModelFileError("unknown_architecture", msg, f"architecture {architecture!r}")
    pre = pre_tokenizer
    if pre is not None and pre not in KNOWN_PRE_TOKENIZERS and not pre.startswith("jina-"):
        msg = translate(
            "ModelFile", "This model needs a newer engine than the one built into this app."
        )
        raise ModelFileError(
            "unknown_pre_tokenizer", f"{msg} {choose}", f"tokenizer.ggml.pre {pre!r}"
        )
    if architecture == "gemma2" and n_layer not in GEMMA2_LAYER_COUNTS:
        if partial and n_layer is None:
            return
        msg = translate(
            "ModelFile",
            "This size of Gemma 2 model would crash this app’s engine, so it was not loaded.",
        )
        raise ModelFileError(
            "unsupported_layout", f"{msg} {choose}", f"gemma2 with {n_layer} layers"
        )


def preflight(
    path: Path,
    n_ctx: int = 2048,
    available_ram: int | None = None,
    cache_dir: Path | None = None,
) -> ModelInfo:
    """read_model_info, then everything gpt4all 2.8.2 would fail or crash on; returns the info.
    The architecture and pre-tokenizer are checked as soon as they are read, before the file's
    vocabulary: an unsupported model is refused in milliseconds whatever its size."""

    def cheap_fields_first(fields: Fields) -> None:
        arch = fields.text("general.architecture")
        if arch is not None:  # else wait for the whole header
            n_layer = fields.integer(f"{arch}.block_count")
            refuse_unsupported(arch, fields.text("tokenizer.ggml.pre"), n_layer, partial=True)

    info = read_model_info(path, cache_dir, checkpoint=cheap_fields_first)
    refuse_unsupported(info.architecture, info.pre_tokenizer, info.n_layer)
    needed = estimate_ram_bytes(info, n_ctx)
    free = psutil.virtual_memory().available if available_ram is None else available_ram
    if needed > free:
        msg = translate(
            "ModelFile",
            "This model needs about {needed} of memory, but only {free} is free right now. Close "
            "other programs, or choose a smaller model.",
        ).format(needed=human_size(needed), free=human_size(free))
        raise ModelFileError("too_big", msg, f"estimate {needed} B at n_ctx={n_ctx}, free {free} B")
    return info
