"""Both grids of the comparison, named, and how much of the CO2 difference each part explains.

CO2 is energy x grid intensity on both sides, so the CO2 ratio is exactly the energy ratio (the
size of the model) times datacenter gCO2e/kWh / local gCO2e/kWh (the grids). The datacenter is
placed on the user's own grid by default, so that the card compares models, not countries.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.compare.ratios import Ratio
from desktop.core.figures import given, plain, significant
from desktop.core.footprint.grid import GridFactors
from desktop.core.i18n import translate


def grid_json(grid: GridFactors) -> dict[str, object]:
    return {
        "zone": grid.zone,
        "name": grid.name,
        "gco2_per_kwh": grid.gco2_per_kwh,
        "water_l_per_kwh": grid.water_l_per_kwh,
        "source": grid.source,
    }


@dataclass(frozen=True)
class SavingsSplit:
    """The CO2 factor = the energy factor (the model's size) x the grid factor (the grids).

    CO2 is energy x grid intensity on both sides, so the split is exact: the CO2 ratio is the
    energy ratio times datacenter gCO2e/kWh / local gCO2e/kWh.
    """

    energy_times_low: float | None
    energy_times_high: float | None
    grid_times: float | None  # None when the local grid emits nothing per kWh
    words: str

    def to_json(self) -> dict[str, object]:
        def factor(x: float | None) -> float | None:
            return None if x is None else significant(x).value

        return {
            "energy_times_low": factor(self.energy_times_low),
            "energy_times_high": factor(self.energy_times_high),
            "grid_times": factor(self.grid_times),
            "words": self.words,
        }


def savings_split(energy: Ratio, local_grid: GridFactors, center_grid: GridFactors) -> SavingsSplit:
    grid_times = (
        center_grid.gco2_per_kwh / local_grid.gco2_per_kwh if local_grid.gco2_per_kwh > 0 else None
    )
    if local_grid.zone == center_grid.zone:
        words = translate(
            "Comparison",
            "Both sides use the electricity of {grid}, so the CO₂ difference is the energy "
            "difference: it all comes from the size of the model.",
        ).format(grid=local_grid.name)
    elif grid_times is not None and energy.times_low is not None:
        words = translate(
            "Comparison",
            "This computer uses the electricity of {local} ({local_g} g CO₂e per kWh); the "
            "datacenter is placed in {center} ({center_g} g). Of the CO₂ difference, a factor of "
            "{energy} comes from the energy (the size of the model) and a factor of {grid} from "
            "the grids.",
        ).format(
            local=local_grid.name,
            local_g=given(local_grid.gco2_per_kwh),
            center=center_grid.name,
            center_g=given(center_grid.gco2_per_kwh),
            energy=_factor_span(energy),
            grid=plain(grid_times),
        )
    else:
        words = translate(
            "Comparison",
            "This computer uses the electricity of {local}; the datacenter is placed in {center}.",
        ).format(local=local_grid.name, center=center_grid.name)
    return SavingsSplit(energy.times_low, energy.times_high, grid_times, words)


def _factor_span(ratio: Ratio) -> str:
    assert ratio.times_low is not None and ratio.times_high is not None
    low, high = plain(ratio.times_low), plain(ratio.times_high)
    return (
        low
        if low == high
        else translate("Comparison", "{low} to {high}").format(low=low, high=high)
    )
