"""The conversation: a scrolling column of messages that follows the answer as it streams."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop.ui.message_widget import MessageWidget


class ChatView(QScrollArea):
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
        self._empty = QLabel(
            self.tr(
                "Ask anything. The answer is written on this computer: nothing you type leaves it."
            )
        )
        self._empty.setObjectName("emptyHint")
        self._empty.setWordWrap(True)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout.addWidget(self._empty)
        self._layout.addStretch(1)
        self.setWidget(self._inner)
        self._messages: list[MessageWidget] = []
        self._follow = True
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.verticalScrollBar().rangeChanged.connect(self._on_range_changed)

    @property
    def messages(self) -> list[MessageWidget]:
        return list(self._messages)

    def clear(self) -> None:
        for widget in self._messages:
            self._layout.removeWidget(widget)
            widget.deleteLater()
        self._messages.clear()
        self._empty.show()
        self._follow = True

    def add_message(self, role: str, author: str, text: str = "") -> MessageWidget:
        widget = MessageWidget(role, author, text, self._inner)
        self._layout.insertWidget(self._layout.count() - 1, widget)
        self._messages.append(widget)
        self._empty.hide()
        self._follow = True
        self._update_regenerate()
        return widget

    def remove_message(self, widget: MessageWidget) -> None:
        if widget in self._messages:
            self._messages.remove(widget)
            self._layout.removeWidget(widget)
            widget.deleteLater()
        self._empty.setVisible(not self._messages)
        self._update_regenerate()

    def last_message(self) -> MessageWidget | None:
        return self._messages[-1] if self._messages else None

    def _update_regenerate(self) -> None:
        # Like other assistants, only the latest answer can be regenerated.
        for widget in self._messages:
            widget.set_regenerate_visible(widget is self._messages[-1])

    def set_regenerate_enabled(self, enabled: bool) -> None:
        for widget in self._messages:
            widget.regenerate_button.setEnabled(enabled)

    def transcript(self) -> str:
        return "\n\n".join(f"{w.author_label.text()}: {w.text}" for w in self._messages)

    # Follow the bottom while the user has not scrolled up to read.
    def _on_scrolled(self, value: int) -> None:
        bar = self.verticalScrollBar()
        self._follow = value >= bar.maximum() - 4

    def _on_range_changed(self, _minimum: int, maximum: int) -> None:
        if self._follow:
            QTimer.singleShot(0, lambda: self.verticalScrollBar().setValue(maximum))
