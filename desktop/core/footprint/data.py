"""The sourced constants of the footprint, loaded once from `resources/data/footprint.json`.

Every number the footprint maths uses lives in that file with its unit, source and date, so the
details view can show where each figure comes from. Code asks for a constant by key and never
types a value itself.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from desktop.core.paths import resource_path

FOOTPRINT_FILE = ("data", "footprint.json")
ZONES_FILE = ("data", "zones.json")


@dataclass(frozen=True)
class Constant:
    """One sourced figure: `value` in `unit`, as of `date`, from `source`."""

    key: str
    value: float
    unit: str
    source: str
    date: str
    note: str


@dataclass(frozen=True)
class CpuTdp:
    """A row of the TDP table: the rated sustained power of one CPU model."""

    model: str
    watts: float
    source: str
    date: str
    note: str


@dataclass(frozen=True)
class FootprintData:
    constants: dict[str, Constant]
    cpu_tdp: tuple[CpuTdp, ...]
    notes: tuple[str, ...]

    def constant(self, key: str) -> Constant:
        try:
            return self.constants[key]
        except KeyError:
            raise KeyError(f"footprint.json has no constant {key!r}") from None

    def value(self, key: str) -> float:
        return self.constant(key).value


def _text(raw: dict[str, Any], field: str) -> str:
    value = raw.get(field, "")
    if not isinstance(value, str):
        raise ValueError(f"field {field!r} must be a string, got {value!r}")
    return value


def _number(raw: dict[str, Any], field: str) -> float:
    value = raw.get(field)
    # bool is an int subclass; a true/false here would be a typo in the data, not a number.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"field {field!r} must be a number, got {value!r}")
    return float(value)


def parse_footprint_data(raw: dict[str, Any]) -> FootprintData:
    """Validate the JSON: a constant without a source or unit is refused, not silently used."""
    constants: dict[str, Constant] = {}
    for key, entry in raw["constants"].items():
        constant = Constant(
            key=key,
            value=_number(entry, "value"),
            unit=_text(entry, "unit"),
            source=_text(entry, "source"),
            date=_text(entry, "date"),
            note=_text(entry, "note"),
        )
        if not constant.source or not constant.unit:
            raise ValueError(f"constant {key!r} needs a unit and a source")
        constants[key] = constant
    rows = tuple(
        CpuTdp(
            model=_text(row, "model"),
            watts=_number(row, "value"),
            source=_text(row, "source"),
            date=_text(row, "date"),
            note=_text(row, "note"),
        )
        for row in raw["cpu_tdp"]["models"]
    )
    for row in rows:
        if not row.source:
            raise ValueError(f"TDP row {row.model!r} needs a source")
    return FootprintData(constants=constants, cpu_tdp=rows, notes=tuple(raw.get("notes", ())))


def load_json(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        loaded = json.load(handle)
    if not isinstance(loaded, dict):
        raise ValueError(f"{path} must hold a JSON object")
    return loaded


@lru_cache(maxsize=1)
def footprint_data() -> FootprintData:
    """The bundled constants, parsed once per process (the file never changes at run time)."""
    return parse_footprint_data(load_json(resource_path(*FOOTPRINT_FILE)))


@lru_cache(maxsize=1)
def zones_data() -> dict[str, Any]:
    """ISO 3166-1 codes and names, to map locales to grid zones and to label zones."""
    return load_json(resource_path(*ZONES_FILE))


def constant(key: str) -> Constant:
    return footprint_data().constant(key)
