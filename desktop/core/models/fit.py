"""Will a model fit in this computer's memory? A badge: "fits", "tight" or "won't fit".

Thresholds, with `need` the estimated memory of the loaded model:
  won't fit  need > 85% of total RAM. The system and the app itself use the rest; weights are
             memory-mapped, so a bigger model does not fail cleanly, it swaps or is killed.
  fits       need <= 80% of the RAM available right now: room to spare for the page cache and
             for other programs to grow.
  tight      in between: it would load after closing other programs, or leave little room.

`need` is `modelfile.estimate_ram_bytes` when the file's metadata is known. For a catalog entry
not downloaded yet, the shape of the network is unknown, so `estimate_entry_bytes` uses upper
bounds from the file size and parameter count (see there).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import psutil

from desktop.core.modelfile import (
    COMPUTE_ALLOWANCE_BYTES,
    ModelInfo,
    estimate_ram_bytes,
    human_size,
)

if TYPE_CHECKING:
    from desktop.core.models.catalog import CatalogEntry

Badge = Literal["fits", "tight", "won't fit"]

WONT_FIT_SHARE_OF_TOTAL = 0.85
FITS_SHARE_OF_AVAILABLE = 0.80
DEFAULT_CONTEXT = 2048
# K+V cache bytes per token per parameter, in f16, for a model without grouped-query attention:
# Llama 2 7B: 2 * 32 layers * 4096 * 2 B = 512 KiB/token for 6.7e9 parameters = 7.8e-5; Phi-3
# mini: 384 KiB for 3.8e9 = 1.0e-4. Models with grouped-query attention (Llama 3, Qwen2, Mistral)
# need 4-8 times less, so 1e-4 errs on the high side.
KV_BYTES_PER_TOKEN_PER_PARAM = 1e-4
# f32 logits for a 512-token batch need n_vocab * 2 KiB; the largest vocabulary in the catalog is
# Qwen2's 151,936 entries (~311 MB), used when the vocabulary is unknown.
ASSUMED_VOCAB = 151_936


@dataclass(frozen=True)
class Memory:
    total: int
    available: int


@dataclass(frozen=True)
class Fit:
    badge: Badge
    need_bytes: int
    memory: Memory

    @property
    def explanation(self) -> str:
        need, avail = human_size(self.need_bytes), human_size(self.memory.available)
        total = human_size(self.memory.total)
        if self.badge == "fits":
            return f"Needs about {need}; {avail} of memory is free."
        if self.badge == "tight":
            return f"Needs about {need} and only {avail} is free: close other programs first."
        return f"Needs about {need}, more than this computer’s {total} of memory can give."


def current_memory() -> Memory:
    vm = psutil.virtual_memory()
    return Memory(total=int(vm.total), available=int(vm.available))


def badge_for(need_bytes: int, memory: Memory) -> Badge:
    if need_bytes > WONT_FIT_SHARE_OF_TOTAL * memory.total:
        return "won't fit"
    if need_bytes <= FITS_SHARE_OF_AVAILABLE * memory.available:
        return "fits"
    return "tight"


def parameter_count(parameters: str) -> float | None:
    """ "1.5 billion" -> 1.5e9, "137 million" -> 1.37e8, "8B" -> 8e9; None if unreadable."""
    found = re.fullmatch(r"\s*([\d.]+)\s*(billion|million|b|m)\s*", parameters, re.IGNORECASE)
    if not found:
        return None
    scale = 1e9 if found.group(2).lower() in ("billion", "b") else 1e6
    try:
        return float(found.group(1)) * scale
    except ValueError:
        return None


def estimate_entry_bytes(entry: CatalogEntry, n_ctx: int = DEFAULT_CONTEXT) -> int:
    """Upper-bound memory for a catalog model not downloaded yet, same terms as
    estimate_ram_bytes: weights (file size) + KV cache + logits + compute allowance.
    An unreadable parameter count is taken as one parameter per half byte of file (4-bit)."""
    params = parameter_count(entry.parameters) or entry.file_size * 2
    kv_cache = int(KV_BYTES_PER_TOKEN_PER_PARAM * params * n_ctx)
    logits = ASSUMED_VOCAB * 512 * 4
    return entry.file_size + kv_cache + logits + COMPUTE_ALLOWANCE_BYTES


def fit_for_need(need_bytes: int, memory: Memory | None = None) -> Fit:
    memory = memory or current_memory()
    return Fit(badge_for(need_bytes, memory), need_bytes, memory)


def fit_for_entry(
    entry: CatalogEntry, n_ctx: int = DEFAULT_CONTEXT, memory: Memory | None = None
) -> Fit:
    return fit_for_need(estimate_entry_bytes(entry, n_ctx), memory)


def fit_for_info(
    info: ModelInfo, n_ctx: int = DEFAULT_CONTEXT, memory: Memory | None = None
) -> Fit:
    return fit_for_need(estimate_ram_bytes(info, n_ctx), memory)
