"""Ratios in plain words: smaller, bigger (said as plainly), the same, too close to call."""

from __future__ import annotations

import pytest

from desktop.core.compare.ratios import ratio_words


def test_local_much_smaller_reads_as_a_fraction() -> None:
    # 405B: 6.0 Wh at both ends; local 0.15 Wh -> 6.0 / 0.15 = 40x -> "1/40"
    ratio = ratio_words("energy", 0.15, 6.0, 6.0)
    assert ratio.times_low == pytest.approx(40)
    assert (
        ratio.words == "This answer used about 1/40 of the energy the 405B model would have used."
    )


def test_a_range_gives_both_ends() -> None:
    # Worked example: 0.295 / 0.15 = 1.97 -> "1/2"; 1.739 / 0.15 = 11.6 -> "1/12"
    ratio = ratio_words("energy", 0.15, 0.295, 1.739)
    assert ratio.words == (
        "This answer used about 1/2 to 1/12 of the energy the 405B model would have used."
    )
    assert (ratio.times_low, ratio.times_high) == pytest.approx((1.967, 11.59), rel=1e-3)


def test_fractions_below_ten_are_whole_numbers() -> None:
    # $0.0002 / $0.000024 = 8.33 -> "1/8", not "1/8.3"; $0.002 / $0.000024 = 83.3 -> "1/83"
    words = ratio_words("cost", 0.000024, 0.0002, 0.002).words
    assert "about 1/8 to 1/83 of the money the 405B model's API would have charged" in words


def test_slightly_smaller_reads_as_times_less() -> None:
    # 0.3 / 0.2 = 1.5x and 0.36 / 0.2 = 1.8x: below 2, "1/1.5" would read badly
    words = ratio_words("energy", 0.2, 0.3, 0.36).words
    assert (
        words
        == "This answer used about 1.5× to 1.8× less energy than the 405B model would have used."
    )


def test_local_bigger_is_said_honestly() -> None:
    # Local 0.9 Wh against 0.3 Wh: 0.3 / 0.9 = 1/3 -> "3x more"
    words = ratio_words("energy", 0.9, 0.3, 0.3).words
    assert words == "This answer used about 3× more energy than the 405B model would have used."
    # A range, both ends below the local figure: 0.9/0.45 = 2x to 0.9/0.3 = 3x more
    words = ratio_words("co2", 0.9, 0.3, 0.45).words
    assert (
        words
        == "This answer emitted about 2× to 3× more CO₂ than the 405B model would have emitted."
    )


def test_about_the_same() -> None:
    words = ratio_words("water", 1.0, 0.9, 1.1).words
    assert (
        words == "This answer consumed about as much water as the 405B model would have consumed."
    )


def test_a_range_straddling_the_local_figure_is_too_close_to_call() -> None:
    # 0.3 / 0.6 = 0.5 (2x more locally) to 1.8 / 0.6 = 3 (3x less locally)
    words = ratio_words("energy", 0.6, 0.3, 1.8).words
    assert words == (
        "Too close to call: this answer used between 3× less and 2× more energy than the 405B "
        "model would have used."
    )


def test_memory_row_and_large_factors_have_thousands_separators() -> None:
    # 405 GB / 0.1028 GB = 3,940 -> "3,900"; 810 / 0.1028 = 7,880 -> "7,900"
    words = ratio_words("memory", 0.10276, 405, 810).words
    assert words == (
        "This model needs about 1/3,900 to 1/7,900 of the memory the 405B model's weights need."
    )


def test_nothing_to_compare() -> None:
    ratio = ratio_words("energy", 0.0, 0.3, 1.7)
    assert ratio.times_low is None and ratio.times_high is None
    assert "No comparison" in ratio.words
    assert ratio.to_json() == {"times_low": None, "times_high": None, "words": ratio.words}


def test_ends_given_in_either_order() -> None:
    assert ratio_words("energy", 0.15, 1.739, 0.295) == ratio_words("energy", 0.15, 0.295, 1.739)
