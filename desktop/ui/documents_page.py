"""The Documents page: collections of the user's files, what each file's state is (indexed,
changed on disk, skipped and why), indexing progress with pause and cancel, and what indexing
cost (time, energy) and what the index takes on disk.

It displays and forwards: the index is read here (quick queries), indexing runs on
`IndexWorker`'s thread, and `DocumentsController` owns both.
"""

from __future__ import annotations

import os

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.docs.index import Collection, DocIndex, FileRow
from desktop.core.docs.indexer import IndexRun
from desktop.core.docs.readers import skip_message
from desktop.core.footprint import format_energy
from desktop.core.modelfile import human_size
from desktop.ui.numbers import show_fixed


def _size(size: int) -> str:
    return human_size(size) if size >= 0 else ""


class DocumentsPage(QDialog):
    add_folder_requested = Signal()
    add_files_requested = Signal()
    update_requested = Signal(list)  # collection names; empty: all
    remove_requested = Signal(str)
    pause_toggled = Signal(bool)
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Documents"))
        self.setObjectName("documentsPage")
        self.resize(760, 520)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Add folders or files, then choose in a chat which collections it may read. Everything stays on this computer."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        buttons = QHBoxLayout()
        self.add_folder_button = QPushButton(self.tr("Add folder…"))
        self.add_files_button = QPushButton(self.tr("Add files…"))
        self.update_button = QPushButton(self.tr("Update"))
        self.update_button.setToolTip(
            self.tr("Read new and changed files again, forget deleted ones")
        )
        self.remove_button = QPushButton(self.tr("Remove collection"))
        self.remove_button.setToolTip(
            self.tr("Forget this collection; your files stay where they are")
        )
        for button in (self.add_folder_button, self.add_files_button, self.update_button,
                       self.remove_button):  # fmt: skip
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Name"), self.tr("Size"), self.tr("State")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.setAccessibleName(self.tr("Collections and their files"))
        layout.addWidget(self.tree, 1)
        progress_row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Indexing progress"))
        self.pause_button = QPushButton(self.tr("Pause"))
        self.pause_button.setCheckable(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.pause_button)
        progress_row.addWidget(self.cancel_button)
        layout.addLayout(progress_row)
        self.progress_label = QLabel("")
        self.progress_label.setWordWrap(True)
        layout.addWidget(self.progress_label)
        self.cost_label = QLabel("")
        self.cost_label.setObjectName("indexingCost")
        self.cost_label.setWordWrap(True)
        layout.addWidget(self.cost_label)
        self.set_running(False)

        self.add_folder_button.clicked.connect(self.add_folder_requested)
        self.add_files_button.clicked.connect(self.add_files_requested)
        self.update_button.clicked.connect(
            lambda: self.update_requested.emit(self._selected_names())
        )
        self.remove_button.clicked.connect(self._remove_selected)
        self.pause_button.toggled.connect(self._on_pause)
        self.cancel_button.clicked.connect(self.cancel_requested)

    # -- what is shown -----------------------------------------------------------------------
    def _selected_collection(self) -> str | None:
        item = self.tree.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def _selected_names(self) -> list[str]:
        name = self._selected_collection()
        return [name] if name else []

    def _remove_selected(self) -> None:
        name = self._selected_collection()
        if name:
            self.remove_requested.emit(name)

    def file_state(self, row: FileRow) -> str:
        """Indexed, changed or deleted on disk since, or skipped and why."""
        if row.state == "skipped":
            return self.tr("skipped: {reason}").format(reason=skip_message(row.reason))
        if row.state == "changed":
            return self.tr("changed while being read: it is read again at the next update")
        try:
            st = os.stat(row.path)
        except OSError:
            return self.tr("deleted on disk: it is forgotten at the next update")
        if (st.st_size, st.st_mtime_ns) != (row.size, row.mtime_ns):
            return self.tr("changed on disk: it is read again at the next update")
        if row.chunks == 1:
            return self.tr("indexed (1 passage)")
        return self.tr("indexed ({n} passages)").format(n=row.chunks)

    def show_collections(self, index: DocIndex) -> None:
        selected = self._selected_collection()
        self.tree.clear()
        collections: list[Collection] = index.collections()
        for c in collections:
            top = QTreeWidgetItem([
                c.name, _size(c.size_bytes),
                self.tr("{indexed} of {files} files indexed, {skipped} skipped").format(
                    indexed=c.indexed, files=c.files, skipped=c.skipped),
            ])  # fmt: skip
            top.setData(0, Qt.ItemDataRole.UserRole, c.name)
            top.setToolTip(0, "\n".join(c.roots))
            for root in c.roots:
                if not os.path.lexists(root):
                    missing = QTreeWidgetItem(
                        [root, "", self.tr("folder not found: was it moved or removed?")]
                    )
                    top.addChild(missing)
            for row in index.files(c.id):
                child = QTreeWidgetItem(
                    [os.path.basename(row.path), _size(row.size), self.file_state(row)]
                )
                child.setToolTip(0, row.path)
                child.setToolTip(2, child.text(2))
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            if c.name == selected:
                self.tree.setCurrentItem(top)
        if not collections:
            self.tree.addTopLevelItem(
                QTreeWidgetItem([self.tr("No collections yet: add a folder or files.")])
            )
        self.update_button.setEnabled(bool(collections))
        self.remove_button.setEnabled(bool(collections))
        self.show_cost(index, collections)

    def show_cost(self, index: DocIndex, collections: list[Collection]) -> None:
        size = index.size_on_disk()
        parts = [self.tr("Index on disk: {size}.").format(size=_size(size))]
        runs = [r for c in collections if (r := index.last_run(c.id)) is not None]
        if runs:
            wall = sum(float(r["wall_s"] or 0) for r in runs)  # type: ignore[arg-type]
            energy = sum(float(r["energy_wh"] or 0) for r in runs)  # type: ignore[arg-type]
            method = {str(r["method"]) for r in runs if r["method"]}
            parts.insert(0, self.tr("Last indexing of these collections: {seconds} s, {energy} ({method}).").format(
                seconds=show_fixed(wall, 1), energy=format_energy(energy),
                method=self.tr("measured") if method == {"measured"} else self.tr("estimated")))  # fmt: skip
        self.cost_label.setText(" ".join(parts))

    # -- indexing ----------------------------------------------------------------------------
    def set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.pause_button.setVisible(running)
        self.cancel_button.setVisible(running)
        if not running:  # the label keeps what the last run did
            self.pause_button.setChecked(False)

    def show_progress(self, name: str, done: int, total: int, path: str) -> None:
        self.set_running(True)
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        self.progress_label.setText(
            self.tr("Reading {name}: {done} of {total} files. {file}").format(
                name=name, done=done, total=total, file=os.path.basename(path))
        )  # fmt: skip

    def show_run(self, run: IndexRun) -> None:
        text = self.tr("{name}: {read} files read, {skipped} skipped, {removed} forgotten, {unchanged} unchanged.").format(
            name=run.collection, read=run.files_read, skipped=run.files_skipped,
            removed=run.files_removed, unchanged=run.files_unchanged)  # fmt: skip
        if run.cancelled:
            text += " " + self.tr("Cancelled: what was read is kept.")
        self.progress_label.setText(text)

    def _on_pause(self, paused: bool) -> None:
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))
        self.pause_toggled.emit(paused)
