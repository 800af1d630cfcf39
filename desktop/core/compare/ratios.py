"""Ratios of the 405B range to the local answer, in plain words, as multiples.

"The 405B model would have used 20 to 120 times more energy for this answer." When the local
answer used more, the sentence says so just as plainly; when the 405B range straddles the local
figure it says it is too close to call; when the local figure is too small for the meter to tell
apart from nothing, it says that instead of printing a meaningless factor. Every factor has two
significant figures (desktop.core.figures.significant): the estimates do not support more.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from desktop.core.figures import plain, significant, whole
from desktop.core.i18n import translate

# Within this factor either way the two are "about the same": the estimates are not finer.
SAME_FACTOR = 1.25
# Beyond this factor the local figure is effectively zero: a factor of a million or more says
# more about the meter than about the models.
MAX_FACTOR = 1e6
# Below this much energy (0.1 mWh = 0.36 J) a local answer is too small to measure: it is less
# than a tenth of a second of a laptop's idle power (a few watts), which the measurement
# subtracts and cannot tell apart from it.
ENERGY_FLOOR_WH = 1e-4

ROWS = ("energy", "co2", "water", "cost", "memory")
CASES = ("bigger", "smaller", "same", "close", "none", "too_small")


def scope_words(answers: int) -> str:
    """'this answer', or 'this chat (3 answers)'."""
    if answers <= 1:
        return translate("RatioWords", "this answer")
    # Never 1 here: "this answer" says that. French and English both say "2 answers" from 2 on.
    return translate("RatioWords", "this chat ({n} answers)").format(n=whole(answers))


def _sentences(row: str) -> dict[str, str]:
    """Whole sentences for one row, one per case, so each language can word them its own way.
    `{amount}` is '20 to 120 times' or 'about 3 times'; `{less}`/`{more}` are factors;
    `{scope}` is 'this answer' or 'this chat (3 answers)'."""
    table = {
        "energy": {
            "none": translate("RatioWords", "No comparison of energy: nothing was measured."),
            "too_small": translate("RatioWords", "Too small to measure: the energy this computer used for {scope} is below what the meter can tell apart from nothing."),
            "bigger": translate("RatioWords", "The 405B model would have used {amount} more energy for {scope}."),
            "smaller": translate("RatioWords", "This computer used {amount} more energy for {scope} than the 405B model would have."),
            "same": translate("RatioWords", "The 405B model would have used about as much energy for {scope} as this computer."),
            "close": translate("RatioWords", "Too close to call: the 405B model would have used between {less} times less and {more} times more energy for {scope}."),
        },
        "co2": {
            "none": translate("RatioWords", "No comparison of CO₂: nothing was measured."),
            "too_small": translate("RatioWords", "Too small to measure: the CO₂ of this computer's electricity for {scope} is below what the meter can tell apart from nothing."),
            "bigger": translate("RatioWords", "The 405B model would have emitted {amount} more CO₂ for {scope}."),
            "smaller": translate("RatioWords", "This computer emitted {amount} more CO₂ for {scope} than the 405B model would have."),
            "same": translate("RatioWords", "The 405B model would have emitted about as much CO₂ for {scope} as this computer."),
            "close": translate("RatioWords", "Too close to call: the 405B model would have emitted between {less} times less and {more} times more CO₂ for {scope}."),
        },
        "water": {
            "none": translate("RatioWords", "No comparison of water: nothing was measured."),
            "too_small": translate("RatioWords", "Too small to measure: the water behind this computer's electricity for {scope} is below what the meter can tell apart from nothing."),
            "bigger": translate("RatioWords", "The 405B model would have consumed {amount} more water for {scope}."),
            "smaller": translate("RatioWords", "This computer consumed {amount} more water for {scope} than the 405B model would have."),
            "same": translate("RatioWords", "The 405B model would have consumed about as much water for {scope} as this computer."),
            "close": translate("RatioWords", "Too close to call: the 405B model would have consumed between {less} times less and {more} times more water for {scope}."),
        },
        "cost": {
            "none": translate("RatioWords", "No comparison of money: nothing was measured."),
            "too_small": translate("RatioWords", "Too small to measure: the electricity this computer used for {scope} is below what the meter can tell apart from nothing."),
            "bigger": translate("RatioWords", "The 405B model's API would have charged {amount} more for {scope} than this computer's electricity cost."),
            "smaller": translate("RatioWords", "This computer's electricity for {scope} cost {amount} more than the 405B model's API would have charged."),
            "same": translate("RatioWords", "The 405B model's API would have charged about as much for {scope} as this computer's electricity cost."),
            "close": translate("RatioWords", "Too close to call: the 405B model's API would have charged between {less} times less and {more} times more for {scope} than this computer's electricity cost."),
        },
        "memory": {
            "none": translate("RatioWords", "No comparison of memory: nothing was measured."),
            "too_small": translate("RatioWords", "No comparison of memory: nothing was measured."),
            "bigger": translate("RatioWords", "The 405B model needs {amount} more memory than this model, at the same precision."),
            "smaller": translate("RatioWords", "This model needs {amount} more memory than the 405B model, at the same precision."),
            "same": translate("RatioWords", "The 405B model needs about as much memory as this model."),
            "close": translate("RatioWords", "Too close to call: the 405B model needs between {less} times less and {more} times more memory than this model."),
        },
    }  # fmt: skip
    return table[row]


@dataclass(frozen=True)
class Ratio:
    """How many times the local figure the 405B figure is, at its low and high ends."""

    local: float
    times_low: float | None  # None when there is nothing to compare, or too little to measure
    times_high: float | None
    words: str
    case: str = "none"  # one of CASES

    def to_json(self) -> dict[str, object]:
        def factor(times: float | None) -> float | None:
            return None if times is None else significant(times).value

        return {
            "times_low": factor(self.times_low),
            "times_high": factor(self.times_high),
            "case": self.case,
            "words": self.words,
        }


def amount_words(low: float, high: float) -> str:
    """'20 to 120 times', or 'about 3 times' when both ends read the same at two figures."""
    low_text, high_text = plain(low), plain(high)
    if low_text == high_text:
        return translate("RatioWords", "about {n} times").format(n=low_text)
    return translate("RatioWords", "{low} to {high} times").format(low=low_text, high=high_text)


def ratio_words(
    row: str,
    local: float,
    other_low: float,
    other_high: float,
    *,
    scope: str = "",
    measurable: bool = True,
) -> Ratio:
    """The ratio of the 405B range [other_low, other_high] to `local`, with its sentence.

    `measurable` False says the local figure is below the meter's floor (ENERGY_FLOOR_WH).
    """
    words = _sentences(row)
    scope = scope or scope_words(1)

    def said(case: str, **values: str) -> str:
        return words[case].format(scope=scope, **values)

    numbers = (local, other_low, other_high)
    if not all(math.isfinite(x) for x in numbers) or max(other_low, other_high) <= 0:
        return Ratio(local, None, None, said("none"), "none")
    low, high = sorted((other_low, other_high))
    if local <= 0 or not measurable or high / local >= MAX_FACTOR:
        case = "none" if row == "memory" else "too_small"
        return Ratio(local, None, None, said(case), case)
    times_low, times_high = low / local, high / local
    if times_low >= SAME_FACTOR:
        case, text = "bigger", said("bigger", amount=amount_words(times_low, times_high))
    elif times_high <= 1 / SAME_FACTOR:
        # Bigger here at both ends: said as plainly as the other way round.
        amount = amount_words(1 / times_high, 1 / times_low)
        case, text = "smaller", said("smaller", amount=amount)
    elif times_low >= 1 / SAME_FACTOR and times_high <= SAME_FACTOR:
        case, text = "same", said("same")
    else:
        less = plain(1 / times_low) if times_low > 0 else "∞"
        more = plain(times_high) if times_high >= 1 else "1"
        case, text = "close", said("close", less=less, more=more)
    return Ratio(local, times_low, times_high, text, case)
