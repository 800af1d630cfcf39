"""The estimate path against hand-computed values, and the TDP lookup by model string."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.footprint.data import footprint_data
from desktop.core.footprint.estimate import (
    CpuPowerProfile,
    EnergyRange,
    cpu_power_profile,
    detect_cpu_model,
    estimate_cpu_energy,
    estimate_energy,
    lookup_tdp,
    normalize_cpu_model,
    ram_energy,
)

LAPTOP = CpuPowerProfile(
    model="Intel Core i7-1165G7",
    tdp_w=28.0,
    tdp_source="test",
    matched=True,
    logical_cpus=8,
    physical_cores=4,
)


def test_cpu_energy_hand_computed() -> None:
    # 160 CPU-seconds on a 28 W CPU with 8 threads and 4 cores:
    #   central = 28 W x 160 s / 8  = 560 J  = 0.155556 Wh
    #   low     = 0.5 x 560 J       = 280 J  = 0.077778 Wh
    #   high    = 28 W x 160 s / 4  = 1120 J = 0.311111 Wh
    energy = estimate_cpu_energy(160.0, LAPTOP)
    assert energy.wh == pytest.approx(560 / 3600)
    assert energy.low_wh == pytest.approx(280 / 3600)
    assert energy.high_wh == pytest.approx(1120 / 3600)


def test_research_doc_tdp_example() -> None:
    # shared/research/footprint.md: 15 W, 160 s of CPU time, 12 threads -> 15 x 160 / 12 = 200 J.
    profile = CpuPowerProfile("i5-8250U", 15.0, "test", True, logical_cpus=12, physical_cores=12)
    assert estimate_cpu_energy(160.0, profile).wh * 3600 == pytest.approx(200.0)


def test_ram_energy_hand_computed() -> None:
    # 20 s with 512 MB resident:
    #   central = high = 10 W x 20 s = 200 J (whole machine's memory)
    #   low = 0.375 W/GB x 0.5 GB x 20 s = 3.75 J (this app's memory only)
    energy = ram_energy(20.0, 512.0)
    assert energy.wh * 3600 == pytest.approx(200.0)
    assert energy.high_wh * 3600 == pytest.approx(200.0)
    assert energy.low_wh * 3600 == pytest.approx(3.75)
    assert ram_energy(20.0, None).low_wh == 0.0


def test_total_estimate_hand_computed() -> None:
    # CPU 560 / 280 / 1120 J + RAM 200 / 3.75 / 200 J = 760 / 283.75 / 1320 J
    energy = estimate_energy(cpu_s=160.0, wall_s=20.0, rss_mb=512.0, profile=LAPTOP)
    assert energy.wh == pytest.approx(760 / 3600)  # 0.2111 Wh
    assert energy.low_wh == pytest.approx(283.75 / 3600)  # 0.0788 Wh
    assert energy.high_wh == pytest.approx(1320 / 3600)  # 0.3667 Wh
    assert energy.low_wh <= energy.wh <= energy.high_wh


def test_negative_times_count_as_zero() -> None:
    assert estimate_energy(-1.0, -1.0, 100.0, LAPTOP) == EnergyRange(0.0, 0.0, 0.0)


@pytest.mark.parametrize(
    ("raw", "model", "watts"),
    [
        ("11th Gen Intel(R) Core(TM) i7-1165G7 @ 2.80GHz", "Intel Core i7-1165G7", 28),
        ("Intel(R) Core(TM) i5-8250U CPU @ 1.60GHz", "Intel Core i5-8250U", 15),
        ("AMD Ryzen 7 5800X 8-Core Processor", "AMD Ryzen 7 5800X", 105),
        ("AMD Ryzen 7 7840U w/ Radeon  780M Graphics", "AMD Ryzen 7 7840U", 28),
        ("AMD EPYC 7763 64-Core Processor", "AMD EPYC 7763", 280),
        ("Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz", "Intel Xeon E5-2680 v4", 120),
        ("Intel(R) Xeon(R) Platinum 8259CL CPU @ 2.50GHz", "Intel Xeon Platinum 8259CL", 210),
        ("Apple M1", "Apple M1", 10),
    ],
)
def test_tdp_lookup_by_model_string(raw: str, model: str, watts: float) -> None:
    row = lookup_tdp(raw)
    assert row is not None and row.model == model and row.watts == watts and row.source


@pytest.mark.parametrize(
    "raw",
    ["AMD Ryzen 7 5800X3D 8-Core Processor", "Apple M1 Pro", "AMD EPYC", "", "x86_64"],
)
def test_tdp_lookup_rejects_lookalikes(raw: str) -> None:
    assert lookup_tdp(raw) is None


def test_normalize_strips_marks() -> None:
    assert normalize_cpu_model("11th Gen Intel(R) Core(TM) i7-1165G7 @ 2.80GHz") == (
        "Intel Core i7-1165G7 @ 2.80GHz"
    )


def test_unknown_cpu_gets_codecarbon_default() -> None:
    # Unknown model: 4 W per logical CPU x 6 = 24 W.
    profile = cpu_power_profile(model="Mystery CPU 9000", logical_cpus=6, physical_cores=6)
    assert not profile.matched
    assert profile.tdp_w == 24.0
    assert "DEFAULT_POWER_PER_CORE" in profile.tdp_source


def test_known_cpu_and_user_override() -> None:
    known = cpu_power_profile(model="Intel(R) Core(TM) i7-1165G7", logical_cpus=8, physical_cores=4)
    assert (known.tdp_w, known.matched) == (28.0, True)
    chosen = cpu_power_profile(model="x", logical_cpus=8, physical_cores=4, tdp_override_w=15.0)
    assert (chosen.tdp_w, chosen.tdp_source) == (15.0, "chosen in the settings")


def test_physical_cores_never_exceed_logical() -> None:
    profile = cpu_power_profile(model="x", logical_cpus=4, physical_cores=8)
    assert profile.physical_cores == 4


def test_detect_reads_cpuinfo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("platform.system", lambda: "Linux")
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text(
        "processor\t: 0\nvendor_id\t: GenuineIntel\n"
        "model name\t: 11th Gen Intel(R) Core(TM) i7-1165G7 @ 2.80GHz\n"
    )
    assert detect_cpu_model(cpuinfo) == "11th Gen Intel(R) Core(TM) i7-1165G7 @ 2.80GHz"


def test_detect_on_this_machine_returns_a_string() -> None:
    assert isinstance(detect_cpu_model(), str)


def test_every_tdp_row_is_sourced_and_plausible() -> None:
    rows = footprint_data().cpu_tdp
    assert 30 <= len(rows) <= 80
    for row in rows:
        assert row.source and row.date and 1 <= row.watts <= 400, row
        assert lookup_tdp(row.model) == row, f"{row.model} must match its own row"
