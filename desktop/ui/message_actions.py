"""Small behaviours of a message kept out of MessageWidget: who signs it, what a screen reader
calls its text, and the short "Copied" confirmation of its Copy buttons."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QLabel

translate = QCoreApplication.translate

COPIED_MS = 2000  # how long a Copy button says "Copied"
FIRST_WORDS = 12  # words of a message in its body's accessible name


def first_words(text: str, count: int = FIRST_WORDS) -> str:
    words = text.split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


def body_name(author: str, text: str) -> str:
    """What a screen reader announces for a message's text: who wrote it and how it starts."""
    words = first_words(text)
    if not words:
        return translate("MessageWidget", "Message from {author}").format(author=author)
    return translate("MessageWidget", "Message from {author}: {words}").format(
        author=author, words=words
    )


def flash_copied(button: QAbstractButton) -> None:
    """The button says "Copied" for a moment (and to a screen reader), then its label again."""
    label = button.property("idleText") or button.text()
    button.setProperty("idleText", label)
    copied = translate("MessageWidget", "Copied")
    button.setText(copied)
    button.setAccessibleDescription(copied)

    def restore() -> None:
        button.setText(label)
        button.setAccessibleDescription("")

    QTimer.singleShot(COPIED_MS, button, restore)


class _EnterOpens(QObject):
    """Enter or Space on a focused label with one link opens it (QLabel alone does not,
    unless a link was first selected with Tab inside the label)."""

    def __init__(self, label: QLabel, open_link: Callable[[str], None]) -> None:
        super().__init__(label)
        self._open = open_link

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
        pressed = isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
        if pressed and event.key() in keys:  # type: ignore[attr-defined]
            self._open("")
            return True
        return False


def link_by_keyboard(label: QLabel, open_link: Callable[[str], None]) -> None:
    """The label's link reached with Tab (with the focus frame of the style sheet) and opened
    with Enter, like a button."""
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.LinksAccessibleByMouse
        | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
    )
    label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    label.installEventFilter(_EnterOpens(label, open_link))
