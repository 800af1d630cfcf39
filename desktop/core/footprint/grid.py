"""CO2 and water per kWh of the electricity grid, per country, from the ecologits package.

EcoLogits bundles electricity mixes for 215 zones (ISO 3166-1 alpha-3 codes, plus "WOR" for the
world and "EEE" for Europe): `gwp` in kgCO2e/kWh and `wue` in L/kWh (water consumed off-site to
generate the electricity, WRI method). Using it means no grid table is typed by hand here.

Units work out simply per Wh: x kgCO2e/kWh = x gCO2e/Wh, and x L/kWh = x mL/Wh.
"""

from __future__ import annotations

import locale
import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from desktop.core.figures import as_given
from desktop.core.footprint.data import zones_data
from desktop.core.i18n import translate

WORLD_ZONE = "WOR"
EUROPE_ZONE = "EEE"

# Locales that name no country: the POSIX defaults. Python maps "C.UTF-8" to en_US in
# locale.getlocale(), which would wrongly give the US grid; the world average is more honest.
_NEUTRAL_LOCALES = {"C", "POSIX", "C.UTF-8", "C.utf8"}


@dataclass(frozen=True)
class GridFactors:
    """Impact of one kWh drawn from the grid of `zone`."""

    zone: str
    name: str
    gco2_per_kwh: float
    water_l_per_kwh: float
    warnings: tuple[str, ...]  # EcoLogits' notes, e.g. "WUE factor is the world default"
    source: str

    def co2_g(self, energy_wh: float) -> float:
        return energy_wh * self.gco2_per_kwh / 1000.0

    def water_ml(self, energy_wh: float) -> float:
        return energy_wh * self.water_l_per_kwh  # L/kWh = mL/Wh


@lru_cache(maxsize=1)
def _ecologits_mixes() -> tuple[Any, str]:
    # Imported on first use: ecologits pulls in pydantic (~0.2 s), which the app need not pay
    # at start-up.
    import ecologits
    from ecologits.electricity_mix_repository import electricity_mixes

    return electricity_mixes, str(ecologits.__version__)


def ecologits_version() -> str:
    return _ecologits_mixes()[1]


def zone_name(zone: str) -> str:
    """Human name of a zone: 'FRA' -> 'France', 'WOR' -> 'World (average)'."""
    if zone == "WOR":
        return translate("Zones", "World (average)")
    if zone == "EEE":
        return translate("Zones", "Europe (average)")
    data = zones_data()
    entry = data["regions"].get(zone) or data["countries"].get(zone)
    return str(entry["name"]) if entry else zone


def grid_factors(zone: str) -> GridFactors:
    """Factors for `zone`; an unknown zone falls back to the world average (named as such)."""
    mixes, version = _ecologits_mixes()
    mix = mixes.find_electricity_mix(zone.upper())
    if mix is None:
        mix = mixes.find_electricity_mix(WORLD_ZONE)
    return GridFactors(
        zone=str(mix.zone),
        name=zone_name(str(mix.zone)),
        # kg -> g; as_given drops the float's noise (0.3844 x 1000 = 384.40000000000003).
        gco2_per_kwh=as_given(float(mix.gwp) * 1000.0).value,
        water_l_per_kwh=as_given(float(mix.wue)).value,
        warnings=tuple(str(warning.message) for warning in mix.warnings),
        source=(
            f"EcoLogits {version} electricity mix for {mix.zone} "
            "(ecologits/data/electricity_mixes.json, https://github.com/genai-impact/ecologits)"
        ),
    )


def available_zones() -> list[tuple[str, str]]:
    """(zone, human name) pairs for a settings list: world and Europe first, then by name."""
    mixes, _ = _ecologits_mixes()
    codes = [str(mix.zone) for mix in mixes.list_electricity_mixes()]
    regions = [code for code in (WORLD_ZONE, EUROPE_ZONE) if code in codes]
    countries = sorted((code for code in codes if code not in regions), key=zone_name)
    return [(code, zone_name(code)) for code in regions + countries]


def _region_of(locale_name: str) -> str | None:
    """'fr_FR.UTF-8' / 'fr-FR' / 'de_DE@euro' -> 'FR'; None when no region is named."""
    base = locale_name.split(".")[0].split("@")[0].replace("-", "_")
    parts = base.split("_")
    if len(parts) >= 2 and len(parts[-1]) == 2 and parts[-1].isalpha():
        return parts[-1].upper()
    return None


def zone_for_locale(locale_name: str) -> str:
    """'fr_FR' -> 'FRA', 'en_US' -> 'USA'; the world average when the locale names no grid."""
    region = _region_of(locale_name)
    if region is None:
        return WORLD_ZONE
    mixes, _ = _ecologits_mixes()
    for code, entry in zones_data()["countries"].items():
        if entry["alpha_2"] == region:
            return code if mixes.find_electricity_mix(code) is not None else WORLD_ZONE
    return WORLD_ZONE


def system_locale_name() -> str:
    """The user's locale as the environment or the OS states it ('' when unknown).

    The Qt layer knows better on every OS (QLocale.system().name()) and should pass that to
    `default_zone`; this is the fallback for the CLI.
    """
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return "" if value in _NEUTRAL_LOCALES else value
    # No locale variables (typical on Windows and for macOS GUI apps): ask the C library.
    name = locale.getlocale()[0]
    return name or ""


def default_zone(locale_name: str | None = None) -> str:
    """The grid zone to use before the user chooses one."""
    return zone_for_locale(system_locale_name() if locale_name is None else locale_name)
