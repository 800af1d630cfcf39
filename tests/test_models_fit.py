"""The RAM-fit badge, on hand-computed cases (thresholds documented in fit.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.modelfile import ModelInfo
from desktop.core.models.catalog import load_bundled_catalog
from desktop.core.models.fit import (
    Memory,
    badge_for,
    current_memory,
    estimate_entry_bytes,
    fit_for_entry,
    fit_for_info,
    parameter_count,
)

GIB = 1 << 30
LAPTOP = Memory(total=16 * GIB, available=8 * GIB)


@pytest.mark.parametrize(
    ("need", "badge"),
    [
        (4 * GIB, "fits"),  # 4 GiB <= 80% of 8 GiB free (6.4 GiB)
        (int(6.4 * GIB), "fits"),  # exactly on the "fits" line
        (int(6.4 * GIB) + 1, "tight"),
        (7 * GIB, "tight"),  # more than 80% of what is free, less than 85% of 16 GiB
        (14_602_888_806, "tight"),  # 0.85 * 16 GiB = 14,602,888,806.4 bytes: not above it
        (14_602_888_807, "won't fit"),
        (20 * GIB, "won't fit"),
    ],
)
def test_badge_thresholds(need: int, badge: str) -> None:
    assert badge_for(need, LAPTOP) == badge


def test_busy_machine_turns_fits_into_tight() -> None:
    need = 3 * GIB
    assert badge_for(need, Memory(16 * GIB, 8 * GIB)) == "fits"
    assert badge_for(need, Memory(16 * GIB, 3 * GIB)) == "tight"  # 3 GiB > 0.8 * 3 GiB
    assert badge_for(need, Memory(3 * GIB, 3 * GIB)) == "won't fit"  # > 0.85 * 3 GiB


def test_estimate_for_llama_3_2_1b_from_the_catalog() -> None:
    entry = load_bundled_catalog().find("Llama 3.2 1B Instruct")
    assert entry is not None
    # file 773,025,920 + KV 1e-4 * 1e9 params * 2048 tokens = 204,800,000
    # + logits 151,936 * 512 * 4 = 311,164,928 + compute allowance 67,108,864
    assert estimate_entry_bytes(entry) == 1_356_099_712
    # A 4096-token context adds another 204,800,000 bytes of KV cache.
    assert estimate_entry_bytes(entry, 4096) == 1_560_899_712
    fit = fit_for_entry(entry, memory=Memory(total=4 * GIB, available=int(1.5 * GIB)))
    assert fit.badge == "tight"  # 1.36 GB > 0.8 * 1.61 GB free; < 0.85 * 4.29 GB
    assert (
        fit.explanation == "Needs about 1.4 GB and only 1.6 GB is free: close other programs first."
    )


def test_estimate_from_file_metadata_uses_the_modelfile_formula() -> None:
    info = ModelInfo(
        path=Path("x.gguf"), size_bytes=1_000_000, name="x", architecture="llama",
        pre_tokenizer=None, context_length=2048, n_layer=2, n_embd=16, n_head=2, n_head_kv=1,
        n_vocab=258, chat_template=None, license=None, eos_token_id=None,
    )  # fmt: skip
    # 1,000,000 + KV 2*2*2048*(16*1//2)*2 = 131,072 + logits 258*512*4 = 528,384 + 67,108,864
    fit = fit_for_info(info, 2048, Memory(total=100_000_000, available=50_000_000))
    assert fit.need_bytes == 68_768_320
    assert fit.badge == "tight"  # > 40,000,000 (80% free), < 85,000,000 (85% total)
    assert fit_for_info(info, 2048, Memory(200_000_000, 100_000_000)).badge == "fits"
    assert fit_for_info(info, 2048, Memory(80_000_000, 80_000_000)).badge == "won't fit"


@pytest.mark.parametrize(
    ("text", "count"),
    [("1.5 billion", 1.5e9), ("137 million", 1.37e8), ("8B", 8e9), ("40 million", 4e7),
     ("lots", None), ("", None)],
)  # fmt: skip
def test_parameter_count(text: str, count: float | None) -> None:
    assert parameter_count(text) == count


def test_wont_fit_explanation_names_the_total() -> None:
    entry = load_bundled_catalog().find("Orca 2 (Full)")
    assert entry is not None
    fit = fit_for_entry(entry, memory=Memory(total=8 * GIB, available=6 * GIB))
    assert fit.badge == "won't fit"
    assert "more than this computer’s 8.6 GB of memory" in fit.explanation


def test_current_memory_is_read_from_the_machine() -> None:
    memory = current_memory()
    assert memory.total > 0 and 0 < memory.available <= memory.total
