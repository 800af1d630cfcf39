"""Icons beside the words of the main buttons, from Qt's own style (no icon files to ship): a
picture helps people scan, the word stays for those who need it, and screen readers keep the
button's name."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QPushButton, QStyle

_SP = QStyle.StandardPixmap
ICONS = {
    "new": _SP.SP_FileIcon,
    "rename": _SP.SP_FileDialogDetailedView,
    "delete": _SP.SP_TrashIcon,
    "send": _SP.SP_ArrowForward,
    "stop": _SP.SP_MediaStop,
    "copy": _SP.SP_DialogSaveButton,
    "regenerate": _SP.SP_BrowserReload,
}


def with_icon(button: QPushButton, name: str) -> QPushButton:
    style = QApplication.style()
    if style is not None:
        button.setIcon(style.standardIcon(ICONS[name]))
    return button
