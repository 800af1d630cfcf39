"""Code blocks in answers: in a frame, in a monospace font, each with its own "Copy code" link.

Qt's Markdown import shows a fenced block as plain paragraphs in a fixed font, with nothing
around it and no way to copy just the code. So an answer with fences is cut into prose and code:
the prose goes through Qt's Markdown import as before, each code block becomes a one-cell table
with a border (Qt's rich text draws borders on tables only) and a `copy-code:N` link that the
view handles itself. An unclosed fence (an answer still being written) runs to the end.
"""

from __future__ import annotations

import contextlib
import html
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QTextDocument
from PySide6.QtWidgets import QTextBrowser

from desktop.ui.message_actions import COPIED_MS

translate = QCoreApplication.translate

COPY_SCHEME = "copy-code"


@dataclass(frozen=True)
class Part:
    code: bool
    text: str  # Markdown for prose, the exact code for a block
    language: str = ""


def _fence(line: str) -> str:
    """The fence a line opens ("```" or "~~~" and longer), or ""."""
    stripped = line[: len(line) - len(line.lstrip(" "))]
    if len(stripped) > 3:
        return ""
    body = line.lstrip(" ")
    for char in "`~":
        if body.startswith(char * 3):
            return char * (len(body) - len(body.lstrip(char)))
    return ""


def split_code(text: str) -> list[Part]:
    """Prose and fenced code blocks, in order."""
    parts: list[Part] = []
    prose: list[str] = []
    code: list[str] | None = None
    fence, language = "", ""
    for line in text.split("\n"):
        if code is None:
            opened = _fence(line)
            if opened:
                if prose:
                    parts.append(Part(False, "\n".join(prose)))
                    prose = []
                code, fence = [], opened
                language = line.strip()[len(opened) :].strip()
            else:
                prose.append(line)
        elif line.strip().startswith(fence) and not line.strip().strip(fence[0]):
            parts.append(Part(True, "\n".join(code), language))
            code = None
        else:
            code.append(line)
    if code is not None:
        parts.append(Part(True, "\n".join(code), language))
    if prose and "\n".join(prose).strip():
        parts.append(Part(False, "\n".join(prose)))
    return parts


def has_code(text: str) -> bool:
    return any(part.code for part in split_code(text))


def _markdown_html(markdown: str) -> str:
    document = QTextDocument()
    document.setMarkdown(markdown)
    page = document.toHtml()
    start = page.find(">", page.find("<body")) + 1
    end = page.rfind("</body>")
    return page[start:end] if start > 0 and end > start else html.escape(markdown)


def code_html(text: str, copied: int = -1) -> tuple[str, list[str]]:
    """The answer as HTML with framed code blocks, and the code of each block (for its link);
    block number `copied` says "Copied" instead of "Copy code"."""
    pieces: list[str] = []
    codes: list[str] = []
    for part in split_code(text):
        if not part.code:
            pieces.append(_markdown_html(part.text))
            continue
        index = len(codes)
        codes.append(part.text)
        link = (
            translate("MessageWidget", "Copied")
            if index == copied
            else translate("MessageWidget", "Copy code")
        )
        label = html.escape(part.language)
        pieces.append(
            '<table width="100%" border="1" cellspacing="0" cellpadding="6"'
            ' style="border-style: solid; border-color: #8a8f98; margin-top: 4px;'
            ' margin-bottom: 4px;"><tr><td>'
            f'<pre style="font-family: monospace;">{html.escape(part.text)}</pre>'
            f'</td></tr><tr><td align="right">{label}&nbsp;&nbsp;'
            f'<a href="{COPY_SCHEME}:{index}">{html.escape(link)}</a></td></tr></table>'
        )
    return "".join(pieces), codes


class AnswerText(QObject):
    """Shows an answer's Markdown in `view`, framing its code blocks, and handles the view's
    links: "Copy code" puts exactly that block's code on the clipboard; other links open in the
    browser (a click is the user's choice to go online)."""

    def __init__(self, view: QTextBrowser) -> None:
        super().__init__(view)
        self.view = view
        self.codes: list[str] = []
        self._text = ""
        self._copied = -1
        view.setOpenLinks(False)
        view.anchorClicked.connect(self._clicked)

    def show(self, text: str) -> None:
        self._text = text
        if has_code(text):
            page, self.codes = code_html(text, self._copied)
            self.view.setHtml(page)
        else:
            self.codes = []
            self.view.setMarkdown(text)

    def copy_code(self, index: int) -> None:
        if not 0 <= index < len(self.codes):
            return
        QGuiApplication.clipboard().setText(self.codes[index])
        self._copied = index
        self.show(self._text)  # the link says "Copied" for a moment
        QTimer.singleShot(COPIED_MS, self, self._uncopied)

    def _uncopied(self) -> None:
        self._copied = -1
        self.show(self._text)

    def _clicked(self, url: QUrl) -> None:
        if url.scheme() == COPY_SCHEME:
            with contextlib.suppress(ValueError):
                self.copy_code(int(url.path()))
        elif url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
