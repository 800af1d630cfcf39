"""The measured footprint of every answer: energy, CO2 and water, Qt-free.

- rapl:        Linux RAPL package counters (measured energy), idle-power calibration
- estimate:    CPU time x TDP per thread + memory power when no counter is readable
- grid:        CO2 and water per kWh by country, from the ecologits electricity mixes
- answer:      one answer's AnswerFootprint and its `--json` form
- equivalents: phone charges, LED-bulb seconds, metres by car
- sampler:     psutil samples for the live panel; ResourceMeter for one answer
- meter:       FootprintMeter, all of the above for one answer
- data:        the sourced constants of resources/data/footprint.json
"""

from desktop.core.footprint.answer import (
    AnswerFootprint,
    build_footprint,
    estimated_footprint,
    format_co2,
    format_duration,
    format_energy,
    format_water,
    measured_energy,
    measured_footprint,
)
from desktop.core.footprint.data import Constant, constant, footprint_data
from desktop.core.footprint.equivalents import (
    Equivalent,
    all_equivalents,
    best_equivalent,
    car_metres,
    led_bulb_seconds,
    phone_charges,
)
from desktop.core.footprint.estimate import (
    CpuPowerProfile,
    EnergyRange,
    cpu_power_profile,
    detect_cpu_model,
    estimate_cpu_energy,
    estimate_energy,
    lookup_tdp,
    ram_energy,
)
from desktop.core.footprint.grid import (
    GridFactors,
    available_zones,
    default_zone,
    grid_factors,
    zone_for_locale,
    zone_name,
)
from desktop.core.footprint.meter import FootprintMeter
from desktop.core.footprint.rapl import (
    RaplReader,
    RaplSnapshot,
    RaplStatus,
    RaplUnavailable,
    calibrate_idle_power_w,
    energy_delta_uj,
)
from desktop.core.footprint.sampler import (
    ResourceMeter,
    ResourceSample,
    ResourceSampler,
    ResourceUsage,
)

__all__ = [
    "AnswerFootprint",
    "Constant",
    "CpuPowerProfile",
    "EnergyRange",
    "Equivalent",
    "FootprintMeter",
    "GridFactors",
    "RaplReader",
    "RaplSnapshot",
    "RaplStatus",
    "RaplUnavailable",
    "ResourceMeter",
    "ResourceSample",
    "ResourceSampler",
    "ResourceUsage",
    "all_equivalents",
    "available_zones",
    "best_equivalent",
    "build_footprint",
    "calibrate_idle_power_w",
    "car_metres",
    "constant",
    "cpu_power_profile",
    "default_zone",
    "detect_cpu_model",
    "energy_delta_uj",
    "estimate_cpu_energy",
    "estimate_energy",
    "estimated_footprint",
    "footprint_data",
    "format_co2",
    "format_duration",
    "format_energy",
    "format_water",
    "grid_factors",
    "led_bulb_seconds",
    "lookup_tdp",
    "measured_energy",
    "measured_footprint",
    "phone_charges",
    "ram_energy",
    "zone_for_locale",
    "zone_name",
]
