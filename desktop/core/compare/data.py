"""The 405B comparison's sourced figures, loaded once from `resources/data/comparison-405b.json`.

Same rule as the footprint's data: every number the comparison uses lives in that file with its
unit, source and date, so the view can open the source of any figure. A figure without a unit, a
source URL or a date is refused at load time rather than shown unsourced.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from desktop.core.footprint.data import Constant, load_json
from desktop.core.paths import resource_path

COMPARISON_FILE = ("data", "comparison-405b.json")
WORLD_ZONE = "WOR"


@dataclass(frozen=True)
class Datacenter:
    """Where the 405B answer is assumed to run: its grid zone, PUE and on-site WUE ranges."""

    key: str
    name: str
    zone: str
    pue_low: Constant
    pue_high: Constant
    wue_low: Constant  # L/kWh of IT energy, evaporated on site
    wue_high: Constant


@dataclass(frozen=True)
class ApiPrice:
    """What one host charges for Llama 3.1 405B, per million input and output tokens."""

    key: str
    name: str
    input_usd_per_mtok: Constant
    output_usd_per_mtok: Constant
    blended: bool = False  # one 3:1 input:output price stored as both: not separate prices

    @property
    def date(self) -> str:
        return self.input_usd_per_mtok.date

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "input_usd_per_mtok": self.input_usd_per_mtok.value,
            "output_usd_per_mtok": self.output_usd_per_mtok.value,
            "blended": self.blended,
            "date": self.date,
        }

    def cost_usd(self, prompt_tokens: int, output_tokens: int) -> float:
        return (
            prompt_tokens * self.input_usd_per_mtok.value
            + output_tokens * self.output_usd_per_mtok.value
        ) / 1e6


@dataclass(frozen=True)
class ElectricityPrice:
    """A household price per kWh and the grid zones it stands for."""

    key: str
    usd_per_kwh: Constant
    applies_to: tuple[str, ...]


@dataclass(frozen=True)
class ComparisonData:
    constants: dict[str, Constant]
    datacenters: dict[str, Datacenter]
    api_prices: dict[str, ApiPrice]
    electricity_prices: dict[str, ElectricityPrice]
    training_meta: dict[str, Constant]
    training_seed: dict[str, Constant]
    training_reference: dict[str, Constant]
    notes: tuple[str, ...]

    def constant(self, key: str) -> Constant:
        try:
            return self.constants[key]
        except KeyError:
            raise KeyError(f"comparison-405b.json has no constant {key!r}") from None

    def value(self, key: str) -> float:
        return self.constant(key).value

    def datacenter(self, key: str) -> Datacenter:
        try:
            return self.datacenters[key]
        except KeyError:
            known = ", ".join(sorted(self.datacenters))
            raise KeyError(f"unknown datacenter {key!r}; known: {known}") from None

    def electricity_price(self, zone: str) -> ElectricityPrice:
        """The price for `zone`: its own, its region's (Europe), else the world average."""
        zone = zone.upper()
        for price in self.electricity_prices.values():
            if zone in price.applies_to:
                return price
        return self.electricity_prices[WORLD_ZONE]

    def all_figures(self) -> list[Constant]:
        """Every figure of the file, for a 'sources' list and for the tests."""
        figures = [*self.constants.values()]
        for center in self.datacenters.values():
            figures += [center.pue_low, center.pue_high, center.wue_low, center.wue_high]
        for price in self.api_prices.values():
            figures += [price.input_usd_per_mtok, price.output_usd_per_mtok]
        figures += [price.usd_per_kwh for price in self.electricity_prices.values()]
        for group in (self.training_meta, self.training_seed, self.training_reference):
            figures += group.values()
        return figures


def _text(raw: dict[str, Any], field: str, where: str) -> str:
    value = raw.get(field)
    if not isinstance(value, str) or not value:
        raise ValueError(f"{where}: field {field!r} must be a non-empty string, got {value!r}")
    return value


def _flag(raw: dict[str, Any], field: str, where: str) -> bool:
    value = raw.get(field, False)
    if not isinstance(value, bool):
        raise ValueError(f"{where}: field {field!r} must be true or false, got {value!r}")
    return value


def parse_figure(key: str, raw: dict[str, Any]) -> Constant:
    """One figure; refused without a number, a unit, a source with a URL, or a date."""
    value = raw.get("value")
    # bool is an int subclass; true/false here would be a typo in the data, not a number.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{key}: 'value' must be a number, got {value!r}")
    source = _text(raw, "source", key)
    if "http" not in source:
        raise ValueError(f"{key}: the source must include a URL, got {source!r}")
    return Constant(
        key=key,
        value=float(value),
        unit=_text(raw, "unit", key),
        source=source,
        date=_text(raw, "date", key),
        note=_text(raw, "note", key),
    )


def _figures(raw: dict[str, Any], prefix: str) -> dict[str, Constant]:
    return {key: parse_figure(f"{prefix}{key}", entry) for key, entry in raw.items()}


def parse_comparison_data(raw: dict[str, Any]) -> ComparisonData:
    datacenters = {
        key: Datacenter(
            key=key,
            name=_text(entry, "name", key),
            zone=_text(entry, "zone", key),
            pue_low=parse_figure(f"{key}.pue_low", entry["pue_low"]),
            pue_high=parse_figure(f"{key}.pue_high", entry["pue_high"]),
            wue_low=parse_figure(f"{key}.wue_low", entry["wue_low"]),
            wue_high=parse_figure(f"{key}.wue_high", entry["wue_high"]),
        )
        for key, entry in raw["datacenters"].items()
    }
    api_prices = {
        key: ApiPrice(
            key=key,
            name=_text(entry, "name", key),
            input_usd_per_mtok=parse_figure(f"{key}.input", entry["input_usd_per_mtok"]),
            output_usd_per_mtok=parse_figure(f"{key}.output", entry["output_usd_per_mtok"]),
            blended=_flag(entry, "blended", key),
        )
        for key, entry in raw["api_prices"].items()
    }
    electricity_prices = {
        key: ElectricityPrice(
            key=key,
            usd_per_kwh=parse_figure(f"electricity_price.{key}", entry),
            applies_to=tuple(str(zone) for zone in entry.get("applies_to", [key])),
        )
        for key, entry in raw["electricity_prices"].items()
    }
    if WORLD_ZONE not in electricity_prices:
        raise ValueError("electricity_prices needs a world default (WOR)")
    training = raw["training"]
    return ComparisonData(
        constants=_figures(raw["constants"], ""),
        datacenters=datacenters,
        api_prices=api_prices,
        electricity_prices=electricity_prices,
        training_meta=_figures(training["meta"], "training.meta."),
        training_seed=_figures(training["seed"], "training.seed."),
        training_reference=_figures(training["reference"], "training.reference."),
        notes=tuple(str(note) for note in raw.get("notes", ())),
    )


@lru_cache(maxsize=1)
def comparison_data() -> ComparisonData:
    """The bundled figures, parsed once per process (the file never changes at run time)."""
    return parse_comparison_data(load_json(resource_path(*COMPARISON_FILE)))
