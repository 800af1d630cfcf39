"""desktop.core.limits: every setting and flag has a range, and a value outside it is refused in
plain words before it can reach gpt4all (which aborts the process on a thread count <= 0)."""

from __future__ import annotations

import math
import os
from pathlib import Path

import pytest

from desktop.core import limits
from desktop.core.engine import Engine, EngineError
from desktop.core.limits import LimitError
from tests import gguf_factory


def refused(check: object, value: object) -> LimitError:
    with pytest.raises(LimitError) as info:
        check(value)  # type: ignore[operator]
    error = info.value
    assert error.kind == "invalid_setting" and error.detail
    message = str(error)
    assert "\n" not in message and message.endswith(".") and len(message) < 200
    return error


def test_threads_from_one_to_the_logical_cores() -> None:
    cores = os.cpu_count() or 1
    assert limits.max_threads() == cores
    assert limits.check_threads(1) == 1 and limits.check_threads(cores) == cores
    assert limits.check_threads(2.0 if cores >= 2 else 1.0) in (1, 2)  # a whole float is fine
    for bad in (0, -1, cores + 1, 64 * cores, 1.5, True, "2", None, math.nan):
        error = refused(limits.check_threads, bad)
        assert f"from 1 to {cores}" in str(error) and "logical cores" in str(error)


def test_context_range() -> None:
    assert limits.check_context(256) == 256 and limits.check_context(131_072) == 131_072
    for bad in (255, 0, -2048, 131_073, 2048.5, "2048"):
        assert "from 256 to 131,072" in str(refused(limits.check_context, bad))


def test_temperature_finite_and_within_range() -> None:
    assert limits.check_temperature(0) == 0.0 and limits.check_temperature(2) == 2.0
    assert limits.check_temperature(0.7) == 0.7
    for bad in (-0.1, 2.01, math.nan, math.inf, -math.inf, False, "0.7"):
        assert "from 0.0 to 2.0" in str(refused(limits.check_temperature, bad))


def test_max_tokens_and_rounds() -> None:
    assert limits.check_max_tokens(1) == 1 and limits.check_max_tokens(131_072) == 131_072
    for bad in (0, -5, 131_073):
        refused(limits.check_max_tokens, bad)
    assert limits.check_rounds(1) == 1 and limits.check_rounds(1000) == 1000
    for bad in (0, -1, 1001):
        assert "rounds" in str(refused(limits.check_rounds, bad))


def test_grid_zones_are_the_ones_ecologits_knows() -> None:
    assert limits.check_grid_zone("FRA") == "FRA" and limits.check_grid_zone(" wor ") == "WOR"
    for bad in ("ZZZ", "", "FR", 3):
        refused(limits.check_grid_zone, bad)


@pytest.mark.parametrize("threads", [0, -1, 10_000])
def test_engine_refuses_a_bad_thread_count_before_gpt4all_sees_it(
    tmp_path: Path, threads: int
) -> None:
    path = gguf_factory.write_gguf(tmp_path / "tiny.gguf")
    engine = Engine(path, n_threads=threads, cache_dir=tmp_path / "cache")
    with pytest.raises(EngineError) as info:
        engine.load()
    assert info.value.kind == "invalid_setting" and not engine.loaded
    assert "processor threads" in str(info.value)


def test_engine_refuses_a_bad_context_size(tmp_path: Path) -> None:
    path = gguf_factory.write_gguf(tmp_path / "tiny.gguf")
    with pytest.raises(EngineError) as info:
        Engine(path, n_ctx=0, n_threads=1).load()
    assert info.value.kind == "invalid_setting" and "context window" in str(info.value)


def test_engine_default_threads_is_within_range(tmp_path: Path) -> None:
    engine = Engine(tmp_path / "x.gguf")  # None: automatic
    assert limits.check_threads(engine.n_threads) == engine.n_threads
