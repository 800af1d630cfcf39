"""Cutting a document's text into passages of a few hundred characters.

A passage ends at a paragraph or sentence boundary where it can, so what the model reads (and the
user sees as a source) is whole sentences. Each passage keeps its page and its position (the
offset of its first character in that page's text) so a source can point back into the file.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from desktop.core.docs.readers import Page

TARGET_CHARS = 500  # small passages: more of them fit in a 2,048-token context
MAX_CHARS = 800  # a sentence longer than this is cut at a space
_PARAGRAPH = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+")
_SPACES = re.compile(r"[ \t\r\f\v]+")


@dataclass(frozen=True)
class Chunk:
    page: int | None
    position: int  # offset of the passage's first character in its page's text
    text: str


def _sentences(text: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    """(offset, sentence) between start and end. An iterator over matches, not str.split: a
    9 MB log without blank lines is one paragraph, and one long C call would hold the GIL (and
    freeze the window) while the indexing thread cuts it."""
    at = start
    for match in _SENTENCE_END.finditer(text, start, end):
        yield at, text[at : match.start()]
        at = match.end()
    if at < end:
        yield at, text[at:end]


def _pieces(text: str) -> Iterator[tuple[int, str]]:
    """(offset, piece): paragraphs, split into sentences, long sentences cut at spaces;
    (-1, "") marks the end of a paragraph."""
    start = 0
    for match in itertools.chain(_PARAGRAPH.finditer(text), [None]):
        end = match.start() if match else len(text)
        for at, sentence in _sentences(text, start, end):
            while len(sentence) > MAX_CHARS:
                cut = sentence.rfind(" ", TARGET_CHARS // 2, MAX_CHARS)
                cut = cut if cut > 0 else MAX_CHARS
                yield at, sentence[:cut]
                rest = sentence[cut:]
                stripped = rest.lstrip()
                at += cut + len(rest) - len(stripped)
                sentence = stripped
            if sentence.strip():
                yield at, sentence
        yield -1, ""
        start = match.end() if match else len(text)


def _clean(text: str) -> str:
    return " ".join(_SPACES.sub(" ", text).split())


def chunk_page(page: Page) -> list[Chunk]:
    chunks: list[Chunk] = []
    parts: list[str] = []
    first = 0
    size = 0

    def flush() -> None:
        nonlocal parts, size
        text = _clean(" ".join(parts))
        if text:
            chunks.append(Chunk(page.number, first, text))
        parts, size = [], 0

    for offset, piece in _pieces(page.text):
        if offset < 0:  # a paragraph ends: close the passage if it is already big enough
            if size >= TARGET_CHARS // 2:
                flush()
            continue
        if parts and size + len(piece) > TARGET_CHARS:
            flush()
        if not parts:
            first = offset
        parts.append(piece)
        size += len(piece) + 1
    flush()
    return chunks


def chunk_pages(pages: list[Page]) -> list[Chunk]:
    return [chunk for page in pages for chunk in chunk_page(page)]
