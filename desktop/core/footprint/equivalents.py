"""Everyday equivalents of an answer's energy and CO2, in plain words.

Each equivalent divides by one sourced constant from footprint.json (phone_charge_wh,
led_bulb_watts, car_gco2_per_km), so the details view can cite it. The maths is one division
each; the work is in wording tiny numbers so that they stay readable ("1/300 of a phone charge",
"54 seconds", "6 cm").
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.figures import significant, written
from desktop.core.footprint.data import FootprintData, footprint_data
from desktop.core.i18n import plural, translate


@dataclass(frozen=True)
class Equivalent:
    """One comparison: the sentence, the ratio behind it, and the constant it rests on."""

    text: str
    amount: float  # charges, seconds or metres, before wording
    constant_key: str
    source: str


def _counted(value: float, one: str, other: str) -> str:
    """`one` or `other` by the language's plural rule for the number as shown (two significant
    figures), with that number written in: '1 second', '1.5 seconds'; French '1,5 seconde'."""
    shown = significant(value)
    return plural(shown.value, one, other).format(n=written(shown))


def _phone_words(charges: float) -> str:
    if charges >= 1:
        if round(charges, 1) == 1:
            return translate("Equivalents", "about 1 phone charge")
        return _counted(
            charges,
            translate("EquivalentsOne", "about {n} phone charges"),
            translate("Equivalents", "about {n} phone charges"),
        )
    if charges <= 0:
        return translate("Equivalents", "nothing of a phone charge")
    if charges >= 0.1:
        return translate("Equivalents", "about {n}% of a phone charge").format(
            n=written(significant(charges * 100))
        )
    return translate("Equivalents", "about 1/{n} of a phone charge").format(
        n=written(significant(1 / charges))
    )


def phone_charges(energy_wh: float, data: FootprintData | None = None) -> Equivalent:
    """Share of one full smartphone charge: charges = Wh / Wh per charge."""
    constant = (data or footprint_data()).constant("phone_charge_wh")
    charges = energy_wh / constant.value
    return Equivalent(_phone_words(charges), charges, constant.key, constant.source)


def _duration_words(seconds: float) -> str:
    if seconds < 1:
        return translate("Equivalents", "{n} of a second").format(n=written(significant(seconds)))
    if seconds < 120:
        return _counted(
            seconds,
            translate("Equivalents", "{n} second"),
            translate("Equivalents", "{n} seconds"),
        )
    if seconds < 7200:
        return _counted(
            seconds / 60,
            translate("Equivalents", "{n} minute"),
            translate("Equivalents", "{n} minutes"),
        )
    return _counted(
        seconds / 3600, translate("Equivalents", "{n} hour"), translate("Equivalents", "{n} hours")
    )


def led_bulb_seconds(energy_wh: float, data: FootprintData | None = None) -> Equivalent:
    """How long a 10 W LED bulb runs on the same energy: s = Wh x 3600 / W."""
    constant = (data or footprint_data()).constant("led_bulb_watts")
    seconds = energy_wh * 3600.0 / constant.value
    text = translate("Equivalents", "about {duration} of a {watts} W LED bulb").format(
        duration=_duration_words(seconds), watts=written(significant(constant.value))
    )
    return Equivalent(text, seconds, constant.key, constant.source)


def _distance_words(metres: float) -> str:
    if metres < 0.01:
        return f"{written(significant(metres * 1000))} mm"
    if metres < 1:
        return f"{written(significant(metres * 100))} cm"
    if metres < 1000:
        return f"{written(significant(metres))} m"
    return f"{written(significant(metres / 1000))} km"


def car_metres(co2_g: float, data: FootprintData | None = None) -> Equivalent:
    """Distance an average new car drives for the same CO2: m = g / (g/km) x 1000."""
    constant = (data or footprint_data()).constant("car_gco2_per_km")
    metres = co2_g / constant.value * 1000.0
    text = translate("Equivalents", "about {distance} by car").format(
        distance=_distance_words(metres)
    )
    return Equivalent(text, metres, constant.key, constant.source)


def all_equivalents(
    energy_wh: float, co2_g: float, data: FootprintData | None = None
) -> list[Equivalent]:
    return [
        phone_charges(energy_wh, data),
        led_bulb_seconds(energy_wh, data),
        car_metres(co2_g, data),
    ]


def best_equivalent(
    energy_wh: float, co2_g: float, data: FootprintData | None = None
) -> Equivalent:
    """The one comparison to show in the panel.

    A phone charge is the most familiar unit once the total reaches 1/100 of one; below that
    "1/3000 of a phone charge" means little, and seconds of a bulb read better.
    """
    phone = phone_charges(energy_wh, data)
    if phone.amount >= 0.01:
        return phone
    return led_bulb_seconds(energy_wh, data)
