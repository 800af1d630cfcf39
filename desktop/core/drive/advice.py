"""What a test drive says about one model, in figures the window turns into a sentence: what it
is good and bad at, and which bigger installed model did better on the tasks it fails ("For sums
and facts, Qwen2.5-Coder-1.5B was right 4 times as often, for twice the energy")."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.drive.records import DriveRun, ModelDrive

GOOD_AT = 0.8  # the user's bar: right at least this often
BAD_AT = 0.5
BETTER_BY = 0.3  # a bigger model is worth suggesting when it is right this much more often


@dataclass(frozen=True)
class Advice:
    model: str
    good_at: tuple[str, ...]  # categories
    bad_at: tuple[str, ...]
    bigger: str | None = None  # a bigger installed model that did better where this one fails
    bigger_categories: tuple[str, ...] = ()
    right_ratio: float | None = None  # how many times as often it was right there (None: ∞)
    energy_ratio: float | None = None  # its energy per answer ÷ this model's


def _shares(drive: ModelDrive) -> dict[str, tuple[int, int]]:
    return {c.category: (c.correct, c.tasks) for c in drive.by_category()}


def advice_for(run: DriveRun, model: str) -> Advice | None:
    """None when `model` has no results in `run`."""
    me = next((m for m in run.models if m.model == model and m.outcomes), None)
    if me is None:
        return None
    mine = _shares(me)
    good = tuple(c for c, (ok, n) in mine.items() if ok >= GOOD_AT * n)
    bad = tuple(c for c, (ok, n) in mine.items() if ok < BAD_AT * n)
    best: tuple[int, ModelDrive, tuple[str, ...]] | None = None
    for other in run.models:
        if other is me or not other.outcomes or other.file_size <= me.file_size:
            continue
        theirs = _shares(other)
        cats = tuple(
            c for c, (ok, n) in mine.items()
            if c in theirs and theirs[c][0] / theirs[c][1] - ok / n >= BETTER_BY
        )  # fmt: skip
        gain = sum(theirs[c][0] - mine[c][0] for c in cats)
        if cats and (best is None or gain > best[0]):
            best = (gain, other, cats)
    if best is None:
        return Advice(model, good, bad)
    _, other, cats = best
    theirs = _shares(other)
    my_right = sum(mine[c][0] for c in cats)
    their_right = sum(theirs[c][0] for c in cats)
    mine_wh, theirs_wh = me.energy_per_answer_wh, other.energy_per_answer_wh
    energy = theirs_wh / mine_wh if mine_wh and theirs_wh else None
    return Advice(model, good, bad, other.model, cats,
                  their_right / my_right if my_right else None, energy)  # fmt: skip
