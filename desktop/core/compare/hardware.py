"""How much hardware the 405B model occupies: memory by precision, 80 GB GPUs, 16 GB laptops.

The GPU count follows EcoLogits exactly (docs/methodology/llm_inference.md), so that it is the
same number of GPUs that EcoLogits' energy estimate charges for:
    memory = 1.2 x parameters x bits / 8          (weights plus 20% for KV cache and activations)
    GPUs   = ceil(memory / 80 GB), rounded up to a power of two (tensor parallelism splits a
             model over 1, 2, 4, 8, 16... GPUs)
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from desktop.core.compare.data import ComparisonData
from desktop.core.figures import given, whole

# Bits per weight of each precision: definitions, not measurements, so they live in code.
PRECISION_BITS: dict[str, int] = {"bf16": 16, "fp8": 8, "int4": 4, "fp32": 32}
# The precision EcoLogits assumes (MODEL_QUANTIZATION_BITS = 16) and Meta released.
SERVED_PRECISION = "bf16"


# GGUF quantisation tags in a model's name: Q4_0, q4_k_m, Q8_0, F16, BF16...
_QUANT = re.compile(r"(?:^|[-_.])(?:(?:i?q)(\d+)|b?f(16|32))(?:[-_.]|$)", re.IGNORECASE)
_PRECISION_OF_BITS = {4: "int4", 8: "fp8", 16: "bf16", 32: "fp32_seed"}


def bits_of_model(model_name: str) -> int | None:
    """Bits per weight from a GGUF name: 'SmolLM2-135M-Instruct-Q4_1' -> 4; None if not said."""
    match = _QUANT.search(model_name)
    if match is None:
        return None
    return int(match.group(1) or match.group(2))


def precision_for_bits(bits: int | None) -> str:
    """The 405B memory figure to set beside a local model of `bits` per weight: the same
    precision (like for like), or BF16, as Meta released it, when the local one is not known."""
    if bits is None:
        return SERVED_PRECISION
    for known in sorted(_PRECISION_OF_BITS):
        if bits <= known:
            return _PRECISION_OF_BITS[known]
    return SERVED_PRECISION


def served_memory_gb(parameters_billion: float, bits: int, overhead: float) -> float:
    """GPU memory to serve the model: weights (1e9 params x bits / 8 bytes = GB) x overhead."""
    return overhead * parameters_billion * bits / 8


def gpus_needed(memory_gb: float, gpu_memory_gb: float) -> int:
    """EcoLogits' GPU count: enough GPUs for the memory, rounded up to a power of two."""
    if memory_gb <= 0:
        return 0
    count = math.ceil(memory_gb / gpu_memory_gb)
    return int(2 ** math.ceil(math.log2(count)))


def laptops_needed(memory_gb: float, laptop_memory_gb: float) -> int:
    """Laptops whose memory, pooled, would hold `memory_gb` (whole laptops, so rounded up)."""
    return math.ceil(memory_gb / laptop_memory_gb) if memory_gb > 0 else 0


@dataclass(frozen=True)
class Hardware405B:
    memory_gb: dict[str, float]  # weights only, by precision: bf16, fp8, int4, fp32_seed...
    served_memory_gb: float  # BF16 weights + EcoLogits' 20%: what the GPU count is based on
    gpu_memory_gb: float
    gpus: int  # 80 GB GPUs at the served precision
    gpus_by_precision: dict[str, int]
    laptop_memory_gb: float
    laptops_16gb: int  # the served memory, in 16 GB laptops
    laptops_16gb_by_precision: dict[str, int]  # the weights alone, in 16 GB laptops
    seed_note: str  # where the seed article's memory figures stand against these


def hardware_405b(data: ComparisonData) -> Hardware405B:
    params = data.value("parameters_billion")
    overhead = data.value("serving_memory_overhead")
    gpu_gb = data.value("gpu_memory_gb")
    laptop_gb = data.value("laptop_memory_gb")
    # Weights as the Hugging Face blog gives them, plus the seed's 32-bit figures (marked).
    memory = {
        "bf16": data.value("weights_gb_bf16"),
        "fp8": data.value("weights_gb_fp8"),
        "int4": data.value("weights_gb_int4"),
        "fp32_seed": data.value("seed_weights_gb_fp32"),
        "fp32_seed_upper": data.value("seed_weights_gb_fp32_upper"),
    }
    gpus_by_precision = {
        name: gpus_needed(served_memory_gb(params, bits, overhead), gpu_gb)
        for name, bits in PRECISION_BITS.items()
    }
    served = served_memory_gb(params, PRECISION_BITS[SERVED_PRECISION], overhead)
    laptops_by_precision = {name: laptops_needed(gb, laptop_gb) for name, gb in memory.items()}
    seed_gb = memory["fp32_seed"]
    seed_note = (
        f"The article 'Smaller is smarter' gives {whole(seed_gb)} GB: "
        f"{given(data.value('seed_parameters_billion'))} billion parameters x 4 bytes, that is "
        f"32-bit weights, and {whole(seed_gb)} / "
        f"{given(laptop_gb)} = {given(seed_gb / laptop_gb)} laptops, so its 'about "
        f"{given(data.value('seed_laptops_16gb'))}' was a fair rounding; its upper "
        f"{whole(memory['fp32_seed_upper'])} GB adds 20%. The flaw is the 32-bit premise: the "
        f"model ships in BF16 ({whole(memory['bf16'])} GB) and FP8 ({whole(memory['fp8'])} GB), "
        f"and served in BF16 with EcoLogits' 20% it needs about {whole(served)} GB, the memory "
        f"of {whole(laptops_needed(served, laptop_gb))} laptops of {given(laptop_gb)} GB."
    )
    return Hardware405B(
        memory_gb=memory,
        served_memory_gb=served,
        gpu_memory_gb=gpu_gb,
        gpus=gpus_by_precision[SERVED_PRECISION],
        gpus_by_precision=gpus_by_precision,
        laptop_memory_gb=laptop_gb,
        laptops_16gb=laptops_needed(served, laptop_gb),
        laptops_16gb_by_precision=laptops_by_precision,
        seed_note=seed_note,
    )
