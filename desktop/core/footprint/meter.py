"""One object that measures an answer end to end: resources, energy (RAPL or estimate), impacts.

Typical use, from a worker thread (never the GUI thread: calibration sleeps, grid loading imports
ecologits):

    meter = FootprintMeter(zone=default_zone(qt_locale_name))
    meter.calibrate_idle()          # once, at start-up, while the app is idle
    meter.start()
    ...  meter.sample() about once a second while the answer streams ...
    usage, footprint = meter.stop()
"""

from __future__ import annotations

from desktop.core.footprint.answer import AnswerFootprint, estimated_footprint, measured_footprint
from desktop.core.footprint.data import footprint_data
from desktop.core.footprint.estimate import CpuPowerProfile, cpu_power_profile
from desktop.core.footprint.grid import GridFactors, default_zone, grid_factors
from desktop.core.footprint.rapl import (
    RaplReader,
    RaplSnapshot,
    RaplUnavailable,
    calibrate_idle_power_w,
)
from desktop.core.footprint.sampler import ResourceMeter, ResourceSample, ResourceUsage


class FootprintMeter:
    """Measures answers with RAPL when readable, else estimates; impacts for one grid zone."""

    def __init__(
        self,
        zone: str | None = None,
        rapl: RaplReader | None = None,
        profile: CpuPowerProfile | None = None,
        resources: ResourceMeter | None = None,
    ) -> None:
        self.rapl = rapl or RaplReader()
        self.profile = profile or cpu_power_profile()
        self.grid: GridFactors = grid_factors(zone or default_zone())
        self.idle_w: float | None = None
        self._resources = resources or ResourceMeter()
        self._start: RaplSnapshot | None = None

    def set_zone(self, zone: str) -> None:
        self.grid = grid_factors(zone)

    def set_profile(self, profile: CpuPowerProfile) -> None:
        """Use a CPU power the user chose (or re-detected) for later estimates."""
        self.profile = profile

    @property
    def method(self) -> str:
        return "measured" if self.rapl.available else "estimated"

    def calibrate_idle(self, seconds: float | None = None) -> float | None:
        """Measure idle package power (blocks `seconds`); None when RAPL is not readable."""
        if not self.rapl.available:
            return None
        window = footprint_data().value("idle_calibration_seconds") if seconds is None else seconds
        try:
            self.idle_w = calibrate_idle_power_w(self.rapl, window)
        except (RaplUnavailable, ValueError):
            self.idle_w = None
        return self.idle_w

    def start(self) -> None:
        self._start = None
        if self.rapl.available:
            try:
                self._start = self.rapl.snapshot()
            except RaplUnavailable:
                self._start = None
        self._resources.start()

    def sample(self) -> ResourceSample:
        return self._resources.sample()

    def add_child_usage(self, cpu_s: float, peak_rss_mb: float | None) -> None:
        """Include a child process's CPU time and memory in the next `stop()`."""
        self._resources.add_child_usage(cpu_s, peak_rss_mb)

    def stop(self) -> tuple[ResourceUsage, AnswerFootprint]:
        usage = self._resources.stop()
        if self._start is not None:
            try:
                end = self.rapl.snapshot()
            except RaplUnavailable:
                end = None
            if end is not None:
                package_j = self.rapl.energy_between_snapshots_j(self._start, end)
                return usage, measured_footprint(package_j, usage, self.idle_w, self.grid)
        return usage, estimated_footprint(usage, self.profile, self.grid, self.rapl.reason)
