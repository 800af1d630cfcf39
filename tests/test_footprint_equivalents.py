"""Everyday equivalents against hand-computed values, and the sourced constants behind them."""

from __future__ import annotations

import pytest

from desktop.core.footprint.data import footprint_data
from desktop.core.footprint.equivalents import (
    all_equivalents,
    best_equivalent,
    car_metres,
    led_bulb_seconds,
    phone_charges,
)


def test_constants_are_the_checked_ones() -> None:
    data = footprint_data()
    # iPhone 15 battery: 3,349 mAh at a nominal 3.876 V = 12.98 Wh (regulatory filing).
    assert data.value("phone_charge_wh") == pytest.approx(3.349 * 3.876, rel=0.01)
    assert 10 <= data.value("phone_charge_wh") <= 16  # the 12-15 Wh of a full charge
    assert data.value("led_bulb_watts") == 10
    assert 90 <= data.value("car_gco2_per_km") <= 130  # EEA new cars 2023: 106.6 g/km


def test_phone_charge_share() -> None:
    # 0.0433 Wh / 12.981 Wh = 1/299.8 -> "about 1/300 of a phone charge"
    assert phone_charges(0.0433).text == "about 1/300 of a phone charge"
    assert phone_charges(0.0433).amount == pytest.approx(0.0433 / 12.981)
    # 0.15 Wh / 12.981 = 0.01156 = 1/86.5 -> "1/87"
    assert phone_charges(0.15).text == "about 1/87 of a phone charge"
    # 6.5 Wh / 12.981 = 0.5007 -> 50%
    assert phone_charges(6.5).text == "about 50% of a phone charge"
    # 30 Wh / 12.981 = 2.311 -> "2.3 phone charges"
    assert phone_charges(30.0).text == "about 2.3 phone charges"
    assert phone_charges(13.0).text == "about 1 phone charge"
    assert phone_charges(0.0).text == "nothing of a phone charge"


def test_led_bulb_seconds() -> None:
    # 0.15 Wh x 3600 / 10 W = 54 s
    assert led_bulb_seconds(0.15).amount == pytest.approx(54.0)
    assert led_bulb_seconds(0.15).text == "about 54 seconds of a 10 W LED bulb"
    # 0.001 Wh x 3600 / 10 = 0.36 s
    assert led_bulb_seconds(0.001).text == "about 0.36 of a second of a 10 W LED bulb"
    # 1 Wh -> 360 s = 6 minutes; 50 Wh -> 18,000 s = 5 hours
    assert led_bulb_seconds(1.0).text == "about 6 minutes of a 10 W LED bulb"
    assert led_bulb_seconds(50.0).text == "about 5 hours of a 10 W LED bulb"


def test_car_metres() -> None:
    # 0.006 g / 106.6 g/km x 1000 = 0.0563 m = 5.6 cm
    assert car_metres(0.006).amount == pytest.approx(0.006 / 106.6 * 1000)
    assert car_metres(0.006).text == "about 5.6 cm by car"
    # 10.66 g -> 100 m; 213.2 g -> 2 km; 0.0001 g -> 0.00094 m = 0.94 mm
    assert car_metres(10.66).text == "about 100 m by car"
    assert car_metres(213.2).text == "about 2 km by car"
    assert car_metres(0.0001).text == "about 0.94 mm by car"


def test_best_equivalent_prefers_phone_when_readable() -> None:
    assert best_equivalent(0.15, 0.006).constant_key == "phone_charge_wh"  # 1/87 of a charge
    assert best_equivalent(0.01, 0.0004).constant_key == "led_bulb_watts"  # 1/1300: too small


def test_all_equivalents_cite_their_constant() -> None:
    for equivalent in all_equivalents(0.15, 0.006):
        assert equivalent.source == footprint_data().constant(equivalent.constant_key).source
