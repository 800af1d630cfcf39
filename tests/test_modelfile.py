"""desktop.core.modelfile: every way a model file can be wrong gives one plain message."""

from __future__ import annotations

import dataclasses
import os
import re
import time
from pathlib import Path

import pytest

from desktop.core import modelfile as mf
from desktop.core.modelfile import ModelFileError, ModelInfo, preflight, read_model_info
from tests.gguf_factory import (
    truncate_half,
    write_bad_version,
    write_empty,
    write_gguf,
    write_html,
)

PLENTY = 10**12  # bytes of "available RAM" that no test model exceeds
JARGON = re.compile(
    r"tensor|offset|magic|byte|mmap|numpy|exception|error|errno|0x|pre-?tokeni[sz]er|"
    r"architecture|kv|n_ctx|metadata",
    re.IGNORECASE,
)


def assert_plain(exc: ModelFileError, *phrases: str) -> None:
    """One or two short sentences without jargon, saying what to do; details kept for logs."""
    message = str(exc)
    assert "\n" not in message and len(message) < 200, message
    assert message.endswith(".") and len(re.findall(r"[.!?](?:\s|$)", message)) <= 2, message
    assert not JARGON.search(message), message
    assert re.search(r"Download|Choose|choose|Close", message), message
    for phrase in phrases:
        assert phrase in message, message
    assert exc.detail, "the technical detail is kept for the log"


def error_of(path: Path, **kwargs: object) -> ModelFileError:
    with pytest.raises(ModelFileError) as info:
        preflight(path, **kwargs)  # type: ignore[arg-type]
    return info.value


# -- files gpt4all cannot read at all ------------------------------------------------------------


def test_missing(tmp_path: Path) -> None:
    exc = error_of(tmp_path / "gone.gguf")
    assert exc.kind == "missing"
    assert_plain(exc, "“gone.gguf”", "could not be found")


def test_empty(tmp_path: Path) -> None:
    exc = error_of(write_empty(tmp_path / "empty.gguf"))
    assert exc.kind == "empty"
    assert_plain(exc, "is empty", "Download the model again")


def test_html_page(tmp_path: Path) -> None:
    exc = error_of(write_html(tmp_path / "page.gguf"))
    assert exc.kind == "not_gguf"
    assert_plain(exc, "not a GGUF model file (it looks like a web page)")
    assert "<!DOCTYPE" in exc.detail


def test_git_lfs_pointer_is_named(tmp_path: Path) -> None:
    path = tmp_path / "pointer.gguf"
    path.write_text("version https://git-lfs.github.com/spec/v1\noid sha256:ab\nsize 98362432\n")
    exc = error_of(path)
    assert exc.kind == "not_gguf"
    assert_plain(exc, "placeholder")


@pytest.mark.parametrize("version", [99, 1])
def test_unsupported_version(tmp_path: Path, version: int) -> None:
    exc = error_of(write_bad_version(tmp_path / "v.gguf", version))
    assert exc.kind == "unsupported_version"
    assert_plain(exc, f"({version})")


def test_truncated_tiny_model(tmp_path: Path) -> None:
    half = truncate_half(write_gguf(tmp_path / "whole.gguf"), tmp_path / "half.gguf")
    exc = error_of(half)
    assert exc.kind == "truncated"
    assert_plain(exc, "is incomplete", "Download it again")


def test_truncated_inside_header(tmp_path: Path) -> None:
    whole = write_gguf(tmp_path / "whole.gguf")
    cut = tmp_path / "cut.gguf"
    cut.write_bytes(whole.read_bytes()[:100])  # stops in the middle of the metadata
    assert error_of(cut).kind == "truncated"
    cut.write_bytes(b"GGUF\x03")  # stops in the middle of the version number
    assert error_of(cut).kind == "truncated"


def test_damaged_header_is_unreadable(tmp_path: Path) -> None:
    path = write_gguf(tmp_path / "bad.gguf")
    data = bytearray(path.read_bytes())
    # First key is general.architecture: 24-byte header, u64 length, 20-byte name, then its type.
    assert data[32:52] == b"general.architecture"
    data[52:56] = (99).to_bytes(4, "little")  # no such value type
    path.write_bytes(bytes(data))
    exc = error_of(path)
    assert exc.kind == "unreadable"
    assert_plain(exc, "is damaged")


def test_folder_is_unreadable(tmp_path: Path) -> None:
    exc = error_of(tmp_path)
    assert exc.kind == "unreadable"
    assert_plain(exc, "folder")


# -- files gpt4all 2.8.2 reads but would reject, or crash on -----------------------------------


def test_unknown_architecture(tmp_path: Path) -> None:
    exc = error_of(write_gguf(tmp_path / "q3.gguf", arch="qwen3"))
    assert exc.kind == "unknown_architecture"
    assert_plain(exc, "cannot run this kind of model (qwen3)", "Choose a different model")


def test_unknown_pre_tokenizer(tmp_path: Path) -> None:
    exc = error_of(write_gguf(tmp_path / "smol.gguf", pre_tokenizer="smollm"))
    assert exc.kind == "unknown_pre_tokenizer"
    assert_plain(exc, "newer engine")
    assert "smollm" in exc.detail


@pytest.mark.parametrize("pre", [None, "refact", "llama-bpe", "jina-v2-en", "default"])
def test_known_or_absent_pre_tokenizer_passes(tmp_path: Path, pre: str | None) -> None:
    info = preflight(write_gguf(tmp_path / "m.gguf", pre_tokenizer=pre), available_ram=PLENTY)
    assert info.pre_tokenizer == pre


def test_gemma2_layer_counts(tmp_path: Path) -> None:
    exc = error_of(write_gguf(tmp_path / "g2b.gguf", arch="gemma2", n_layer=26))
    assert exc.kind == "unsupported_layout"
    assert_plain(exc, "Gemma 2")
    # 42 and 46 layers (Gemma-2 9B and 27B) are the layouts 2.8.2 handles.
    big = write_gguf(tmp_path / "g9b.gguf", arch="gemma2", n_layer=42, n_embd=8, n_ff=8)
    assert preflight(big, available_ram=PLENTY).n_layer == 42


def test_too_big(tmp_path: Path) -> None:
    path = write_gguf(tmp_path / "tiny.gguf")
    needed = mf.estimate_ram_bytes(read_model_info(path), 2048)
    exc = error_of(path, available_ram=5_000_000)
    assert exc.kind == "too_big"
    assert_plain(exc, f"about {mf.human_size(needed)} of memory", "only 5 MB is free")
    assert "Close other programs" in str(exc) and "smaller model" in str(exc)
    assert preflight(path, available_ram=needed).name == "Tiny Test Model"


def test_too_big_uses_free_memory_by_default(tmp_path: Path) -> None:
    assert preflight(write_gguf(tmp_path / "tiny.gguf")).architecture == "llama"


# -- metadata, RAM estimate, sizes ----------------------------------------------------------------


def test_tiny_model_info(tmp_path: Path) -> None:
    path = write_gguf(tmp_path / "t.gguf", n_layer=3, n_ctx=512, chat_template="{{ x }}")
    info = read_model_info(path)
    assert info == ModelInfo(
        path=path, size_bytes=path.stat().st_size, name="Tiny Test Model", architecture="llama",
        pre_tokenizer="llama-bpe", context_length=512, n_layer=3, n_embd=16, n_head=2,
        n_head_kv=1, n_vocab=258, chat_template="{{ x }}", license="mit", eos_token_id=257,
    )  # fmt: skip


def test_optional_keys_missing(tmp_path: Path) -> None:
    path = write_gguf(tmp_path / "bare.gguf", name=None, license=None, n_head_kv=None)
    info = read_model_info(path)
    assert (info.name, info.license, info.n_head_kv, info.chat_template) == (
        "bare",
        None,
        None,
        None,
    )


def test_estimate_ram_bytes_by_hand() -> None:
    info = ModelInfo(
        path=Path("x.gguf"), size_bytes=10_000_000, name="x", architecture="llama",
        pre_tokenizer=None, context_length=4096, n_layer=4, n_embd=256, n_head=8, n_head_kv=2,
        n_vocab=1000, chat_template=None, license=None, eos_token_id=None,
    )  # fmt: skip
    kv = 2 * 4 * 1024 * 64 * 2  # n_embd * n_head_kv / n_head = 64
    logits = 1000 * 512 * 4
    assert kv == 1_048_576 and logits == 2_048_000
    assert mf.estimate_ram_bytes(info, 1024) == 10_000_000 + kv + logits + 64 * 1024 * 1024
    no_gqa = dataclasses.replace(info, n_head_kv=None)
    assert mf.estimate_ram_bytes(no_gqa, 1024) - mf.estimate_ram_bytes(info, 1024) == 3 * kv


@pytest.mark.parametrize(
    ("n", "text"),
    [(0, "0 bytes"), (999, "999 bytes"), (1500, "1.5 KB"), (98_362_432, "98 MB"),
     (999_999_999, "1 GB"), (1_200_000_000, "1.2 GB"), (12_345_678_901, "12 GB")],
)  # fmt: skip
def test_human_size(n: int, text: str) -> None:
    assert mf.human_size(n) == text


# -- cache ----------------------------------------------------------------------------------------


def test_cache_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, cache = write_gguf(tmp_path / "m.gguf"), tmp_path / "cache"
    first = read_model_info(path, cache)
    assert len(list(cache.glob("*.json"))) == 1

    def fail(*args: object) -> ModelInfo:
        raise AssertionError("parsed again despite the cache")

    monkeypatch.setattr(mf, "_parse", fail)
    assert read_model_info(path, cache) == first


def test_cache_invalidated_when_file_changes(tmp_path: Path) -> None:
    path, cache = tmp_path / "m.gguf", tmp_path / "cache"
    assert read_model_info(write_gguf(path, name="first"), cache).name == "first"
    # Different size.
    assert read_model_info(write_gguf(path, name="second one"), cache).name == "second one"
    # Same size, only the modification time tells: set it explicitly, as filesystems with coarse
    # timestamps could give the rewrite the same mtime.
    before = path.stat()
    write_gguf(path, name="third one!")
    assert path.stat().st_size == before.st_size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000_000))
    assert read_model_info(path, cache).name == "third one!"
    assert len(list(cache.glob("*.json"))) == 1, "one entry per model path"


def test_cache_does_not_hide_later_damage(tmp_path: Path) -> None:
    path, cache = write_gguf(tmp_path / "m.gguf"), tmp_path / "cache"
    assert preflight(path, available_ram=PLENTY, cache_dir=cache).name == "Tiny Test Model"
    with path.open("r+b") as handle:
        handle.truncate(path.stat().st_size - 1000)
    assert error_of(path, cache_dir=cache).kind == "truncated"
    path.unlink()
    assert error_of(path, cache_dir=cache).kind == "missing"


def test_damaged_cache_is_ignored(tmp_path: Path) -> None:
    path, cache = write_gguf(tmp_path / "m.gguf"), tmp_path / "cache"
    read_model_info(path, cache)
    for entry in cache.glob("*.json"):
        entry.write_text("{not json")
    assert read_model_info(path, cache).name == "Tiny Test Model"


# -- the real bundled model -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def real_cache(model_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    cache = tmp_path_factory.mktemp("modelinfo-cache")
    read_model_info(model_path, cache)  # the slow first read (GGUFReader, ~2 s)
    return cache


@pytest.mark.model
def test_real_model_info(model_path: Path, real_cache: Path) -> None:
    info = read_model_info(model_path, real_cache)  # as parsed by the fixture
    assert info.architecture == "llama"
    assert info.pre_tokenizer == "refact"
    assert info.context_length == 8192
    assert info.name == "Smollm2 135M 8k Lc100K Mix1 Ep2"
    assert info.chat_template is not None and "<|im_start|>" in info.chat_template
    assert info.license == "apache-2.0"
    assert (info.n_layer, info.n_embd, info.n_head, info.n_head_kv) == (30, 576, 9, 3)
    assert (info.n_vocab, info.eos_token_id) == (49152, 2)
    assert info.size_bytes == model_path.stat().st_size
    # research/gpt4all.md: 235 MiB without the compute allowance (200 MiB measured).
    without_allowance = mf.estimate_ram_bytes(info, 2048) - mf.COMPUTE_ALLOWANCE_BYTES
    assert round(without_allowance / 2**20) == 235


@pytest.mark.model
def test_real_model_passes_preflight(model_path: Path, real_cache: Path) -> None:
    info = preflight(model_path, available_ram=PLENTY, cache_dir=real_cache)
    assert info.architecture == "llama"


@pytest.mark.model
def test_real_model_cached_read_is_fast(model_path: Path, real_cache: Path) -> None:
    start = time.perf_counter()
    info = read_model_info(model_path, real_cache)
    assert time.perf_counter() - start < 0.05
    assert info.pre_tokenizer == "refact" and info.path == model_path


@pytest.mark.model
def test_real_model_half_truncated(model_path: Path, tmp_path: Path) -> None:
    half = truncate_half(model_path, tmp_path / "SmolLM2-half.gguf")
    exc = error_of(half)
    assert exc.kind == "truncated"
    assert_plain(exc, "“SmolLM2-half.gguf” is incomplete (it stops after 49 MB)")


def test_sidecar_spares_the_slow_read_and_goes_stale_with_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.core import modelfile

    path = write_gguf(tmp_path / "m.gguf", name="Shipped")
    sidecar = modelfile.write_sidecar(path)
    assert sidecar == modelfile.sidecar_path(path) and sidecar.exists()

    def no_parse(*_a: object, **_k: object) -> None:
        raise AssertionError("the header was parsed although the sidecar matched")

    monkeypatch.setattr(modelfile, "_parse", no_parse)
    assert modelfile.read_model_info(path).name == "Shipped"
    monkeypatch.undo()
    # A different file under the same name: the sidecar no longer matches and is not used.
    write_gguf(path, name="Replaced", n_layer=3)
    assert modelfile.read_model_info(path).name == "Replaced"
