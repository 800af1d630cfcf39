"""Answers signed by the model's friendly name; message bodies named for screen readers; the
"how?" link reached with Tab; no invisible Tab stop; Copy says it copied."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from desktop.core.engine import SamplingSettings
from desktop.core.records import AnswerStats
from desktop.ui.accessibility import focus_chain, unreachable_by_tab
from desktop.ui.message_actions import confirm_cut, edit_dialog
from desktop.ui.message_widget import MessageWidget
from desktop.ui.theme import apply_theme
from tests.gui_helpers import open_window, wait_answer, wait_loaded


def test_body_is_named_by_author_and_first_words(qtbot: QtBot) -> None:
    widget = MessageWidget("assistant", "SmolLM2 135M", "Paris is the capital of France.")
    qtbot.addWidget(widget)
    assert widget.accessibleName() == "Message from SmolLM2 135M"
    assert widget.body.accessibleName() == (
        "Message from SmolLM2 135M: Paris is the capital of France."
    )
    widget.set_text(" ".join(f"w{i}" for i in range(30)))
    assert widget.body.accessibleName().endswith("w11 …")
    widget.set_author("Llama 3.2 1B")
    assert widget.author_label.text() == "Llama 3.2 1B"
    assert widget.body.accessibleName().startswith("Message from Llama 3.2 1B: w0 w1")


def test_copy_says_it_copied(qtbot: QtBot) -> None:
    widget = MessageWidget("assistant", "model", "Some **answer**")
    qtbot.addWidget(widget)
    widget.copy_button.click()
    assert QGuiApplication.clipboard().text() == "Some **answer**"
    assert widget.copy_button.text() == "Copied"
    qtbot.waitUntil(lambda: widget.copy_button.text() == "Copy", timeout=10_000)


def test_how_link_is_reached_by_tab_and_opens_with_enter(qtbot: QtBot, model_path: Path) -> None:
    window = open_window(qtbot, model_path)
    wait_loaded(qtbot, window)  # the start shows the last chat: then add to it
    widget = window.chat_view.add_message("assistant", "model", "Hello **there**")
    widget.set_stats(AnswerStats(total_s=1.0, completion_tokens=3))
    qtbot.waitUntil(widget.stats_label.isVisible)  # a layout shows a new child at the next event
    chain = focus_chain(window)
    assert widget.stats_label in chain
    assert (
        chain.index(widget.body) < chain.index(widget.stats_label) < chain.index(widget.copy_button)
    )
    assert unreachable_by_tab(window) == []
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    widget.body.setFocus()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, "light")  # the app's style sheet draws the focus frame
    try:
        before = widget.stats_label.grab().toImage()
        qtbot.keyClick(widget.body, Qt.Key.Key_Tab)  # from the answer's text, Tab goes to "how?"
        assert widget.stats_label.hasFocus()
        assert widget.stats_label.grab().toImage() != before  # the focus is visible
    finally:
        app.setStyleSheet("")
        app.setPalette(app.style().standardPalette())
    qtbot.keyClick(widget.stats_label, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: getattr(widget, "details_dialog", None) is not None)
    widget.details_dialog.close()


def test_tab_never_stops_on_an_invisible_element(qtbot: QtBot, model_path: Path) -> None:
    window = open_window(qtbot, model_path)
    wait_loaded(qtbot, window)
    window.chat_view.add_message("user", "You", "Hi")
    answer = window.chat_view.add_message("assistant", "model", "")
    answer.set_status("streaming")  # an empty answer being written
    qtbot.waitUntil(answer.isVisible)
    invisible = [
        w for w in focus_chain(window)
        if not w.isVisible() or w.width() <= 0 or w.height() <= 0
    ]  # fmt: skip
    assert invisible == []


def test_answers_are_signed_by_the_friendly_name(qtbot: QtBot, model_path: Path) -> None:
    window = open_window(qtbot, model_path)
    wait_loaded(qtbot, window)
    window.chat.settings = SamplingSettings(max_tokens=8, temperature=0.0, top_k=1)
    window.ask("Say hello.")
    wait_answer(qtbot, window)
    name = window.engine.choice.name
    assert name and name != model_path.stem  # the card's name, not the file's
    answer = window.chat_view.messages[-1]
    assert answer.author_label.text() == name
    assert answer.body.accessibleName().startswith(f"Message from {name}")
    # Shown again from the file: signed by the name saved with the answer.
    window.chat.show_conversation(window.chat.conversation_id)
    assert window.chat_view.messages[-1].author_label.text() == name


def test_the_edit_dialog_wraps_and_the_cut_question_defaults_to_cancel(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = edit_dialog(parent, "A long message " * 30)
    editor = dialog.findChild(QPlainTextEdit)
    assert editor is not None
    assert editor.lineWrapMode() == QPlainTextEdit.LineWrapMode.WidgetWidth
    assert dialog.textValue() == "A long message " * 30
    seen: list[QMessageBox] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box)
        assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
        assert "3 messages" in box.text()
        qtbot.keyClick(box, Qt.Key.Key_Return)  # Enter: the default answer, Cancel

    QTimer.singleShot(0, answer)
    assert confirm_cut(parent, 3) is False and seen


def test_tab_goes_through_the_messages_in_reading_order_then_to_the_box(
    qtbot: QtBot, model_path: Path
) -> None:
    from tests.gui_helpers import open_window, wait_answer, wait_loaded

    window = open_window(qtbot, model_path)
    wait_loaded(qtbot, window)
    window.chat.max_tokens = 4
    for text in ("Hello", "Again"):
        window.chat.send(text)
        wait_answer(qtbot, window)
    qtbot.wait(20)  # the tab order is set once per page, after the event loop turns
    messages = window.chat_view.messages
    seen: list[QWidget] = []
    widget: QWidget = window.chat_view.nextInFocusChain()
    while widget is not window.prompt and len(seen) < 200:
        seen.append(widget)
        widget = widget.nextInFocusChain()
    assert widget is window.prompt
    # Between the chat and the message box: the messages' controls, and nothing else a Tab
    # stops on.
    seen = [w for w in seen if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisible()]
    assert seen and all(any(m.isAncestorOf(w) for m in messages) for w in seen)
    owners = [next(i for i, m in enumerate(messages) if m.isAncestorOf(w)) for w in seen]
    assert owners == sorted(owners)  # message by message, top to bottom
