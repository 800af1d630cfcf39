"""The main window's widgets and their places: chats on the left, the conversation in the
middle with the message box below, the resource panel on the right."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.chat_documents import ChatDocumentsButton
from desktop.ui.chat_view import ChatView
from desktop.ui.conversation_list import ConversationList
from desktop.ui.demo_panel import DemoPanel
from desktop.ui.elided_label import ElidedLabel
from desktop.ui.icons import with_icon
from desktop.ui.instructions_line import InstructionsLine
from desktop.ui.notice_bar import NoticeBar
from desktop.ui.prompt_edit import PromptEdit
from desktop.ui.resource_panel import ResourcePanel

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

translate = QCoreApplication.translate


def build_layout(w: MainWindow) -> None:
    w.conversation_list = ConversationList()
    w.chat_view = ChatView()
    w.prompt = PromptEdit()
    w.chat_view.tab_after = w.prompt  # Tab: the messages in reading order, then the box
    w.send_button = with_icon(QPushButton(translate("MainWindow", "Send")), "send")
    w.send_button.setToolTip(translate("MainWindow", "Send the message (Enter)"))
    w.stop_button = with_icon(QPushButton(translate("MainWindow", "Stop")), "stop")
    w.stop_button.setToolTip(translate("MainWindow", "Stop the answer (Esc)"))
    w.stop_button.setEnabled(False)
    w.system_button = QPushButton(translate("MainWindow", "System prompt…"))
    w.system_button.setToolTip(
        translate(
            "MainWindow",
            "Standing instructions for this chat, for example “Answer in French” or “Be brief”",
        )
    )
    w.notice_bar = NoticeBar()
    w.title_label = ElidedLabel("")
    w.title_label.setObjectName("chatTitle")

    top = QHBoxLayout()
    top.addWidget(w.title_label, 1)
    w.compare_chat_button = QPushButton(translate("MainWindow", "Compare this chat with 405B"))
    w.compare_chat_button.setToolTip(
        translate(
            "MainWindow",
            "All the answers of this chat, beside the same on Llama 3.1 405B in a datacenter",
        )
    )
    top.addWidget(w.compare_chat_button)
    w.documents_button = ChatDocumentsButton()
    top.addWidget(w.documents_button)
    top.addWidget(w.system_button)
    bottom = QHBoxLayout()
    bottom.addWidget(w.prompt, 1)
    buttons = QVBoxLayout()
    buttons.addWidget(w.send_button)
    buttons.addWidget(w.stop_button)
    buttons.addStretch(1)
    bottom.addLayout(buttons)
    center = QWidget()
    column = QVBoxLayout(center)
    column.setContentsMargins(0, 0, 0, 0)
    column.addWidget(w.notice_bar)
    column.addLayout(top)
    w.instructions_line = InstructionsLine()
    column.addWidget(w.instructions_line)
    column.addWidget(w.chat_view, 1)
    column.addLayout(bottom)
    w.resource_panel = ResourcePanel(interval_s=w.settings.sample_interval_s)
    # Scrolls downwards when the window is short (600 pixels, or demo mode's large text),
    # instead of drawing its figures over each other.
    w.panel_scroll = QScrollArea()
    w.panel_scroll.setWidget(w.resource_panel)
    w.panel_scroll.setWidgetResizable(True)
    w.panel_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    w.panel_scroll.setFrameShape(QFrame.Shape.NoFrame)
    w.panel_scroll.setVisible(w.settings.panel_visible)
    fit_scroll_width(w.panel_scroll)
    w.demo_panel = DemoPanel()
    # In a scroll area: at 720 pixels high with demo mode's large text, the panel may be taller
    # than the window, and a layout squeezed below its size draws its texts over each other.
    w.demo_scroll = QScrollArea()
    w.demo_scroll.setWidget(w.demo_panel)
    w.demo_scroll.setWidgetResizable(True)
    w.demo_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    w.demo_scroll.setFrameShape(QFrame.Shape.NoFrame)
    w.demo_scroll.hide()
    fit_scroll_width(w.demo_scroll)
    left = QWidget()
    left_column = QVBoxLayout(left)
    left_column.setContentsMargins(0, 0, 0, 0)
    left_column.addWidget(w.conversation_list)
    left_column.addWidget(w.demo_scroll)
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.addWidget(left)
    splitter.addWidget(center)
    splitter.addWidget(w.panel_scroll)
    splitter.setStretchFactor(1, 1)
    splitter.setSizes([230, 720, 330])
    w.setCentralWidget(splitter)

    w.speed_label = QLabel("")
    w.speed_label.setToolTip(
        translate(
            "MainWindow",
            "How fast the last answer was written. A token is a piece of a word: "
            "100 tokens are about 75 English words.",
        )
    )


def fit_scroll_width(scroll: QScrollArea) -> None:
    """As wide as what it shows needs (it scrolls only downwards); again after a font change."""
    inner = scroll.widget()
    if inner is not None:
        bar = scroll.verticalScrollBar().sizeHint().width()
        scroll.setMinimumWidth(inner.minimumSizeHint().width() + bar)
