"""Reading a document's text, page by page, with kept libraries only (never a parser of ours).

Each reader returns `Page`s (page 1, 2... for PDFs; None where the format has no pages) or raises
`Skipped` with a reason code and a plain sentence: the Documents page lists skipped files with it.
Formats: .txt/.md (charset detection for text that is not UTF-8), .pdf (pypdf), .docx
(python-docx), .odt (odfdo), .html (lxml, already there for python-docx).
"""

from __future__ import annotations

import errno
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop.core.i18n import translate

MAX_FILE_BYTES = 64 * 1024 * 1024  # a 200 MB log is not a document; its text would swamp search
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".rst", ".text")
SUFFIXES = (*TEXT_SUFFIXES, ".pdf", ".docx", ".odt", ".html", ".htm")


@dataclass(frozen=True)
class Page:
    number: int | None  # 1-based for paged formats (PDF), None otherwise
    text: str


class Skipped(Exception):
    """A file that is not indexed; `reason` is a code, str() a plain sentence."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def _skip(reason: str) -> Skipped:
    messages = {
        "unsupported": translate("Documents", "not a format Smaller reads"),
        "too_large": translate("Documents", "too large (over 64 MB)"),
        "unreadable": translate("Documents", "cannot be read (permission denied)"),
        "vanished": translate("Documents", "deleted or moved while being read"),
        "empty": translate("Documents", "empty"),
        "binary": translate("Documents", "not text (binary content)"),
        "encrypted": translate("Documents", "encrypted (password protected)"),
        "damaged": translate("Documents", "damaged or not really this format"),
        "no_text": translate("Documents", "no text: scanned image?"),
        "loop": translate("Documents", "a link that leads back to itself"),
        "reader_stopped": translate(
            "Documents", "the reader stopped on it (damaged or too big?): tried again next time"
        ),
    }
    return Skipped(reason, messages.get(reason, reason))


def skip_message(reason: str) -> str:
    """The sentence for a reason code saved in the index (shown in the user's language)."""
    return str(_skip(reason))


def _read_bytes(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except PermissionError as exc:
        raise _skip("unreadable") from exc
    except FileNotFoundError as exc:
        raise _skip("vanished") from exc
    except OSError as exc:
        raise _skip("loop" if exc.errno == errno.ELOOP else "unreadable") from exc
    if len(data) > MAX_FILE_BYTES:
        raise _skip("too_large")
    return data


def _read_text(path: Path) -> list[Page]:
    data = _read_bytes(path)
    if not data.strip():
        raise _skip("empty")
    # No text encoding but UTF-16/32 has NUL bytes, and those files start with a BOM.
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _skip("binary")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        # A sample is enough to tell the encoding, and charset_normalizer is compiled code that
        # holds the GIL (the window waits) for as long as it reads.
        best = from_bytes(data[:65_536]).best()
        if best is None:
            raise _skip("binary") from None
        text = data.decode(best.encoding, errors="replace")
    return [Page(None, text.lstrip("\ufeff"))]


class Cancelled(Exception):
    """Reading stopped because the run was cancelled; the file is left as the index had it."""


def _read_pdf(path: Path, cancel: threading.Event | None = None) -> list[Page]:
    import pypdf
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    data = _read_bytes(path)
    if not data:
        raise _skip("empty")
    try:
        import io
        import logging

        logging.getLogger("pypdf").setLevel(logging.ERROR)  # damaged files warn page by page
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:  # many PDFs are "encrypted" with an empty password only to forbid printing
                if not reader.decrypt(""):
                    raise _skip("encrypted")
            except (FileNotDecryptedError, NotImplementedError, DependencyError) as exc:
                # DependencyError: AES needs the `cryptography` package, which we do not ship
                raise _skip("encrypted") from exc
        pages = []
        for n, page in enumerate(reader.pages, 1):
            if cancel is not None and cancel.is_set():  # a long PDF: stop within a page
                raise Cancelled
            pages.append(Page(n, page.extract_text() or ""))
    except (Skipped, Cancelled):
        raise
    except (FileNotDecryptedError, DependencyError) as exc:
        raise _skip("encrypted") from exc
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        raise _skip("damaged") from exc
    if not any(p.text.strip() for p in pages):
        raise _skip("no_text")
    return pages


def _zip_document(path: Path, read: Callable[[Path], str]) -> list[Page]:
    import zipfile

    if not os.access(path, os.R_OK):
        raise _skip("unreadable")
    _read_bytes(path)  # size, permission and existence checks with the same reasons
    try:
        text = read(path)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise _skip("damaged") from exc
    except Exception as exc:  # the libraries raise their own types for malformed XML
        raise _skip("damaged") from exc
    if not text.strip():
        raise _skip("empty")
    return [Page(None, text)]


def _docx_text(path: Path) -> str:
    import docx

    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return "\n\n".join(parts)


def _odt_text(path: Path) -> str:
    from odfdo import Document

    return str(Document(str(path)).get_formatted_text())


def _read_html(path: Path) -> list[Page]:
    import lxml.etree
    import lxml.html

    data = _read_bytes(path)
    if not data.strip():
        raise _skip("empty")
    try:
        root = lxml.html.document_fromstring(data)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise _skip("damaged") from exc
    for element in root.xpath("//script|//style|//noscript|//template"):
        element.drop_tree()
    # Block elements end a paragraph; text_content() alone would glue headings to paragraphs.
    for element in root.iter("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr"):
        element.tail = "\n\n" + (element.tail or "")
    text = root.text_content()
    if not text.strip():
        raise _skip("empty")
    return [Page(None, text)]


def read_document(path: Path, cancel: threading.Event | None = None) -> list[Page]:
    """The text of `path`, page by page. Raises Skipped with the reason, Cancelled when
    `cancel` is set while a long PDF is read."""
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return _read_text(path)
    if suffix == ".pdf":
        return _read_pdf(path, cancel)
    if suffix == ".docx":
        return _zip_document(path, _docx_text)
    if suffix == ".odt":
        return _zip_document(path, _odt_text)
    if suffix in (".html", ".htm"):
        return _read_html(path)
    raise _skip("unsupported")
