"""One chat message: who said it, the text rendered as Markdown, its state and its actions."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QTextOption
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.core.i18n import plural
from desktop.core.records import AnswerStats
from desktop.ui.answer_line import FootprintDetailsDialog, line_html
from desktop.ui.code_blocks import AnswerText
from desktop.ui.icons import with_icon
from desktop.ui.message_actions import body_name, flash_copied, link_by_keyboard
from desktop.ui.numbers import show_whole

translate = QCoreApplication.translate


def status_label(status: str) -> str:
    labels = {
        "stopped": translate("MessageWidget", "Stopped"),
        "error": translate("MessageWidget", "Not answered"),
        "streaming": translate("MessageWidget", "Writing…"),
        "complete": "",
    }
    return labels.get(status, status)


def note_text(note: str, stats: AnswerStats | None = None, error: str = "") -> str:
    """The line under an answer that says how it ended, from the codes saved with it."""
    words = {
        "stopped": translate("MessageWidget", "Stopped by you."),
        "closed": translate(
            "MessageWidget", "Stopped: the window was closed before the answer finished."
        ),
        "continued": translate(
            "MessageWidget",
            "Continued after a stop. The figures below are those of the continuation; the part"
            " written before counts in the totals too.",
        ),
        "interrupted": translate(
            "MessageWidget",
            "Interrupted: the app closed before the answer finished. The text written until then"
            " is kept.",
        ),
    }
    parts = [words.get(note, note)] if note else []  # an older file's sentence, as it is
    if error:
        parts.append(error)
    elif stats is not None and stats.status == "error":
        parts.append(translate("MessageWidget", "The model gave no answer."))
    if stats is not None and stats.dropped_turns:
        dropped = plural(
            stats.dropped_turns,
            translate(
                "MessageWidget",
                "The oldest exchange of this chat no longer fits in the model's memory and was "
                "left out of this answer.",
            ),
            translate(
                "MessageWidget",
                "The {n} oldest exchanges of this chat no longer fit in the model's memory and "
                "were left out of this answer.",
            ),
        )
        parts.append(dropped.format(n=show_whole(stats.dropped_turns)))
    return " ".join(parts)


class MarkdownView(QTextBrowser):
    """A read-only Markdown view that grows to fit its text instead of scrolling."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenExternalLinks(True)  # a click is the user's choice to go online
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)

    def _fit(self) -> None:
        margins = self.contentsMargins()
        height = int(self.document().size().height()) + margins.top() + margins.bottom() + 2
        if height != self.height():
            self.setFixedHeight(height)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.document().setTextWidth(self.viewport().width())
        self._fit()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(super().sizeHint().width(), self.height())


class MessageWidget(QFrame):
    copy_requested = Signal()
    regenerate_requested = Signal()
    compare_requested = Signal(object)  # this answer's saved stats

    def __init__(self, role: str, author: str, text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.role = role
        self._text = text
        self.message_id: int | None = None  # its row in the chats file, once saved
        # Added by the chat (chat_editing.py): Edit on the user's, Continue and ‹ 1/2 › on answers.
        self.edit_button: QPushButton | None = None
        self.continue_button: QPushButton | None = None
        self.version_switcher: QWidget | None = None
        self.setObjectName("userMessage" if role == "user" else "assistantMessage")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        header = QHBoxLayout()
        self.author_label = QLabel(author)
        self.author_label.setObjectName("messageAuthor")
        self.status_label = QLabel("")
        self.status_label.setObjectName("messageStatus")
        header.addWidget(self.author_label)
        header.addWidget(self.status_label)
        header.addStretch(1)
        layout.addLayout(header)
        self.body = MarkdownView(self)
        self.answer_text = AnswerText(self.body)  # framed code blocks, each with its copy link
        layout.addWidget(self.body)
        self.note_label = QLabel("")
        self.note_label.setObjectName("messageNote")
        self.note_label.setWordWrap(True)
        self.note_label.hide()
        layout.addWidget(self.note_label)
        self.stats_label = QLabel("")
        self.stats_label.setObjectName("messageStats")
        self.stats_label.setTextFormat(Qt.TextFormat.RichText)
        self.stats_label.setWordWrap(True)
        self.stats_label.linkActivated.connect(self._open_details)
        link_by_keyboard(self.stats_label, self._open_details)  # "how?" by Tab and Enter
        self.stats: AnswerStats | None = None
        layout.addWidget(self.stats_label)
        self.demo_label = QLabel("")  # demo mode: the 405B estimate beside the answer
        self.demo_label.setObjectName("demoLine")
        self.demo_label.setWordWrap(True)
        self.demo_label.hide()
        layout.addWidget(self.demo_label)
        footer = QHBoxLayout()
        self.actions_row = footer  # other modules add their actions here (message_actions)
        footer.addStretch(1)
        self.copy_button = with_icon(QPushButton(self.tr("Copy")), "copy")
        self.copy_button.setToolTip(self.tr("Copy this answer to the clipboard"))
        self.copy_button.clicked.connect(self._copy)
        self.regenerate_button = with_icon(QPushButton(self.tr("Regenerate")), "regenerate")
        self.regenerate_button.setToolTip(self.tr("Ask the model to answer this message again"))
        self.regenerate_button.clicked.connect(self.regenerate_requested)
        self.compare_button = QPushButton(self.tr("Compare with 405B"))
        self.compare_button.setToolTip(
            self.tr(
                "What the same answer would have cost on Llama 3.1 405B, a model about 3,000 times "
                "bigger, in a datacenter"
            )
        )
        self.compare_button.clicked.connect(lambda: self.compare_requested.emit(self.stats))
        self.compare_button.hide()
        footer.addWidget(self.compare_button)
        footer.addWidget(self.copy_button)
        footer.addWidget(self.regenerate_button)
        layout.addLayout(footer)
        is_answer = role == "assistant"
        self.copy_button.setVisible(is_answer)
        self.stats_label.setVisible(is_answer)  # a user's message has no figures: no empty row
        self.regenerate_button.setVisible(False)
        self.set_author(author)
        self.set_text(text)

    @property
    def text(self) -> str:
        return self._text

    @property
    def author(self) -> str:
        return self.author_label.text()

    def set_author(self, author: str) -> None:
        self.author_label.setText(author)
        self.setAccessibleName(self.tr("Message from {author}").format(author=author))
        self.body.setAccessibleName(body_name(author, self._text))

    def set_text(self, text: str) -> None:
        self._text = text
        if self.role == "user":
            self.body.setPlainText(text)  # the user's own words, shown as typed
        else:
            self.answer_text.show(text)
        self.body.setAccessibleName(body_name(self.author, text))
        self.body.setAccessibleDescription(text[:500])

    def append_text(self, text: str) -> None:
        self.set_text(self._text + text)

    def set_status(
        self, status: str, note: str = "", stats: AnswerStats | None = None, error: str = ""
    ) -> None:
        self.status_label.setText(status_label(status))
        self.setProperty("status", status)
        text = note_text(note, stats, error)
        self.note_label.setText(text)
        self.note_label.setVisible(bool(text))
        self.style().unpolish(self)
        self.style().polish(self)
        self.update_continue()

    def update_continue(self) -> None:
        """Continue is offered on the latest answer when it was stopped before its end."""
        if self.continue_button is not None:
            latest = self.regenerate_button.isVisibleTo(self)
            self.continue_button.setVisible(latest and self.property("status") == "stopped")

    def set_stats(self, stats: AnswerStats) -> None:
        """The line under an answer: time, speed, energy, CO2; "how?" opens the details."""
        self.stats = stats
        self.stats_label.setText(line_html(stats))
        footprint = stats.footprint
        self.stats_label.setToolTip(footprint.explanation if footprint else "")
        self.compare_button.setVisible(self.role == "assistant" and stats.measured)
        if stats.sources or self.findChild(QFrame, "answerSources") is not None:
            from desktop.ui.sources_view import show_sources  # only for answers from documents

            show_sources(self, stats.sources)

    def set_demo_line(self, text: str) -> None:
        self.demo_label.setText(text)
        self.demo_label.setVisible(bool(text))

    def _open_details(self, _link: str) -> None:
        if self.stats is None:
            return
        self.details_dialog = FootprintDetailsDialog(self.stats, self)
        self.details_dialog.show()

    def set_regenerate_visible(self, visible: bool) -> None:
        self.regenerate_button.setVisible(visible and self.role == "assistant")
        self.update_continue()

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self._text)
        flash_copied(self.copy_button)
        self.copy_requested.emit()
