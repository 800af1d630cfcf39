"""Numbers in the user's locale: a decimal comma in French, the right thousands separator.

Numbers are formatted once, as numbers, never by rewriting text: "Llama 3.1" keeps its point.
- `show`, `show_plain`, `show_given`, `show_whole`, `show_fixed` write one figure for a widget.
- `locale_writer` is what desktop.ui.i18n installs as the core's number writer
  (desktop.core.figures.set_number_writer), so every sentence the core builds for the window
  (energy, ratios, equivalents, sizes, explanations) already carries the locale's numbers.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale

from desktop.core.figures import Shown, as_given, english, fixed_shown, significant


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


def show_whole(n: float, locale: QLocale | None = None) -> str:
    """A count: '8,930' / '8 930'."""
    return show(Shown(float(round(n)), 0), locale)


def show_fixed(value: float, decimals: int, locale: QLocale | None = None) -> str:
    """A measured figure with set decimals: show_fixed(1.94, 1) '1.9' / '1,9'."""
    return show(fixed_shown(value, decimals), locale)


def locale_writer(locale: QLocale) -> Callable[[Shown], str]:
    """The core's number writer for `locale`. It may run on a worker thread (an answer's
    explanation is written there), so each call makes its own QLocale from the language and
    territory: no QLocale object is shared between threads, and QLocale.setDefault is not read."""
    language, territory = locale.language(), locale.territory()

    def write(shown: Shown) -> str:
        return show(shown, QLocale(language, territory))

    return write
