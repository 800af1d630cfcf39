"""comparison-405b.json: every figure sourced, dated and with a unit, and in step with ecologits."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from desktop.core.compare.data import (
    COMPARISON_FILE,
    comparison_data,
    parse_comparison_data,
    parse_figure,
)
from desktop.core.paths import resource_path

FIGURE_FIELDS = ("value", "unit", "source", "date", "note")


def _raw() -> dict[str, Any]:
    with resource_path(*COMPARISON_FILE).open(encoding="utf-8") as handle:
        loaded: dict[str, Any] = json.load(handle)
    return loaded


def _walk(node: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    yield path, node
    if isinstance(node, dict):
        for key, child in node.items():
            yield from _walk(child, f"{path}/{key}")
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from _walk(child, f"{path}[{index}]")


def test_every_figure_has_value_unit_source_url_date_and_note() -> None:
    figures = [(path, node) for path, node in _walk(_raw()) if isinstance(node, dict)]
    figures = [(path, node) for path, node in figures if "value" in node]
    assert len(figures) > 50
    for path, figure in figures:
        for field in FIGURE_FIELDS:
            assert figure.get(field) not in (None, ""), f"{path} lacks {field}"
        assert "http" in figure["source"], f"{path}: source has no URL"


def test_no_number_outside_a_sourced_figure() -> None:
    # A bare number in the file would be a figure without unit or source.
    for path, node in _walk(_raw()):
        if isinstance(node, int | float) and not isinstance(node, bool):
            assert path.endswith("/value") or path == "/schema", path


def test_the_loaded_data_holds_every_figure_of_the_file() -> None:
    in_file = sum(1 for _, node in _walk(_raw()) if isinstance(node, dict) and "value" in node)
    assert len(comparison_data().all_figures()) == in_file


@pytest.mark.parametrize(
    ("key", "value", "unit"),
    [
        ("weights_gb_bf16", 810, "GB"),
        ("weights_gb_fp8", 405, "GB"),
        ("weights_gb_int4", 203, "GB"),
        ("seed_weights_gb_fp32", 1620, "GB"),  # 405 x 4 bytes
        ("seed_weights_gb_fp32_upper", 1944, "GB"),  # 1,620 x 1.2
        ("gpu_memory_gb", 80, "GB per GPU"),
        ("laptop_memory_gb", 16, "GB per laptop"),
        ("mlenergy_405b_fp8_joules_per_token", 3.08, "J per output token (GPU only)"),
        ("accelerator_energy_share", 0.58, "share of full-stack energy"),
    ],
)
def test_key_figures(key: str, value: float, unit: str) -> None:
    figure = comparison_data().constant(key)
    assert figure.value == value
    assert figure.unit == unit


def test_seed_figures_say_they_are_the_seeds() -> None:
    data = comparison_data()
    for key in ("seed_weights_gb_fp32", "seed_weights_gb_fp32_upper", "seed_laptops_16gb"):
        assert "Seed article" in data.constant(key).source
    # 1,620 = 405 x 4 bytes and 1,944 = 1,620 x 1.2, as the notes explain.
    assert data.value("seed_weights_gb_fp32") == 405 * 4
    assert data.value("seed_weights_gb_fp32") * 1.2 == pytest.approx(
        data.value("seed_weights_gb_fp32_upper")
    )


def test_training_figures_meta_and_seed() -> None:
    data = comparison_data()
    meta = {key: f.value for key, f in data.training_meta.items()}
    seed = {key: f.value for key, f in data.training_seed.items()}
    assert meta["gpu_hours"] == 30.84e6
    assert meta["gpu_tdp_w"] == 700
    assert meta["co2_t_location"] == 8930
    assert meta["co2_t_market"] == 0
    assert seed == {
        "energy_gwh": 11,
        "co2_t": 5000,
        "diesel_litres": 2e6,
        "diesel_kg_per_litre": 2.54,
        "car_km": 28e6,
        "gpus": 16000,
        "days": 80,
        "cost_usd": 60e6,
        "kwh_per_person_france": 2300,
        "people_france": 4782,
    }
    assert "MODEL_CARD" in data.training_meta["gpu_hours"].source


def test_parameter_count_matches_ecologits_model_repository() -> None:
    from ecologits.model_repository import models

    model = models.find_model("huggingface_hub", "meta-llama/Meta-Llama-3.1-405B-Instruct")
    assert model is not None
    assert model.architecture.parameters == comparison_data().value("parameters_billion")


def test_datacenter_pue_and_wue_match_ecologits_provider_config() -> None:
    from ecologits.tracers.utils import PROVIDER_CONFIG_MAP
    from ecologits.utils.range_value import RangeValue

    def bounds(value: float | RangeValue) -> tuple[float, float]:
        if isinstance(value, RangeValue):
            return float(value.min), float(value.max)
        return float(value), float(value)

    for key, center in comparison_data().datacenters.items():
        config = PROVIDER_CONFIG_MAP[key]
        assert center.zone == config.datacenter_location
        assert (center.pue_low.value, center.pue_high.value) == bounds(config.datacenter_pue)
        assert (center.wue_low.value, center.wue_high.value) == bounds(config.datacenter_wue)


def test_electricity_price_by_zone_with_europe_and_world_fallbacks() -> None:
    data = comparison_data()
    assert data.electricity_price("USA").key == "USA"
    assert data.electricity_price("fra").key == "EEE"  # a European country: Europe's average
    assert data.electricity_price("JPN").key == "WOR"  # no price here: the world average
    assert data.electricity_price("USA").usd_per_kwh.unit == "USD/kWh"


def test_api_price_cost_is_per_million_tokens() -> None:
    together = comparison_data().api_prices["together"]
    # (50 x 3.50 + 200 x 3.50) / 1e6 = 875 / 1e6 = $0.000875
    assert together.cost_usd(50, 200) == pytest.approx(0.000875)


def test_a_figure_without_a_source_url_or_unit_is_refused() -> None:
    good = {"value": 1, "unit": "W", "source": "x (https://e.org)", "date": "2025", "note": "n"}
    assert parse_figure("k", good).value == 1.0
    with pytest.raises(ValueError, match="URL"):
        parse_figure("k", {**good, "source": "somewhere"})
    with pytest.raises(ValueError, match="unit"):
        parse_figure("k", {**good, "unit": ""})
    with pytest.raises(ValueError, match="number"):
        parse_figure("k", {**good, "value": True})


def test_data_without_a_world_electricity_price_is_refused() -> None:
    raw = _raw()
    del raw["electricity_prices"]["WOR"]
    with pytest.raises(ValueError, match="WOR"):
        parse_comparison_data(raw)


def test_unknown_datacenter_names_the_known_ones() -> None:
    with pytest.raises(KeyError, match="huggingface_hub"):
        comparison_data().datacenter("nowhere")


def test_api_prices_are_dated_and_blended_ones_marked() -> None:
    prices = comparison_data().api_prices
    assert {key for key, p in prices.items() if p.blended} == {"amazon_bedrock", "azure"}
    for price in prices.values():
        assert price.input_usd_per_mtok.date == price.output_usd_per_mtok.date
        if price.blended:
            assert "BLENDED" in price.input_usd_per_mtok.note
            assert "blended 3:1" in price.output_usd_per_mtok.unit
    # The note about a 5.00 Together price referred to an entry removed in July 2025.
    assert "5.00" not in prices["together"].input_usd_per_mtok.note
