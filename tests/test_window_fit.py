"""The window fits small screens: 1024x600 in normal mode, 1280x720 (a projector) in demo mode,
whatever the length of the chat's title; the chat dialogs are safe and readable."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from desktop.core.store import ChatStore
from desktop.ui.conversation_dialogs import delete_dialog, system_prompt_dialog, title_dialog
from desktop.ui.conversation_list import ConversationList
from desktop.ui.elided_label import ElidedLabel
from tests.gui_helpers import open_window, wait_loaded

LONG = "A very long chat title about the nutritional value of " + "Lyon's bouchons " * 12


@pytest.mark.parametrize("language", ["en", "fr"])
def test_window_fits_1024x600_and_demo_fits_1280x720(
    qtbot: QtBot, model_path: Path, tmp_path: Path, language: str
) -> None:
    """French labels are longer: both languages must fit."""
    from desktop.ui.i18n import install_language

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    import translations

    if language == "fr":
        translations.compile_all()
        assert install_language("fr")
    try:
        _fits(qtbot, model_path, tmp_path)
    finally:
        install_language("en")


def _fits(qtbot: QtBot, model_path: Path, tmp_path: Path) -> None:
    store = ChatStore(tmp_path / "chats.db")
    chat = store.create_conversation()
    store.rename_conversation(chat.id, LONG)
    window = open_window(qtbot, model_path, store)
    wait_loaded(qtbot, window)
    window.select_conversation(chat.id)
    hint = window.minimumSizeHint()
    assert hint.width() <= 1024 and hint.height() <= 600, hint
    window.resize(1024, 600)
    qtbot.waitUntil(lambda: window.width() <= 1024)
    assert window.width() <= 1024 and window.height() <= 600
    window.set_demo_mode(True)
    try:
        hint = window.minimumSizeHint()
        assert hint.width() <= 1280 and hint.height() <= 720, hint
    finally:
        window.set_demo_mode(False)


def test_a_long_title_ends_in_an_ellipsis_and_keeps_its_full_text(qtbot: QtBot) -> None:
    label = ElidedLabel(LONG)
    qtbot.addWidget(label)
    label.resize(200, 30)
    assert label.elided_text().endswith("…") and len(label.elided_text()) < len(LONG)
    assert label.toolTip() == LONG and label.accessibleName() == LONG
    assert label.minimumSizeHint().width() < 200


def test_chat_list_never_scrolls_sideways(qtbot: QtBot, tmp_path: Path) -> None:
    store = ChatStore(tmp_path / "chats.db")
    chat = store.create_conversation()
    store.rename_conversation(chat.id, LONG)
    new = store.create_conversation()
    chats = ConversationList()
    qtbot.addWidget(chats)
    chats.set_conversations(store.list_conversations(), chat.id)
    assert chats.list.horizontalScrollBarPolicy().name == "ScrollBarAlwaysOff"
    assert "New chat" in chats.titles()  # an untitled chat is named, never blank
    assert chats.delete_button.isEnabled()
    # A search that hides the chat shown: Rename and Delete cannot act on another chat.
    chats.set_conversations([c for c in store.list_conversations() if c.id == new.id], chat.id)
    assert chats.current_id() is None
    assert not chats.delete_button.isEnabled() and not chats.rename_button.isEnabled()


def test_delete_confirmation_defaults_to_cancel(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    box = delete_dialog(parent, "Trip to Lyon")
    assert box.defaultButton() is box.escapeButton()
    assert box.defaultButton().objectName() != "delete"


def test_rename_fits_a_long_title_and_the_system_prompt_wraps(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    rename = title_dialog(parent, LONG)
    assert rename.minimumWidth() >= 500 and rename.textValue() == LONG
    prompt = system_prompt_dialog(parent, "Answer briefly. " * 40)
    editor = prompt.findChild(QPlainTextEdit)
    assert editor is not None
    assert editor.lineWrapMode() == QPlainTextEdit.LineWrapMode.WidgetWidth


def test_settings_put_language_and_theme_first_and_name_the_detected_country(
    qtbot: QtBot,
) -> None:
    from PySide6.QtWidgets import QFormLayout, QLabel

    from desktop.core.footprint import cpu_power_profile
    from desktop.ui.settings import AppSettings
    from desktop.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(AppSettings())
    qtbot.addWidget(dialog)
    form = dialog.findChild(QFormLayout)
    assert form is not None
    labels = []
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        if item is not None and isinstance(item.widget(), QLabel):
            labels.append(item.widget().text())
    assert labels[:2] == ["Language", "Theme"]
    assert dialog.zone.itemText(0).startswith("From this computer's country: ")
    assert dialog.zone.itemText(0) != "From this computer's country: "
    special = dialog.cpu_watts.specialValueText()
    assert special.startswith("Detected" if cpu_power_profile().matched else "Assumed")


def test_the_models_page_fits_1024_pixels_without_a_sideways_scrollbar(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from desktop.ui.models_page import ModelsDialog

    dialog = ModelsDialog(folder=tmp_path)
    qtbot.addWidget(dialog)
    try:
        dialog.resize(1024, 600)
        dialog.show()
        qtbot.waitExposed(dialog)
        table = dialog.table
        good_at = table.COLUMNS.index("good_at")
        assert not table.horizontalScrollBar().isVisible()
        assert table.columnWidth(good_at) >= 150  # the description stays readable
    finally:
        assert dialog.shutdown()


def test_demo_panel_is_never_cut_sideways(qtbot: QtBot, model_path: Path) -> None:
    window = open_window(qtbot, model_path)
    wait_loaded(qtbot, window)
    window.set_demo_mode(True)
    try:
        window.resize(1280, 720)
        qtbot.wait(50)
        panel, scroll = window.demo_panel, window.demo_scroll
        assert scroll.viewport().width() >= panel.minimumSizeHint().width()
    finally:
        window.set_demo_mode(False)


def test_main_buttons_carry_an_icon_beside_their_word(qtbot: QtBot, model_path: Path) -> None:
    window = open_window(qtbot, model_path)
    chats = window.conversation_list
    for button in (window.send_button, window.stop_button, chats.new_button,
                   chats.rename_button, chats.delete_button):  # fmt: skip
        assert not button.icon().isNull() and button.text()
