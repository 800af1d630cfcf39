"""How precisely each figure is shown: numbers, not text, so that the window formats them in the
user's language at display time (QLocale) and the CLI in English.

Two kinds of figure:
- an estimate or a measurement: two significant figures (`significant`), because the methods do
  not support more: 0.151 -> 0.15, 6,676 -> 6,700, 384.40000000000003 -> 380;
- a sourced figure: exactly as its source gives it (`as_given`): 2.54 stays 2.54, 8,930 stays
  8,930, 384.4 stays 384.4 (a float's noise such as 384.40000000000003 is dropped).

`Shown(value, decimals)` is what both return: the rounded number and how many decimals to write.
`english(shown)` writes it the English way ("6,700", "2.54").

Every number inside a sentence the core builds is written by `written(shown)`: English by default
(the CLI and `--json`), or by the writer the window installs with `set_number_writer` (QLocale,
in the user's language), so a sentence is never rewritten afterwards: "Llama 3.1" keeps its
point, "8,930 t" becomes "8 930 t" in French because the number is written so, not the text.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

# Decimals kept from a sourced figure: no source in resources/ gives more than this, and a float
# carries noise from the 15th digit on.
MAX_GIVEN_DECIMALS = 6


@dataclass(frozen=True)
class Shown:
    """A number ready to show: already rounded, with the decimals to write it with."""

    value: float
    decimals: int

    @property
    def finite(self) -> bool:
        return math.isfinite(self.value)


def significant(value: float, digits: int = 2) -> Shown:
    """`digits` significant figures: 0.151 -> (0.15, 2), 1.0 -> (1, 0), 6676 -> (6700, 0).

    Trailing zeros after the point are dropped (0.10 -> 0.1): they would claim a precision.
    """
    if value == 0 or not math.isfinite(value):
        return Shown(value if math.isfinite(value) else math.nan, 0)
    exponent = math.floor(math.log10(abs(value)))
    places = digits - 1 - exponent  # negative for tens, hundreds...: round(6676, -2) = 6700
    rounded = _half_up(value, places)
    # Rounding can carry into the next power of ten (9.96 -> 10.0): one place fewer then.
    if rounded != 0 and math.floor(math.log10(abs(rounded))) > exponent:
        places -= 1
        rounded = _half_up(value, places)
    decimals = max(places, 0)
    rounded = float(rounded)
    return Shown(rounded, _needed_decimals(rounded, decimals))


def _half_up(value: float, places: int) -> float:
    """Round half away from zero, as people do (2.5 -> 3, 125 -> 130), not Python's banker's
    rounding (round(2.5) == 2), on the decimal the float stands for."""
    step = Decimal(1).scaleb(-places)
    return float(Decimal(repr(value)).quantize(step, rounding=ROUND_HALF_UP))


def as_given(value: float) -> Shown:
    """A sourced figure as its source writes it: 2.54 -> (2.54, 2), 30.84e6 -> (30840000, 0)."""
    if not math.isfinite(value):
        return Shown(math.nan, 0)
    rounded = float(round(value, MAX_GIVEN_DECIMALS))
    return Shown(rounded, _needed_decimals(rounded, MAX_GIVEN_DECIMALS))


def _needed_decimals(value: float, at_most: int) -> int:
    text = f"{value:.{at_most}f}".rstrip("0")
    whole, _, fraction = text.partition(".")
    return len(fraction)


def english(shown: Shown) -> str:
    """'6,700', '0.15', '2.54'; a figure that is not a number reads as a dash, never 'nan'."""
    if not shown.finite:
        return "–"
    return f"{shown.value:,.{shown.decimals}f}"


# The number writer, like desktop.core.i18n's translator hook: None writes English.
_writer: Callable[[Shown], str] | None = None


def set_number_writer(writer: Callable[[Shown], str] | None) -> None:
    """The window installs its locale's writer when it sets the language; None returns to
    English. The writer may be called from a worker thread (an answer's explanation is written
    there)."""
    global _writer
    _writer = writer


def written(shown: Shown) -> str:
    """A number for a sentence: the installed writer's ('2,54' in French), else English."""
    if not shown.finite:
        return "–"
    return _writer(shown) if _writer is not None else english(shown)


def plain(value: float) -> str:
    """Two significant figures, for a sentence: written(significant(value))."""
    return written(significant(value))


def given(value: float) -> str:
    """A sourced figure as its source gives it, for a sentence: '2.54', '8,930' (English)."""
    return written(as_given(value))


def whole(n: float) -> str:
    """A count, exactly, for a sentence: '8,930' in English, '8 930' in French."""
    return written(Shown(float(round(n)), 0))


def fixed_shown(value: float, decimals: int) -> Shown:
    """A measured figure with a set number of decimals (a time, a speed): (1.94, 1) -> 1.9."""
    if not math.isfinite(value):
        return Shown(math.nan, 0)
    return Shown(_half_up(value, decimals), decimals)


def fixed(value: float, decimals: int) -> str:
    """fixed_shown for a sentence: fixed(1.94, 1) '1.9'."""
    return written(fixed_shown(value, decimals))


# Money in the unit people use for it: dollars from $1, cents below, and below a thousandth of a
# cent a phrase, because "0.0000042 cents" means nothing to anyone.
MONEY_DOLLARS = "dollars"
MONEY_CENTS = "cents"
MONEY_BELOW_THOUSANDTH_CENT = "below_thousandth_cent"
THOUSANDTH_OF_A_CENT_USD = 1e-5


def everyday_money(usd: float) -> tuple[str, Shown]:
    """('dollars', 1.20), ('cents', 4.2), or ('below_thousandth_cent', 0.001 cent)."""
    if not math.isfinite(usd):
        return MONEY_CENTS, Shown(math.nan, 0)
    if usd >= 1:
        return MONEY_DOLLARS, Shown(_half_up(usd, 2), 2)
    if usd >= THOUSANDTH_OF_A_CENT_USD or usd == 0:
        return MONEY_CENTS, significant(usd * 100)
    return MONEY_BELOW_THOUSANDTH_CENT, Shown(0.001, 3)


def money_english(usd: float) -> str:
    """'$1.20', '4.2 US cents', 'less than a thousandth of a US cent'."""
    unit, shown = everyday_money(usd)
    if unit == MONEY_DOLLARS:
        return f"${english(shown)}"
    if unit == MONEY_CENTS:
        return f"{english(shown)} US cents"
    return "less than a thousandth of a US cent"
