"""Grid factors come from ecologits' bundled electricity mixes, not from a table typed here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ecologits.electricity_mix_repository import electricity_mixes

from desktop.core.footprint.data import zones_data
from desktop.core.footprint.grid import (
    available_zones,
    default_zone,
    grid_factors,
    system_locale_name,
    zone_for_locale,
    zone_name,
)


@pytest.mark.parametrize("zone", ["FRA", "USA", "DEU", "EEE", "WOR"])
def test_factors_match_ecologits(zone: str) -> None:
    mix = electricity_mixes.find_electricity_mix(zone)
    assert mix is not None
    factors = grid_factors(zone)
    assert factors.zone == zone
    assert factors.gco2_per_kwh == pytest.approx(mix.gwp * 1000)  # kg/kWh -> g/kWh
    assert factors.water_l_per_kwh == pytest.approx(mix.wue)


@pytest.mark.parametrize(
    ("zone", "gco2", "water"),
    [  # EcoLogits 0.11.3 electricity_mixes.json, typed by hand (kg -> g)
        ("FRA", 41.44, 3.6737), ("USA", 384.4, 3.1321), ("EEE", 282.68, 3.908),
        ("WOR", 458.29, 3.908), ("DEU", 329.65, 1.947),
    ],
)  # fmt: skip
def test_factors_are_the_sourced_figures_without_float_noise(
    zone: str, gco2: float, water: float
) -> None:
    # 0.3844 x 1000 is 384.40000000000003 in floating point; the app keeps the figure as given.
    factors = grid_factors(zone)
    assert factors.gco2_per_kwh == gco2 and factors.water_l_per_kwh == water
    assert repr(factors.gco2_per_kwh) == repr(gco2)
    assert "EcoLogits" in factors.source


def test_france_as_in_the_research_notes() -> None:
    # ecologits 0.11.3 gives FRA 41.4 gCO2e/kWh and 3.67 L/kWh (shared/research/footprint.md).
    factors = grid_factors("FRA")
    assert factors.gco2_per_kwh == pytest.approx(41.4, abs=0.1)
    assert factors.water_l_per_kwh == pytest.approx(3.67, abs=0.01)
    assert factors.name == "France"


def test_co2_and_water_per_wh() -> None:
    factors = grid_factors("FRA")
    # 0.15 Wh x 41.44 g/kWh / 1000 = 0.006216 g; 0.15 Wh x 3.6737 mL/Wh = 0.551 mL
    assert factors.co2_g(0.15) == pytest.approx(0.006216, rel=1e-6)
    assert factors.water_ml(0.15) == pytest.approx(0.551055, rel=1e-6)


def test_unknown_zone_falls_back_to_world() -> None:
    assert grid_factors("XYZ").zone == "WOR"
    assert grid_factors("fra").zone == "FRA"


def test_zone_list_has_every_ecologits_zone_with_names() -> None:
    zones = available_zones()
    assert len(zones) == len(electricity_mixes.list_electricity_mixes())
    assert zones[0] == ("WOR", "World (average)")
    assert zones[1] == ("EEE", "Europe (average)")
    names = dict(zones)
    assert names["FRA"] == "France" and names["USA"] == "United States"
    assert all(name != code for code, name in zones), "every zone needs a human name"
    rest = [name for _, name in zones[2:]]
    assert rest == sorted(rest)


@pytest.mark.parametrize(
    ("locale_name", "zone"),
    [
        ("fr_FR", "FRA"),
        ("fr_FR.UTF-8", "FRA"),
        ("en_US", "USA"),
        ("en-GB", "GBR"),
        ("de_DE@euro", "DEU"),
        ("fr_CA", "CAN"),
        ("en", "WOR"),
        ("C", "WOR"),
        ("", "WOR"),
        ("xx_ZZ", "WOR"),
        ("en_AQ", "WOR"),  # a real country code (Antarctica) that has no electricity mix
    ],
)
def test_zone_for_locale(locale_name: str, zone: str) -> None:
    assert zone_for_locale(locale_name) == zone


def test_default_zone_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert default_zone() == "FRA"
    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")
    assert default_zone() == "DEU"
    # The POSIX locale names no country: world average, not the US that Python maps it to.
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    assert system_locale_name() == ""
    assert default_zone() == "WOR"
    assert default_zone("en_US") == "USA"  # an explicit locale (e.g. from Qt) wins


def test_zone_names() -> None:
    assert zone_name("WOR") == "World (average)"
    assert zone_name("KOR") == "South Korea"
    assert zone_name("???") == "???"


def test_zones_file_matches_debian_iso_codes_when_present() -> None:
    iso = Path("/usr/share/iso-codes/json/iso_3166-1.json")
    if not iso.exists():
        pytest.skip("iso-codes is not installed on this machine")
    entries = json.loads(iso.read_text(encoding="utf-8"))["3166-1"]
    expected = {
        entry["alpha_3"]: {
            "alpha_2": entry["alpha_2"],
            "name": entry.get("common_name", entry["name"]),
        }
        for entry in entries
    }
    assert zones_data()["countries"] == expected
