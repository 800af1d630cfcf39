"""Check a model file before gpt4all 2.8.2 loads it.

gpt4all reports most bad files only on stderr (or aborts the process, for some Gemma-2 files), so
we read the GGUF metadata ourselves first and turn every problem into a `ModelFileError` whose
message a non-technical user can act on. Facts about what 2.8.2 accepts come from
research/gpt4all.md, sections 1 and 2. No Qt here: this runs in workers and in the CLI.
"""

from __future__ import annotations

import logging
import stat
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import psutil

from desktop.core.engine_support import SUPPORTED_VERSIONS, refuse_unsupported
from desktop.core.engine_support import ErrorKind as ErrorKind
from desktop.core.engine_support import ModelFileError as ModelFileError
from desktop.core.figures import Shown, written
from desktop.core.ggufheader import Fields, Truncated, read_header
from desktop.core.i18n import plural, translate
from desktop.core.modelinfo_cache import (
    Fields as CachedFields,
)
from desktop.core.modelinfo_cache import (
    cache_file,
    cache_key,
    cache_load,
    cache_store,
    sidecar_key,
    sidecar_path,
)

log = logging.getLogger(__name__)

# Graph scratch buffers beyond the logits, plus the Python runtime (31 MiB RSS after import).
COMPUTE_ALLOWANCE_BYTES = 64 * 1024 * 1024


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
    """ "98 MB", "1.2 GB". Decimal units (1 MB = 1,000,000 bytes), as file managers use.

    Each unit is its own sentence, so French writes octets ("1,2 Go") by translation, and the
    number is written by desktop.core.figures.written (the window's locale, else English)."""
    value, unit = float(n_bytes), 0
    while unit < 4 and value >= 999.5:  # so 999,999,999 bytes reads "1 GB", not "1000 MB"
        value, unit = value / 1000, unit + 1
    rounded = float(f"{value:.1f}" if value < 10 and unit else f"{value:.0f}")
    number = written(Shown(rounded, 0 if rounded.is_integer() else 1))
    words = (
        plural(rounded, translate("Units", "{n} byte"), translate("Units", "{n} bytes")),
        translate("Units", "{n} KB"),
        translate("Units", "{n} MB"),
        translate("Units", "{n} GB"),
        translate("Units", "{n} TB"),
    )[unit]
    return words.format(n=number)


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


def _from_fields(path: Path, fields: CachedFields | None) -> ModelInfo | None:
    try:
        return ModelInfo(path=path, **fields) if fields is not None else None  # type: ignore[arg-type]
    except TypeError:
        return None  # written by another version: read the file again


def _fields(info: ModelInfo) -> CachedFields:
    fields = asdict(info)
    del fields["path"]  # the caller's path is used on a hit; the key holds the resolved one
    return fields


def write_sidecar(path: Path) -> Path:
    """Read a model's metadata once (slow) and write it beside the model."""
    info = read_model_info(path)
    target = sidecar_path(path)
    cache_store(target, sidecar_key(path, info.size_bytes), _fields(info))
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
    key = cache_key(resolved, st)
    cached_in = cache_file(cache_dir, resolved) if cache_dir is not None else None
    if cached_in is not None and (cached := _from_fields(path, cache_load(cached_in, key))):
        return cached
    sidecar = sidecar_path(path)
    if sidecar.exists():
        try:
            shipped = _from_fields(path, cache_load(sidecar, sidecar_key(path, st.st_size)))
        except OSError:
            shipped = None
        if shipped is not None:
            if cached_in is not None:
                cache_store(cached_in, key, _fields(shipped))
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
        if cached_in is not None:
            cache_store(cached_in, key, _fields(info))
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
