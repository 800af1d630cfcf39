"""Ratios in plain words, as multiples: bigger, smaller (said as plainly), the same, too close to
call, nothing to compare, too small to measure; two significant figures; never NaN or infinity."""

from __future__ import annotations

import math

import pytest

from desktop.core.compare.ratios import amount_words, ratio_words, scope_words
from desktop.core.figures import plain, significant


def test_the_405b_model_bigger_reads_as_a_multiple() -> None:
    # 405B: 6.0 Wh at both ends; local 0.15 Wh -> 6.0 / 0.15 = 40x
    ratio = ratio_words("energy", 0.15, 6.0, 6.0)
    assert ratio.times_low == pytest.approx(40)
    assert ratio.case == "bigger"
    assert (
        ratio.words == "The 405B model would have used about 40 times more energy for this answer."
    )


def test_a_range_gives_both_ends_with_two_significant_figures() -> None:
    # 0.295 / 0.15 = 1.967 -> "2"; 1.739 / 0.15 = 11.59 -> "12"
    ratio = ratio_words("energy", 0.15, 0.295, 1.739)
    assert (
        ratio.words == "The 405B model would have used 2 to 12 times more energy for this answer."
    )
    assert (ratio.times_low, ratio.times_high) == pytest.approx((1.967, 11.59), rel=1e-3)
    assert ratio.to_json()["times_low"] == 2.0 and ratio.to_json()["times_high"] == 12.0


@pytest.mark.parametrize(
    ("factor", "shown"),
    [
        (2.5, "2.5"),  # was "1/2": whole numbers with banker's rounding
        (2.45, "2.5"),  # half away from zero, not to even
        (1.25, "1.3"),
        (8.33, "8.3"),
        (9.96, "10"),  # carries into the next power of ten
        (11.59, "12"),
        (83.3, "83"),
        (125.0, "130"),
        (4149.0, "4,100"),
        (7880.0, "7,900"),
        (123456.0, "120,000"),
    ],
)
def test_ratio_rounding_table(factor: float, shown: str) -> None:
    assert plain(factor) == shown
    assert amount_words(factor, factor) == f"about {shown} times"


def test_local_bigger_is_said_honestly() -> None:
    # Local 0.9 Wh against 0.3 Wh: 0.9 / 0.3 = 3x more here
    words = ratio_words("energy", 0.9, 0.3, 0.3).words
    assert words == (
        "This computer used about 3 times more energy for this answer than the 405B model would "
        "have."
    )
    # Both ends below the local figure: 0.9/0.45 = 2x to 0.9/0.3 = 3x more here
    words = ratio_words("co2", 0.9, 0.3, 0.45).words
    assert words == (
        "This computer emitted 2 to 3 times more CO₂ for this answer than the 405B model would "
        "have."
    )


def test_about_the_same() -> None:
    ratio = ratio_words("water", 1.0, 0.9, 1.1)
    assert ratio.case == "same"
    assert ratio.words == (
        "The 405B model would have consumed about as much water for this answer as this computer."
    )


def test_a_range_straddling_the_local_figure_is_too_close_to_call() -> None:
    # 0.3 / 0.6 = 0.5 (2x less on 405B) to 1.8 / 0.6 = 3 (3x more on 405B)
    words = ratio_words("energy", 0.6, 0.3, 1.8).words
    assert words == (
        "Too close to call: the 405B model would have used between 2 times less and 3 times more "
        "energy for this answer."
    )


def test_chat_scope_counts_its_answers() -> None:
    assert scope_words(1) == "this answer"
    assert scope_words(3) == "this chat (3 answers)"
    words = ratio_words("energy", 0.3, 6.0, 36.0, scope=scope_words(3)).words
    assert words == (
        "The 405B model would have used 20 to 120 times more energy for this chat (3 answers)."
    )


def test_money_row() -> None:
    # $0.0002 / $0.000024 = 8.33 -> "8.3"; $0.002 / $0.000024 = 83.3 -> "83"
    words = ratio_words("cost", 0.000024, 0.0002, 0.002).words
    assert words == (
        "The 405B model's API would have charged 8.3 to 83 times more for this answer than this "
        "computer's electricity cost."
    )


def test_nothing_to_compare() -> None:
    ratio = ratio_words("energy", 0.3, 0.0, 0.0)
    assert ratio.times_low is None and ratio.times_high is None
    assert ratio.case == "none" and "No comparison" in ratio.words
    assert ratio.to_json() == {
        "times_low": None, "times_high": None, "case": "none", "words": ratio.words,
    }  # fmt: skip


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_nan_and_infinity_never_get_through(bad: float) -> None:
    for local, low, high in ((bad, 0.3, 1.7), (0.15, bad, 1.7), (0.15, 0.3, bad)):
        ratio = ratio_words("energy", local, low, high)
        assert ratio.times_low is None and ratio.times_high is None
        assert "nan" not in ratio.words and "inf" not in ratio.words
        assert ratio.case == "none"


def test_a_microscopic_local_value_is_too_small_to_measure() -> None:
    # Was "1/20,000,000,000": 1.7 Wh / 8.5e-11 Wh
    ratio = ratio_words("energy", 8.5e-11, 0.3, 1.7)
    assert ratio.case == "too_small" and ratio.times_low is None
    assert ratio.words.startswith("Too small to measure")
    # Zero measured with tokens written: too small, not a division by zero
    assert ratio_words("energy", 0.0, 0.3, 1.7).case == "too_small"
    # Below the meter's floor (said by the caller), even when the factor would be modest
    assert ratio_words("co2", 0.01, 0.3, 1.7, measurable=False).case == "too_small"


def test_ends_given_in_either_order() -> None:
    assert ratio_words("energy", 0.15, 1.739, 0.295) == ratio_words("energy", 0.15, 0.295, 1.739)


def test_significant_figures_are_numbers_not_text() -> None:
    assert significant(384.40000000000003) == significant(384.4)
    assert significant(0.151).value == 0.15 and significant(0.151).decimals == 2
    assert significant(6676).value == 6700 and significant(6676).decimals == 0
