"""One answer, measured: the path both the window's worker and `smaller ask` take.

Wraps `Engine.answer` with a `FootprintMeter`: the process's CPU time, wall time and peak memory
over the answer, and its energy (measured from RAPL counters where readable, estimated from CPU
time otherwise), CO2 and water for the chosen grid. The meter samples memory at most once a
second from the token callback, so the token path pays a clock read per token and nothing more.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from desktop.core.context import Turn
from desktop.core.engine import AnswerResult, Engine, SamplingSettings
from desktop.core.footprint import FootprintMeter

SAMPLE_EVERY_S = 1.0


def footprint_details(meter: FootprintMeter, footprint: Any) -> dict[str, Any]:
    """The answer's footprint as saved with the message: the `--json` figures plus what the
    details view shows (how it was obtained, the grid's name, the sources)."""
    data: dict[str, Any] = dict(footprint.to_json())
    data["grid_name"] = footprint.grid_name
    data["explanation"] = footprint.explanation
    data["sources"] = list(footprint.sources)
    data["grid_gco2_per_kwh"] = meter.grid.gco2_per_kwh
    data["grid_water_l_per_kwh"] = meter.grid.water_l_per_kwh
    data["grid_source"] = meter.grid.source
    data["grid_warnings"] = list(meter.grid.warnings)
    return data


def answer_measured(
    engine: Engine,
    meter: FootprintMeter,
    user: str,
    *,
    history: list[Turn] | None = None,
    system_prompt: str = "",
    settings: SamplingSettings | None = None,
    on_text: Callable[[str], None] | None = None,
    stop: threading.Event | None = None,
) -> AnswerResult:
    next_sample = time.monotonic() + SAMPLE_EVERY_S

    def on_token(text: str) -> None:
        nonlocal next_sample
        now = time.monotonic()
        if now >= next_sample:
            next_sample = now + SAMPLE_EVERY_S
            meter.sample()
        if on_text is not None:
            on_text(text)

    meter.start()
    result = engine.answer(
        user, history=history, system_prompt=system_prompt, settings=settings,
        on_text=on_token, stop=stop,
    )  # fmt: skip
    usage, footprint = meter.stop()
    if result.completion_tokens or result.prompt_tokens:
        result.resources = dict(usage.to_json())
        result.footprint = footprint_details(meter, footprint)
    return result


def comparison_for(result: AnswerResult, model_file_bytes: int | None) -> dict[str, Any] | None:
    """The `comparison_405b` object for a measured answer (None when nothing was measured)."""
    from desktop.core.compare import LocalAnswer, compare_405b

    if result.footprint is None or not result.completion_tokens:
        return None
    peak = (result.resources or {}).get("peak_rss_mb")
    local = LocalAnswer.from_footprint_json(
        result.footprint, result.completion_tokens, app_rss_mb=peak,
        model_file_bytes=model_file_bytes, model_name=result.model,
    )  # fmt: skip
    return compare_405b(result.prompt_tokens, result.completion_tokens, local).to_json()
