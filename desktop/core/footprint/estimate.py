"""Estimated energy when no counter can be read: CPU time x power per thread, plus memory power.

This is CodeCarbon's "process" mode: E_cpu = TDP x process CPU seconds / logical CPUs. The TDP
comes from a small sourced table (resources/data/footprint.json) looked up by the CPU's model
string; an unknown CPU gets CodeCarbon's 4 W per logical CPU. Memory adds P_ram x wall time.

The result is a range, because TDP is a rating, not a measurement:
- low: the CPU draws half its TDP when busy (CodeCarbon's constant-mode ratio), and memory is
  charged only for what this app holds (3 W per 8 GB of its RSS);
- central: CodeCarbon's process mode as is (full TDP, whole-machine RAM power);
- high: the TDP is shared by physical cores rather than logical CPUs, since a busy hyper-thread
  keeps its whole core powered; memory as central. Equal to central without hyper-threading.

The model string comes from /proc/cpuinfo on Linux, `sysctl machdep.cpu.brand_string` on macOS and
the registry's ProcessorNameString on Windows; `platform.processor()` is the last resort.
Measured alternatives on other systems (Windows EMI, macOS powermetrics) are named in rapl.py.
"""

from __future__ import annotations

import os
import platform
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import psutil

from desktop.core.footprint.data import CpuTdp, FootprintData, footprint_data

JOULES_PER_WH = 3600.0
_MB_PER_GB = 1024.0


@dataclass(frozen=True)
class EnergyRange:
    """An energy in Wh with its plausible low and high bounds."""

    wh: float
    low_wh: float
    high_wh: float

    def __add__(self, other: EnergyRange) -> EnergyRange:
        return EnergyRange(
            self.wh + other.wh, self.low_wh + other.low_wh, self.high_wh + other.high_wh
        )

    @staticmethod
    def from_joules(central: float, low: float, high: float) -> EnergyRange:
        return EnergyRange(central / JOULES_PER_WH, low / JOULES_PER_WH, high / JOULES_PER_WH)


@dataclass(frozen=True)
class CpuPowerProfile:
    """What the estimate knows about this CPU: its model, power, and thread counts."""

    model: str
    tdp_w: float
    tdp_source: str
    matched: bool  # True when the TDP came from the table (or the user), not the default
    logical_cpus: int
    physical_cores: int


def normalize_cpu_model(raw: str) -> str:
    """'11th Gen Intel(R) Core(TM) i7-1165G7 @ 2.80GHz' -> 'Intel Core i7-1165G7 @ 2.80GHz'."""
    text = re.sub(r"\((R|TM|r|tm)\)|®|™", " ", raw)
    text = re.sub(r"\b\d+(st|nd|rd|th) Gen\b", " ", text)
    text = re.sub(r"\bCPU\b", " ", text)
    return " ".join(text.split())


def _model_pattern(model: str) -> re.Pattern[str]:
    # The table's vendor word is optional ("EPYC 7763" alone also matches) and the model must
    # end where the name ends, so "Ryzen 7 5800X" does not match "Ryzen 7 5800X3D" and
    # "Apple M1" does not match "Apple M1 Pro".
    vendor, _, rest = model.partition(" ")
    body = re.escape(rest if vendor in {"Intel", "AMD", "Apple"} else model)
    tail = r"(?=$|\s+(@|w/|with\b|\d+-Core\b|Processor\b))"
    return re.compile(rf"(^|\s){body}{tail}", re.IGNORECASE)


def lookup_tdp(model_string: str, data: FootprintData | None = None) -> CpuTdp | None:
    """The table row whose model appears in the detected string (the longest match wins)."""
    rows = (data or footprint_data()).cpu_tdp
    normalized = normalize_cpu_model(model_string)
    matches = [row for row in rows if _model_pattern(row.model).search(normalized)]
    return max(matches, key=lambda row: len(row.model), default=None)


def _linux_model(cpuinfo: Path) -> str:
    for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
        key, _, value = line.partition(":")
        if key.strip() in {"model name", "Model"} and value.strip():
            return value.strip()
    return ""


def _macos_model() -> str:
    done = subprocess.run(
        ["sysctl", "-n", "machdep.cpu.brand_string"],
        capture_output=True,
        text=True,
        timeout=2,
        check=False,
    )
    return done.stdout.strip()


def _windows_model() -> str:
    if sys.platform != "win32":
        return ""
    import winreg

    key_path = r"HARDWARE\DESCRIPTION\System\CentralProcessor\0"
    with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, key_path) as key:
        value, _ = winreg.QueryValueEx(key, "ProcessorNameString")
    return str(value).strip()


def detect_cpu_model(cpuinfo: Path = Path("/proc/cpuinfo")) -> str:
    """The CPU's marketing name, or '' when the system does not say."""
    system = platform.system()
    try:
        if system == "Linux" and cpuinfo.exists():
            model = _linux_model(cpuinfo)
        elif system == "Darwin":
            model = _macos_model()
        elif system == "Windows":
            model = _windows_model()
        else:
            model = ""
    except (OSError, subprocess.SubprocessError):
        model = ""
    return model or platform.processor()


def cpu_power_profile(
    model: str | None = None,
    logical_cpus: int | None = None,
    physical_cores: int | None = None,
    tdp_override_w: float | None = None,
    data: FootprintData | None = None,
) -> CpuPowerProfile:
    """The CPU's power for the estimate; `tdp_override_w` is the power the user chose."""
    data = data or footprint_data()
    model = detect_cpu_model() if model is None else model
    logical = logical_cpus or psutil.cpu_count(logical=True) or os.cpu_count() or 1
    physical = min(physical_cores or psutil.cpu_count(logical=False) or logical, logical)
    if tdp_override_w is not None:
        return CpuPowerProfile(
            model, tdp_override_w, "chosen in the settings", True, logical, physical
        )
    row = lookup_tdp(model, data)
    if row is not None:
        return CpuPowerProfile(model, row.watts, row.source, True, logical, physical)
    default = data.constant("cpu_default_watts_per_thread")
    return CpuPowerProfile(model, default.value * logical, default.source, False, logical, physical)


def estimate_cpu_energy(
    cpu_s: float, profile: CpuPowerProfile, data: FootprintData | None = None
) -> EnergyRange:
    """CPU energy of `cpu_s` seconds of this process's CPU time (range: see the module doc)."""
    data = data or footprint_data()
    cpu_s = max(cpu_s, 0.0)
    central_j = profile.tdp_w * cpu_s / profile.logical_cpus
    low_j = data.value("cpu_low_load_ratio") * central_j
    high_j = profile.tdp_w * cpu_s / profile.physical_cores
    return EnergyRange.from_joules(central_j, low_j, high_j)


def ram_energy(
    wall_s: float, rss_mb: float | None, data: FootprintData | None = None
) -> EnergyRange:
    """Memory energy over the answer's wall time.

    Central and high charge the whole machine's memory power (CodeCarbon v3, 10 W): an upper
    bound for this app. Low charges only this app's resident memory at 3 W per 8 GB.
    """
    data = data or footprint_data()
    wall_s = max(wall_s, 0.0)
    machine_j = data.value("ram_watts_machine") * wall_s
    app_gb = (rss_mb or 0.0) / _MB_PER_GB
    app_j = data.value("ram_watts_per_gb_app") * app_gb * wall_s
    return EnergyRange.from_joules(machine_j, min(app_j, machine_j), machine_j)


def estimate_energy(
    cpu_s: float,
    wall_s: float,
    rss_mb: float | None,
    profile: CpuPowerProfile,
    data: FootprintData | None = None,
) -> EnergyRange:
    """Total estimated energy of an answer: CPU plus memory, at the socket (PUE 1)."""
    return estimate_cpu_energy(cpu_s, profile, data) + ram_energy(wall_s, rss_mb, data)
