"""Every constant of the footprint is in resources/data/footprint.json, once, with its source."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from desktop.core.footprint.data import (
    footprint_data,
    load_json,
    parse_footprint_data,
    zones_data,
)
from desktop.core.paths import resource_path

FOOTPRINT = Path(__file__).resolve().parents[1] / "desktop" / "core" / "footprint"


def test_every_constant_has_value_unit_source_date_note() -> None:
    raw = load_json(resource_path("data", "footprint.json"))
    for key, entry in raw["constants"].items():
        assert set(entry) == {"value", "unit", "source", "date", "note"}, key
        assert entry["unit"] and entry["source"] and entry["date"] and entry["note"], key
    for row in raw["cpu_tdp"]["models"]:
        assert set(row) == {"model", "value", "unit", "source", "date", "note"}, row
        assert row["unit"] == "W"


def test_models_are_unique() -> None:
    models = [row.model for row in footprint_data().cpu_tdp]
    assert len(models) == len(set(models))


def test_parser_refuses_an_unsourced_constant() -> None:
    entry: dict[str, Any] = {"value": 1, "unit": "W", "source": "", "date": "", "note": ""}
    raw: dict[str, Any] = {"constants": {"x": entry}, "cpu_tdp": {"models": []}}
    with pytest.raises(ValueError):
        parse_footprint_data(raw)
    entry.update(source="somewhere", value=True)  # a boolean is a typo, not a number
    with pytest.raises(ValueError):
        parse_footprint_data(raw)


def test_unknown_constant_is_a_clear_error() -> None:
    with pytest.raises(KeyError, match="no constant"):
        footprint_data().constant("nope")


def test_code_types_no_constant_of_its_own() -> None:
    """Numbers in the maths come from the JSON: no watt, gram or Wh figure typed in code."""
    suspicious = re.compile(r"\b(12\.98|106\.6|0\.375|41\.4|10\s*\*\s*wall)")
    for path in FOOTPRINT.glob("*.py"):
        assert not suspicious.search(path.read_text(encoding="utf-8")), path


def test_zones_cover_the_grid_zones() -> None:
    from ecologits.electricity_mix_repository import electricity_mixes

    zones = zones_data()
    known = set(zones["countries"]) | set(zones["regions"])
    codes = {mix.zone for mix in electricity_mixes.list_electricity_mixes()}
    assert codes <= known


# Manufacturer-rated TDP (base power), typed by hand from the makers' spec pages, not from the
# table: Intel ARK (ark.intel.com) "TDP" / "Processor Base Power"; AMD product pages "Default
# TDP". The cTDP-up values of the old CodeCarbon snapshot (25 W, 54 W) must never come back.
RATED_TDP_W = {
    "Intel Core i5-10210U": 15,  # ARK: TDP 15 W (configurable TDP-up 25 W)
    "Intel Core i7-10510U": 15,
    "Intel Core i7-1065G7": 15,  # ARK: TDP 15 W (configurable TDP-up 25 W)
    "Intel Core i7-8750H": 45,
    "Intel Core i9-9900K": 95,
    "AMD Ryzen 5 5500U": 15,  # AMD: default TDP 15 W
    "AMD Ryzen 7 4800H": 45,  # AMD: default TDP 45 W (cTDP 35-54 W)
    "AMD Ryzen 7 5800H": 45,
    "AMD Ryzen 9 5950X": 105,
}


def test_tdp_rows_match_the_manufacturers_rated_power() -> None:
    rows = {row.model: row for row in footprint_data().cpu_tdp}
    for model, watts in RATED_TDP_W.items():
        assert rows[model].watts == watts, model
    for row in rows.values():
        assert "b05965e43b690cdc53787c7577adbe6e2caf4ed9" in row.source  # the refreshed list
        assert row.date == "2026-04-13"
