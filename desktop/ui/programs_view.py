"""The user's own programs: the server switch in Settings, the "Programs" window, and the status
bar's "answering a program" line. Added to the window through three hooks (`Programs.attach`,
`add_settings_section`/`apply_settings_section`, `shutdown`) so the window's code barely changes.

Off by default: nothing listens until the user ticks "Let programs on this computer use Smaller".
The totals are read from the ledger (kind "api"), the same accounting as the chats' answers.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.footprint import format_co2, format_energy
from desktop.core.i18n import plural
from desktop.core.server import ServerSettings, load_settings, renew_key, save_settings
from desktop.core.server.ledger import ProgramTotals, read_totals
from desktop.core.server.settings import DEFAULT_HOST
from desktop.ui.answer_line import method_word
from desktop.ui.numbers import show_whole
from desktop.workers.server_host import ServerHost

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

REFRESH_MS = 2000
LOOPBACK = ("127.0.0.1", "localhost", "::1")
translate = QCoreApplication.translate


class ServerSection(QGroupBox):
    """Settings: the switch, the port, and the key with Copy and Renew."""

    def __init__(self, settings: ServerSettings, host: ServerHost, parent: QWidget | None = None):
        super().__init__(self.tr("Programs on this computer"), parent)
        self._settings, self._host = settings, host
        form = QFormLayout(self)
        self.enabled = QCheckBox(self.tr("Let programs on this computer use Smaller"))
        self.enabled.setChecked(settings.enabled)
        form.addRow(self.enabled)
        self.port = QSpinBox()
        self.port.setRange(1024, 65535)
        self.port.setValue(settings.port)
        self.port.setAccessibleName(self.tr("Port"))
        form.addRow(self.tr("Port"), self.port)
        self.key = QLineEdit(settings.api_key)
        self.key.setReadOnly(True)
        self.key.setAccessibleName(self.tr("API key"))
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setAccessibleName(self.tr("Copy the API key"))
        self.copy_button.clicked.connect(self.copy_key)
        self.renew_button = QPushButton(self.tr("Renew"))
        self.renew_button.setAccessibleName(self.tr("Renew the API key"))
        self.renew_button.clicked.connect(self.renew)
        # The key is 54 characters: its own row, shown whole, the buttons under it.
        self.key.setMinimumWidth(self.key.fontMetrics().horizontalAdvance("M" * 30))
        form.addRow(self.tr("API key"), self.key)
        row = QHBoxLayout()
        row.addWidget(self.copy_button)
        row.addWidget(self.renew_button)
        row.addStretch(1)
        form.addRow("", row)
        self.address = QLineEdit(settings.host)
        self.address.setAccessibleName(self.tr("Address to listen on"))
        form.addRow(self.tr("Address"), self.address)
        self.address_warning = QLabel(self.tr("With an address other than 127.0.0.1, other computers that can reach it can use the model (with the key), and what they send crosses the network unencrypted."))  # fmt: skip
        self.address_warning.setWordWrap(True)
        self.address_warning.setObjectName("settingHint")
        form.addRow(self.address_warning)
        self.address.textChanged.connect(self._show_address_warning)
        self._show_address_warning(settings.host)
        self.origins = QLineEdit(", ".join(settings.allowed_origins))
        self.origins.setPlaceholderText(self.tr("none"))
        self.origins.setAccessibleName(self.tr("Web pages allowed to ask"))
        form.addRow(self.tr("Web pages allowed"), self.origins)
        hint = QLabel(self.tr("Programs ask at http://127.0.0.1:{port}/v1 with this key, as they would ask OpenAI's API; each answer's energy and CO₂ come with it. Nothing listens while this is off. Web pages are refused unless their origin (for example http://localhost:3000) is listed above. Renewing the key locks out programs that have the old one.").format(port=settings.port))  # fmt: skip
        hint.setWordWrap(True)
        hint.setObjectName("settingHint")
        form.addRow(hint)

    def _show_address_warning(self, text: str) -> None:
        self.address_warning.setVisible(text.strip() not in ("", *LOOPBACK))

    def copy_key(self) -> None:
        QGuiApplication.clipboard().setText(self.key.text())

    def renew(self) -> None:
        self._settings = renew_key()
        self.key.setText(self._settings.api_key)
        self._host.set_api_key(self._settings.api_key)  # the old key stops working at once

    def result(self) -> ServerSettings:
        origins = tuple(o for o in self.origins.text().replace(",", " ").split() if o)
        return replace(
            self._settings, enabled=self.enabled.isChecked(), port=self.port.value(),
            host=self.address.text().strip() or DEFAULT_HOST, allowed_origins=origins,
        )  # fmt: skip


def _totals_text(t: ProgramTotals) -> str:
    if not t.requests:
        return translate("ProgramsView", "No requests yet.")
    requests = plural(
        t.requests,
        translate("ProgramsView", "{n} request"),
        translate("ProgramsView", "{n} requests"),
    ).format(n=show_whole(t.requests))
    return translate("ProgramsView", "{requests} · {tokens} tokens · {energy} · {co2} CO₂ ({method})").format(
        requests=requests, tokens=show_whole(t.prompt_tokens + t.completion_tokens),
        energy=format_energy(t.energy_wh), co2=format_co2(t.co2_g),
        method=method_word(t.method),
    )  # fmt: skip


def _large_text(t: ProgramTotals) -> str:
    if not t.requests or not t.energy_405b_wh[1]:
        return "—"
    (e_low, e_high), (c_low, c_high) = t.energy_405b_wh, t.co2_405b_g
    return translate("ProgramsView", "{e_low} to {e_high} · {c_low} to {c_high} CO₂ (estimated)").format(
        e_low=format_energy(e_low), e_high=format_energy(e_high),
        c_low=format_co2(c_low), c_high=format_co2(c_high),
    )  # fmt: skip


class ProgramsView(QDialog):
    """What the user's programs asked of the model, today and in total, and the same work on the
    405B model."""

    def __init__(self, programs: Programs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Programs"))
        self._programs = programs
        layout = QVBoxLayout(self)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        form = QFormLayout()
        self.today, self.total = QLabel(), QLabel()
        self.today_405b, self.total_405b = QLabel(), QLabel()
        for label in (self.today, self.total, self.today_405b, self.total_405b):
            label.setWordWrap(True)
        form.addRow(self.tr("Today"), self.today)
        form.addRow(self.tr("In total"), self.total)
        form.addRow(self.tr("Same work on Llama 3.1 405B, today"), self.today_405b)
        form.addRow(self.tr("Same work on Llama 3.1 405B, in total"), self.total_405b)
        layout.addLayout(form)
        note = QLabel(self.tr("The 405B figures are estimates for the same prompt and answer tokens in a datacenter: the low end from ML.ENERGY's measurements, the high end from EcoLogits (as in the comparison under an answer). Each request's own figures come back to the program in usage.x_smaller."))  # fmt: skip
        note.setWordWrap(True)
        note.setObjectName("settingHint")
        layout.addWidget(note)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 60)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.refresh()

    def refresh(self) -> None:
        host = self._programs.host
        if host.running:
            self.status.setText(self.tr("Programs can use Smaller at {url}.").format(url=host.url))
        else:
            self.status.setText(self.tr("Off: turn it on in Settings to let programs on this computer use Smaller."))  # fmt: skip
        path = self._programs.window.store.path
        today, total = read_totals(path) if path is not None else (ProgramTotals(),) * 2
        self.today.setText(_totals_text(today))
        self.total.setText(_totals_text(total))
        self.today_405b.setText(_large_text(today))
        self.total_405b.setText(_large_text(total))


class Programs:
    """The window's hooks for the server."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.host = ServerHost(window.engine.service, window.store.path, window)
        self.view: ProgramsView | None = None
        self.label = QLabel()
        self.label.setAccessibleName(translate("ProgramsView", "Programs"))
        self.label.hide()
        window.statusBar().addPermanentWidget(self.label)
        self.host.answering_changed.connect(self._show_answering)
        self.action = QAction(translate("ProgramsView", "&Programs…"), window)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.action.triggered.connect(self.show_view)
        # Beside "Resource panel" in the View menu (found from its action: menus.py unchanged).
        menus = [o for o in window.panel_action.associatedObjects() if isinstance(o, QMenu)]
        (menus[0] if menus else window.menuBar()).addAction(self.action)
        if load_settings(create_key=False).enabled:
            # After this call returns: a window rebuilt for a new language starts its server
            # once the old window has closed and freed the port.
            QTimer.singleShot(0, self.window, lambda: self._start(load_settings()))

    @classmethod
    def attach(cls, window: MainWindow) -> Programs:
        return cls(window)

    def _start(self, settings: ServerSettings) -> None:
        problem = self.host.start(settings)
        if problem is not None:
            self.window.notice_bar.show_message(problem, kind="server")

    def _show_answering(self, count: int) -> None:
        self.label.setVisible(count > 0)
        self.label.setText(
            plural(
                count,
                translate("ProgramsView", "Answering a program ({n} request in progress)"),
                translate("ProgramsView", "Answering programs ({n} requests in progress)"),
            ).format(n=count)
        )

    def show_view(self) -> ProgramsView:
        if self.view is None:
            self.view = ProgramsView(self, self.window)
        self.view.refresh()
        self.view.show()
        return self.view

    def add_settings_section(self, dialog: QDialog) -> ServerSection:
        """Beside the dialog's settings (below them the dialog would outgrow a 768-pixel
        screen), above OK/Cancel."""
        section = ServerSection(load_settings(), self.host, dialog)
        layout = dialog.layout()
        assert isinstance(layout, QVBoxLayout)
        first = layout.takeAt(0)
        row = QHBoxLayout()
        if first is not None and first.layout() is not None:
            row.addLayout(first.layout(), 1)
        elif first is not None and first.widget() is not None:
            row.addWidget(first.widget(), 1)
        row.addWidget(section, 1, Qt.AlignmentFlag.AlignTop)
        layout.insertLayout(0, row)
        return section

    def apply_settings_section(self, section: ServerSection) -> None:
        new = section.result()
        save_settings(new)
        if not new.enabled:
            self.host.stop()
        elif not self.host.running or replace(self.host.settings, api_key=new.api_key) != new:
            self._start(new)  # started, or restarted with the new port, address or origins

    def shutdown(self) -> None:
        """Stop the server's answers (recorded) and the server, before the engine closes."""
        self.host.stop()
