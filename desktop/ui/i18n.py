"""French and English with Qt's own tools.

Sources: `resources/translations/smaller_fr.ts`, updated from the code by
`python scripts/translations.py update` (pyside6-lupdate), compiled to `.qm` at set-up and build
time (`python scripts/translations.py compile`, pyside6-lrelease). English is the source language,
so it needs no file. The language follows the system unless chosen in Settings.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.core.figures import set_number_writer
from desktop.core.i18n import set_translator
from desktop.core.paths import resource_path
from desktop.ui.numbers import locale_writer

LANGUAGES = {"en": "English", "fr": "Français"}
_installed: list[QTranslator] = []


def resolve_language(setting: str) -> str:
    """'' follows the system: French for any French locale, English otherwise."""
    if setting in LANGUAGES:
        return setting
    return "fr" if QLocale.system().language() == QLocale.Language.French else "en"


def install_language(language: str) -> bool:
    """Install the translators for `language` ('en' or 'fr') and make it the locale of numbers,
    the core's included. Returns False when the French file is missing (then the app stays in
    English)."""
    set_translator(QCoreApplication.translate, "en")  # the core's sentences too
    app = QCoreApplication.instance()
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()
    if language != "fr":
        _set_locale(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return True
    ours = QTranslator()
    if not ours.load(str(resource_path("translations", "smaller_fr.qm"))):
        _set_locale(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return False
    qt_own = QTranslator()  # Qt's own dialogs and buttons (OK, Cancel, Yes…)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(QLocale(QLocale.Language.French), "qtbase", "_", qt_dir):
        _installed.append(qt_own)
    _installed.append(ours)
    if app is not None:
        for translator in _installed:
            app.installTranslator(translator)
    _set_locale(QLocale(QLocale.Language.French, QLocale.Country.France))
    set_translator(QCoreApplication.translate, "fr")  # French plural rules from now on
    return True


def _set_locale(locale: QLocale) -> None:
    """The locale of every number the window shows: the widgets' (QLocale()) and the core's
    sentences' (its number writer), so that no text is ever rewritten afterwards."""
    QLocale.setDefault(locale)
    set_number_writer(locale_writer(locale))


def current_language() -> str:
    return "fr" if _installed else "en"
