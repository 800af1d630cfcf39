"""Light and dark themes: one palette each, the style sheet filled from it.

The theme follows the system's colour scheme unless chosen in Settings. Every text colour is
listed with the background it is drawn on (`TEXT_PAIRS`), and a test checks each pair reaches
the WCAG AA contrast of 4.5:1.
"""

from __future__ import annotations

from string import Template

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from desktop.core.paths import resource_path

THEMES: dict[str, dict[str, str]] = {
    "light": {
        "window": "#f4f5f7", "base": "#ffffff", "text": "#1a1a1a", "muted_text": "#4a4a4a",
        "user_bg": "#eef3fb", "user_border": "#9fb3d1", "answer_bg": "#ffffff",
        "answer_border": "#b8b8b8", "status_text": "#6b4500", "warning_border": "#b8860b",
        "error_border": "#b00020", "notice_bg": "#fff4d6", "notice_text": "#3d2a00",
        "focus": "#1f5fbf", "button": "#e9ebee", "highlight": "#1f5fbf",
        "highlight_text": "#ffffff", "link": "#0b4fae", "disabled_text": "#9a9a9a",
    },
    "dark": {
        "window": "#1e1f22", "base": "#2b2d31", "text": "#ececec", "muted_text": "#b9bbbe",
        "user_bg": "#263447", "user_border": "#4a6285", "answer_bg": "#2b2d31",
        "answer_border": "#50535a", "status_text": "#f0c674", "warning_border": "#d4a017",
        "error_border": "#ff6b6b", "notice_bg": "#3d3320", "notice_text": "#fbe8b8",
        "focus": "#7fb2ff", "button": "#383a40", "highlight": "#3d6fb6",
        "highlight_text": "#ffffff", "link": "#8ab8ff", "disabled_text": "#6e7178",
    },
}  # fmt: skip

# (text colour, background colour): every pair the style sheet or palette draws. Disabled
# controls are exempt from the contrast rule (WCAG 1.4.3) and look faded on purpose.
TEXT_PAIRS = [
    ("text", "window"), ("text", "base"), ("muted_text", "base"), ("muted_text", "window"),
    ("text", "user_bg"), ("muted_text", "user_bg"), ("text", "answer_bg"),
    ("muted_text", "answer_bg"), ("status_text", "answer_bg"), ("notice_text", "notice_bg"),
    ("text", "button"), ("highlight_text", "highlight"), ("link", "base"), ("link", "answer_bg"),
]  # fmt: skip


def resolve_theme(setting: str) -> str:
    """'' follows the system's colour scheme."""
    if setting in THEMES:
        return setting
    hints = QGuiApplication.styleHints()
    return "dark" if hints.colorScheme() == Qt.ColorScheme.Dark else "light"


def style_sheet(theme: str) -> str:
    template = resource_path("styles", "app.qss.template").read_text(encoding="utf-8")
    return Template(template).substitute(THEMES[theme])


def apply_theme(app: QApplication, theme: str) -> None:
    colours = {name: QColor(value) for name, value in THEMES[theme].items()}
    palette = QPalette()
    role = QPalette.ColorRole
    for r, name in (
        (role.Window, "window"), (role.Base, "base"), (role.AlternateBase, "window"),
        (role.Text, "text"), (role.WindowText, "text"), (role.ButtonText, "text"),
        (role.Button, "button"), (role.Highlight, "highlight"),
        (role.HighlightedText, "highlight_text"), (role.Link, "link"),
        (role.PlaceholderText, "muted_text"), (role.ToolTipBase, "base"), (role.ToolTipText, "text"),
    ):  # fmt: skip
        palette.setColor(r, colours[name])
    app.setPalette(palette)
    app.setStyleSheet(style_sheet(theme))
    _recolour_links(app)


def _recolour_links(app: QApplication) -> None:
    """Rich text takes its link colour from the palette when it is parsed, so labels shown before
    a live theme switch keep the old one (dark blue on a dark window). Parse them again."""
    for widget in app.allWidgets():
        if isinstance(widget, QLabel) and "<a " in (text := widget.text()):
            widget.setText("")  # setText() ignores the same text
            widget.setText(text)
