"""Provisioning of the embedded model: the metadata rewrite and the checksums."""

from __future__ import annotations

from pathlib import Path

import gguf
import pytest

from desktop.core import provision
from tests import gguf_factory


def _pre(path: Path) -> str:
    field = gguf.GGUFReader(path).fields["tokenizer.ggml.pre"]
    return bytes(field.parts[field.data[0]]).decode()


def test_rewrite_changes_only_that_value(tmp_path: Path) -> None:
    original = gguf_factory.write_gguf(tmp_path / "m.gguf", pre_tokenizer="smollm")
    before = original.read_bytes()
    provision.rewrite_string_metadata(original, "tokenizer.ggml.pre", "smollm", "refact")
    after = original.read_bytes()
    assert _pre(original) == "refact"
    assert len(after) == len(before)
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert len(changed) <= 6 and after.count(b"refact") == before.count(b"refact") + 1


def test_rewrite_is_idempotent(tmp_path: Path) -> None:
    path = gguf_factory.write_gguf(tmp_path / "m.gguf", pre_tokenizer="refact")
    provision.rewrite_string_metadata(path, "tokenizer.ggml.pre", "smollm", "refact")
    assert _pre(path) == "refact"


def test_rewrite_refuses_an_unexpected_value(tmp_path: Path) -> None:
    path = gguf_factory.write_gguf(tmp_path / "m.gguf", pre_tokenizer="llama-bpe")
    with pytest.raises(provision.ProvisionError):
        provision.rewrite_string_metadata(path, "tokenizer.ggml.pre", "smollm", "refact")


def test_rewrite_refuses_a_different_length(tmp_path: Path) -> None:
    path = gguf_factory.write_gguf(tmp_path / "m.gguf", pre_tokenizer="smollm")
    with pytest.raises(ValueError):
        provision.rewrite_string_metadata(path, "tokenizer.ggml.pre", "smollm", "gpt-2")


def test_checksum_mismatch_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "x.bin"
    path.write_bytes(b"not the model")
    with pytest.raises(provision.ProvisionError, match="checksum"):
        provision._check_sha(path, provision.PATCHED_SHA256, "Model file")


@pytest.mark.model
def test_provisioned_model_is_the_patched_copy(model_path: Path) -> None:
    assert provision.sha256_file(model_path) == provision.PATCHED_SHA256
    assert _pre(model_path) == "refact"


@pytest.mark.model
def test_provision_is_a_no_op_when_the_file_is_there(model_path: Path) -> None:
    assert provision.provision(model_path) == model_path
