"""Checks that a window can be used with a keyboard and a screen reader, and read by everyone.

Used by the tests (every dialog, the main window, both themes) and by the window itself. The rules
follow what a screen reader actually announces: a control's accessible name, else its own text
(a button's label) or the QLabel whose buddy it is. A line edit's placeholder is not a name: it
disappears as soon as the user types, and several screen readers never read it.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

# What a user operates. Scroll bars and sliders are left out on purpose: every scroll area has
# two unnamed ones and screen readers announce them from their role. QTextEdit covers
# QTextBrowser, QAbstractButton covers push, tool, check and radio buttons.
INTERACTIVE_TYPES: tuple[type[QWidget], ...] = (
    QAbstractButton,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
)

# Widgets whose children are their own internal parts (a spin box's line edit, a combo box's
# popup list, a line edit's clear button): the outer widget carries the name.
_COMPOSITE_TYPES: tuple[type[QWidget], ...] = (QAbstractSpinBox, QComboBox, QLineEdit)

# WCAG 2.x: the minimum contrast of normal text (level AA).
MIN_TEXT_CONTRAST = 4.5


def _strip_mnemonic(text: str) -> str:
    """'&Next' -> 'Next'; '&&' stays a literal ampersand."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def _is_internal_part(widget: QWidget, root: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not root.parentWidget():
        if isinstance(parent, _COMPOSITE_TYPES):
            return True
        parent = parent.parentWidget()
    return False


def _shown_and_enabled(widget: QWidget, root: QWidget) -> bool:
    # isVisibleTo(root), not isVisible(): the check must also work on a window not shown yet,
    # while still skipping what is hidden (another page of a stacked widget, a closed popup).
    visible = widget is root or widget.isVisibleTo(root)
    return visible and widget.isEnabled()


def interactive_widgets(root: QWidget) -> list[QWidget]:
    """The controls under `root` (and `root` itself) a user can operate right now."""
    candidates = [root, *root.findChildren(QWidget)]
    return [
        w
        for w in candidates
        if isinstance(w, INTERACTIVE_TYPES)
        and _shown_and_enabled(w, root)
        and not _is_internal_part(w, root)
    ]


def _buddy_names(root: QWidget) -> dict[int, str]:
    """Controls named by a QLabel buddy (QFormLayout.addRow("Label:", field) sets one); screen
    readers announce the label's text as the control's name."""
    window = root.window()
    names: dict[int, str] = {}
    for label in window.findChildren(QLabel):
        buddy = label.buddy()
        text = _strip_mnemonic(label.text())
        if buddy is not None and text:
            names[id(buddy)] = text
    return names


def accessible_name(widget: QWidget, buddies: dict[int, str] | None = None) -> str:
    """The name a screen reader would announce for `widget`, or '' when it has none."""
    name = widget.accessibleName().strip()
    if name:
        return name
    if isinstance(widget, QAbstractButton):
        text = _strip_mnemonic(widget.text())
        if text:
            return text
    if buddies is None:
        buddies = _buddy_names(widget)
    return buddies.get(id(widget), "")


def missing_accessible_names(root: QWidget) -> list[QWidget]:
    """Interactive, visible, enabled controls under `root` that a screen reader cannot name."""
    buddies = _buddy_names(root)
    return [w for w in interactive_widgets(root) if not accessible_name(w, buddies)]


def _tab_focusable(widget: QWidget) -> bool:
    return bool(widget.focusPolicy().value & Qt.FocusPolicy.TabFocus.value)


def focus_chain(root: QWidget) -> list[QWidget]:
    """The widgets under `root` that Tab visits, in Tab order.

    Walks nextInFocusChain() from `root` until it comes back (the chain is a ring over the whole
    window), keeping visible, enabled descendants of `root` that accept focus by Tab.
    """
    chain: list[QWidget] = []
    seen: set[int] = set()
    widget = root.nextInFocusChain()
    while widget is not None and widget is not root and id(widget) not in seen:
        seen.add(id(widget))
        inside = root.isAncestorOf(widget)
        if inside and _tab_focusable(widget) and _shown_and_enabled(widget, root):
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def tab_order_reaches(root: QWidget, widgets: Iterable[QWidget]) -> bool:
    """True when every widget of `widgets` is visited by Tab from `root`."""
    reached = {id(w) for w in focus_chain(root)}
    return all(id(w) in reached for w in widgets)


def unreachable_by_tab(root: QWidget) -> list[QWidget]:
    """Interactive controls under `root` that Tab never reaches (keyboard users cannot use them)."""
    reached = {id(w) for w in focus_chain(root)}
    return [w for w in interactive_widgets(root) if w is not root and id(w) not in reached]


def _linear(channel: float) -> float:
    """An sRGB channel (0..1) to linear light, as WCAG 2.x defines it."""
    if channel <= 0.04045:  # WCAG 2.0 printed 0.03928; both give the same result on 8-bit values
        return channel / 12.92
    return ((channel + 0.055) / 1.055) ** 2.4


def relative_luminance(color: QColor) -> float:
    rgb = color.toRgb()
    r, g, b = (_linear(c) for c in (rgb.redF(), rgb.greenF(), rgb.blueF()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(fg: QColor, bg: QColor) -> float:
    """WCAG 2.x contrast ratio, from 1 (same colour) to 21 (black on white). Alpha is ignored:
    blend a translucent colour onto its background before calling."""
    lighter, darker = sorted((relative_luminance(fg), relative_luminance(bg)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
