"""One answer's footprint: measured and estimated paths, JSON form, plain-words formatting."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.footprint.answer import (
    AnswerFootprint,
    estimated_footprint,
    format_co2,
    format_duration,
    format_energy,
    format_water,
    measured_energy,
    measured_footprint,
    plain_number,
)
from desktop.core.footprint.estimate import CpuPowerProfile
from desktop.core.footprint.grid import grid_factors
from desktop.core.footprint.meter import FootprintMeter
from desktop.core.footprint.rapl import RaplReader
from desktop.core.footprint.sampler import ResourceMeter, ResourceUsage

PROFILE = CpuPowerProfile("Intel Core i5-8250U", 15.0, "CodeCarbon csv", True, 12, 12)


def test_measured_energy_worked_example() -> None:
    # shared/research/footprint.md: RAPL 400 J over 20 s, idle 3 W, RAM 10 W:
    #   CPU = 400 - 3 x 20 = 340 J; RAM = 200 J; total 540 J = 0.15 Wh.
    #   low  = 340 J + 0.375 W/GB x 0.5 GB x 20 s (3.75 J) = 343.75 J
    #   high = 400 J (idle kept) + 200 J = 600 J
    energy = measured_energy(400.0, 20.0, 3.0, 512.0)
    assert energy.wh == pytest.approx(0.15)
    assert energy.low_wh * 3600 == pytest.approx(343.75)
    assert energy.high_wh * 3600 == pytest.approx(600.0)


def test_idle_larger_than_package_energy_gives_zero_cpu() -> None:
    # 10 W idle x 20 s = 200 J > 100 J measured: CPU share 0, RAM 200 J remains.
    assert measured_energy(100.0, 20.0, 10.0, None).wh * 3600 == pytest.approx(200.0)


def test_measured_footprint_in_france() -> None:
    usage = ResourceUsage(wall_s=20.0, cpu_s=160.0, peak_rss_mb=512.0)
    grid = grid_factors("FRA")
    footprint = measured_footprint(400.0, usage, 3.0, grid)
    assert footprint.method == "measured"
    assert footprint.energy_wh == pytest.approx(0.15)
    # Research notes: FR 0.006 g and 0.55 mL for 0.15 Wh.
    # 0.15 Wh x 41.44 g/kWh (EcoLogits' France mix) / 1000 = 0.006216 g; x 3.6737 mL/Wh = 0.5511
    assert footprint.co2_g == pytest.approx(0.006216, rel=1e-4)
    assert footprint.water_ml == pytest.approx(0.551055, rel=1e-4)
    assert footprint.water_ml == pytest.approx(0.55, abs=0.01)
    assert footprint.co2_g_low <= footprint.co2_g <= footprint.co2_g_high
    assert "RAPL" in footprint.explanation and "France" in footprint.explanation
    assert any("powercap" in source for source in footprint.sources)
    assert any("EcoLogits" in source for source in footprint.sources)


def test_estimated_footprint_and_json_keys() -> None:
    # 15 W x 160 s / 12 = 200 J CPU; RAM 10 W x 20 s = 200 J; total 400 J = 0.1111 Wh.
    usage = ResourceUsage(wall_s=20.0, cpu_s=160.0, peak_rss_mb=512.0)
    footprint = estimated_footprint(usage, PROFILE, grid_factors("USA"), "no counters here")
    assert footprint.method == "estimated"
    assert footprint.energy_wh == pytest.approx(400 / 3600)
    assert "because no counters here" in footprint.explanation
    data = footprint.to_json()
    assert set(data) == {
        "energy_wh",
        "method",
        "range_wh",
        "co2_g",
        "co2_range_g",
        "water_ml",
        "water_range_ml",
        "grid",
    }
    assert data["method"] == "estimated" and data["grid"] == "USA"
    assert data["energy_wh"] == pytest.approx(0.1111, abs=1e-4)
    assert data["range_wh"] == [
        pytest.approx(footprint.energy_wh_low, rel=1e-3),
        pytest.approx(footprint.energy_wh_high, rel=1e-3),
    ]
    assert footprint.energy_wh_low <= footprint.energy_wh <= footprint.energy_wh_high
    assert "CodeCarbon csv" in footprint.sources


def test_summary_line() -> None:
    usage = ResourceUsage(wall_s=20.0, cpu_s=160.0, peak_rss_mb=512.0)
    footprint = measured_footprint(400.0, usage, 3.0, grid_factors("FRA"))
    assert isinstance(footprint, AnswerFootprint)
    assert footprint.summary() == "150 mWh · 6.2 mg CO₂ · measured"


@pytest.mark.parametrize(
    ("wh", "text"),
    [
        (0.0, "0 Wh"),
        (1.5, "1.5 Wh"),
        (0.15, "150 mWh"),
        (0.012, "12 mWh"),
        (0.0012, "1.2 mWh"),
        (0.999, "1 Wh"),  # rounds up into the next unit instead of "1,000 mWh"
        (2.4e-6, "2.4 µWh"),
        (3400.0, "3.4 kWh"),
    ],
)
def test_format_energy(wh: float, text: str) -> None:
    assert format_energy(wh) == text


@pytest.mark.parametrize(
    ("grams", "text"), [(1.2, "1.2 g"), (0.006, "6 mg"), (4e-5, "40 µg"), (0.0, "0 g")]
)
def test_format_co2(grams: float, text: str) -> None:
    assert format_co2(grams) == text


@pytest.mark.parametrize(
    ("ml", "text"), [(0.55, "0.55 mL"), (5.0, "5 mL"), (0.005, "5 µL"), (2500.0, "2.5 L")]
)
def test_format_water(ml: float, text: str) -> None:
    assert format_water(ml) == text


def test_format_duration_and_numbers() -> None:
    assert [format_duration(s) for s in (0.8, 42.4, 185.0, 3720.0)] == [
        "0.8 s",
        "42 s",
        "3 min 5 s",
        "1 h 2 min",
    ]
    assert [plain_number(v) for v in (0.151, 1.0, 6676.0, 299.8)] == ["0.15", "1", "6,700", "300"]


def _fake_package(root: Path, energy_uj: int) -> Path:
    zone = root / "intel-rapl:0"
    zone.mkdir(parents=True, exist_ok=True)
    (zone / "name").write_text("package-0\n")
    (zone / "max_energy_range_uj").write_text("262143328850\n")
    (zone / "energy_uj").write_text(f"{energy_uj}\n")
    return zone


def test_meter_measures_with_rapl(tmp_path: Path) -> None:
    zone = _fake_package(tmp_path, 1_000_000)
    clock = {"t": 0.0, "cpu": 0.0}
    resources = ResourceMeter(clock=lambda: clock["t"], cpu_time=lambda: clock["cpu"])
    meter = FootprintMeter(
        zone="FRA", rapl=RaplReader(tmp_path), profile=PROFILE, resources=resources
    )
    assert meter.method == "measured"
    meter.idle_w = 3.0  # as if calibrated at start-up
    meter.start()
    (zone / "energy_uj").write_text(f"{1_000_000 + 400_000_000}\n")  # +400 J
    clock["t"], clock["cpu"] = 20.0, 160.0
    usage, footprint = meter.stop()
    assert (usage.wall_s, usage.cpu_s) == (20.0, 160.0)
    # 400 J - 3 W x 20 s + 10 W x 20 s = 540 J = 0.15 Wh
    assert footprint.method == "measured"
    assert footprint.energy_wh == pytest.approx(0.15)


def test_meter_estimates_without_rapl(tmp_path: Path) -> None:
    clock = {"t": 0.0, "cpu": 0.0}
    resources = ResourceMeter(clock=lambda: clock["t"], cpu_time=lambda: clock["cpu"])
    meter = FootprintMeter(
        zone="USA", rapl=RaplReader(tmp_path / "none"), profile=PROFILE, resources=resources
    )
    assert meter.method == "estimated"
    assert meter.calibrate_idle(0.01) is None
    meter.start()
    clock["t"], clock["cpu"] = 20.0, 160.0
    _usage, footprint = meter.stop()
    assert footprint.method == "estimated"
    assert footprint.energy_wh == pytest.approx(400 / 3600)
    assert "no RAPL energy counters" in footprint.explanation
    meter.set_zone("FRA")
    assert meter.grid.zone == "FRA"


def test_meter_calibrates_idle_on_a_fake_tree(tmp_path: Path) -> None:
    _fake_package(tmp_path, 0)
    meter = FootprintMeter(zone="FRA", rapl=RaplReader(tmp_path), profile=PROFILE)
    # The fake counter does not move, so idle power is 0 W.
    assert meter.calibrate_idle(0.01) == 0.0
