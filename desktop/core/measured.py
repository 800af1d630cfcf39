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
from desktop.core.engine import Engine, SamplingSettings
from desktop.core.footprint import FootprintMeter
from desktop.core.records import AnswerResult, AnswerStats

SAMPLE_EVERY_S = 1.0


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
    partial: str = "",
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
        on_text=on_token, stop=stop, partial=partial,
    )  # fmt: skip
    usage, footprint = meter.stop()
    if result.completion_tokens or result.prompt_tokens:
        result.usage, result.footprint, result.grid = usage, footprint, meter.grid
    return result


def compare_saved(
    answers: list[AnswerStats],
    model_file_bytes: int | None,
    model_name: str = "",
    datacenter_zone: str | None = None,
    model_file_name: str = "",
) -> Any:
    """A `Comparison` for saved answers (one answer, or a whole chat summed); None when none of
    them was measured. `datacenter_zone` places the datacenter on a grid (default: the user's)."""
    from dataclasses import replace

    from desktop.core.compare import LocalAnswer, combine_answers, compare_405b
    from desktop.core.compare.hardware import bits_of_model

    measured = [a for a in answers if a.footprint is not None and a.completion_tokens]
    if not measured:
        return None
    locals_ = [
        LocalAnswer.from_footprint(
            a.footprint,  # type: ignore[arg-type]
            a.completion_tokens,
            app_rss_mb=a.usage.peak_rss_mb if a.usage else None,
            model_file_bytes=model_file_bytes,
            model_name=model_name or a.model,
        )  # fmt: skip
        for a in measured
    ]
    local = locals_[0] if len(locals_) == 1 else combine_answers(locals_)
    # The file's name says its precision (…-Q4_0.gguf); the friendly name often does not.
    local = replace(local, weights_bits=bits_of_model(model_file_name or local.model_name))
    prompt_tokens = sum(a.prompt_tokens for a in measured)
    return compare_405b(
        prompt_tokens, local.output_tokens, local, zone=datacenter_zone, answers=len(measured)
    )


def comparison_for(
    result: AnswerStats,
    model_file_bytes: int | None,
    datacenter_zone: str | None = None,
    model_file_name: str = "",
) -> dict[str, Any] | None:
    """The `comparison_405b` object of `smaller ask --json`."""
    comparison = compare_saved(
        [result], model_file_bytes, result.model, datacenter_zone, model_file_name
    )
    return None if comparison is None else dict(comparison.to_json())
