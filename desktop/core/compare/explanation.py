"""The comparison's sentences: what it compares and leaves out, and why the 405B energy is a
range. Numbers in them go through the core's number writer (the window's locale)."""

from __future__ import annotations

from desktop.core.compare.data import ComparisonData
from desktop.core.compare.energy import JOULES_PER_WH, ecologits_latency_s_per_token
from desktop.core.compare.grids import SavingsSplit
from desktop.core.compare.hardware import Hardware405B
from desktop.core.compare.local import LocalAnswer
from desktop.core.figures import whole
from desktop.core.footprint.answer import format_co2, plain_number
from desktop.core.i18n import translate


def why_range(hw: Hardware405B, data: ComparisonData) -> str:
    latency_s = ecologits_latency_s_per_token(data.value("parameters_billion"))
    itl_ms = data.value("mlenergy_405b_median_itl_ms")
    return translate(
        "Comparison",
        "The low estimate is measured on 8 GPUs sharing their work among 64 requests at once "
        "({itl} ms per token); the high one, EcoLogits' model, assumes 16-bit weights on {gpus} "
        "GPUs and {latency} s per token, so it charges each answer for more GPUs and more server "
        "time.",
    ).format(itl=plain_number(itl_ms), gpus=whole(hw.gpus), latency=plain_number(latency_s))


def explanation(
    local: LocalAnswer, embodied_g: float, savings: SavingsSplit, data: ComparisonData
) -> str:
    gpu_j = plain_number(data.value("mlenergy_8b_joules_per_token"))
    if local.output_tokens > 0 and local.energy_wh > 0:
        local_j = local.energy_wh * JOULES_PER_WH / local.output_tokens
        per_token = translate(
            "Comparison",
            "An H100 running an 8-billion-parameter model for many users at once spends about "
            "{gpu} J per answer token, where this computer spent about {local} J per answer "
            "token (reading the prompt included).",
        ).format(gpu=gpu_j, local=plain_number(local_j))
    else:
        per_token = translate(
            "Comparison",
            "An H100 running an 8-billion-parameter model for many users at once spends about "
            "{gpu} J per token.",
        ).format(gpu=gpu_j)
    sentences = [
        translate(
            "Comparison",
            "This compares your answer, made on this computer, with the same prompt read and "
            "the same number of answer tokens written by Llama 3.1 405B in a datacenter.",
        ),
        translate(
            "Comparison",
            "Be fair to the datacenter: per token, a datacenter GPU is usually more efficient "
            "than a personal computer's processor.",
        ),
        per_token,
        translate(
            "Comparison",
            "The energy saved comes from using a far smaller model, not from this computer.",
        ),
        savings.words,
        translate(
            "Comparison",
            "Not shown: how good each answer is (a bigger model may answer better, or first "
            "time), training either model (see the training tab), or making this computer.",
        ),
        translate(
            "Comparison",
            "CO₂ and water count electricity on both sides; making the datacenter's servers and "
            "GPUs adds about {co2} CO₂ (EcoLogits).",
        ).format(co2=format_co2(embodied_g)),
        translate(
            "Comparison",
            "The money compares API prices, which pay for hardware, staff and margin, with only "
            "the electricity this computer drew.",
        ),
    ]
    return " ".join(sentences)
