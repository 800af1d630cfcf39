"""Small behaviours and controls of a message kept out of MessageWidget: what a screen reader
calls its text, the short "Copied" confirmation of its Copy buttons, the "how?" link by
keyboard, the "‹ 1/2 ›" of an answer's versions, and the dialogs of editing a sent message."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QToolButton,
    QWidget,
)

from desktop.core.i18n import plural
from desktop.core.store.versions import Versions
from desktop.ui.numbers import show_whole

translate = QCoreApplication.translate

COPIED_MS = 2000  # how long a Copy button says "Copied"
FIRST_WORDS = 12  # words of a message in its body's accessible name
EDIT_DIALOG_MIN_WIDTH = 480  # px: a few lines of a message read without scrolling sideways


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


class VersionSwitcher(QWidget):
    """ "‹ 1/2 ›" under an answer that was regenerated: which version is shown, and the way to
    the others. Hidden while the answer has one version."""

    browse = Signal(int)  # -1: the previous version, +1: the next

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("versionSwitcher")
        self.versions: Versions | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.previous = QToolButton()
        self.previous.setText("‹")
        self.previous.setAccessibleName(translate("MessageWidget", "Previous version"))
        self.previous.setToolTip(translate("MessageWidget", "Previous version"))
        self.previous.clicked.connect(lambda: self.browse.emit(-1))
        self.label = QLabel("")
        self.following = QToolButton()
        self.following.setText("›")
        self.following.setAccessibleName(translate("MessageWidget", "Next version"))
        self.following.setToolTip(translate("MessageWidget", "Next version"))
        self.following.clicked.connect(lambda: self.browse.emit(1))
        for widget in (self.previous, self.label, self.following):
            layout.addWidget(widget)
        self.hide()

    def set_versions(self, versions: Versions) -> None:
        self.versions = versions
        count, position = len(versions.ids), versions.position
        self.label.setText(f"{show_whole(position)}/{show_whole(count)}")
        name = translate("MessageWidget", "Version {n} of {count}").format(
            n=show_whole(position), count=show_whole(count)
        )
        self.label.setAccessibleName(name)
        self.setAccessibleName(name)
        self.previous.setEnabled(position > 1)
        self.following.setEnabled(position < count)
        self.setVisible(count > 1)


def edit_dialog(parent: QWidget, text: str) -> QInputDialog:
    dialog = QInputDialog(parent)
    dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
    dialog.setWindowTitle(translate("MessageWidget", "Edit your message"))
    dialog.setLabelText(translate("MessageWidget", "Your message (it will be answered again):"))
    dialog.setTextValue(text)
    dialog.setMinimumWidth(EDIT_DIALOG_MIN_WIDTH)
    editor = dialog.findChild(QPlainTextEdit)
    if editor is not None:  # a long message wraps instead of running off to the right
        editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
    return dialog


def ask_edited_text(parent: QWidget, text: str) -> str | None:
    """The message's new text, or None when the user cancels."""
    dialog = edit_dialog(parent, text)
    return dialog.textValue() if dialog.exec() else None


def confirm_cut(parent: QWidget, count: int) -> bool:
    """Whether the user agrees that the `count` messages after the answer go (Cancel first)."""
    question = plural(
        count,
        translate(
            "MessageWidget",
            "Sending the edited message removes the message that follows its answer. Its cost "
            "stays in your totals. Continue?",
        ),
        translate(
            "MessageWidget",
            "Sending the edited message removes the {n} messages that follow its answer. Their "
            "cost stays in your totals. Continue?",
        ),
    ).format(n=show_whole(count))
    box = QMessageBox(QMessageBox.Icon.Question, translate("MessageWidget", "Edit"), question,
                      QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel, parent)  # fmt: skip
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)  # Enter never removes messages
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Ok
