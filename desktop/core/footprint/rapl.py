"""Measured CPU energy from the Linux RAPL counters under /sys/class/powercap.

Only package domains are summed (`intel-rapl:N` whose `name` starts with "package"): the core,
uncore and dram sub-domains (`intel-rapl:N:M`) are parts of a package, and `intel-rapl-mmio:N`
repeats a package through another interface, so adding any of them would count energy twice.
`psys` (the whole platform) is skipped for the same reason.

Since Linux 5.10 `energy_uj` is readable only by root (CVE-2020-8694, the Platypus power
side-channel), so a normal user often gets `permission_denied`; the caller then says so and falls
back to the estimate. Other systems have their own counters, not read here: Windows 11 exposes the
Energy Meter Interface (EMI) without admin rights, macOS has `powermetrics` (needs sudo). Those
would be further readers with this same `status` / `snapshot` shape.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

RaplStatus = Literal["available", "absent", "permission_denied"]

DEFAULT_POWERCAP_ROOT = Path("/sys/class/powercap")

# Top-level zones only: exactly one ":N". `intel-rapl:0:1` (a sub-domain) and
# `intel-rapl-mmio:0` (a duplicate view of package 0) never match.
_PACKAGE_ZONE = re.compile(r"^(intel|amd)-rapl:\d+$")

ReadText = Callable[[Path], str]


def read_sysfs_text(path: Path) -> str:
    return path.read_text(encoding="ascii").strip()


class RaplUnavailable(RuntimeError):
    """The counters could not be read now (absent, or permission denied)."""


@dataclass(frozen=True)
class RaplDomain:
    """One CPU package: its folder, its name and the value at which its counter wraps to 0."""

    path: Path
    name: str
    max_energy_range_uj: int


@dataclass(frozen=True)
class RaplSnapshot:
    """The counters of every package (in µJ) at one monotonic time (in s)."""

    counters_uj: tuple[int, ...]
    time_s: float


def energy_delta_uj(start_uj: int, end_uj: int, max_energy_range_uj: int) -> int:
    """Energy between two readings of one counter, allowing for one wrap-around.

    The counter counts up to `max_energy_range_uj` and restarts at 0. It wraps every
    max_range / power: about 73 min for 262,143 J at 60 W, far longer than an answer, so at
    most one wrap is assumed (a longer gap would be undercounted by whole ranges).
    """
    if end_uj >= start_uj:
        return end_uj - start_uj
    return end_uj + max_energy_range_uj - start_uj


class RaplReader:
    """Reads the package energy counters under a powercap root (injectable for tests)."""

    def __init__(
        self, root: Path = DEFAULT_POWERCAP_ROOT, read_text: ReadText = read_sysfs_text
    ) -> None:
        self.root = root
        self._read_text = read_text
        self.domains: tuple[RaplDomain, ...] = ()
        self.status: RaplStatus = "absent"
        self.message = ""
        self.reason = ""
        self._probe()

    def _probe(self) -> None:
        try:
            self.domains = self._find_packages()
        except PermissionError:
            self._set("permission_denied")
            return
        except (OSError, ValueError):
            self._set("absent")
            return
        if not self.domains:
            self._set("absent")
            return
        try:
            self._read_counters()
        except PermissionError:
            self._set("permission_denied")
            return
        except (OSError, ValueError):
            self._set("absent")
            return
        self._set("available")

    def _set(self, status: RaplStatus) -> None:
        """Record the status with a message for the settings and a short reason for answers."""
        self.status = status
        names = ", ".join(domain.name for domain in self.domains)
        if status == "available":
            self.reason = ""
            self.message = f"Measured with the CPU's RAPL energy counters ({names})."
        elif status == "permission_denied":
            self.reason = "only root can read this CPU's RAPL energy counters (Linux 5.10+)"
            self.message = (
                "The CPU's RAPL energy counters exist but only root can read them "
                "(Linux 5.10 and later), so the energy is estimated. To measure it, an "
                f"administrator can run: sudo chmod a+r {self.root}/intel-rapl:*/energy_uj"
            )
        else:
            self.reason = "this machine exposes no RAPL energy counters"
            self.message = (
                "This machine exposes no RAPL energy counters (not Linux, a virtual machine, "
                "or an unsupported CPU), so the energy is estimated."
            )

    def _find_packages(self) -> tuple[RaplDomain, ...]:
        if not self.root.is_dir():
            return ()
        found: list[RaplDomain] = []
        for zone in sorted(self.root.iterdir(), key=lambda path: path.name):
            if not _PACKAGE_ZONE.match(zone.name):
                continue
            try:
                name = self._read_text(zone / "name")
                max_range = int(self._read_text(zone / "max_energy_range_uj"))
            except FileNotFoundError:
                continue
            if name.startswith("package"):
                found.append(RaplDomain(path=zone, name=name, max_energy_range_uj=max_range))
        return tuple(found)

    def _read_counters(self) -> tuple[int, ...]:
        return tuple(int(self._read_text(domain.path / "energy_uj")) for domain in self.domains)

    @property
    def available(self) -> bool:
        return self.status == "available"

    def read_counters_uj(self) -> tuple[int, ...]:
        """The raw counter of each package, in µJ. Raises RaplUnavailable when unreadable."""
        if not self.available:
            raise RaplUnavailable(self.message)
        try:
            return self._read_counters()
        except PermissionError as error:
            self._set("permission_denied")
            raise RaplUnavailable(self.message) from error
        except (OSError, ValueError) as error:
            raise RaplUnavailable(f"RAPL counter unreadable: {error}") from error

    def read_uj(self) -> int:
        """Sum of the package counters. Only differences between readings mean anything."""
        return sum(self.read_counters_uj())

    def snapshot(self, clock: Callable[[], float] = time.monotonic) -> RaplSnapshot:
        return RaplSnapshot(counters_uj=self.read_counters_uj(), time_s=clock())

    def energy_between(self, start_uj: Sequence[int], end_uj: Sequence[int]) -> int:
        """Energy used by all packages between two `read_counters_uj()` results, in µJ."""
        if len(start_uj) != len(self.domains) or len(end_uj) != len(self.domains):
            raise ValueError("readings do not match this machine's packages")
        return sum(
            energy_delta_uj(start, end, domain.max_energy_range_uj)
            for start, end, domain in zip(start_uj, end_uj, self.domains, strict=True)
        )

    def energy_between_snapshots_j(self, start: RaplSnapshot, end: RaplSnapshot) -> float:
        return self.energy_between(start.counters_uj, end.counters_uj) / 1e6


def calibrate_idle_power_w(
    reader: RaplReader,
    seconds: float = 1.0,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> float:
    """Average package power over a short window, in W, to subtract from each answer.

    Call it while the app is idle (at start-up, before the model loads): whatever else runs on
    the machine then is the baseline an answer is measured against. Blocks for `seconds`, so
    the GUI must run it off its main thread.
    """
    start = reader.snapshot(clock)
    sleep(seconds)
    end = reader.snapshot(clock)
    elapsed = end.time_s - start.time_s
    if elapsed <= 0:
        raise ValueError("the clock did not advance during idle calibration")
    return reader.energy_between_snapshots_j(start, end) / elapsed
