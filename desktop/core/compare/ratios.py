"""Ratios of the 405B range to the local answer, in plain words, both ways.

"This answer used about 1/40 of the energy the 405B model would have used." When the local answer
used more, the sentence says so ("about 3x more energy than"); when the 405B range straddles the
local figure it says it is too close to call. Numbers get two significant figures: the estimates
do not support more.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.footprint.answer import plain_number
from desktop.core.i18n import translate

# Within this factor either way the two are "about the same": the estimates are not finer.
SAME_FACTOR = 1.25
# From this factor on (it rounds to 2), "1/N of" reads better than "N x less".
FRACTION_FROM = 1.95


ROWS = ("energy", "co2", "water", "cost", "memory")


def _sentences(row: str) -> dict[str, str]:
    """Whole sentences for one row, one per case, so each language can word them its own way.
    `{amount}` is a span such as '1/2 to 1/12' or '3×'; `{less}` and `{more}` are factors."""
    table = {
        "energy": {
            "none": translate("RatioWords", "No comparison of energy: nothing was measured."),
            "fraction": translate("RatioWords", "This answer used about {amount} of the energy the 405B model would have used."),
            "less": translate("RatioWords", "This answer used about {amount} less energy than the 405B model would have used."),
            "more": translate("RatioWords", "This answer used about {amount} more energy than the 405B model would have used."),
            "same": translate("RatioWords", "This answer used about as much energy as the 405B model would have used."),
            "close": translate("RatioWords", "Too close to call: this answer used between {less}× less and {more}× more energy than the 405B model would have used."),
        },
        "co2": {
            "none": translate("RatioWords", "No comparison of CO₂: nothing was measured."),
            "fraction": translate("RatioWords", "This answer emitted about {amount} of the CO₂ the 405B model would have emitted."),
            "less": translate("RatioWords", "This answer emitted about {amount} less CO₂ than the 405B model would have emitted."),
            "more": translate("RatioWords", "This answer emitted about {amount} more CO₂ than the 405B model would have emitted."),
            "same": translate("RatioWords", "This answer emitted about as much CO₂ as the 405B model would have emitted."),
            "close": translate("RatioWords", "Too close to call: this answer emitted between {less}× less and {more}× more CO₂ than the 405B model would have emitted."),
        },
        "water": {
            "none": translate("RatioWords", "No comparison of water: nothing was measured."),
            "fraction": translate("RatioWords", "This answer consumed about {amount} of the water the 405B model would have consumed."),
            "less": translate("RatioWords", "This answer consumed about {amount} less water than the 405B model would have consumed."),
            "more": translate("RatioWords", "This answer consumed about {amount} more water than the 405B model would have consumed."),
            "same": translate("RatioWords", "This answer consumed about as much water as the 405B model would have consumed."),
            "close": translate("RatioWords", "Too close to call: this answer consumed between {less}× less and {more}× more water than the 405B model would have consumed."),
        },
        "cost": {
            "none": translate("RatioWords", "No comparison of money: nothing was measured."),
            "fraction": translate("RatioWords", "This answer's electricity cost about {amount} of the money the 405B model's API would have charged."),
            "less": translate("RatioWords", "This answer's electricity cost about {amount} less money than the 405B model's API would have charged."),
            "more": translate("RatioWords", "This answer's electricity cost about {amount} more money than the 405B model's API would have charged."),
            "same": translate("RatioWords", "This answer's electricity cost about as much money as the 405B model's API would have charged."),
            "close": translate("RatioWords", "Too close to call: this answer's electricity cost between {less}× less and {more}× more money than the 405B model's API would have charged."),
        },
        "memory": {
            "none": translate("RatioWords", "No comparison of memory: nothing was measured."),
            "fraction": translate("RatioWords", "This model needs about {amount} of the memory the 405B model's weights need."),
            "less": translate("RatioWords", "This model needs about {amount} less memory than the 405B model's weights need."),
            "more": translate("RatioWords", "This model needs about {amount} more memory than the 405B model's weights need."),
            "same": translate("RatioWords", "This model needs about as much memory as the 405B model's weights need."),
            "close": translate("RatioWords", "Too close to call: this model needs between {less}× less and {more}× more memory than the 405B model's weights need."),
        },
    }  # fmt: skip
    return table[row]


@dataclass(frozen=True)
class Ratio:
    """How many times the local figure the 405B figure is, at its low and high ends."""

    local: float
    times_low: float | None  # None when there is nothing to compare (a zero on either side)
    times_high: float | None
    words: str

    def to_json(self) -> dict[str, object]:
        return {
            "times_low": None if self.times_low is None else float(f"{self.times_low:.3g}"),
            "times_high": None if self.times_high is None else float(f"{self.times_high:.3g}"),
            "words": self.words,
        }


def _factor(times: float) -> str:
    return plain_number(times)


def _denominator(times: float) -> str:
    """'1/8', not '1/8.3': a fraction reads best with a whole number below it."""
    return str(max(round(times), 2)) if times < 10 else plain_number(times)


def _span(low: float, high: float, template: str, fraction: bool = False) -> str:
    """'1/2 to 1/12' or '1/40' when both ends read the same; `template` holds '{}'."""
    shown = _denominator if fraction else _factor
    low_text, high_text = shown(low), shown(high)
    if low_text == high_text:
        return template.format(low_text)
    return translate("RatioWords", "{low} to {high}").format(
        low=template.format(low_text), high=template.format(high_text)
    )


def ratio_words(row: str, local: float, other_low: float, other_high: float) -> Ratio:
    """The ratio of the 405B range [other_low, other_high] to `local`, with its sentence."""
    words = _sentences(row)
    low, high = sorted((other_low, other_high))
    if local <= 0 or high <= 0:
        return Ratio(local, None, None, words["none"])
    times_low, times_high = low / local, high / local
    if times_low >= SAME_FACTOR:
        # Smaller at both ends of the range: fractions when clearly smaller, else "N x less".
        if times_low >= FRACTION_FROM:
            text = words["fraction"].format(
                amount=_span(times_low, times_high, "1/{}", fraction=True)
            )
        else:
            text = words["less"].format(amount=_span(times_low, times_high, "{}×"))
    elif times_high <= 1 / SAME_FACTOR:
        # Bigger at both ends: said as plainly as the other way round.
        text = words["more"].format(amount=_span(1 / times_high, 1 / times_low, "{}×"))
    elif times_low >= 1 / SAME_FACTOR and times_high <= SAME_FACTOR:
        text = words["same"]
    else:
        less = _factor(times_high) if times_high >= 1 else "1"
        more = _factor(1 / times_low) if times_low > 0 else "∞"
        text = words["close"].format(less=less, more=more)
    return Ratio(local, times_low, times_high, text)
