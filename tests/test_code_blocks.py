"""Code blocks in answers: framed, monospace, and a copy link that copies exactly the code."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QGuiApplication, QTextTable
from pytestqt.qtbot import QtBot

from desktop.ui.code_blocks import Part, split_code
from desktop.ui.message_widget import MessageWidget

ANSWER = (
    "Here is a loop:\n\n```python\nfor i in range(3):\n    print(i)\n```\n\n"
    "And a shell line:\n\n~~~\nls -l  *.txt\n~~~\nDone."
)


def test_split_code_keeps_exact_code_and_prose() -> None:
    parts = split_code(ANSWER)
    assert [(p.code, p.language) for p in parts] == [
        (False, ""), (True, "python"), (False, ""), (True, ""), (False, ""),
    ]  # fmt: skip
    assert parts[1].text == "for i in range(3):\n    print(i)"
    assert parts[3].text == "ls -l  *.txt"
    # Still being written: the open block runs to the end.
    assert split_code("Try:\n```\nx = 1\n")[-1] == Part(True, "x = 1\n")


def _tables(widget: MessageWidget) -> list[QTextTable]:
    root = widget.body.document().rootFrame()
    return [f for f in root.childFrames() if isinstance(f, QTextTable)]


def test_code_blocks_are_framed_monospace_and_copied_exactly(qtbot: QtBot) -> None:
    widget = MessageWidget("assistant", "model", ANSWER)
    qtbot.addWidget(widget)
    tables = _tables(widget)
    assert len(tables) == 2
    assert all(t.format().border() > 0 for t in tables)  # the frame
    cursor = tables[0].cellAt(0, 0).firstCursorPosition()
    cursor.movePosition(cursor.MoveOperation.NextCharacter)
    assert cursor.charFormat().fontFixedPitch() or "monospace" in (
        cursor.charFormat().fontFamilies() or []
    )
    assert "Here is a loop" in widget.body.toPlainText()
    # Keyboard: Tab inside the answer reaches the first "Copy code" link, Enter follows it.
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    widget.body.setFocus()
    qtbot.keyClick(widget.body, Qt.Key.Key_Tab)
    assert widget.body.textCursor().selectedText() == "Copy code"
    qtbot.keyClick(widget.body, Qt.Key.Key_Return)
    assert QGuiApplication.clipboard().text() == "for i in range(3):\n    print(i)"
    assert "Copied" in widget.body.toPlainText()
    widget.body.anchorClicked.emit(QUrl("copy-code:1"))
    assert QGuiApplication.clipboard().text() == "ls -l  *.txt"
    qtbot.waitUntil(lambda: "Copied" not in widget.body.toPlainText(), timeout=10_000)


def test_plain_answers_and_user_messages_are_unchanged(qtbot: QtBot) -> None:
    answer = MessageWidget("assistant", "model", "Just **text**.")
    user = MessageWidget("user", "You", "```\nnot code for me\n```")
    qtbot.addWidget(answer)
    qtbot.addWidget(user)
    assert _tables(answer) == [] and _tables(user) == []
    assert answer.body.toPlainText() == "Just text."
