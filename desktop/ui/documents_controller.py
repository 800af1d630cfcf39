"""Glue between the window, the Documents page, the chat's documents button and the indexing
thread: adding collections, indexing them, the per-chat choice, and the ledger entry of each run.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QTimer
from PySide6.QtWidgets import QFileDialog, QInputDialog

from desktop.core.docs.grounding import DocumentsRequest
from desktop.core.docs.index import DocIndex
from desktop.core.docs.indexer import IndexRun, ledger_entry
from desktop.core.store import StoreError
from desktop.ui.documents_page import DocumentsPage
from desktop.workers.index_worker import IndexWorker

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)
SHUTDOWN_WAIT_S = 2.0
# Files changed while the app was closed are picked up soon after start (unchanged files are
# only stat-ed, not read), once the model had its turn to load.
STARTUP_UPDATE_MS = 8_000


class DocumentsController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.index: DocIndex | None = None
        try:
            self.index = DocIndex()
        except StoreError as exc:  # the chats still work; documents say why they do not
            window.notice_bar.show_message(str(exc), kind="documents")
        if self.index is not None and self.index.set_aside is not None:
            window.notice_bar.show_message(
                self.tr("The documents index was damaged: it was set aside ({path}) and a new one was started. Add your documents again on the Documents page.").format(path=self.index.set_aside),
                kind="documents",
            )  # fmt: skip
        self.worker = IndexWorker(parent=self)
        self.page: DocumentsPage | None = None
        self.button = window.documents_button
        self.button.setEnabled(self.index is not None)
        self.button.changed.connect(self._chat_choice_changed)
        self.button.manage_requested.connect(self.show_page)
        self.worker.progress.connect(self._on_progress)
        self.worker.finished.connect(self._on_finished)
        self.worker.running_changed.connect(self._on_running)
        window.chat.documents_for = self.request_for
        window.chat.conversation_changed.connect(self.refresh_button)
        self.refresh_button()
        self._closed = False
        if self.index is not None and self.names():
            QTimer.singleShot(STARTUP_UPDATE_MS, self, self._update_at_start)

    def _update_at_start(self) -> None:
        if not self._closed and not self.worker.running:
            self.worker.start(self.names())

    # -- per chat ----------------------------------------------------------------------------
    def names(self) -> list[str]:
        return [c.name for c in self.index.collections()] if self.index else []

    # The chat's choice is a setting (QSettings), not in the index: writing it never waits for
    # the indexer's transaction, and it survives an index that had to be rebuilt.
    @staticmethod
    def chat_choice(conversation_id: int) -> tuple[list[str], bool]:
        store = QSettings()
        names = store.value(f"documents/chat{conversation_id}/collections", [], type=list)
        only = store.value(f"documents/chat{conversation_id}/only", False, type=bool)
        return [str(n) for n in names or []], bool(only)

    @staticmethod
    def set_chat_choice(conversation_id: int, names: list[str], only: bool) -> None:
        store = QSettings()
        store.setValue(f"documents/chat{conversation_id}/collections", names)
        store.setValue(f"documents/chat{conversation_id}/only", only)

    def request_for(self, conversation_id: int) -> DocumentsRequest | None:
        if self.index is None:
            return None
        names, only = self.chat_choice(conversation_id)
        available = set(self.names())
        chosen = tuple(n for n in names if n in available)
        return DocumentsRequest(chosen, only) if chosen else None

    def refresh_button(self) -> None:
        cid = self.window.chat.conversation_id
        if self.index is None:
            return
        names, only = self.chat_choice(cid) if cid is not None else ([], False)
        self.button.set_state(self.names(), names, only)

    def _chat_choice_changed(self, names: list[str], only: bool) -> None:
        if self.index is None:
            return
        chat = self.window.chat
        if chat.conversation_id is None and chat.new_conversation() is None:
            return
        assert chat.conversation_id is not None
        self.set_chat_choice(chat.conversation_id, names, only)

    # -- the page ----------------------------------------------------------------------------
    def show_page(self) -> DocumentsPage:
        if self.page is None:
            self.page = DocumentsPage(self.window)
            self.page.add_folder_requested.connect(self._choose_folder)
            self.page.add_files_requested.connect(self._choose_files)
            self.page.update_requested.connect(
                lambda names: self.index_collections(names or self.names())
            )
            self.page.remove_requested.connect(self.remove)
            self.page.pause_toggled.connect(self.worker.set_paused)
            self.page.cancel_requested.connect(self.worker.cancel)
        self.refresh_page()
        self.page.set_running(self.worker.running)
        self.page.show()
        self.page.raise_()
        return self.page

    def refresh_page(self) -> None:
        if self.page is not None and self.index is not None:
            self.page.show_collections(self.index)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.page, self.tr("Add a folder of documents"))
        if folder:
            self._ask_name_and_add([Path(folder)], Path(folder).name)

    def _choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self.page, self.tr("Add documents"), "",
            self.tr("Documents (*.txt *.md *.pdf *.docx *.odt *.html *.htm);;All files (*)"),
        )  # fmt: skip
        if files:
            self._ask_name_and_add([Path(f) for f in files], Path(files[0]).parent.name)

    def _ask_name_and_add(self, paths: list[Path], suggested: str) -> None:
        name, ok = QInputDialog.getText(self.page, self.tr("Collection"),
                                        self.tr("Name of the collection:"), text=suggested)  # fmt: skip
        if ok and name.strip():
            self.add(paths, name.strip())

    def add(self, paths: list[Path], name: str) -> bool:
        """Add files or folders to a collection (new or existing) and index it."""
        if self.index is None:
            return False
        if self.worker.running:  # its writes would wait for the run's; one run at a time
            self.window.statusBar().showMessage(
                self.tr("Indexing is already running: wait for it, or cancel it."), 8000
            )
            return False
        try:
            self.index.add_collection(name, paths)
        except StoreError as exc:
            self.window.notice_bar.show_message(str(exc), kind="documents")
            return False
        self.refresh_page()
        self.refresh_button()
        return self.index_collections([name])

    def remove(self, name: str) -> None:
        if self.index is None or self.worker.running:
            return
        try:
            self.index.remove_collection(name)
        except StoreError as exc:
            self.window.notice_bar.show_message(str(exc), kind="documents")
        self.refresh_page()
        self.refresh_button()

    def index_collections(self, names: list[str]) -> bool:
        started = self.worker.start(names)
        if not started:
            self.window.statusBar().showMessage(
                self.tr("Indexing is already running: wait for it, or cancel it."), 8000
            )
        return started

    # -- the worker's reports ----------------------------------------------------------------
    def _on_progress(self, name: str, done: int, total: int, path: str) -> None:
        if self.page is not None:
            self.page.show_progress(name, done, total, path)

    def _on_finished(self, name: str, run: IndexRun | None, error: str) -> None:
        if run is None:
            self.window.notice_bar.show_message(
                error or self.tr("Indexing failed."), kind="documents"
            )
            return
        entry = ledger_entry(run)
        if entry is not None:
            try:
                self.window.store.record(entry)  # what indexing cost stays counted
            except StoreError as exc:
                self.window.notice_bar.show_message(str(exc), kind="store")
        if error:  # the reader process stopped on some files: said, and the run still shown
            self.window.notice_bar.show_message(error, kind="documents")
        if self.page is not None:
            self.page.show_run(run)
        self.refresh_page()

    def _on_running(self, running: bool) -> None:
        if self.page is not None:
            self.page.set_running(running)
            if not running:
                self.refresh_page()
        self.refresh_button()

    def shutdown(self) -> None:
        """At exit: cancel indexing and wait for its thread (bounded), then close the index."""
        self._closed = True
        self.worker.shutdown(SHUTDOWN_WAIT_S)
        if self.index is not None:
            self.index.close()
