"""Reading the prompt (prefill) on Llama 3.1 405B, by Epoch AI's FLOP method.

2 x 405.85e9 x prompt tokens FLOP, over H100s at 989 TFLOP/s x a utilisation, times 1,275 W per
GPU (DGX H100, host included) x a power share x the datacenter's PUE. Reading a prompt is
compute-bound, so its utilisation is higher than writing's:
    high bound: 10% (Epoch's assumption for inference) at 0.7 of rated power, PUE high;
    low bound:  76% (the best reported: PaLM 540B reading input, Pope et al. 2022) at full power,
                PUE low.
Linear in tokens: a 4,000-token prompt costs ten times a 400-token one (the attention's extra
cost on very long prompts is not counted, which errs low).
"""

from __future__ import annotations

from desktop.core.compare.data import ComparisonData, Datacenter
from desktop.core.figures import given

JOULES_PER_WH = 3600.0


def prefill_flop(prompt_tokens: int, data: ComparisonData) -> float:
    """Reading the prompt: 2 FLOP per parameter per prompt token (Epoch's count)."""
    per_token = data.value("epoch_flop_per_parameter_per_token") * data.value("parameters_billion")
    return per_token * 1e9 * max(prompt_tokens, 0)


def prefill_energy_wh(
    prompt_tokens: int, utilisation: float, power_share: float, pue: float, data: ComparisonData
) -> float:
    """GPU-seconds for the prompt's FLOP at `utilisation` of peak, x 1,275 W x share x PUE."""
    gpu_seconds = prefill_flop(prompt_tokens, data) / (
        data.value("epoch_gpu_peak_flops") * utilisation
    )
    watts = data.value("epoch_power_per_gpu_w") * power_share * pue
    return gpu_seconds * watts / JOULES_PER_WH


def prefill_range_wh(
    prompt_tokens: int, center: Datacenter, data: ComparisonData
) -> tuple[float, float]:
    """(low, high) energy to read the prompt: best utilisation at full power and low PUE, to
    Epoch's 10% at 0.7 of rated power and high PUE."""
    low = prefill_energy_wh(
        prompt_tokens,
        data.value("prefill_flop_utilisation_best"),
        data.value("prefill_power_share_busy"),
        center.pue_low.value,
        data,
    )
    high = prefill_energy_wh(
        prompt_tokens,
        data.value("epoch_flop_utilisation"),
        data.value("epoch_power_utilisation"),
        center.pue_high.value,
        data,
    )
    return low, high


def prefill_description(data: ComparisonData) -> str:
    return (
        "Reading the prompt (Epoch AI's FLOP method): "
        f"{given(data.value('epoch_flop_per_parameter_per_token'))} FLOP per parameter per prompt "
        f"token on H100s at {given(data.value('epoch_flop_utilisation') * 100)}% of peak and "
        f"{given(data.value('epoch_power_utilisation'))} of "
        f"{given(data.value('epoch_power_per_gpu_w'))} W (high) to "
        f"{given(data.value('prefill_flop_utilisation_best') * 100)}% at full power (low, the "
        "best utilisation reported for reading input, Pope et al.), times the datacenter's PUE."
    )
