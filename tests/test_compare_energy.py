"""The 405B side: hardware and the three energy methods, against hand arithmetic and ecologits.

Worked example of the research notes: 50 prompt + 200 output tokens, US grid, HF-hub PUE/WUE.
"""

from __future__ import annotations

import math
import warnings
from typing import Any

import pytest

from desktop.core.compare.data import comparison_data
from desktop.core.compare.energy import (
    METHOD_ECOLOGITS,
    ecologits_estimate,
    ecologits_latency_s_per_token,
    epoch_energy_wh,
    epoch_estimate,
    measured_energy_wh,
    measured_estimate,
)
from desktop.core.compare.hardware import gpus_needed, hardware_405b, served_memory_gb
from desktop.core.footprint.grid import grid_factors

OUTPUT_TOKENS = 200


def _hf() -> Any:
    return comparison_data().datacenter("huggingface_hub")


def test_hardware_405b_by_hand() -> None:
    hw = hardware_405b(comparison_data())
    # BF16: 1.2 x 405.85 x 16 / 8 = 974.04 GB; /80 = 12.2 -> 13 -> power of two 16.
    assert hw.served_memory_gb == pytest.approx(974.04)
    assert hw.gpus == 16
    # FP8: 487.0 GB / 80 = 6.1 -> 7 -> 8; INT4: 243.5 / 80 = 3.04 -> 4; FP32: 1948 / 80 -> 25 -> 32
    assert hw.gpus_by_precision == {"bf16": 16, "fp8": 8, "int4": 4, "fp32": 32}
    # 974.04 / 16 = 60.9 -> 61 laptops; weights alone: 810/16 = 50.6 -> 51, 1,620/16 -> 102
    assert hw.laptops_16gb == 61
    assert hw.laptops_16gb_by_precision["bf16"] == 51
    assert hw.laptops_16gb_by_precision["fp32_seed"] == 102
    assert hw.laptops_16gb_by_precision["fp32_seed_upper"] == 122  # 1,944 / 16 = 121.5
    assert hw.memory_gb["bf16"] == 810 and hw.memory_gb["int4"] == 203
    # The seed's own arithmetic holds (405 x 4 = 1,620 GB; / 16 = 101 laptops): its flaw is the
    # 32-bit premise.
    assert "405 billion parameters x 4 bytes" in hw.seed_note
    assert "1,620 / 16 = 101.25 laptops" in hw.seed_note
    assert "fair rounding" in hw.seed_note and "32-bit premise" in hw.seed_note
    assert "61 laptops" in hw.seed_note


def test_gpu_count_matches_ecologits_own_dag() -> None:
    from ecologits.impacts.llm import compute_llm_impacts_dag

    mix = grid_factors("USA")
    for bits in (16, 8, 4):
        dag = compute_llm_impacts_dag(
            model_active_parameter_count=405.85,
            model_total_parameter_count=405.85,
            output_token_count=OUTPUT_TOKENS,
            request_latency=math.inf,
            if_electricity_mix_adpe=0.0,
            if_electricity_mix_pe=0.0,
            if_electricity_mix_gwp=mix.gco2_per_kwh / 1000,
            if_electricity_mix_wue=mix.water_l_per_kwh,
            datacenter_pue=1.09,
            datacenter_wue=0.13,
            model_quantization_bits=bits,
        )
        memory = served_memory_gb(405.85, bits, 1.2)
        assert dag["model_required_memory"] == pytest.approx(memory)
        assert dag["gpu_required_count"] == gpus_needed(memory, 80)


def test_gpus_needed_edge_cases() -> None:
    assert gpus_needed(0, 80) == 0
    assert gpus_needed(80, 80) == 1
    assert gpus_needed(81, 80) == 2
    assert gpus_needed(161, 80) == 4  # 3 GPUs round up to 4


def test_measured_low_estimate_by_hand() -> None:
    # 200 tokens x 3.08 J = 616 J = 0.1711 Wh of GPU energy; / 0.58 = 0.2950 Wh
    assert measured_energy_wh(OUTPUT_TOKENS, comparison_data()) == pytest.approx(0.29502, rel=1e-4)
    grid = grid_factors("USA")  # 384.4 gCO2e/kWh, 3.1321 L/kWh off-site
    estimate = measured_estimate(0, OUTPUT_TOKENS, grid, _hf(), comparison_data())
    # CO2: 0.29502 Wh x 384.4 g/kWh / 1000 = 0.1134 g
    assert estimate.co2_g_low == pytest.approx(0.1134, rel=1e-3)
    # Water: IT = 0.29502 / 1.09 = 0.27066 Wh; x (0.13 + 1.09 x 3.1321) = 0.9592 mL
    assert estimate.water_ml_low == pytest.approx(0.9592, rel=1e-3)
    # High WUE: IT = 0.29502 / 1.14 = 0.25879 Wh; x (0.99 + 1.14 x 3.1321) = 1.1802 mL
    assert estimate.water_ml_high == pytest.approx(1.1802, rel=1e-3)
    assert estimate.co2_g_embodied == 0.0


def test_epoch_reference_by_hand() -> None:
    # 2 x 405.85e9 x 200 = 1.6234e14 FLOP; / (989e12 x 0.10) = 1.6415 s of GPU time;
    # x 1,275 W x 0.7 x 1.2 = 1,071 W -> 1,758 J = 0.4883 Wh
    assert epoch_energy_wh(OUTPUT_TOKENS, comparison_data()) == pytest.approx(0.4883, rel=1e-3)
    estimate = epoch_estimate(0, OUTPUT_TOKENS, grid_factors("USA"), _hf(), comparison_data())
    assert estimate.wh_low == estimate.wh_high


def test_ecologits_high_estimate_equals_a_direct_ecologits_call() -> None:
    from ecologits.electricity_mix_repository import electricity_mixes
    from ecologits.impacts.llm import compute_llm_impacts
    from ecologits.utils.range_value import RangeValue

    mix = electricity_mixes.find_electricity_mix("USA")
    assert mix is not None
    direct = compute_llm_impacts(
        model_active_parameter_count=405.85,
        model_total_parameter_count=405.85,
        output_token_count=OUTPUT_TOKENS,
        if_electricity_mix_adpe=mix.adpe,
        if_electricity_mix_pe=mix.pe,
        if_electricity_mix_gwp=mix.gwp,
        if_electricity_mix_wue=mix.wue,
        datacenter_pue=RangeValue(min=1.09, max=1.14),
        datacenter_wue=RangeValue(min=0.13, max=0.99),
        request_latency=math.inf,
    )
    ours = ecologits_estimate(OUTPUT_TOKENS, "USA", _hf(), comparison_data())
    assert isinstance(direct.energy.value, RangeValue)
    assert ours.wh_low == pytest.approx(direct.energy.value.min * 1000)
    assert ours.wh_high == pytest.approx(direct.energy.value.max * 1000)
    # The research notes' figures: 1.66-1.74 Wh, usage 0.64-0.67 g, embodied 0.16 g, 5.4-7.0 mL.
    assert (ours.wh_low, ours.wh_high) == pytest.approx((1.662, 1.739), rel=1e-3)
    assert ours.co2_g_low == pytest.approx(0.639, rel=1e-2)
    assert ours.co2_g_high == pytest.approx(0.668, rel=1e-2)
    assert ours.co2_g_embodied == pytest.approx(0.164, rel=1e-2)
    assert ours.water_ml_low == pytest.approx(5.40, rel=1e-2)
    assert ours.water_ml_high == pytest.approx(6.96, rel=1e-2)
    assert ours.method == METHOD_ECOLOGITS and ours.notes == ()


def test_ecologits_high_estimate_equals_ecologits_high_level_call() -> None:
    # EcoLogits' own provider/model lookup must give the same figures as our offline call.
    from ecologits.tracers.utils import llm_impacts

    high_level = llm_impacts(
        "huggingface_hub", "meta-llama/Meta-Llama-3.1-405B-Instruct", OUTPUT_TOKENS, math.inf, "USA"
    )
    assert high_level.energy is not None
    value: Any = high_level.energy.value
    ours = ecologits_estimate(OUTPUT_TOKENS, "USA", _hf(), comparison_data())
    assert (ours.wh_low, ours.wh_high) == pytest.approx((value.min * 1000, value.max * 1000))


def test_ecologits_hand_decomposition() -> None:
    # GPU: (1.1665e-6 x e^(-0.011206 x 64) x 405.85 + 4.0529e-5) kWh/1000 per token per GPU
    per_gpu_wh = 1.1665273170451914e-06 * math.exp(-0.011205921025579175 * 64) * 405.85
    per_gpu_wh += 4.052928146734005e-05
    gpu_wh = OUTPUT_TOKENS * per_gpu_wh * 16  # kWh per 1000 tokens = Wh per token; 16 GPUs
    assert gpu_wh == pytest.approx(0.869, rel=1e-3)
    # Server: 200 x 0.3148 s = 62.96 s; x 1.2 kW x 16/8 / 64 = 0.656 Wh
    latency = ecologits_latency_s_per_token(405.85)
    assert latency == pytest.approx(0.3148, rel=1e-3)
    server_wh = OUTPUT_TOKENS * latency / 3600 * 1.2 * (16 / 8) / 64 * 1000
    assert server_wh == pytest.approx(0.656, rel=1e-3)
    ours = ecologits_estimate(OUTPUT_TOKENS, "USA", _hf(), comparison_data())
    assert ours.wh_low == pytest.approx((gpu_wh + server_wh) * 1.09, rel=1e-6)
    assert ours.wh_high == pytest.approx((gpu_wh + server_wh) * 1.14, rel=1e-6)


def test_single_pue_provider_and_other_grids() -> None:
    openai = comparison_data().datacenter("openai")  # PUE 1.20, one value
    ours = ecologits_estimate(OUTPUT_TOKENS, "FRA", openai, comparison_data())
    assert ours.wh_low == ours.wh_high == pytest.approx(1.525 * 1.2, rel=1e-3)
    # France's grid (41.4 g/kWh) instead of the US's: far less CO2 for the same energy.
    assert ours.co2_g_high < 0.1


def test_unknown_zone_falls_back_to_world_with_a_note() -> None:
    ours = ecologits_estimate(OUTPUT_TOKENS, "XYZ", _hf(), comparison_data())
    assert any("world average" in note for note in ours.notes)


def test_python_warnings_from_ecologits_become_notes(monkeypatch: pytest.MonkeyPatch) -> None:
    from ecologits.impacts import llm

    real = llm.compute_llm_impacts

    def warning_call(**kwargs: Any) -> Any:
        warnings.warn("model fit extrapolated", UserWarning, stacklevel=2)
        return real(**kwargs)

    monkeypatch.setattr(llm, "compute_llm_impacts", warning_call)
    ours = ecologits_estimate(OUTPUT_TOKENS, "USA", _hf(), comparison_data())
    assert ours.notes == ("EcoLogits warned: model fit extrapolated",)


def test_all_methods_scale_linearly_and_are_zero_without_tokens() -> None:
    data = comparison_data()
    grid = grid_factors("USA")
    for tokens in (0, 100, 400):
        assert measured_energy_wh(tokens, data) == pytest.approx(tokens * 0.29502 / 200, 1e-4)
    assert ecologits_estimate(0, "USA", _hf(), data).wh_high == 0.0
    assert epoch_estimate(0, 0, grid, _hf(), data).wh_low == 0.0
    doubled = ecologits_estimate(400, "USA", _hf(), data).wh_high
    assert doubled == pytest.approx(2 * ecologits_estimate(200, "USA", _hf(), data).wh_high)


def test_ecologits_gets_an_open_latency(monkeypatch: pytest.MonkeyPatch) -> None:
    # The local latency must never reach EcoLogits: it would cap its modelled generation time.
    from ecologits.impacts import llm

    real = llm.compute_llm_impacts
    seen: dict[str, Any] = {}

    def spy(**kwargs: Any) -> Any:
        seen.update(kwargs)
        return real(**kwargs)

    monkeypatch.setattr(llm, "compute_llm_impacts", spy)
    ecologits_estimate(OUTPUT_TOKENS, "USA", _hf(), comparison_data())
    assert seen["request_latency"] == math.inf
    assert seen["model_active_parameter_count"] == seen["model_total_parameter_count"] == 405.85
    assert seen["output_token_count"] == OUTPUT_TOKENS


# -- reading the prompt (prefill) -------------------------------------------------------------


def test_prefill_by_hand_416_prompt_tokens() -> None:
    """The issue's case: 416 prompt tokens on the 405B model cost roughly 0.2 to 1 Wh."""
    from desktop.core.compare.energy import prefill_flop, prefill_range_wh

    data = comparison_data()
    # 2 x 405.85e9 x 416 = 3.3767e14 FLOP
    assert prefill_flop(416, data) == pytest.approx(3.376672e14)
    low, high = prefill_range_wh(416, _hf(), data)
    # High: / (989e12 x 0.10) = 3.4142 GPU-s x 1,275 W x 0.7 x PUE 1.14 (1,017.45 W)
    #       = 3,473.8 J = 0.96495 Wh
    assert high == pytest.approx(0.964946, rel=1e-5)
    # Low: / (989e12 x 0.76) = 0.44924 GPU-s x 1,275 W x 1.0 x PUE 1.09 (1,389.75 W)
    #      = 624.33 J = 0.17343 Wh
    assert low == pytest.approx(0.173426, rel=1e-5)


def test_prefill_is_linear_so_4000_tokens_cost_ten_times_400() -> None:
    from desktop.core.compare.energy import prefill_range_wh

    low, high = prefill_range_wh(4000, _hf(), comparison_data())
    # 4,000 / 416 x the values above: 1.6676 Wh to 9.2783 Wh
    assert (low, high) == pytest.approx((1.667554, 9.278330), rel=1e-5)


def test_every_bound_counts_the_prompt() -> None:
    data = comparison_data()
    grid = grid_factors("USA")
    # 50 prompt tokens: prefill 0.020844 Wh (low) and 0.115979 Wh (high), by hand as above.
    low = measured_estimate(50, OUTPUT_TOKENS, grid, _hf(), data)
    assert low.prefill_wh_low == pytest.approx(0.0208444, rel=1e-5)
    assert low.wh_low == pytest.approx(0.2950192 + 0.0208444, rel=1e-5)  # 0.3158636 Wh
    assert low.co2_g_low == pytest.approx(0.121418, rel=1e-4)  # 0.3158636 x 384.4 / 1000
    high = ecologits_estimate(OUTPUT_TOKENS, "USA", _hf(), data, prompt_tokens=50)
    without = ecologits_estimate(OUTPUT_TOKENS, "USA", _hf(), data)
    assert high.prefill_wh_high == pytest.approx(0.1159791, rel=1e-5)
    assert high.wh_high - without.wh_high == pytest.approx(0.1159791, rel=1e-5)
    # Its CO2 on the same US mix: 0.1159791 x 384.4 / 1000 = 0.044582 g more
    assert high.co2_g_high - without.co2_g_high == pytest.approx(0.044582, rel=1e-4)
    reference = epoch_estimate(50, OUTPUT_TOKENS, grid, _hf(), data)
    # Epoch for 250 tokens: 2 x 405.85e9 x 250 / 98.9e12 x 1,071 W / 3,600 = 0.61042 Wh
    assert reference.wh_low == pytest.approx(0.610416, rel=1e-5)
