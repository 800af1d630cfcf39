"""Numbers in the user's locale: a decimal comma in French, the right thousands separator.

The Qt-free core formats figures the English way ("1,234.5 mWh"); everything the window shows
goes through `localized`, which rewrites the separators for the current QLocale.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QLocale

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
