"""The sources under an answer grounded in the user's documents: file and page, the passage on
hover (and on click, in a small window), and a link that opens the file itself."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.records import Source


class PassageDialog(QDialog):
    """One passage, in full, with a button that opens its file."""

    def __init__(self, source: Source, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self.setWindowTitle(SourcesView.label(source))
        layout = QVBoxLayout(self)
        text = QPlainTextEdit(source.passage)
        text.setReadOnly(True)
        layout.addWidget(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = buttons.addButton(self.tr("Open the file"),
                                             QDialogButtonBox.ButtonRole.ActionRole)  # fmt: skip
        self.open_button.clicked.connect(lambda: open_file(source.path))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, 320)


def open_file(path: str) -> bool:
    """Open a source's file in the program the system uses for it (a local file: no network)."""
    return bool(path) and Path(path).exists() and QDesktopServices.openUrl(QUrl.fromLocalFile(path))


class SourcesView(QFrame):
    """ "Sources: [1] report.pdf, page 3 ·  [2] notes.txt": hover shows the passage; the
    number opens the passage, the name opens the file."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("answerSources")
        self.sources: tuple[Source, ...] = ()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setSpacing(2)
        self._title = QLabel(self.tr("Sources from your documents:"))
        self._title.setObjectName("sourcesTitle")
        layout.addWidget(self._title)
        self.labels: list[QLabel] = []
        self.dialog: PassageDialog | None = None
        self.setAccessibleName(self.tr("Sources"))

    @staticmethod
    def label(source: Source) -> str:
        if source.page is None:
            return source.file
        return QCoreApplication.translate("SourcesView", "{file}, page {page}").format(
            file=source.file, page=source.page
        )

    def set_sources(self, sources: tuple[Source, ...]) -> None:
        self.sources = sources
        for label in self.labels:
            label.deleteLater()
        self.labels = []
        layout = self.layout()
        for n, source in enumerate(sources, 1):
            label = QLabel(
                f'<a href="passage:{n - 1}">[{n}]</a> '
                f'<a href="file:{n - 1}">{html.escape(self.label(source))}</a>'
            )
            label.setToolTip(f"<p>{html.escape(source.passage)}</p>")
            label.setAccessibleName(self.label(source))
            label.linkActivated.connect(self._activated)
            layout.addWidget(label)
            self.labels.append(label)
        self.setVisible(bool(sources))

    def _activated(self, link: str) -> None:
        kind, _, number = link.partition(":")
        source = self.sources[int(number)]
        if kind == "file":
            open_file(source.path)
            return
        self.dialog = PassageDialog(source, self)
        self.dialog.show()


def show_sources(message: QWidget, sources: tuple[Source, ...]) -> None:
    """The hook `MessageWidget.set_stats` calls: add (once) or update the sources of an answer,
    just above its figures."""
    view = message.findChild(SourcesView)
    if view is None:
        if not sources:
            return
        view = SourcesView(message)
        layout = message.layout()
        stats_label = getattr(message, "stats_label", None)
        at = layout.indexOf(stats_label) if stats_label is not None else -1
        layout.insertWidget(at if at >= 0 else layout.count(), view)  # type: ignore[attr-defined]
    view.set_sources(sources)
