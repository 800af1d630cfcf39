"""Demo mode: the window made presentable on a projector.

Larger text, the ready questions in place of the chat list, the resource panel, the 405B estimate
beside every answer, and a running total for the session. The window owns one `DemoMode` and
forwards to it; the state (on or off) is the window's `settings.demo_mode`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from desktop.core.measured import compare_saved
from desktop.core.records import AnswerStats
from desktop.ui.demo_panel import format_energy_range
from desktop.ui.window_layout import fit_scroll_width

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

SCALE = 1.4


class DemoMode(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.base_font = QFont(window.font())
        self.session_answers: list[AnswerStats] = []  # this session's measured answers

    @property
    def on(self) -> bool:
        return bool(self.window.settings.demo_mode)

    def set(self, on: bool) -> None:
        w = self.window
        w.demo_action.setChecked(on)
        font = QFont(self.base_font)
        if on:
            font.setPointSizeF(self.base_font.pointSizeF() * SCALE)
        w.setFont(font)
        # With an application style sheet Qt no longer passes fonts down to children: a sheet
        # on the window does.
        demo_size = None if on else self.base_font.pointSizeF() * SCALE
        w.setStyleSheet(f"QWidget {{ font-size: {font.pointSizeF():.1f}pt; }}" if on else "")
        if demo_size is not None:
            # Widgets created while the sheet was on (answers, their lines) keep its size as their
            # own font once it is gone: give them back the inherited one.
            for child in w.findChildren(QWidget):
                if abs(child.font().pointSizeF() - demo_size) < 0.05:
                    child.setFont(QFont())
        w.demo_scroll.setVisible(on)
        fit_scroll_width(w.demo_scroll)  # the panels' widths at the new text size
        fit_scroll_width(w.panel_scroll)
        # For a room: the chat's documents and instructions buttons stay in the normal view (the
        # instructions line still shows what is in use), so the header fits a 1280-pixel screen.
        w.documents_button.setVisible(not on)
        w.system_button.setVisible(not on)
        w.conversation_list.setVisible(not on)
        if on:
            w.set_panel_visible(True)
        if w.settings.demo_mode != on:
            w.settings.demo_mode = on
            w.settings.save()
        self.refresh()

    def add_answer(self, stats: AnswerStats) -> None:
        if stats.measured:
            self.session_answers.append(stats)
        if self.on:
            self.refresh()

    def refresh(self) -> None:
        """The 405B line under each answer shown, and the session's running total."""
        w = self.window
        size = w.model_info.size_bytes if w.model_info else None
        for widget in w.chat_view.messages:
            line = ""
            if self.on and widget.role == "assistant" and widget.stats and widget.stats.measured:
                comparison = compare_saved([widget.stats], size, w.chat.model_name)
                if comparison is not None:
                    c = comparison.to_json()
                    line = self.tr("The same on the 405B model: {range}. {words}").format(
                        range=format_energy_range(c["energy_wh"]["low"], c["energy_wh"]["high"]),
                        words=c["ratios"]["energy"]["words"],
                    )
            widget.set_demo_line(line)
        if not self.on:
            return
        session = compare_saved(self.session_answers, size, w.chat.model_name)
        if session is None:
            w.demo_panel.set_session_totals(0.0, 0.0, 0.0, 0)
            return
        c = session.to_json()
        w.demo_panel.set_session_totals(
            c["local"]["energy_wh"], c["energy_wh"]["low"], c["energy_wh"]["high"],
            len(self.session_answers),
        )  # fmt: skip
