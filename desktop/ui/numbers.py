"""Numbers in the user's locale: a decimal comma in French, the right thousands separator.

The Qt-free core formats figures the English way ("1,234.5 mWh"); everything the window shows
goes through `localized`, which rewrites the separators for the current QLocale.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QLocale

from desktop.core.figures import Shown, as_given, english, significant

_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+")
# Byte units in French are octets: Go, Mo, ko.
_FRENCH_UNITS = {"GB": "Go", "MB": "Mo", "kB": "ko", "TB": "To"}
_UNIT = re.compile(r"(?<=\d )(GB|MB|kB|TB)\b")


def localized(text: str, locale: QLocale | None = None) -> str:
    """Rewrite every English-formatted number inside `text` for `locale` (default: QLocale())."""
    locale = locale or QLocale()
    if locale.language() == QLocale.Language.French:
        text = _UNIT.sub(lambda m: _FRENCH_UNITS[m.group(1)], text)
    decimal = locale.decimalPoint()
    group = locale.groupSeparator()
    if decimal == "." and group == ",":
        return text

    def swap(match: re.Match[str]) -> str:
        whole, _, fraction = match.group(0).partition(".")
        whole = whole.replace(",", group)
        return whole + (decimal + fraction if fraction else "")

    return _NUMBER.sub(swap, text)


def show(shown: Shown, locale: QLocale | None = None) -> str:
    """The one function that writes a core figure (a number and its decimals, see
    desktop.core.figures) in the user's locale: '2.54' / '2,54', '8,930' / '8 930'."""
    locale = locale or QLocale()
    if not shown.finite:
        return "–"
    if locale.language() == QLocale.Language.C:
        return english(shown)  # the C locale writes no thousands separator: '8930'
    return locale.toString(float(shown.value), "f", shown.decimals)


def show_plain(value: float, locale: QLocale | None = None) -> str:
    """An estimate, to two significant figures, in the user's locale."""
    return show(significant(value), locale)


def show_given(value: float, locale: QLocale | None = None) -> str:
    """A sourced figure as its source gives it, in the user's locale."""
    return show(as_given(value), locale)
