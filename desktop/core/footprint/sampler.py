"""Cheap, non-blocking samples of this process and of the system, for the live panel and answers.

Every psutil call here returns at once: CPU percentages use `interval=None` (the share since the
previous call), and per-process figures are read inside `oneshot()` so /proc is parsed once.
When psutil raises (the process is gone, access is denied, or anything else a platform throws),
the affected fields are None instead of an exception reaching the GUI's timer.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

import psutil

_MB = float(2**20)


@dataclass(frozen=True)
class ResourceSample:
    """One reading. CPU percent follows psutil: 100 = one core busy (so up to 100 x cores)."""

    time_s: float
    rss_mb: float | None
    process_cpu_percent: float | None
    process_cpu_s: float | None
    system_cpu_percent: float | None
    system_memory_used_mb: float | None
    system_memory_total_mb: float | None
    logical_cpus: int

    @property
    def process_share_of_machine_percent(self) -> float | None:
        """This app's CPU as a share of the whole machine, comparable with system_cpu_percent."""
        if self.process_cpu_percent is None:
            return None
        return self.process_cpu_percent / self.logical_cpus


class ResourceSampler:
    """Samples one process (this one by default) and the system; safe to call at 1 Hz."""

    def __init__(
        self, process: psutil.Process | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._clock = clock
        self.logical_cpus = psutil.cpu_count(logical=True) or 1
        self._process: psutil.Process | None = process
        if self._process is None:
            try:
                self._process = psutil.Process()
            except psutil.Error:
                self._process = None
        self.prime()

    def prime(self) -> None:
        """Start the CPU-percent windows, so the next sample's percentages are meaningful."""
        with contextlib.suppress(psutil.Error, OSError):
            psutil.cpu_percent(interval=None)
        if self._process is not None:
            with contextlib.suppress(psutil.Error, OSError):
                self._process.cpu_percent(interval=None)

    def _process_fields(self) -> tuple[float | None, float | None, float | None]:
        if self._process is None:
            return None, None, None
        try:
            with self._process.oneshot():
                rss = self._process.memory_info().rss / _MB
                percent = self._process.cpu_percent(interval=None)
                times = self._process.cpu_times()
        except (psutil.Error, OSError):
            return None, None, None
        return rss, percent, times.user + times.system

    def sample(self) -> ResourceSample:
        rss_mb, process_percent, process_cpu_s = self._process_fields()
        try:
            system_percent: float | None = psutil.cpu_percent(interval=None)
        except (psutil.Error, OSError):
            system_percent = None
        try:
            memory = psutil.virtual_memory()
            # "Used" as total - available: what other programs could not have. psutil's own
            # `used` is computed differently on each OS.
            used_mb: float | None = (memory.total - memory.available) / _MB
            total_mb: float | None = memory.total / _MB
        except (psutil.Error, OSError):
            used_mb = total_mb = None
        return ResourceSample(
            time_s=self._clock(),
            rss_mb=rss_mb,
            process_cpu_percent=process_percent,
            process_cpu_s=process_cpu_s,
            system_cpu_percent=system_percent,
            system_memory_used_mb=used_mb,
            system_memory_total_mb=total_mb,
            logical_cpus=self.logical_cpus,
        )


def lifetime_peak_rss_mb() -> float | None:
    """This process's peak resident memory since it started, from getrusage (not on Windows)."""
    if sys.platform == "win32":
        return None
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports KiB, macOS bytes.
    return peak / _MB if sys.platform == "darwin" else peak / 1024.0


@dataclass(frozen=True)
class ResourceUsage:
    """What one answer took: wall time, CPU time and peak memory of this process."""

    wall_s: float
    cpu_s: float
    peak_rss_mb: float | None

    @property
    def cpu_percent(self) -> float:
        """Average CPU over the answer, 100 = one core busy the whole time."""
        return 100.0 * self.cpu_s / self.wall_s if self.wall_s > 0 else 0.0

    def to_json(self) -> dict[str, float | None]:
        peak = None if self.peak_rss_mb is None else round(self.peak_rss_mb, 1)
        return {
            "peak_rss_mb": peak,
            "cpu_s": round(self.cpu_s, 3),
            "cpu_percent": round(self.cpu_percent, 1),
            "wall_s": round(self.wall_s, 3),
        }


class ResourceMeter:
    """Measures one answer: `start()`, optionally `sample()` while it streams, then `stop()`.

    Peak RSS is the highest sampled value; if getrusage's lifetime peak rose during the answer,
    the new peak was reached inside the window, so it is exact and used instead.
    """

    def __init__(
        self,
        sampler: ResourceSampler | None = None,
        clock: Callable[[], float] = time.monotonic,
        cpu_time: Callable[[], float] = time.process_time,
    ) -> None:
        self._sampler = sampler or ResourceSampler()
        self._clock = clock
        # time.process_time() is this process's CPU time over all its threads (the model's
        # worker threads included) and never raises, unlike a psutil call.
        self._cpu_time = cpu_time
        self._start_wall = 0.0
        self._start_cpu = 0.0
        self._start_lifetime_peak: float | None = None
        self._peak_sampled: float | None = None
        self._child_cpu_s = 0.0
        self._child_peak_mb: float | None = None

    def add_child_usage(self, cpu_s: float, peak_rss_mb: float | None) -> None:
        """Count a child process's CPU time (and add its peak memory) in this measurement:
        work moved to a child (document indexing) still costs energy."""
        self._child_cpu_s += max(cpu_s, 0.0)
        if peak_rss_mb is not None:
            self._child_peak_mb = (self._child_peak_mb or 0.0) + peak_rss_mb

    def _note_rss(self, rss_mb: float | None) -> None:
        if rss_mb is not None:
            self._peak_sampled = max(rss_mb, self._peak_sampled or 0.0)

    def start(self) -> None:
        self._peak_sampled = None
        self._child_cpu_s, self._child_peak_mb = 0.0, None
        self._start_lifetime_peak = lifetime_peak_rss_mb()
        self._note_rss(self._sampler.sample().rss_mb)
        self._start_wall = self._clock()
        self._start_cpu = self._cpu_time()

    def sample(self) -> ResourceSample:
        reading = self._sampler.sample()
        self._note_rss(reading.rss_mb)
        return reading

    def stop(self) -> ResourceUsage:
        wall_s = max(self._clock() - self._start_wall, 0.0)
        cpu_s = max(self._cpu_time() - self._start_cpu, 0.0) + self._child_cpu_s
        self._note_rss(self._sampler.sample().rss_mb)
        peak = self._peak_sampled
        lifetime_peak = lifetime_peak_rss_mb()
        if (
            lifetime_peak is not None
            and self._start_lifetime_peak is not None
            and lifetime_peak > self._start_lifetime_peak
        ):
            peak = max(lifetime_peak, peak or 0.0)
        if self._child_peak_mb is not None:  # both at their peaks at once: an upper bound
            peak = (peak or 0.0) + self._child_peak_mb
        return ResourceUsage(wall_s=wall_s, cpu_s=cpu_s, peak_rss_mb=peak)
