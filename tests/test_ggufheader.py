"""desktop.core.ggufheader: the GGUF header read without decoding the vocabulary, and preflight
refusing an unsupported model on its cheap fields before the vocabulary is even stepped over."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from gguf import GGUFReader, GGUFWriter

from desktop.core import ggufheader
from desktop.core.modelfile import ModelFileError, preflight, read_model_info
from tests.gguf_factory import write_gguf

PLENTY = 10**12
BIG_VOCAB = 85_000  # filler tokens: with scores and merges, a 15 MB file


def same_as_gguf_reader(path: Path) -> None:
    """Every key read by ggufheader has GGUFReader's value (strings decoded, arrays counted)."""
    header = ggufheader.read_header(path, path.stat().st_size)
    reader = GGUFReader(path)
    theirs = {k: f for k, f in reader.fields.items() if not k.startswith("GGUF.")}
    assert set(header.fields) == set(theirs)
    for key, field in theirs.items():
        value, mine = field.contents(), header.fields[key]
        if isinstance(value, list):
            assert isinstance(mine, ggufheader.Array) and mine.count == len(value), key
            if mine.values is not None:
                assert list(mine.values) == pytest.approx(value), key
        elif isinstance(value, str):
            assert header.fields.text(key) == value, key
        else:
            assert mine == pytest.approx(value), key
    assert header.tensor_count == len(reader.tensors)
    assert header.data_end == max(t.data_offset + t.n_bytes for t in reader.tensors)


def test_same_fields_as_gguf_reader_on_a_tiny_model(tmp_path: Path) -> None:
    same_as_gguf_reader(write_gguf(tmp_path / "t.gguf", chat_template="{{ x }}", extra_tokens=3))


@pytest.mark.model
def test_same_fields_as_gguf_reader_on_the_real_model(model_path: Path) -> None:
    same_as_gguf_reader(model_path)


def test_every_value_type_and_per_layer_arrays(tmp_path: Path) -> None:
    path = tmp_path / "kinds.gguf"
    writer = GGUFWriter(path, "openelm")
    writer.add_head_count([3, 4, 5, 4])  # per-layer values, as OpenELM stores them
    writer.add_bool("x.flag", True)
    writer.add_float32("x.f32", 0.5)
    writer.add_int64("x.i64", -(2**40))
    writer.add_array("x.words", ["a", "bé", ""])
    writer.add_array("x.long", list(range(ggufheader.SHORT_ARRAY + 1)))
    writer.add_tensor("t", np.zeros(4, dtype=np.float32))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    same_as_gguf_reader(path)
    fields = ggufheader.read_header(path, path.stat().st_size).fields
    assert fields.integer("openelm.attention.head_count") == 5  # the largest layer
    assert fields.integer("x.flag") is None and fields.get("x.flag") is True
    assert fields.count("x.words") == 3 and fields.count("x.long") == ggufheader.SHORT_ARRAY + 1
    long = fields["x.long"]
    assert isinstance(long, ggufheader.Array) and long.values is None  # counted, not decoded


def big_unknown_model(tmp_path: Path, arch: str = "mamba") -> Path:
    path = write_gguf(tmp_path / f"{arch}.gguf", arch=arch, extra_tokens=BIG_VOCAB)
    assert 14e6 < path.stat().st_size < 16e6
    return path


def test_unknown_architecture_refused_before_the_vocabulary_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = big_unknown_model(tmp_path)
    stepped: list[int] = []
    real_skip = ggufheader._Cursor.skip_strings

    def skip_strings(self: ggufheader._Cursor, count: int) -> None:
        stepped.append(count)
        real_skip(self, count)

    monkeypatch.setattr(ggufheader._Cursor, "skip_strings", skip_strings)
    with pytest.raises(ModelFileError) as info:
        preflight(path, available_ram=PLENTY)
    assert info.value.kind == "unknown_architecture" and "(mamba)" in str(info.value)
    assert stepped == [], "the vocabulary was walked before the architecture was checked"
    # Reading the metadata for its own sake does walk it, counting the tokens without decoding.
    assert read_model_info(path).n_vocab == BIG_VOCAB + 258
    assert stepped == [BIG_VOCAB + 258, BIG_VOCAB + 1]  # tokens, then merges


def _corrupt_first_token(path: Path) -> None:
    """Make the vocabulary's first string claim to be 2**62 bytes long."""
    data = bytearray(path.read_bytes())
    key = b"tokenizer.ggml.tokens"
    at = data.index(key) + len(key) + 4 + 4 + 8  # key, value type, item type, item count
    data[at : at + 8] = (2**62).to_bytes(8, "little")
    path.write_bytes(bytes(data))


def test_a_corrupt_vocabulary_is_never_reached_for_an_unknown_architecture(
    tmp_path: Path,
) -> None:
    unknown = big_unknown_model(tmp_path)
    _corrupt_first_token(unknown)
    with pytest.raises(ModelFileError) as info:
        preflight(unknown, available_ram=PLENTY)
    assert info.value.kind == "unknown_architecture"
    # The same damage in a model of a known kind is found, as the file being cut short.
    known = write_gguf(tmp_path / "llama.gguf", extra_tokens=10)
    _corrupt_first_token(known)
    with pytest.raises(ModelFileError) as info:
        preflight(known, available_ram=PLENTY)
    assert info.value.kind == "truncated"


def test_unknown_pre_tokenizer_and_gemma2_layout_also_refused_early(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_walk(self: ggufheader._Cursor, count: int) -> None:
        raise AssertionError("walked the vocabulary")

    smol = write_gguf(tmp_path / "smol.gguf", pre_tokenizer="smollm")
    gemma = write_gguf(tmp_path / "g2b.gguf", arch="gemma2", n_layer=26)
    monkeypatch.setattr(ggufheader._Cursor, "skip_strings", no_walk)
    for path, kind in ((smol, "unknown_pre_tokenizer"), (gemma, "unsupported_layout")):
        with pytest.raises(ModelFileError) as info:
            preflight(path, available_ram=PLENTY)
        assert info.value.kind == kind


def test_duplicate_key_and_bad_alignment_are_damage(tmp_path: Path) -> None:
    path = tmp_path / "dup.gguf"
    writer = GGUFWriter(path, "llama")
    writer.add_uint32("general.alignment", 3)  # not a power of two
    writer.add_tensor("t", np.zeros(4, dtype=np.float32))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    with pytest.raises(ValueError, match="alignment"):
        ggufheader.read_header(path, path.stat().st_size)
    with pytest.raises(ModelFileError) as info:
        read_model_info(path)
    assert info.value.kind == "unreadable"
