"""The local side of the comparison: what this laptop measured for an answer, with any model.

Built from the footprint of the answer (`AnswerFootprint`, or the dict saved with a message) plus
the memory measured: the app's peak RSS and the model file's size. Several answers add up into
one for the whole chat: energy, CO2 and water are sums, memory is the largest seen.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from desktop.core.footprint.answer import AnswerFootprint

BYTES_PER_MB = 1024 * 1024


@dataclass(frozen=True)
class LocalAnswer:
    energy_wh: float
    energy_wh_low: float
    energy_wh_high: float
    co2_g: float
    water_ml: float
    method: str  # "measured" or "estimated", as the footprint says
    zone: str  # the local grid zone (EcoLogits code); it also picks the electricity price
    output_tokens: int
    app_rss_mb: float | None = None  # peak resident memory of the app during the answer
    model_file_mb: float | None = None  # the model's weights on disk
    model_name: str = ""
    weights_bits: int | None = None  # bits per weight of the model file (4 for a Q4 GGUF)

    @property
    def model_memory_mb(self) -> float | None:
        """The memory that holds the model: its file (weights, like the 405B figures), else
        the app's RSS, which also counts the app and the context, so it overstates."""
        return self.model_file_mb if self.model_file_mb else self.app_rss_mb

    @property
    def model_memory_source(self) -> str:
        if self.model_file_mb:
            return "model file"
        return "app memory (RSS)" if self.app_rss_mb else "not measured"

    @classmethod
    def from_footprint(
        cls,
        footprint: AnswerFootprint,
        output_tokens: int,
        *,
        app_rss_mb: float | None = None,
        model_file_bytes: int | None = None,
        model_name: str = "",
    ) -> LocalAnswer:
        return cls(
            energy_wh=footprint.energy_wh,
            energy_wh_low=footprint.energy_wh_low,
            energy_wh_high=footprint.energy_wh_high,
            co2_g=footprint.co2_g,
            water_ml=footprint.water_ml,
            method=footprint.method,
            zone=footprint.grid,
            output_tokens=output_tokens,
            app_rss_mb=app_rss_mb,
            model_file_mb=None if model_file_bytes is None else model_file_bytes / BYTES_PER_MB,
            model_name=model_name,
        )

    @classmethod
    def from_footprint_json(
        cls,
        saved: Mapping[str, Any],
        output_tokens: int,
        *,
        app_rss_mb: float | None = None,
        model_file_bytes: int | None = None,
        model_name: str = "",
    ) -> LocalAnswer:
        """From the `footprint` dict of `smaller ask --json` / a saved message."""
        energy = float(saved["energy_wh"])
        low, high = (float(x) for x in saved.get("range_wh", (energy, energy)))
        return cls(
            energy_wh=energy,
            energy_wh_low=low,
            energy_wh_high=high,
            co2_g=float(saved["co2_g"]),
            water_ml=float(saved["water_ml"]),
            method=str(saved.get("method", "estimated")),
            zone=str(saved.get("grid", "WOR")),
            output_tokens=output_tokens,
            app_rss_mb=app_rss_mb,
            model_file_mb=None if model_file_bytes is None else model_file_bytes / BYTES_PER_MB,
            model_name=model_name,
        )


def _largest(values: Iterable[float | None]) -> float | None:
    present = [value for value in values if value]
    return max(present) if present else None


def combine_answers(answers: Iterable[LocalAnswer]) -> LocalAnswer:
    """The whole chat as one answer: sums of energy, CO2, water and tokens.

    Compare it with `compare_405b(sum of prompt tokens, sum of output tokens, ...)`: every
    405B estimate is linear in tokens, so the sum of answers is the answer of the sums.
    """
    items = list(answers)
    if not items:
        raise ValueError("combine_answers needs at least one answer")
    methods = {answer.method for answer in items}
    return LocalAnswer(
        energy_wh=sum(answer.energy_wh for answer in items),
        energy_wh_low=sum(answer.energy_wh_low for answer in items),
        energy_wh_high=sum(answer.energy_wh_high for answer in items),
        co2_g=sum(answer.co2_g for answer in items),
        water_ml=sum(answer.water_ml for answer in items),
        method=methods.pop() if len(methods) == 1 else "mixed",
        zone=items[-1].zone,
        output_tokens=sum(answer.output_tokens for answer in items),
        app_rss_mb=_largest(answer.app_rss_mb for answer in items),
        model_file_mb=_largest(answer.model_file_mb for answer in items),
        model_name=items[-1].model_name,
    )
