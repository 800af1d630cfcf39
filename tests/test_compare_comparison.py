"""compare_405b end to end: the worked example, the JSON contract, any local model, whole chats."""

from __future__ import annotations

import math
from typing import Any

import pytest

from desktop.core.compare import (
    LocalAnswer,
    combine_answers,
    compare_405b,
    ecologits_estimate,
)
from desktop.core.compare.data import comparison_data
from desktop.core.footprint import EnergyRange, build_footprint, grid_factors

# The research notes' illustrative local answer: 540 J = 0.15 Wh on the US grid.
LOCAL = LocalAnswer(
    energy_wh=0.15,
    energy_wh_low=0.12,
    energy_wh_high=0.2,
    co2_g=0.15 * 384.4 / 1000,  # 0.0577 g
    water_ml=0.15 * 3.1321,  # 0.470 mL
    method="measured",
    zone="USA",
    output_tokens=200,
    app_rss_mb=420.0,
    model_file_mb=98.0,
    model_name="SmolLM2-135M-Instruct-Q4_1",
)


@pytest.fixture(scope="module")
def worked() -> Any:
    return compare_405b(50, 200, LOCAL)


def test_worked_example_ranges(worked: Any) -> None:
    # Low: 200 x 3.08 J / 0.58 = 0.29502 Wh + the 50-token prompt at 76% (0.020844 Wh)
    #      = 0.31586 Wh
    # High: EcoLogits 1.739 Wh (US mix, HF-hub PUE 1.14) + the prompt at 10% (0.115979 Wh)
    #      = 1.8550 Wh
    low, high = worked.energy_wh
    assert low == pytest.approx(0.315864, rel=1e-4)
    assert high == pytest.approx(1.85498, rel=1e-3)
    assert worked.reference.wh_low == pytest.approx(0.610416, rel=1e-4)  # Epoch, in between
    assert low < worked.reference.wh_low < high
    assert worked.hardware.gpus == 16
    # CO2: 0.31586 x 384.4 / 1000 = 0.12142 g; EcoLogits' usage 0.6683 g + 0.044582 g
    assert worked.co2_g == pytest.approx((0.121418, 0.712882), rel=1e-3)
    # Water: 0.31586 / 1.09 x (0.13 + 1.09 x 3.1321) = 1.02699 mL; 6.955 + 0.46398 mL
    assert worked.water_ml == pytest.approx((1.026988, 7.41898), rel=1e-3)
    # Prices: OpenRouter 250 x $0.80/M = $0.0002 ... Azure 250 x $8/M = $0.002
    assert worked.cost_usd == pytest.approx((0.0002, 0.002))
    assert worked.cost_usd_by_host["together"] == pytest.approx(0.000875)
    assert worked.cost_usd_by_host["amazon_bedrock"] == pytest.approx(0.0006)


def test_worked_example_high_end_is_a_direct_ecologits_call_plus_the_prompt(worked: Any) -> None:
    from ecologits.electricity_mix_repository import electricity_mixes
    from ecologits.impacts.llm import compute_llm_impacts

    mix = electricity_mixes.find_electricity_mix("USA")
    assert mix is not None
    direct = compute_llm_impacts(
        model_active_parameter_count=405.85,
        model_total_parameter_count=405.85,
        output_token_count=200,
        if_electricity_mix_adpe=mix.adpe,
        if_electricity_mix_pe=mix.pe,
        if_electricity_mix_gwp=mix.gwp,
        if_electricity_mix_wue=mix.wue,
        datacenter_pue=1.14,
        datacenter_wue=0.99,
        request_latency=math.inf,
    )
    prompt_wh = 0.1159791  # 50 tokens at 10% utilisation, 0.7 x 1,275 W, PUE 1.14 (by hand)
    ecologits_wh = float(direct.energy.value) * 1000  # type: ignore[arg-type]
    assert worked.energy_wh[1] == pytest.approx(ecologits_wh + prompt_wh, rel=1e-5)
    ecologits_g = float(direct.usage.gwp.value) * 1000  # type: ignore[arg-type]
    assert worked.co2_g[1] == pytest.approx(ecologits_g + 0.0445824, rel=1e-5)


def test_worked_example_ratios(worked: Any) -> None:
    ratios = worked.ratios
    # 0.31586 / 0.15 = 2.1 and 1.8550 / 0.15 = 12.4: two significant figures
    assert ratios["energy"].words == (
        "The 405B model would have used 2.1 to 12 times more energy for this answer."
    )
    # Local electricity: 0.15 Wh x $0.16/kWh = $0.000024; $0.0002 / $0.000024 = 8.3
    assert worked.local_cost_usd == pytest.approx(0.000024)
    assert ratios["cost"].times_low == pytest.approx(8.33, rel=1e-2)
    # Memory, like for like: the local Q4_1 file (98 MiB = 0.10276 GB) against 405B in 4-bit
    # (203 GB): 203 / 0.10276 = 1,975 -> "about 2,000 times"
    assert worked.memory_precision == "int4"
    assert ratios["memory"].times_high == pytest.approx(1975.47, rel=1e-4)
    assert ratios["memory"].words == (
        "The 405B model needs about 2,000 times more memory than this model, at the same precision."
    )


JSON_KEYS = {
    "model", "answers", "grids", "savings_split", "memory_ratio_precision", "prefill_method",
    "prompt_tokens", "output_tokens", "datacenter", "grid", "memory_gb",
    "served_memory_gb", "memory_seed_note", "gpu_memory_gb", "gpus", "gpus_by_precision",
    "laptops_16gb", "laptops_16gb_by_precision", "energy_wh", "methods", "co2_g",
    "co2_g_embodied_ecologits", "water_ml", "cost_usd", "local", "ratios", "why_range",
    "explanation", "notes",
}  # fmt: skip


def test_json_contract_and_units(worked: Any) -> None:
    data = worked.to_json()
    assert set(data) == JSON_KEYS
    assert data["memory_gb"] == {
        "bf16": 810.0, "fp8": 405.0, "int4": 203.0, "fp32_seed": 1620.0, "fp32_seed_upper": 1944.0,
    }  # fmt: skip
    assert data["gpus"] == 16 and data["laptops_16gb"] == 61
    energy = data["energy_wh"]
    assert energy["low"] == 0.3159 and energy["high"] == pytest.approx(1.855, abs=0.001)
    # The prompt's part of each bound (50 tokens), by hand in test_compare_energy.py
    assert (energy["low_prefill"], energy["high_prefill"]) == (0.02084, 0.116)
    assert (energy["reference"], energy["reference_prefill"]) == (0.6104, 0.1221)
    assert (energy["method_low"], energy["method_high"], energy["method_reference"]) == (
        "ml.energy-measured", "ecologits", "epoch",
    )  # fmt: skip
    assert "76%" in data["prefill_method"] and "10%" in data["prefill_method"]
    grids = data["grids"]
    assert grids["local"]["zone"] == "USA" and grids["local"]["gco2_per_kwh"] == 384.4
    assert grids["datacenter"]["zone"] == "USA"
    assert grids["datacenter"]["chosen_by"] == "default: the local grid"
    assert set(data["methods"]) == {"ml.energy-measured", "ecologits", "epoch"}
    for key in ("co2_g", "water_ml"):
        assert set(data[key]) == {"low", "high"}
        assert data[key]["low"] < data[key]["high"]
    assert set(data["cost_usd"]) == {"low", "high", "by_host", "prices", "prices_dated"}
    prices = data["cost_usd"]["prices"]
    assert prices["azure"]["blended"] is True and prices["amazon_bedrock"]["blended"] is True
    assert prices["together"] == {
        "name": "Together AI", "input_usd_per_mtok": 3.5, "output_usd_per_mtok": 3.5,
        "blended": False, "date": "2025-07-03",
    }  # fmt: skip
    assert data["cost_usd"]["prices_dated"] == "2025-07-03 to 2026-08-19"
    assert set(data["ratios"]) == {"memory", "energy", "co2", "water", "cost"}
    for ratio in data["ratios"].values():
        assert set(ratio) == {"times_low", "times_high", "case", "words"}
    assert set(data["local"]) == {
        "method", "grid", "energy_wh", "co2_g", "water_ml", "cost_usd",
        "electricity_usd_per_kwh", "memory_mb", "memory_source",
    }  # fmt: skip


def test_explanation_is_honest_about_per_token_efficiency(worked: Any) -> None:
    text = worked.explanation
    assert "per token, a datacenter GPU is usually more efficient" in text
    # 0.15 Wh x 3600 / 200 tokens = 2.7 J per token, against 0.12 J on an H100 (8B model)
    assert "0.12 J per answer token, where this computer spent about 2.7 J per answer token" in text
    assert "Not shown" in text and "training tab" in text
    # The claim the issue found false is now true: both sides read the same prompt.
    assert "the same prompt read and the same number of answer tokens written" in text
    why = worked.why_range
    assert why.count(".") == 1 + why.count("0.")  # one sentence (decimals aside)
    assert "64 requests at once" in why and "16 GPUs" in why and "0.31 s per token" in why


def test_local_answer_that_used_more_is_said_so() -> None:
    # A big local model: 12 Wh for 200 tokens, 6.5x the 405B high end (1.8550 Wh)
    heavy = LocalAnswer(
        energy_wh=12.0, energy_wh_low=10.0, energy_wh_high=14.0, co2_g=12 * 0.3844,
        water_ml=12 * 3.1321, method="estimated", zone="USA", output_tokens=200,
    )  # fmt: skip
    words = compare_405b(50, 200, heavy).ratios["energy"].words
    # 12 / 1.8550 = 6.47 -> "6.5"; 12 / 0.31586 = 37.99 -> "38"
    assert words == (
        "This computer used 6.5 to 38 times more energy for this answer than the 405B model "
        "would have."
    )


def test_from_footprint_works_for_any_model() -> None:
    grid = grid_factors("FRA")
    footprint = build_footprint(EnergyRange(0.2, 0.1, 0.3), "estimated", grid, "x", [])
    local = LocalAnswer.from_footprint(
        footprint, 120, app_rss_mb=900.0, model_file_bytes=4 * 2**30, model_name="Mistral 7B Q4"
    )
    assert local.model_file_mb == 4096.0 and local.zone == "FRA"
    comparison = compare_405b(30, 120, local)
    assert comparison.local_price.key == "EEE"  # France: Europe's household price
    local_json: Any = comparison.to_json()["local"]
    assert local_json["memory_source"] == "model file"
    # 4 GiB = 4.295 GB; 810 / 4.295 = 189
    assert comparison.ratios["memory"].times_high == pytest.approx(810 / 4.294967296)


def test_from_footprint_json_reads_a_saved_message() -> None:
    saved = {
        "energy_wh": 0.15, "method": "measured", "range_wh": [0.12, 0.2], "co2_g": 0.0577,
        "co2_range_g": [0.046, 0.077], "water_ml": 0.47, "water_range_ml": [0.38, 0.63],
        "grid": "JPN",
    }  # fmt: skip
    local = LocalAnswer.from_footprint_json(saved, 200, app_rss_mb=400.0)
    assert (local.energy_wh_low, local.energy_wh_high) == (0.12, 0.2)
    comparison = compare_405b(50, 200, local)
    assert comparison.local.model_memory_source == "app memory (RSS)"
    assert any("No household electricity price for JPN" in n for n in comparison.notes)


def test_whole_chat_is_the_sum_of_its_answers() -> None:
    chat = combine_answers([LOCAL, LOCAL])
    assert chat.energy_wh == pytest.approx(0.3) and chat.output_tokens == 400
    assert chat.model_file_mb == 98.0  # memory is the largest seen, not a sum
    whole = compare_405b(100, 400, chat)
    single = compare_405b(50, 200, LOCAL)
    # Every estimate is linear in tokens: two answers cost twice one.
    assert whole.energy_wh[1] == pytest.approx(2 * single.energy_wh[1])
    assert whole.ratios["energy"].times_high == pytest.approx(single.ratios["energy"].times_high)
    with pytest.raises(ValueError):
        combine_answers([])


def test_other_datacenter_zone_names_both_grids_and_splits_the_saving() -> None:
    # The user on the US grid, the datacenter placed in France: same energy, far less CO2.
    france = compare_405b(50, 200, LOCAL, zone="FRA")
    direct = ecologits_estimate(200, "FRA", comparison_data().datacenter("huggingface_hub"),
                                comparison_data())  # fmt: skip
    assert france.energy_wh[1] == pytest.approx(direct.wh_high + 0.1159791, rel=1e-5)
    data: Any = france.to_json()
    assert data["grid"] == "FRA"
    assert data["grids"]["local"]["zone"] == "USA" and data["grids"]["local"]["name"]
    assert data["grids"]["datacenter"]["zone"] == "FRA"
    assert data["grids"]["datacenter"]["chosen_by"] == "user"
    # CO2 factor = energy factor x grid factor; grid: 41.44 / 384.4 = 0.1078 -> 0.11
    split = data["savings_split"]
    assert split["grid_times"] == 0.11
    assert (split["energy_times_low"], split["energy_times_high"]) == (2.1, 12)
    assert "a factor of 2.1 to 12 comes from the energy" in split["words"]
    assert "a factor of 0.11 from the grids" in split["words"]
    assert "France" in split["words"] and "United States" in split["words"]


def test_default_datacenter_grid_is_the_users_own() -> None:
    # A user in France: by default the datacenter is placed on France's grid, with HF's PUE/WUE,
    # so the CO2 ratio equals the energy ratio and the card says the saving is the model's size.
    french = LocalAnswer(0.15, 0.12, 0.2, 0.15 * 0.0414, 0.15 * 3.67, "measured", "FRA", 200)
    comparison = compare_405b(50, 200, french)
    assert comparison.grid.zone == "FRA" and comparison.local_grid.zone == "FRA"
    energy, co2 = comparison.ratios["energy"], comparison.ratios["co2"]
    assert co2.times_low == pytest.approx(energy.times_low, rel=1e-3)
    assert "it all comes from the size of the model" in comparison.savings.words


def test_zero_tokens_compare_nothing() -> None:
    empty = LocalAnswer(0.0, 0.0, 0.0, 0.0, 0.0, "measured", "USA", 0)
    comparison = compare_405b(10, 0, empty)
    # Only the 10-token prompt on the 405B side: 1/5 of the 50-token values
    assert comparison.energy_wh == pytest.approx((0.00416888, 0.02319583), rel=1e-5)
    assert comparison.ratios["energy"].times_low is None
    assert comparison.ratios["energy"].case == "too_small"
    local_json: Any = comparison.to_json()["local"]
    assert local_json["memory_mb"] is None


def test_long_prompt_and_one_token_answer_makes_405b_larger() -> None:
    """The issue's reversed verdict: a 416-token prompt and a 1-token answer.

    The local side measured reading 416 tokens and writing one (say 0.03 Wh on a laptop CPU);
    405B reading the same prompt costs 0.17 to 0.96 Wh, so 405B is the larger side.
    """
    local = LocalAnswer(0.03, 0.02, 0.04, 0.03 * 0.3844, 0.03 * 3.1321, "measured", "USA", 1)
    comparison = compare_405b(416, 1, local)
    low, high = comparison.energy_wh
    # 0.173426 + 1 x 3.08 / 0.58 / 3600 (0.0014751) = 0.174901 Wh;
    # 0.964946 + EcoLogits for 1 token (0.0086952 Wh) = 0.973641 Wh
    assert low == pytest.approx(0.174901, rel=1e-4)
    assert high == pytest.approx(0.973641, rel=1e-3)
    energy = comparison.ratios["energy"]
    assert energy.case == "bigger"
    assert energy.words == (
        "The 405B model would have used 5.8 to 32 times more energy for this answer."
    )
    # A 4,000-token prompt is handled the same way: ten times the prompt energy.
    long = compare_405b(4000, 1, local)
    assert long.low.prefill_wh_low == pytest.approx(1.667554, rel=1e-5)
    assert long.high.prefill_wh_high == pytest.approx(9.278330, rel=1e-5)


def test_memory_is_compared_like_for_like() -> None:
    from dataclasses import replace

    # A friendly name says nothing of the precision: 405B as released (16-bit), labelled so.
    friendly = replace(LOCAL, model_name="SmolLM2 135M")
    assert compare_405b(50, 200, friendly).memory_precision == "bf16"
    # The file's bits (from its name, …-Q4_1.gguf): 405B at 4-bit, 203 GB
    four = replace(friendly, weights_bits=4)
    comparison = compare_405b(50, 200, four)
    assert comparison.memory_precision == "int4"
    assert comparison.to_json()["memory_ratio_precision"] == "int4"
    assert comparison.ratios["memory"].times_low == pytest.approx(203 / (98 * 2**20 / 1e9))
