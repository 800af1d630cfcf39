"""Ratios of the 405B range to the local answer, in plain words, both ways.

"This answer used about 1/40 of the energy the 405B model would have used." When the local answer
used more, the sentence says so ("about 3x more energy than"); when the 405B range straddles the
local figure it says it is too close to call. Numbers get two significant figures: the estimates
do not support more.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.footprint.answer import plain_number

# Within this factor either way the two are "about the same": the estimates are not finer.
SAME_FACTOR = 1.25
# From this factor on (it rounds to 2), "1/N of" reads better than "N x less".
FRACTION_FROM = 1.95


@dataclass(frozen=True)
class RowWords:
    """How one row speaks: '{subject} {verb} about 1/40 of the {noun} {other}.'"""

    subject: str
    verb: str
    noun: str
    other: str  # the 405B side as the object, e.g. 'the 405B model would have used'


ROW_WORDS: dict[str, RowWords] = {
    "energy": RowWords("This answer", "used", "energy", "the 405B model would have used"),
    "co2": RowWords("This answer", "emitted", "CO₂", "the 405B model would have emitted"),
    "water": RowWords("This answer", "consumed", "water", "the 405B model would have consumed"),
    "cost": RowWords(
        "This answer's electricity", "cost", "money", "the 405B model's API would have charged"
    ),
    "memory": RowWords("This model", "needs", "memory", "the 405B model's weights need"),
}


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
    return f"{template.format(low_text)} to {template.format(high_text)}"


def ratio_words(row: str, local: float, other_low: float, other_high: float) -> Ratio:
    """The ratio of the 405B range [other_low, other_high] to `local`, with its sentence."""
    words = ROW_WORDS[row]
    low, high = sorted((other_low, other_high))
    if local <= 0 or high <= 0:
        return Ratio(local, None, None, f"No comparison of {words.noun}: nothing was measured.")
    times_low, times_high = low / local, high / local
    lead = f"{words.subject} {words.verb}"
    if times_low >= SAME_FACTOR:
        # Smaller at both ends of the range: fractions when clearly smaller, else "N x less".
        if times_low >= FRACTION_FROM:
            amount = _span(times_low, times_high, "1/{}", fraction=True)
            text = f"{lead} about {amount} of the {words.noun} {words.other}."
        else:
            amount = _span(times_low, times_high, "{}×")
            text = f"{lead} about {amount} less {words.noun} than {words.other}."
    elif times_high <= 1 / SAME_FACTOR:
        # Bigger at both ends: said as plainly as the other way round.
        amount = _span(1 / times_high, 1 / times_low, "{}×")
        text = f"{lead} about {amount} more {words.noun} than {words.other}."
    elif times_low >= 1 / SAME_FACTOR and times_high <= SAME_FACTOR:
        text = f"{lead} about as much {words.noun} as {words.other}."
    else:
        less = _factor(times_high) if times_high >= 1 else "1"
        more = _factor(1 / times_low) if times_low > 0 else "many"
        text = (
            f"Too close to call: {lead[0].lower()}{lead[1:]} between {less}× less and "
            f"{more}× more {words.noun} than {words.other}."
        )
    return Ratio(local, times_low, times_high, text)
