"""Real psutil sampling of the running test process, and survival when psutil raises."""

from __future__ import annotations

import contextlib
import subprocess
import sys
import time
from collections.abc import Iterator

import psutil
import pytest

from desktop.core.footprint.sampler import (
    ResourceMeter,
    ResourceSampler,
    ResourceUsage,
    lifetime_peak_rss_mb,
)


def _busy(seconds: float) -> None:
    end = time.process_time() + seconds
    while time.process_time() < end:
        sum(range(1000))


def test_sample_of_this_process_is_real() -> None:
    sample = ResourceSampler().sample()
    assert sample.rss_mb is not None and sample.rss_mb > 0
    assert sample.process_cpu_s is not None and sample.process_cpu_s > 0
    assert sample.system_memory_total_mb is not None and sample.system_memory_total_mb > 0
    assert sample.system_memory_used_mb is not None
    assert 0 < sample.system_memory_used_mb <= sample.system_memory_total_mb
    assert sample.system_cpu_percent is not None and 0 <= sample.system_cpu_percent <= 100
    assert sample.logical_cpus >= 1


def test_cpu_seconds_and_percent_rise_after_busy_loop() -> None:
    sampler = ResourceSampler()
    before = sampler.sample()
    _busy(0.3)
    after = sampler.sample()
    assert before.process_cpu_s is not None and after.process_cpu_s is not None
    assert after.process_cpu_s - before.process_cpu_s >= 0.2
    assert after.process_cpu_percent is not None and after.process_cpu_percent > 20
    share = after.process_share_of_machine_percent
    assert share is not None and share == pytest.approx(
        after.process_cpu_percent / after.logical_cpus
    )


def test_sampling_does_not_block() -> None:
    sampler = ResourceSampler()
    start = time.perf_counter()
    for _ in range(20):
        sampler.sample()
    # No interval= sleeps: 20 samples take milliseconds, not seconds.
    assert time.perf_counter() - start < 0.5


def test_survives_a_vanished_process(monkeypatch: pytest.MonkeyPatch) -> None:
    sampler = ResourceSampler()

    @contextlib.contextmanager
    def gone(*_args: object, **_kwargs: object) -> Iterator[None]:
        raise psutil.NoSuchProcess(pid=123)
        yield  # unreachable: makes this a generator for contextmanager

    monkeypatch.setattr(psutil.Process, "oneshot", gone)
    sample = sampler.sample()
    assert sample.rss_mb is None
    assert sample.process_cpu_percent is None and sample.process_cpu_s is None
    assert sample.process_share_of_machine_percent is None
    assert sample.system_memory_total_mb is not None  # the system part still works


def test_survives_access_denied_on_system_calls(monkeypatch: pytest.MonkeyPatch) -> None:
    sampler = ResourceSampler()

    def denied(*_args: object, **_kwargs: object) -> object:
        raise psutil.AccessDenied(pid=1)

    monkeypatch.setattr(psutil, "virtual_memory", denied)
    monkeypatch.setattr(psutil, "cpu_percent", denied)
    sample = sampler.sample()
    assert sample.system_memory_used_mb is None and sample.system_memory_total_mb is None
    assert sample.system_cpu_percent is None
    assert sample.rss_mb is not None and sample.rss_mb > 0


def test_sampler_of_a_process_that_exited() -> None:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    sampler = ResourceSampler(process=psutil.Process(child.pid))
    child.wait()  # exited and reaped: every per-process call now raises NoSuchProcess
    sample = sampler.sample()
    assert sample.rss_mb is None and sample.process_cpu_s is None
    assert sample.system_memory_total_mb is not None


def test_resource_meter_on_the_real_process() -> None:
    meter = ResourceMeter()
    meter.start()
    _busy(0.3)
    meter.sample()
    usage = meter.stop()
    assert usage.cpu_s >= 0.25
    assert usage.wall_s >= usage.cpu_s * 0.9 / max(psutil.cpu_count() or 1, 1)
    assert usage.peak_rss_mb is not None and usage.peak_rss_mb > 0
    assert usage.cpu_percent > 20


def test_resource_meter_sees_a_new_memory_peak() -> None:
    meter = ResourceMeter()
    meter.start()
    before = lifetime_peak_rss_mb()
    block = bytearray(200 * 2**20)  # 200 MB, touched so it is resident
    for index in range(0, len(block), 4096):
        block[index] = 1
    del block
    usage = meter.stop()
    after = lifetime_peak_rss_mb()
    assert before is not None and after is not None and usage.peak_rss_mb is not None
    if after > before:  # a new lifetime peak: the meter must report it, not a later sample
        assert usage.peak_rss_mb == pytest.approx(after)
        assert usage.peak_rss_mb >= 150
    else:  # an earlier test peaked higher; the window's peak is then only sampled
        assert usage.peak_rss_mb > 0


def test_resource_meter_with_fake_clocks() -> None:
    times = {"wall": 10.0, "cpu": 1.0}
    meter = ResourceMeter(clock=lambda: times["wall"], cpu_time=lambda: times["cpu"])
    meter.start()
    times["wall"], times["cpu"] = 14.0, 7.0
    usage = meter.stop()
    # 6 CPU-seconds over 4 s of wall time = 150% (one and a half cores busy)
    assert (usage.wall_s, usage.cpu_s) == (4.0, 6.0)
    assert usage.cpu_percent == pytest.approx(150.0)
    data = usage.to_json()
    assert data["cpu_s"] == 6.0 and data["cpu_percent"] == 150.0 and data["wall_s"] == 4.0


def test_usage_with_zero_wall_time() -> None:
    assert ResourceUsage(wall_s=0.0, cpu_s=0.0, peak_rss_mb=None).cpu_percent == 0.0
    assert ResourceUsage(0.0, 0.0, None).to_json()["peak_rss_mb"] is None
