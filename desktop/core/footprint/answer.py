"""One answer's footprint: energy (measured or estimated, with its range), CO2 and water.

Measured (RAPL): E = package energy - idle power x wall time + memory energy.
Estimated:       E = TDP x CPU seconds / logical CPUs + memory energy (see estimate.py).
Then CO2 = E x grid intensity and water = E x grid water factor (PUE 1 on a personal machine).

The range of a measurement: low counts only this app's memory; high keeps the idle power (no
subtraction). The package counter covers every program on the machine, which the idle
subtraction offsets only as far as the background load stays what it was at start-up.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from desktop.core.figures import given, plain, whole
from desktop.core.footprint.data import FootprintData, footprint_data
from desktop.core.footprint.estimate import (
    CpuPowerProfile,
    EnergyRange,
    estimate_energy,
    ram_energy,
)
from desktop.core.footprint.grid import GridFactors
from desktop.core.footprint.sampler import ResourceUsage
from desktop.core.i18n import translate

Method = Literal["measured", "estimated"]


# Plain words for small quantities. Per-answer figures are tiny, so each is scaled to the unit
# that gives a number between 1 and 1,000, with two significant figures: more digits would
# claim a precision that the estimate does not have.


def plain_number(value: float) -> str:
    """Two significant figures, no trailing zeros: 0.151 -> '0.15', 1.0 -> '1', 6676 -> '6,700'.

    Written by desktop.core.figures.written: English, or the window's locale ('0,15' in French).
    """
    return plain(value)


def _scaled(value: float, units: list[tuple[float, str]]) -> str:
    """`units` from largest to smallest as (size, name); the first size <= value is used."""
    if value == 0:
        return f"{whole(0)} {units[1][1] if len(units) > 1 else units[0][1]}"
    if value < 0 or not math.isfinite(value):
        # A bug upstream: shown (never hidden), but as a number a person can read.
        return f"{plain(value)} {units[-1][1]}"
    value = float(f"{value:.2g}")  # round first, so 0.999 Wh reads "1 Wh", not "1,000 mWh"
    for size, name in units:
        if value >= size:
            return f"{plain_number(value / size)} {name}"
    size, name = units[-1]
    return f"{plain_number(value / size)} {name}"


def format_energy(wh: float) -> str:
    """Energy: '1.5 Wh'; below 1 Wh '150 mWh'; below 1 mWh '12 µWh'; large '2.4 kWh'."""
    return _scaled(wh, [(1000.0, "kWh"), (1.0, "Wh"), (1e-3, "mWh"), (1e-6, "µWh")])


def format_co2(grams: float) -> str:
    """CO2 mass: '1.2 g'; below 1 g '6 mg'; below 1 mg '40 µg'; large '3.1 kg'."""
    return _scaled(grams, [(1000.0, "kg"), (1.0, "g"), (1e-3, "mg"), (1e-6, "µg")])


def format_water(ml: float) -> str:
    """Water volume: '0.55 mL' down to 0.01 mL, then µL; '1.2 L' from 1,000 mL."""
    if 0.01 <= ml < 1.0:
        return f"{plain_number(ml)} mL"
    return _scaled(ml, [(1000.0, "L"), (1.0, "mL"), (1e-3, "µL")])


def format_duration(seconds: float) -> str:
    """'0.8 s', '42 s', '3 min 5 s', '1 h 2 min'."""
    if seconds < 60:
        return f"{plain_number(seconds)} s" if seconds < 10 else f"{whole(seconds)} s"
    minutes, secs = divmod(round(seconds), 60)
    if minutes < 60:
        return f"{whole(minutes)} min {whole(secs)} s" if secs else f"{whole(minutes)} min"
    hours, minutes = divmod(minutes, 60)
    return f"{whole(hours)} h {whole(minutes)} min" if minutes else f"{whole(hours)} h"


RAPL_SOURCE = (
    "Linux powercap / RAPL package counters, energy_uj in µJ "
    "(https://www.kernel.org/doc/html/latest/power/powercap/powercap.html)"
)


def _significant(value: float, digits: int = 4) -> float:
    return float(f"{value:.{digits}g}")


@dataclass(frozen=True)
class AnswerFootprint:
    energy_wh: float
    energy_wh_low: float
    energy_wh_high: float
    method: Method
    co2_g: float
    co2_g_low: float
    co2_g_high: float
    water_ml: float
    water_ml_low: float
    water_ml_high: float
    grid: str  # EcoLogits zone, e.g. "FRA"
    grid_name: str
    explanation: str
    sources: tuple[str, ...]

    def to_json(self) -> dict[str, object]:
        """The `footprint` object of `smaller ask --json`; every key names its unit."""
        return {
            "energy_wh": _significant(self.energy_wh),
            "method": self.method,
            "range_wh": [_significant(self.energy_wh_low), _significant(self.energy_wh_high)],
            "co2_g": _significant(self.co2_g),
            "co2_range_g": [_significant(self.co2_g_low), _significant(self.co2_g_high)],
            "water_ml": _significant(self.water_ml),
            "water_range_ml": [_significant(self.water_ml_low), _significant(self.water_ml_high)],
            "grid": self.grid,
        }

    def summary(self) -> str:
        """The short part of the line under an answer: '12 mWh · 0.5 mg CO₂ · measured'."""
        return f"{format_energy(self.energy_wh)} · {format_co2(self.co2_g)} CO₂ · {self.method}"


def build_footprint(
    energy: EnergyRange,
    method: Method,
    grid: GridFactors,
    explanation: str,
    sources: list[str],
) -> AnswerFootprint:
    """Apply the grid factors to an energy range (CO2 and water scale linearly with energy)."""
    grid_words = translate(
        "Footprint",
        "CO₂ and water use the electricity of {grid} ({co2} g CO₂e and {water} L of water per "
        "kWh).",
    ).format(
        grid=grid.name,
        co2=given(grid.gco2_per_kwh),
        water=given(grid.water_l_per_kwh),
    )
    return AnswerFootprint(
        energy_wh=energy.wh,
        energy_wh_low=energy.low_wh,
        energy_wh_high=energy.high_wh,
        method=method,
        co2_g=grid.co2_g(energy.wh),
        co2_g_low=grid.co2_g(energy.low_wh),
        co2_g_high=grid.co2_g(energy.high_wh),
        water_ml=grid.water_ml(energy.wh),
        water_ml_low=grid.water_ml(energy.low_wh),
        water_ml_high=grid.water_ml(energy.high_wh),
        grid=grid.zone,
        grid_name=grid.name,
        explanation=f"{explanation} {grid_words}",
        sources=tuple(dict.fromkeys([*sources, grid.source])),  # de-duplicated, in order
    )


def measured_energy(
    package_j: float,
    wall_s: float,
    idle_w: float,
    rss_mb: float | None,
    data: FootprintData | None = None,
) -> EnergyRange:
    """CPU package energy less idle power, plus memory, in Wh with its range."""
    package_j = max(package_j, 0.0)
    cpu_j = max(package_j - max(idle_w, 0.0) * wall_s, 0.0)
    cpu = EnergyRange.from_joules(cpu_j, cpu_j, package_j)
    return cpu + ram_energy(wall_s, rss_mb, data)


def _ram_sources(data: FootprintData) -> list[str]:
    return [data.constant(key).source for key in ("ram_watts_machine", "ram_watts_per_gb_app")]


def measured_footprint(
    package_j: float,
    usage: ResourceUsage,
    idle_w: float | None,
    grid: GridFactors,
    data: FootprintData | None = None,
) -> AnswerFootprint:
    """Footprint from a RAPL measurement over one answer."""
    data = data or footprint_data()
    idle = idle_w or 0.0
    energy = measured_energy(package_j, usage.wall_s, idle, usage.peak_rss_mb, data)
    ram_w = data.value("ram_watts_machine")
    numbers = {
        "package": plain_number(package_j),
        "wall": plain_number(usage.wall_s),
        "idle": plain_number(idle),
        "idle_j": plain_number(idle * usage.wall_s),
        "ram": plain_number(ram_w),
        "ram_j": plain_number(ram_w * usage.wall_s),
    }
    if idle_w is not None:
        measured = translate(
            "Footprint",
            "Measured with the CPU's RAPL energy counters: the processor used {package} J in "
            "{wall} s; {idle} W of idle power measured at start-up ({idle_j} J) is taken off, "
            "and memory is counted at {ram} W ({ram_j} J).",
        )
    else:
        measured = translate(
            "Footprint",
            "Measured with the CPU's RAPL energy counters: the processor used {package} J in "
            "{wall} s; no idle power was measured, so none is taken off, and memory is counted "
            "at {ram} W ({ram_j} J).",
        )
    explanation = " ".join(
        [
            measured.format(**numbers),
            translate(
                "Footprint", "The counters cover every program on the machine, not only this app."
            ),
            translate(
                "Footprint",
                "Range: the low end counts only this app's own memory; the high end keeps the "
                "idle power.",
            ),
        ]
    )
    return build_footprint(
        energy, "measured", grid, explanation, [RAPL_SOURCE, *_ram_sources(data)]
    )


def estimated_footprint(
    usage: ResourceUsage,
    profile: CpuPowerProfile,
    grid: GridFactors,
    reason: str = "",
    data: FootprintData | None = None,
) -> AnswerFootprint:
    """Footprint estimated from this process's CPU time and the CPU's rated power."""
    data = data or footprint_data()
    energy = estimate_energy(usage.cpu_s, usage.wall_s, usage.peak_rss_mb, profile, data)
    per_thread_w = profile.tdp_w / profile.logical_cpus
    cpu_j = per_thread_w * usage.cpu_s
    numbers = {
        "model": profile.model or translate("Footprint", "an unidentified CPU"),
        "tdp": plain_number(profile.tdp_w),
        "threads": whole(profile.logical_cpus),
        "per_thread": plain_number(per_thread_w),
        "cpu_j": plain_number(cpu_j),
        "ram": plain_number(data.value("ram_watts_machine")),
    }
    if reason:
        estimated = translate("Footprint", "Estimated, because {reason}.").format(
            reason=reason.rstrip(".")
        )
    else:
        estimated = translate("Footprint", "Estimated.")
    if profile.matched:
        cpu_words = translate(
            "Footprint",
            "The CPU ({model}, rated {tdp} W for {threads} threads) is counted at {per_thread} W "
            "per busy thread ({cpu_j} J), and memory at {ram} W for the whole answer.",
        )
    else:
        cpu_words = translate(
            "Footprint",
            "The CPU ({model}, not in the table, so {tdp} W is assumed for {threads} threads) is "
            "counted at {per_thread} W per busy thread ({cpu_j} J), and memory at {ram} W for "
            "the whole answer.",
        )
    explanation = " ".join(
        [
            estimated,
            translate("Footprint", "This app used {cpu} s of CPU time in {wall} s.").format(
                cpu=plain_number(usage.cpu_s), wall=plain_number(usage.wall_s)
            ),
            cpu_words.format(**numbers),
            translate(
                "Footprint",
                "Range: the low end assumes half the rated power and only this app's memory; the "
                "high end shares the power among the {cores} physical cores instead of the "
                "threads.",
            ).format(cores=whole(profile.physical_cores)),
        ]
    )
    sources = [
        profile.tdp_source,
        data.constant("cpu_low_load_ratio").source,
        *_ram_sources(data),
    ]
    return build_footprint(energy, "estimated", grid, explanation, sources)
