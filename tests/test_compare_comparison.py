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
    # Low: 200 x 3.08 J / 0.58 = 0.2950 Wh; high: EcoLogits 1.739 Wh (US mix, HF-hub PUE 1.14)
    low, high = worked.energy_wh
    assert low == pytest.approx(0.2950, rel=1e-3)
    assert high == pytest.approx(1.739, rel=1e-3)
    assert worked.reference.wh_low == pytest.approx(0.4883, rel=1e-3)  # Epoch, in between
    assert low < worked.reference.wh_low < high
    assert worked.hardware.gpus == 16
    # CO2: 0.2950 x 384.4 / 1000 = 0.1134 g to EcoLogits' usage 0.668 g
    assert worked.co2_g == pytest.approx((0.1134, 0.6683), rel=1e-3)
    assert worked.water_ml == pytest.approx((0.959, 6.955), rel=1e-3)
    # Prices: OpenRouter 250 x $0.80/M = $0.0002 ... Azure 250 x $8/M = $0.002
    assert worked.cost_usd == pytest.approx((0.0002, 0.002))
    assert worked.cost_usd_by_host["together"] == pytest.approx(0.000875)
    assert worked.cost_usd_by_host["amazon_bedrock"] == pytest.approx(0.0006)


def test_worked_example_high_end_is_a_direct_ecologits_call(worked: Any) -> None:
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
    assert worked.energy_wh[1] == pytest.approx(float(direct.energy.value) * 1000)  # type: ignore[arg-type]
    assert worked.co2_g[1] == pytest.approx(float(direct.usage.gwp.value) * 1000)  # type: ignore[arg-type]
    assert worked.water_ml[1] == pytest.approx(float(direct.wcf.value) * 1000)  # type: ignore[arg-type]


def test_worked_example_ratios(worked: Any) -> None:
    ratios = worked.ratios
    # 0.295 / 0.15 = 1.97 and 1.739 / 0.15 = 11.6: the research notes' "2x to 12x"
    assert ratios["energy"].words.startswith("This answer used about 1/2 to 1/12 of the energy")
    # Local electricity: 0.15 Wh x $0.16/kWh = $0.000024; $0.0002 / $0.000024 = 8.3
    assert worked.local_cost_usd == pytest.approx(0.000024)
    assert ratios["cost"].times_low == pytest.approx(8.33, rel=1e-2)
    # Memory: 98 MiB = 0.1028 GB against FP8 405 GB and BF16 810 GB
    assert ratios["memory"].times_high == pytest.approx(810 / (98 * 2**20 / 1e9))


JSON_KEYS = {
    "model", "prompt_tokens", "output_tokens", "datacenter", "grid", "memory_gb",
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
    assert data["energy_wh"] == {
        "low": 0.295,
        "high": 1.739,
        "method_low": "ml.energy-measured",
        "method_high": "ecologits",
        "reference": 0.4883,
        "method_reference": "epoch",
    }
    assert set(data["methods"]) == {"ml.energy-measured", "ecologits", "epoch"}
    for key in ("co2_g", "water_ml"):
        assert set(data[key]) == {"low", "high"}
        assert data[key]["low"] < data[key]["high"]
    assert set(data["cost_usd"]) == {"low", "high", "by_host"}
    assert set(data["ratios"]) == {"memory", "energy", "co2", "water", "cost"}
    for ratio in data["ratios"].values():
        assert set(ratio) == {"times_low", "times_high", "words"}
    assert set(data["local"]) == {
        "energy_wh", "co2_g", "water_ml", "cost_usd", "electricity_usd_per_kwh", "memory_mb",
        "memory_source",
    }  # fmt: skip


def test_explanation_is_honest_about_per_token_efficiency(worked: Any) -> None:
    text = worked.explanation
    assert "per token, a datacenter GPU is usually more efficient" in text
    # 0.15 Wh x 3600 / 200 tokens = 2.7 J per token, against 0.12 J on an H100 (8B model)
    assert "0.12 J per token, where this computer spent about 2.7 J per token" in text
    assert "Not shown" in text and "training card" in text
    why = worked.why_range
    assert why.count(".") == 1 + why.count("0.")  # one sentence (decimals aside)
    assert "64 requests at once" in why and "16 GPUs" in why and "0.31 s per token" in why


def test_local_answer_that_used_more_is_said_so() -> None:
    # A big local model: 12 Wh for 200 tokens, 6.9x the 405B high end (1.739 Wh)
    heavy = LocalAnswer(
        energy_wh=12.0, energy_wh_low=10.0, energy_wh_high=14.0, co2_g=12 * 0.3844,
        water_ml=12 * 3.1321, method="estimated", zone="USA", output_tokens=200,
    )  # fmt: skip
    words = compare_405b(50, 200, heavy).ratios["energy"].words
    # 12 / 1.739 = 6.9 -> "6.9x"; 12 / 0.295 = 40.7 -> "41x"
    assert (
        words
        == "This answer used about 6.9× to 41× more energy than the 405B model would have used."
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


def test_other_datacenter_zone() -> None:
    # Same HF-hub datacenter on France's grid: same energy, far less CO2.
    france = compare_405b(50, 200, LOCAL, zone="FRA")
    direct = ecologits_estimate(200, "FRA", comparison_data().datacenter("huggingface_hub"),
                                comparison_data())  # fmt: skip
    assert france.energy_wh[1] == pytest.approx(direct.wh_high)
    assert france.co2_g[1] == pytest.approx(direct.co2_g_high)
    assert france.to_json()["grid"] == "FRA"


def test_zero_tokens_compare_nothing() -> None:
    empty = LocalAnswer(0.0, 0.0, 0.0, 0.0, 0.0, "measured", "USA", 0)
    comparison = compare_405b(10, 0, empty)
    assert comparison.energy_wh == (0.0, 0.0)
    assert comparison.ratios["energy"].times_low is None
    local_json: Any = comparison.to_json()["local"]
    assert local_json["memory_mb"] is None
