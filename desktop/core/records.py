"""Typed records of what an answer produced, from the engine to the window and the store.

`AnswerStats` is everything shown under an answer and saved with it; `AnswerResult` adds the text
and what only the live answer has. They cross every seam as objects; JSON exists only at the
edges: `to_json()` for `smaller ask --json` and the chats file, `from_json()` when reading the
file back (tolerant: an older or hand-edited file gives empty fields, never an exception).

Statuses and error kinds are codes; the window translates them when it shows them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from desktop.core.footprint.answer import AnswerFootprint, Method
from desktop.core.footprint.grid import GridFactors
from desktop.core.footprint.sampler import ResourceUsage

Status = Literal["complete", "stopped", "error", "streaming"]
STATUSES: tuple[str, ...] = ("complete", "streaming", "stopped", "error")


def _round(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)


def _significant(value: float, digits: int = 4) -> float:
    return float(f"{value:.{digits}g}")


def _float(value: object, default: float | None = None) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return default
    number = float(value)
    return number if math.isfinite(number) else default


def _int(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _pair(value: object, default: float) -> tuple[float, float]:
    if isinstance(value, list | tuple) and len(value) == 2:
        low, high = _float(value[0]), _float(value[1])
        if low is not None and high is not None:
            return low, high
    return default, default


def footprint_to_json(fp: AnswerFootprint, grid: GridFactors | None) -> dict[str, object]:
    """The footprint as saved with an answer: the `--json` figures plus what the details show."""
    data: dict[str, object] = dict(fp.to_json())
    data["grid_name"] = fp.grid_name
    data["explanation"] = fp.explanation
    data["sources"] = list(fp.sources)
    if grid is not None:
        data["grid_gco2_per_kwh"] = _significant(grid.gco2_per_kwh)
        data["grid_water_l_per_kwh"] = _significant(grid.water_l_per_kwh)
        data["grid_source"] = grid.source
        data["grid_warnings"] = list(grid.warnings)
    return data


def footprint_from_json(data: object) -> tuple[AnswerFootprint, GridFactors | None] | None:
    if not isinstance(data, dict) or _float(data.get("energy_wh")) is None:
        return None
    energy = _float(data.get("energy_wh"), 0.0) or 0.0
    co2 = _float(data.get("co2_g"), 0.0) or 0.0
    water = _float(data.get("water_ml"), 0.0) or 0.0
    low, high = _pair(data.get("range_wh"), energy)
    co2_low, co2_high = _pair(data.get("co2_range_g"), co2)
    water_low, water_high = _pair(data.get("water_range_ml"), water)
    zone = str(data.get("grid") or "WOR")
    method: Method = "measured" if data.get("method") == "measured" else "estimated"
    sources = data.get("sources")
    fp = AnswerFootprint(
        energy_wh=energy, energy_wh_low=low, energy_wh_high=high, method=method,
        co2_g=co2, co2_g_low=co2_low, co2_g_high=co2_high,
        water_ml=water, water_ml_low=water_low, water_ml_high=water_high,
        grid=zone, grid_name=str(data.get("grid_name") or zone),
        explanation=str(data.get("explanation") or ""),
        sources=tuple(str(s) for s in sources) if isinstance(sources, list) else (),
    )  # fmt: skip
    grid = None
    gco2 = _float(data.get("grid_gco2_per_kwh"))
    if gco2 is not None:
        warnings = data.get("grid_warnings")
        grid = GridFactors(
            zone=zone, name=fp.grid_name, gco2_per_kwh=gco2,
            water_l_per_kwh=_float(data.get("grid_water_l_per_kwh"), 0.0) or 0.0,
            warnings=tuple(str(w) for w in warnings) if isinstance(warnings, list) else (),
            source=str(data.get("grid_source") or ""),
        )  # fmt: skip
    return fp, grid


def usage_from_json(data: object) -> ResourceUsage | None:
    if not isinstance(data, dict):
        return None
    wall = _float(data.get("wall_s"))
    cpu = _float(data.get("cpu_s"))
    if wall is None or cpu is None:
        return None
    return ResourceUsage(wall_s=wall, cpu_s=cpu, peak_rss_mb=_float(data.get("peak_rss_mb")))


@dataclass(frozen=True)
class Source:
    """One passage of the user's documents an answer was grounded in."""

    file: str  # the file's name, as shown
    path: str  # where it is, to open it
    page: int | None  # 1-based page for PDFs, None for formats without pages
    passage: str
    score: float  # reciprocal-rank-fusion score: higher is more relevant; only an order

    def to_json(self) -> dict[str, object]:
        return {"file": self.file, "path": self.path, "page": self.page,
                "passage": self.passage, "score": round(self.score, 5)}  # fmt: skip

    @classmethod
    def from_json(cls, data: object) -> Source | None:
        if not isinstance(data, dict) or not isinstance(data.get("passage"), str):
            return None
        page = data.get("page")
        return cls(
            file=str(data.get("file") or ""), path=str(data.get("path") or ""),
            page=page if isinstance(page, int) and not isinstance(page, bool) else None,
            passage=data["passage"], score=_float(data.get("score"), 0.0) or 0.0,
        )  # fmt: skip


def sources_from_json(data: object) -> tuple[Source, ...]:
    if not isinstance(data, list):
        return ()
    return tuple(s for s in map(Source.from_json, data) if s is not None)


@dataclass
class AnswerStats:
    """The figures of one answer: what the line under it, the panel totals, the 405B comparison
    and `--json` show. `usage` and `footprint` are None when nothing was measured."""

    model: str = ""
    status: str = "complete"
    prompt_tokens: int = 0
    completion_tokens: int = 0
    ttft_s: float | None = None
    total_s: float = 0.0
    tokens_per_s: float | None = None
    dropped_turns: int = 0
    error_kind: str | None = None
    usage: ResourceUsage | None = None
    footprint: AnswerFootprint | None = None
    grid: GridFactors | None = None  # the local grid the footprint used (its factors)
    # Passages of the user's documents the answer was grounded in (empty: none were used).
    sources: tuple[Source, ...] = ()

    @property
    def measured(self) -> bool:
        return self.footprint is not None and self.completion_tokens > 0

    def stats_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "status": self.status,
            "model": self.model,
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "ttft_s": _round(self.ttft_s),
            "total_s": _round(self.total_s),
            "tokens_per_s": _round(self.tokens_per_s, 2),
            "dropped_turns": self.dropped_turns,
        }
        if self.error_kind:
            data["error_kind"] = self.error_kind
        if self.usage is not None:
            data["resources"] = dict(self.usage.to_json())
        if self.footprint is not None:
            data["footprint"] = footprint_to_json(self.footprint, self.grid)
        if self.sources:
            data["sources"] = [source.to_json() for source in self.sources]
        return data

    @classmethod
    def from_json(cls, data: object) -> AnswerStats:
        """From a saved message's stats (any version); unknown or broken fields are left empty."""
        if not isinstance(data, dict):
            return cls()
        footprint = footprint_from_json(data.get("footprint"))
        status = data.get("status")
        return cls(
            model=str(data.get("model") or ""),
            status=status if isinstance(status, str) and status in STATUSES else "complete",
            prompt_tokens=_int(data.get("prompt_tokens")),
            completion_tokens=_int(data.get("completion_tokens")),
            ttft_s=_float(data.get("ttft_s")),
            total_s=_float(data.get("total_s"), 0.0) or 0.0,
            tokens_per_s=_float(data.get("tokens_per_s")),
            dropped_turns=_int(data.get("dropped_turns")),
            error_kind=str(data["error_kind"]) if data.get("error_kind") else None,
            usage=usage_from_json(data.get("resources")),
            footprint=footprint[0] if footprint else None,
            grid=footprint[1] if footprint else None,
            sources=sources_from_json(data.get("sources")),
        )


@dataclass
class AnswerResult(AnswerStats):
    """A finished answer: its text, its figures, and for a failure a plain message."""

    text: str = ""
    error: str | None = None
    timestamps: list[float] = field(default_factory=list, repr=False)

    def stats(self) -> AnswerStats:
        """The figures alone, as saved with the message."""
        return AnswerStats(**{f: getattr(self, f) for f in AnswerStats.__dataclass_fields__})

    def to_json(self) -> dict[str, Any]:
        """`smaller ask --json`: the answer and its figures."""
        data = {"answer": self.text, **self.stats_json()}
        if self.error:
            data["error"] = self.error
        return data

    def failed(self, kind: str, message: str) -> AnswerResult:
        return replace(self, status="error", error_kind=kind, error=message)
