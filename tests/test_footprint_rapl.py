"""The RAPL reader on a fake /sys/class/powercap tree built in a temp folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.footprint.rapl import (
    RaplReader,
    RaplUnavailable,
    calibrate_idle_power_w,
    energy_delta_uj,
    read_sysfs_text,
)

MAX_RANGE = 262_143_328_850  # a real Intel package's max_energy_range_uj


def _zone(root: Path, folder: str, name: str, energy_uj: int, max_range: int = MAX_RANGE) -> Path:
    zone = root / folder
    zone.mkdir(parents=True)
    (zone / "name").write_text(f"{name}\n")
    (zone / "energy_uj").write_text(f"{energy_uj}\n")
    (zone / "max_energy_range_uj").write_text(f"{max_range}\n")
    return zone


def _set_energy(zone: Path, energy_uj: int) -> None:
    (zone / "energy_uj").write_text(f"{energy_uj}\n")


@pytest.fixture
def powercap(tmp_path: Path) -> Path:
    """Two packages, with every domain that must NOT be counted beside them."""
    root = tmp_path / "powercap"
    (root / "intel-rapl").mkdir(parents=True)  # the control type folder, no counter
    (root / "intel-rapl" / "enabled").write_text("1\n")
    _zone(root, "intel-rapl:0", "package-0", 1_000_000)
    _zone(root, "intel-rapl:0:0", "core", 500_000)
    _zone(root, "intel-rapl:0:1", "uncore", 100_000)
    _zone(root, "intel-rapl:0:2", "dram", 200_000)
    _zone(root, "intel-rapl:1", "package-1", 2_000_000)
    _zone(root, "intel-rapl:2", "psys", 9_000_000)
    _zone(root, "intel-rapl-mmio:0", "package-0", 1_000_000)  # same package via MMIO
    return root


def test_finds_package_domains_only(powercap: Path) -> None:
    reader = RaplReader(powercap)
    assert reader.status == "available"
    assert [domain.name for domain in reader.domains] == ["package-0", "package-1"]
    # 1,000,000 + 2,000,000 µJ: neither core/uncore/dram, nor psys, nor the mmio duplicate.
    assert reader.read_uj() == 3_000_000
    assert reader.read_counters_uj() == (1_000_000, 2_000_000)


def test_energy_between_two_readings(powercap: Path) -> None:
    reader = RaplReader(powercap)
    start = reader.read_counters_uj()
    _set_energy(powercap / "intel-rapl:0", 1_000_000 + 250_000_000)  # +250 J
    _set_energy(powercap / "intel-rapl:1", 2_000_000 + 150_000_000)  # +150 J
    end = reader.read_counters_uj()
    assert reader.energy_between(start, end) == 400_000_000  # 400 J in µJ


def test_wrap_around_uses_max_energy_range(tmp_path: Path) -> None:
    root = tmp_path / "powercap"
    zone = _zone(root, "intel-rapl:0", "package-0", 999_000, max_range=1_000_000)
    reader = RaplReader(root)
    start = reader.read_counters_uj()
    _set_energy(zone, 4_000)  # counted 1,000 µJ up to the top, wrapped, then 4,000 more
    end = reader.read_counters_uj()
    # (1,000,000 - 999,000) + 4,000 = 5,000 µJ
    assert reader.energy_between(start, end) == 5_000
    assert energy_delta_uj(999_000, 4_000, 1_000_000) == 5_000
    assert energy_delta_uj(10, 30, 1_000_000) == 20  # no wrap


def test_amd_style_package_names(tmp_path: Path) -> None:
    root = tmp_path / "powercap"
    _zone(root, "amd-rapl:0", "package-0", 42)
    _zone(root, "amd-rapl:0:0", "core-0", 7)
    reader = RaplReader(root)
    assert reader.status == "available"
    assert reader.read_uj() == 42


def test_absent_when_no_powercap_folder(tmp_path: Path) -> None:
    reader = RaplReader(tmp_path / "missing")
    assert reader.status == "absent"
    assert not reader.available
    assert "no RAPL" in reader.message
    with pytest.raises(RaplUnavailable):
        reader.read_uj()


def test_absent_when_only_non_package_domains(tmp_path: Path) -> None:
    root = tmp_path / "powercap"
    _zone(root, "intel-rapl:0", "psys", 5)
    _zone(root, "intel-rapl:0:0", "core", 5)
    assert RaplReader(root).status == "absent"


def _deny_energy(path: Path) -> str:
    """Linux >= 5.10 as a normal user: name and max range readable, energy_uj root-only."""
    if path.name == "energy_uj":
        raise PermissionError(13, "Permission denied", str(path))
    return read_sysfs_text(path)


def test_permission_denied_is_reported(powercap: Path) -> None:
    # Tests run as root, where chmod denies nothing, so the file read itself is made to fail.
    reader = RaplReader(powercap, read_text=_deny_energy)
    assert reader.status == "permission_denied"
    assert "only root" in reader.message and "chmod" in reader.message
    assert "root" in reader.reason
    with pytest.raises(RaplUnavailable):
        reader.read_counters_uj()


def test_permission_lost_after_start_becomes_unavailable(powercap: Path) -> None:
    denied = {"now": False}

    def read_text(path: Path) -> str:
        if denied["now"]:
            return _deny_energy(path)
        return read_sysfs_text(path)

    reader = RaplReader(powercap, read_text=read_text)
    assert reader.available
    denied["now"] = True
    with pytest.raises(RaplUnavailable):
        reader.read_uj()
    assert reader.status == "permission_denied"


def test_mismatched_readings_are_refused(powercap: Path) -> None:
    reader = RaplReader(powercap)
    with pytest.raises(ValueError):
        reader.energy_between((1,), (2,))


def test_idle_calibration_with_fake_clock(tmp_path: Path) -> None:
    root = tmp_path / "powercap"
    zone = _zone(root, "intel-rapl:0", "package-0", 0)
    reader = RaplReader(root)
    now = {"t": 100.0}
    counter = {"uj": 0}

    def sleep(seconds: float) -> None:
        # The package draws 3 W while "sleeping": 3 J/s x 2 s = 6 J = 6,000,000 µJ.
        now["t"] += seconds
        counter["uj"] += int(3.0 * seconds * 1e6)
        _set_energy(zone, counter["uj"])

    idle_w = calibrate_idle_power_w(reader, 2.0, sleep=sleep, clock=lambda: now["t"])
    assert idle_w == pytest.approx(3.0)


def test_idle_calibration_refuses_a_stuck_clock(powercap: Path) -> None:
    reader = RaplReader(powercap)
    with pytest.raises(ValueError):
        calibrate_idle_power_w(reader, 1.0, sleep=lambda _s: None, clock=lambda: 5.0)
