"""Energy, CO2 and water of one answer on Llama 3.1 405B in a datacenter, by three methods.

(A) EcoLogits, the high estimate: the `ecologits` package, called offline with 405.85B parameters
    and this answer's output tokens. Latency is left open (math.inf): EcoLogits caps its modelled
    generation time at the measured request latency, and the local model's latency says nothing
    about a datacenter's. Input tokens do not enter EcoLogits' model.
(B) ML.ENERGY, the low estimate: measured GPU energy per output token for 405B FP8 on 8 H100s
    serving 64 requests at once (3.08 J), divided by 0.58, the accelerators' share of a
    datacenter's energy in Google's full-stack measurement (host, idle machines and PUE added).
(C) Epoch AI, a middle reference: 2 FLOP per parameter per token over an H100 at 10% of its
    989 TFLOP/s, times 1,275 W x 0.7 x PUE 1.2 per GPU.

Reading the prompt (prefill) is added to every bound, by Epoch AI's FLOP method: 2 x 405.85e9 x
prompt tokens FLOP, over H100s at 989 TFLOP/s x a utilisation, times 1,275 W per GPU (DGX H100,
host included) x a power share x the datacenter's PUE. Reading a prompt is compute-bound, so its
utilisation is higher than writing's:
    high bound: 10% (Epoch's assumption for inference) at 0.7 of rated power, PUE high;
    low bound:  76% (the best reported: PaLM 540B reading input, Pope et al. 2022) at full power,
                PUE low.
So 416 prompt tokens cost 0.17 to 0.96 Wh, and 4,000 tokens ten times that: linear in tokens
(the attention's extra cost on very long prompts is not counted, which errs low).

CO2 = facility energy x grid intensity: g = Wh x gCO2e/kWh / 1000.
Water (the WCF of Li et al., as EcoLogits): IT energy x (on-site WUE + PUE x off-site WUE), with
IT energy = facility energy / PUE. L/kWh = mL/Wh, so water in mL = Wh x L/kWh.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass
from typing import Any

from desktop.core.compare.data import ComparisonData, Datacenter
from desktop.core.compare.prefill import (
    JOULES_PER_WH,
    prefill_description,
    prefill_energy_wh,
    prefill_flop,
    prefill_range_wh,
)
from desktop.core.figures import given
from desktop.core.footprint.grid import WORLD_ZONE, GridFactors

METHOD_ECOLOGITS = "ecologits"
METHOD_MEASURED = "ml.energy-measured"
METHOD_EPOCH = "epoch"

__all__ = [
    "JOULES_PER_WH",
    "prefill_description",
    "prefill_energy_wh",
    "prefill_flop",
    "prefill_range_wh",
]


@dataclass(frozen=True)
class EnergyEstimate:
    """One method's estimate for one answer; low/high differ only through PUE and WUE ranges."""

    method: str
    wh_low: float
    wh_high: float
    co2_g_low: float  # electricity only, like the local answer's
    co2_g_high: float
    water_ml_low: float
    water_ml_high: float
    co2_g_embodied: float  # making the servers and GPUs (EcoLogits only; 0 otherwise)
    description: str
    notes: tuple[str, ...] = ()
    prefill_wh_low: float = 0.0  # the part of wh_low spent reading the prompt
    prefill_wh_high: float = 0.0


def _co2_and_water(
    facility_wh: float, grid: GridFactors, pue: float, wue_on_site: float
) -> tuple[float, float]:
    it_wh = facility_wh / pue
    water_ml = it_wh * (wue_on_site + pue * grid.water_l_per_kwh)
    return grid.co2_g(facility_wh), water_ml


def _estimate(
    method: str,
    wh: tuple[float, float],
    prefill_wh: tuple[float, float],
    grid: GridFactors,
    center: Datacenter,
    description: str,
) -> EnergyEstimate:
    """An estimate whose energy already includes the datacenter overhead (methods B and C):
    (low, high) energies, each with its prefill part; CO2 and water at the PUE/WUE of that end."""
    co2_low, water_low = _co2_and_water(wh[0], grid, center.pue_low.value, center.wue_low.value)
    co2_high, water_high = _co2_and_water(wh[1], grid, center.pue_high.value, center.wue_high.value)
    return EnergyEstimate(
        method=method,
        wh_low=wh[0],
        wh_high=wh[1],
        co2_g_low=co2_low,
        co2_g_high=co2_high,
        water_ml_low=water_low,
        water_ml_high=water_high,
        co2_g_embodied=0.0,
        description=description,
        prefill_wh_low=prefill_wh[0],
        prefill_wh_high=prefill_wh[1],
    )


def measured_energy_wh(output_tokens: int, data: ComparisonData) -> float:
    """(B) T_out x 3.08 J / 0.58, in Wh."""
    joules_per_token = data.value("mlenergy_405b_fp8_joules_per_token")
    share = data.value("accelerator_energy_share")
    return output_tokens * joules_per_token / share / JOULES_PER_WH


def epoch_energy_wh(output_tokens: int, data: ComparisonData) -> float:
    """(C) GPU-seconds for the answer's FLOP at Epoch's utilisation, times power per GPU."""
    flop = data.value("epoch_flop_per_parameter_per_token") * data.value("parameters_billion")
    flop *= 1e9 * output_tokens
    gpu_seconds = flop / (data.value("epoch_gpu_peak_flops") * data.value("epoch_flop_utilisation"))
    watts = (
        data.value("epoch_power_per_gpu_w")
        * data.value("epoch_power_utilisation")
        * data.value("epoch_pue")
    )
    return gpu_seconds * watts / JOULES_PER_WH


def measured_estimate(
    prompt_tokens: int,
    output_tokens: int,
    grid: GridFactors,
    center: Datacenter,
    data: ComparisonData,
) -> EnergyEstimate:
    """(B) with the prompt read at the best utilisation: the low bound of the range."""
    decode = measured_energy_wh(output_tokens, data)
    prefill, _ = prefill_range_wh(prompt_tokens, center, data)
    return _estimate(
        METHOD_MEASURED,
        (decode + prefill, decode + prefill),
        (prefill, prefill),
        grid,
        center,
        # The figures come from the data file, so the text cannot drift from the maths.
        f"ML.ENERGY, measured then scaled to the whole datacenter: "
        f"{given(data.value('mlenergy_405b_fp8_joules_per_token'))} J per output token measured "
        "on 8 H100s (FP8, 64 requests at once), divided by the GPUs' "
        f"{given(data.value('accelerator_energy_share') * 100)}% share of a datacenter's energy "
        "(Google); plus reading the prompt at the best utilisation.",
    )


def epoch_estimate(
    prompt_tokens: int,
    output_tokens: int,
    grid: GridFactors,
    center: Datacenter,
    data: ComparisonData,
) -> EnergyEstimate:
    """(C) Epoch's method for the prompt and the answer alike (10% utilisation, PUE 1.2)."""
    decode = epoch_energy_wh(output_tokens, data)
    prefill = prefill_energy_wh(
        prompt_tokens,
        data.value("epoch_flop_utilisation"),
        data.value("epoch_power_utilisation"),
        data.value("epoch_pue"),
        data,
    )
    return _estimate(
        METHOD_EPOCH,
        (decode + prefill, decode + prefill),
        (prefill, prefill),
        grid,
        center,
        f"Epoch AI's method: {given(data.value('epoch_flop_per_parameter_per_token'))} FLOP per "
        "parameter per token, prompt and answer, on H100s at "
        f"{given(data.value('epoch_flop_utilisation') * 100)}% of peak, "
        f"{given(data.value('epoch_power_per_gpu_w'))} W per GPU x "
        f"{given(data.value('epoch_power_utilisation'))} x PUE {given(data.value('epoch_pue'))}.",
    )


def _bounds(value: Any) -> tuple[float, float]:
    """EcoLogits returns a float or a RangeValue(min, max)."""
    if hasattr(value, "min") and hasattr(value, "max"):
        return float(value.min), float(value.max)
    return float(value), float(value)


def _range_or_value(low: float, high: float) -> Any:
    from ecologits.utils.range_value import RangeValue

    return low if low == high else RangeValue(min=low, max=high)


def ecologits_estimate(
    output_tokens: int,
    zone: str,
    center: Datacenter,
    data: ComparisonData,
    prompt_tokens: int = 0,
    grid: GridFactors | None = None,
) -> EnergyEstimate:
    """(A) A direct, offline call of `ecologits.impacts.llm.compute_llm_impacts` for the answer,
    plus reading the prompt at Epoch's 10% (EcoLogits counts no input tokens): the high bound."""
    # Imported on first use: ecologits pulls in pydantic, which the app need not pay at start-up.
    import ecologits
    from ecologits.electricity_mix_repository import electricity_mixes
    from ecologits.impacts.llm import compute_llm_impacts

    notes: list[str] = []
    mix = electricity_mixes.find_electricity_mix(zone.upper())
    if mix is None:
        notes.append(f"EcoLogits has no electricity mix for {zone!r}; the world average is used.")
        mix = electricity_mixes.find_electricity_mix(WORLD_ZONE)
    assert mix is not None  # the world mix ships with ecologits
    notes += [f"EcoLogits: {warning.message}" for warning in mix.warnings]
    params = data.value("parameters_billion")
    # Python warnings from ecologits (deprecations, pydantic) are recorded and surfaced as notes
    # of this estimate: they say something about the figure, and must not abort the view.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        impacts = compute_llm_impacts(
            model_active_parameter_count=params,
            model_total_parameter_count=params,
            output_token_count=output_tokens,
            if_electricity_mix_adpe=mix.adpe,
            if_electricity_mix_pe=mix.pe,
            if_electricity_mix_gwp=mix.gwp,
            if_electricity_mix_wue=mix.wue,
            datacenter_pue=_range_or_value(center.pue_low.value, center.pue_high.value),
            datacenter_wue=_range_or_value(center.wue_low.value, center.wue_high.value),
            request_latency=math.inf,  # never the local latency: it would cap ΔT (see above)
        )
    notes += [f"EcoLogits warned: {warning.message}" for warning in caught]
    kwh_low, kwh_high = _bounds(impacts.energy.value)
    usage_kg_low, usage_kg_high = _bounds(impacts.usage.gwp.value)
    litres_low, litres_high = _bounds(impacts.wcf.value)
    embodied_kg, _ = _bounds(impacts.embodied.gwp.value)
    # The prompt, at the PUE of each end; its CO2 and water on the same mix as EcoLogits'.
    _, prefill_high = prefill_range_wh(prompt_tokens, center, data)
    pues = (center.pue_low.value, center.pue_high.value)
    prefill = tuple(prefill_high * pue / center.pue_high.value for pue in pues)
    mix_grid = grid or GridFactors(
        zone, zone, float(mix.gwp) * 1000, float(mix.wue), (), "EcoLogits electricity mix"
    )
    co2_low, water_low = _co2_and_water(prefill[0], mix_grid, pues[0], center.wue_low.value)
    co2_high, water_high = _co2_and_water(prefill[1], mix_grid, pues[1], center.wue_high.value)
    return EnergyEstimate(
        method=METHOD_ECOLOGITS,
        wh_low=kwh_low * 1000 + prefill[0],
        wh_high=kwh_high * 1000 + prefill[1],
        co2_g_low=usage_kg_low * 1000 + co2_low,
        co2_g_high=usage_kg_high * 1000 + co2_high,
        water_ml_low=litres_low * 1000 + water_low,
        water_ml_high=litres_high * 1000 + water_high,
        co2_g_embodied=embodied_kg * 1000,
        description=(
            f"EcoLogits {ecologits.__version__}: its model fitted on measured H100 data, for "
            f"{given(params)}B parameters in 16-bit on the GPUs that hold them, with the "
            f"server's share and a PUE of {given(center.pue_low.value)}-"
            f"{given(center.pue_high.value)}; plus reading the prompt at Epoch's utilisation "
            "(EcoLogits counts output tokens only)."
        ),
        notes=tuple(dict.fromkeys(notes)),
        prefill_wh_low=prefill[0],
        prefill_wh_high=prefill[1],
    )


def ecologits_latency_s_per_token(parameters_billion: float) -> float:
    """EcoLogits' modelled time per output token (s), read from the package's own constants."""
    from ecologits.impacts import llm

    return float(
        llm.LATENCY_ALPHA * parameters_billion
        + llm.LATENCY_BETA * llm.BATCH_SIZE
        + llm.LATENCY_GAMMA
    )
