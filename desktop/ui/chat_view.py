"""The conversation: a scrolling column of messages that follows the answer as it streams.

A long chat is shown a page at a time (ChatPages decides which): the latest page first; when the
user scrolls to the top (or presses "Show earlier messages") the view asks for the page before
it, which is inserted above without moving what the user is reading; pages far below are let go
and asked for again at the bottom ("Show later messages"). Every operation on a new message costs
the same whatever the chat's length: the view keeps a reference to the one message that may show
Regenerate instead of scanning all of them.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from desktop.ui.message_widget import MessageWidget

EDGE_PX = 4  # "at the top" and "at the bottom" allow this much slack


class ChatView(QScrollArea):
    earlier_requested = Signal()  # the user wants the page before the first message shown
    later_requested = Signal()  # ... the page after the last one shown (not the chat's latest)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(self.tr("Conversation"))
        self._inner = QWidget()
        self._inner.setObjectName("chatColumn")
        self._layout = QVBoxLayout(self._inner)
        self._layout.setContentsMargins(12, 12, 12, 12)
        self._layout.setSpacing(10)
        # Also the keyboard's way to earlier messages, and the way when a page fits the screen.
        self._earlier = QPushButton(self.tr("Show earlier messages"))
        self._earlier.setObjectName("earlierMessages")
        self._earlier.clicked.connect(self.earlier_requested)
        self._earlier.hide()
        self._layout.addWidget(self._earlier, 0, Qt.AlignmentFlag.AlignHCenter)
        self._empty_text = self.tr(
            "Ask anything. The answer is written on this computer: nothing you type leaves it."
        )
        self._empty = QLabel(self._empty_text)
        self._empty.setObjectName("emptyHint")
        self._empty.setWordWrap(True)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout.addWidget(self._empty)
        self._first_index = self._layout.count()  # where the first message goes
        self._later = QPushButton(self.tr("Show later messages"))
        self._later.setObjectName("laterMessages")
        self._later.clicked.connect(self.later_requested)
        self._later.hide()
        self._layout.addWidget(self._later, 0, Qt.AlignmentFlag.AlignHCenter)
        self._layout.addStretch(1)
        self.setWidget(self._inner)
        self._messages: list[MessageWidget] = []
        self.tab_after: QWidget | None = None  # what Tab reaches after the last message
        self._tab_order_due = False
        self._last: MessageWidget | None = None  # the one that may show Regenerate
        self._regenerate_enabled = True
        self._has_earlier = False
        self._has_later = False  # the chat's latest messages were let go while reading old ones
        self._asked_earlier = False  # one request per arrival at the top
        self._asked_later = False
        self._follow = True
        # While a page is inserted above: (the message that was first, its offset on screen).
        self._anchor: tuple[MessageWidget, int] | None = None
        self._adjusting = False
        bar = self.verticalScrollBar()
        bar.valueChanged.connect(self._on_scrolled)
        bar.rangeChanged.connect(self._on_range_changed)

    def set_advice(self, advice: str) -> None:
        """Under the empty chat's hint: what the model in use is good and bad at, measured by a
        test drive on this computer ('' when none was run)."""
        measured = self.tr("Measured on this computer (test drive):")
        self._empty.setText(
            f"{self._empty_text}\n\n{measured} {advice}" if advice else self._empty_text
        )

    @property
    def messages(self) -> list[MessageWidget]:
        """The messages shown (loaded), oldest first."""
        return list(self._messages)

    @property
    def has_earlier(self) -> bool:
        return self._has_earlier

    @property
    def has_later(self) -> bool:
        return self._has_later

    def clear(self) -> None:
        for widget in self._messages:
            self._layout.removeWidget(widget)
            widget.deleteLater()
        self._messages.clear()
        self._last = None
        self._anchor = None
        self._empty.show()
        self.set_has_earlier(False)
        self.set_has_later(False)
        self._follow = True

    def set_has_earlier(self, has_earlier: bool) -> None:
        """Whether the chat has messages before the first one shown."""
        self._has_earlier = has_earlier
        self._asked_earlier = False
        self._earlier.setVisible(has_earlier)

    def set_has_later(self, has_later: bool) -> None:
        """Whether the chat has messages after the last one shown; then that one is not the
        chat's latest and offers no Regenerate."""
        self._has_later = has_later
        self._asked_later = False
        self._later.setVisible(has_later)
        if self._last is not None:
            self._last.set_regenerate_visible(not has_later)

    def add_message(
        self, role: str, author: str, text: str = "", *, where: str = "end"
    ) -> MessageWidget:
        """A message at the end, where the view follows it; or from a page read while the user
        scrolls, after `keep_position()`: "top" above the others (an earlier page, added newest
        first), "bottom" below them (a later page)."""
        widget = MessageWidget(role, author, text, self._inner)
        self._empty.hide()
        self._schedule_tab_order()
        if where == "top" and self._messages:
            self._layout.insertWidget(self._first_index, widget)
            self._messages.insert(0, widget)
            return widget
        self._layout.insertWidget(self._first_index + len(self._messages), widget)
        self._messages.append(widget)
        if where == "end":
            self._anchor = None  # a new message (sent, or the answer to it) takes the view down
            self._follow = True
        self._set_last(widget)
        return widget

    def _schedule_tab_order(self) -> None:
        if not self._tab_order_due:
            self._tab_order_due = True
            QTimer.singleShot(0, self._fix_tab_order)  # once per page, not once per message

    def _fix_tab_order(self) -> None:
        """Tab goes through the messages in reading order, then to the message box: widgets made
        later would otherwise come after the side panel's, far from where they are seen."""
        self._tab_order_due = False
        window = self.window()
        previous: QWidget = self
        for message in self._messages:
            for control in message.findChildren(QWidget):
                # A dialog a message opened (its details) is a window of its own: not in here.
                if control.focusPolicy() & Qt.FocusPolicy.TabFocus and control.window() is window:
                    QWidget.setTabOrder(previous, control)
                    previous = control
        if self.tab_after is not None and self.tab_after.window() is window:
            QWidget.setTabOrder(previous, self.tab_after)

    def drop(self, count: int, *, from_top: bool) -> None:
        """Let go of `count` messages at the top or the bottom (far from what the user reads),
        so memory stays bounded however far they scroll."""
        count = min(count, len(self._messages))
        if count <= 0:
            return
        if from_top:
            gone, self._messages = self._messages[:count], self._messages[count:]
        else:
            gone, self._messages = self._messages[-count:], self._messages[:-count]
        for widget in gone:
            self._layout.removeWidget(widget)
            widget.deleteLater()
        if self._anchor is not None and self._anchor[0] in gone:
            self._anchor = None
        if self._last in gone:
            self._set_last(self._messages[-1] if self._messages else None)

    def shows(self, widget: MessageWidget | None) -> bool:
        return widget is not None and widget in self._messages

    def keep_position(self, widget: MessageWidget | None = None) -> None:
        """Before adding or letting go of messages: keep `widget` (by default the first one
        shown) where it is on screen, so the text the user is reading does not jump."""
        widget = widget or (self._messages[0] if self._messages else None)
        if widget is not None:
            self._anchor = (widget, widget.y() - self.verticalScrollBar().value())
            self._follow = False
            # The range may stay the same (a page as tall as the one let go): follow the move.
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        anchor = getattr(self, "_anchor", None)  # QScrollArea filters events before __init__ ends
        if event.type() == QEvent.Type.Move and anchor is not None and watched is anchor[0]:
            self._set_value(anchor[0].y() - anchor[1])
        return super().eventFilter(watched, event)

    def remove_message(self, widget: MessageWidget) -> None:
        if widget in self._messages:
            self._messages.remove(widget)
            self._layout.removeWidget(widget)
            widget.deleteLater()
            if self._anchor is not None and self._anchor[0] is widget:
                self._anchor = None
        self._empty.setVisible(not self._messages)
        if widget is self._last:
            self._set_last(self._messages[-1] if self._messages else None)

    def last_message(self) -> MessageWidget | None:
        return self._messages[-1] if self._messages else None

    def _set_last(self, widget: MessageWidget | None) -> None:
        # Like other assistants, only the latest answer can be regenerated.
        if self._last is not None and self._last is not widget:
            self._last.set_regenerate_visible(False)
        self._last = widget
        if widget is not None:
            widget.set_regenerate_visible(not self._has_later)
            widget.regenerate_button.setEnabled(self._regenerate_enabled)

    def set_regenerate_enabled(self, enabled: bool) -> None:
        self._regenerate_enabled = enabled
        if self._last is not None:
            self._last.regenerate_button.setEnabled(enabled)

    def transcript(self) -> str:
        return "\n\n".join(f"{w.author_label.text()}: {w.text}" for w in self._messages)

    # -- scrolling --------------------------------------------------------------------------------
    def _on_scrolled(self, value: int) -> None:
        bar = self.verticalScrollBar()
        if not self._adjusting:
            self._anchor = None  # the user moved: from now on, their position is theirs
        # Follow the bottom while the user has not scrolled up to read.
        self._follow = value >= bar.maximum() - EDGE_PX
        if self._adjusting or bar.maximum() <= 0:
            return
        # Not from inside the scroll bar's signal: a page changes the layout.
        if value <= EDGE_PX and self._has_earlier and not self._asked_earlier:
            self._asked_earlier = True
            QTimer.singleShot(0, lambda: self._has_earlier and self.earlier_requested.emit())
        elif self._follow and self._has_later and not self._asked_later:
            self._asked_later = True
            QTimer.singleShot(0, lambda: self._has_later and self.later_requested.emit())

    def _on_range_changed(self, _minimum: int, _maximum: int) -> None:
        if self._anchor is not None:
            widget, offset = self._anchor
            self._set_value(widget.y() - offset)
        elif self._follow:
            QTimer.singleShot(0, self._to_bottom)

    def _to_bottom(self) -> None:
        # The range may have grown again since: go to the end as it is now.
        if self._follow:
            self._set_value(self.verticalScrollBar().maximum())

    def _set_value(self, value: int) -> None:
        self._adjusting = True
        try:
            self.verticalScrollBar().setValue(value)
        finally:
            self._adjusting = False
