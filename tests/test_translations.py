"""French and English: the translation sources are complete and up to date, and the window
really switches language."""

from __future__ import annotations

import re
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import translations  # noqa: E402

from desktop.ui.i18n import install_language  # noqa: E402
from tests.gui_helpers import open_window, wait_loaded  # noqa: E402

TS = ROOT / "resources" / "translations" / "smaller_fr.ts"
PLACEHOLDER = re.compile(r"\{\w*\}")


def messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message.find("translation")
    return found


def test_sources_are_up_to_date_with_the_code(tmp_path: Path) -> None:
    """Running lupdate on the code adds no string the committed file lacks (run
    `python scripts/translations.py update` after changing a visible string)."""
    shutil.copy(TS, tmp_path / TS.name)
    translations.update(tmp_path)
    assert set(messages(tmp_path / TS.name)) == set(messages(TS))


def test_every_visible_string_has_a_french_translation() -> None:
    missing = [
        f"{context}: {source!r}"
        for (context, source), translation in messages(TS).items()
        if translation is None or not (translation.text or "").strip()
        or translation.get("type") in ("unfinished", "vanished", "obsolete")
    ]  # fmt: skip
    assert missing == []


def test_placeholders_survive_translation() -> None:
    wrong = [
        source
        for (_context, source), translation in messages(TS).items()
        if translation is not None
        and sorted(PLACEHOLDER.findall(source))
        != sorted(PLACEHOLDER.findall(translation.text or ""))
    ]
    assert wrong == []


@pytest.fixture
def french():  # type: ignore[no-untyped-def]
    translations.compile_all()
    assert install_language("fr")
    yield
    install_language("en")


def test_numbers_follow_the_locale(french: None) -> None:
    """install_language sets the core's number writer: its sentences carry locale numbers."""
    from desktop.core.footprint import format_energy

    assert format_energy(0.0015) == "1,5 mWh"
    assert format_energy(1234.5) == "1,2 kWh"
    install_language("en")
    assert format_energy(0.0015) == "1.5 mWh"


def test_the_window_speaks_french(qtbot: QtBot, model_path: Path, french: None) -> None:
    window = open_window(qtbot, model_path)
    wait_loaded(qtbot, window)
    assert window.send_button.text() == "Envoyer"
    assert window.conversation_list.new_button.text() != "New chat"
    assert window.menuBar().actions()[0].text() != "&File"


def test_switching_language_in_settings_rebuilds_the_window(qtbot: QtBot, model_path: Path) -> None:
    from dataclasses import replace

    from desktop.app import open_main_window
    from desktop.ui.settings import AppSettings

    translations.compile_all()
    window = open_main_window(AppSettings(language="en", threads=1))
    qtbot.addWidget(window)
    window.show()
    wait_loaded(qtbot, window)
    assert window.send_button.text() == "Send"
    rebuilt: list[object] = []
    window.language_changed.connect(lambda _lang: rebuilt.append(_windows_now()))
    window.apply_settings(replace(window.settings, language="fr"))
    qtbot.waitUntil(lambda: bool(rebuilt))
    new = rebuilt[0]
    qtbot.addWidget(new)
    assert new is not window and new.send_button.text() == "Envoyer"
    wait_loaded(qtbot, new)
    install_language("en")


def _windows_now():  # type: ignore[no-untyped-def]
    from desktop import app

    return app._windows[0]


def test_qt_own_dialogs_and_plurals_follow_the_language(qapp: object, french: None) -> None:
    from PySide6.QtCore import QCoreApplication

    from desktop.core.i18n import plural

    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"
    # French: 0 and 1 (and 1.5) are singular; English: only 1.
    assert [plural(n, "one", "other") for n in (0, 1, 1.5, 2)] == ["one", "one", "one", "other"]
    install_language("en")
    assert [plural(n, "one", "other") for n in (0, 1, 1.5, 2)] == ["other", "one", "other", "other"]
