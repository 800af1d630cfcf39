"""Small real documents of every format, written by the libraries that read them (or copied from
tests/data/documents), for the documents tests."""

from __future__ import annotations

import shutil
from pathlib import Path

DATA = Path(__file__).parent / "data" / "documents"
SPEC_PDF = DATA / "shared-mime-info-spec.pdf"


def write_docx(path: Path, paragraphs: list[str]) -> Path:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def write_odt(path: Path, paragraphs: list[str]) -> Path:
    from odfdo import Document, Paragraph

    document = Document("text")
    body = document.body
    for text in paragraphs:
        body.append(Paragraph(text))
    document.save(str(path))
    return path


def write_encrypted_pdf(path: Path) -> Path:
    import pypdf

    writer = pypdf.PdfWriter(clone_from=str(SPEC_PDF))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def write_blank_pdf(path: Path, pages: int = 2) -> Path:
    """A PDF without a text layer, as a scanner makes (pages with no text at all)."""
    import pypdf

    writer = pypdf.PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def make_corpus(folder: Path) -> Path:
    """One file of each format, each holding one distinctive fact."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "notes.txt").write_text(
        "Shopping list for the week.\n\nThe blue bicycle was repaired by Marguerite on Tuesday. "
        "She replaced the chain and both tyres.\n", encoding="utf-8")  # fmt: skip
    (folder / "recipe.md").write_text(
        "# Lemon cake\n\nPreheat the oven to 180 degrees. The cake bakes for 35 minutes.\n\n"
        "## Glaze\n\nMix icing sugar with lemon juice.\n", encoding="utf-8")  # fmt: skip
    (folder / "page.html").write_text(
        "<html><head><style>body{color:red}</style><script>var secret = 1;</script></head><body>"
        "<h1>Observatory</h1><p>The telescope on the hill has a mirror of 2.4 metres.</p>"
        "</body></html>", encoding="utf-8")  # fmt: skip
    write_docx(folder / "report.docx", ["Annual report", "The orchard produced 420 kilograms "
               "of apples this year, a record."])  # fmt: skip
    write_odt(folder / "letter.odt", ["Dear neighbour,", "The garden party is on the third "
              "Saturday of June, at the old mill."])  # fmt: skip
    shutil.copy(SPEC_PDF, folder / "spec.pdf")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    return folder
