"""The main window: chats on the left, the conversation in the middle, the message box below.

It lays out and wires. Chats are `ChatController`'s job, the model is `ModelStatus`'s and the
engine's, demo mode is `DemoMode`'s; the window forwards to them.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMainWindow,
)

from desktop.core.modelfile import ModelInfo
from desktop.core.models import ModelSettings
from desktop.core.records import AnswerResult, AnswerStats
from desktop.core.session import ModelChoice, choice_for_file
from desktop.core.store import ChatStore, StoreError
from desktop.ui import quality_views
from desktop.ui.answer_line import speed_text
from desktop.ui.chat_actions import ChatActions
from desktop.ui.chat_controller import ChatController
from desktop.ui.comparison_opener import open_comparison
from desktop.ui.demo_mode import DemoMode
from desktop.ui.documents_controller import DocumentsController
from desktop.ui.menus import build_menus
from desktop.ui.model_status import ModelStatus
from desktop.ui.programs_view import Programs
from desktop.ui.settings import AppSettings
from desktop.ui.settings_dialog import SettingsDialog
from desktop.ui.theme import apply_theme, resolve_theme
from desktop.ui.welcome import WelcomeDialog
from desktop.ui.window_layout import build_layout
from desktop.workers.engine_worker import EngineController

SHUTDOWN_WAIT_MS = 1500
RETRY_WRITE_MS = 30_000  # a chats file that could not be written is tried again this often
log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    language_changed = Signal(str)  # the app rebuilds the window in the new language

    def __init__(
        self,
        store: ChatStore,
        model: ModelChoice | Path,
        *,
        store_warning: str | None = None,
        n_threads: int | None = None,
        settings: AppSettings | None = None,
    ) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Smaller"))
        self.resize(1280, 760)
        self.store = store
        self.settings = settings or AppSettings()
        if n_threads is not None:
            self.settings.threads = n_threads
        self.engine = EngineController(self, threads=self.settings.threads or None)
        try:
            self._set_up(store, model, store_warning)
        except BaseException:
            self.engine.shutdown(SHUTDOWN_WAIT_MS)  # a half-built window leaves no thread behind
            raise

    def _set_up(
        self, store: ChatStore, model: ModelChoice | Path, store_warning: str | None
    ) -> None:
        self.engine.configure_meter(self.settings.meter())
        self.chat_actions = ChatActions(self)
        self._build()
        self.chat = ChatController(store, self.engine, self.chat_view)
        self.chat.max_tokens = self.settings.max_tokens
        self.models = ModelStatus(self)
        self.documents = DocumentsController(self)
        self.demo_mode = DemoMode(self)
        self.programs = Programs.attach(self)  # the API server for the user's own programs
        self._connect()
        if store_warning:
            self.notice_bar.show_message(store_warning, kind="store")
        self._retry_timer = QTimer(self)
        self._retry_timer.setInterval(RETRY_WRITE_MS)
        self._retry_timer.timeout.connect(self._retry_writable)
        if store.can_retry:
            self._retry_timer.start()
        conversations = self.store.list_conversations()
        self.select_conversation(conversations[0].id if conversations else None)
        if self.settings.demo_mode:
            self.set_demo_mode(True)
        self.load_model(model if isinstance(model, ModelChoice) else choice_for_file(model))

    # -- compatibility properties the rest of the window reads --------------------------------
    @property
    def model_info(self) -> ModelInfo | None:
        return self.models.info

    @property
    def model_path(self) -> Path | None:
        return self.models.choice.path if self.models.choice else None

    @property
    def models_dialog(self) -> QDialog | None:
        return self.models.dialog

    # -- layout -----------------------------------------------------------------------------------
    def _build(self) -> None:
        build_layout(self)
        build_menus(self)

    def _connect(self) -> None:
        self.prompt.send_requested.connect(self.send_current)
        self.prompt.stop_requested.connect(self.chat.stop)
        self.send_button.clicked.connect(self.send_current)
        self.stop_button.clicked.connect(self.chat.stop)
        self.system_button.clicked.connect(self.chat_actions.edit_system_prompt)
        self.instructions_line.edit_requested.connect(self.chat_actions.edit_system_prompt)
        self.chat.instructions_changed.connect(
            lambda: self.instructions_line.set_instructions(*self.chat.instructions())
        )
        self.compare_chat_button.clicked.connect(
            lambda: self.open_comparison(self.chat.chat_stats(), self.tr("this chat"))
        )
        self.conversation_list.selected.connect(self.select_conversation)
        self.conversation_list.new_requested.connect(self.new_conversation)
        self.conversation_list.rename_requested.connect(self.chat_actions.rename)
        self.conversation_list.delete_requested.connect(self.chat_actions.delete)
        self.conversation_list.search_changed.connect(lambda _t: self.refresh_conversations())
        self.engine.busy_changed.connect(self._update_input_state)
        self.chat.notice.connect(lambda text: self.notice_bar.show_message(text, kind="chat"))
        self.chat.conversations_changed.connect(self.refresh_conversations)
        self.chat.conversation_changed.connect(self._on_conversation_changed)
        self.chat.answer_finished.connect(self._on_answer_finished)
        self.chat.streaming_changed.connect(self._update_input_state)
        self.chat.streaming_changed.connect(
            lambda on: self.resource_panel.set_waiting() if on else None
        )
        self.chat.compare_requested.connect(lambda stats: self.open_comparison(stats))
        self.chat.page_shown.connect(self.demo_mode.refresh)  # the 405B line on those too
        self.demo_panel.question_chosen.connect(self.ask_in_new_chat)
        self.demo_panel.compare_chosen.connect(self.compare_question)
        self.engine.progress.connect(lambda _rid, n, t: self.resource_panel.set_streaming(n, t))

    # -- model (ModelStatus does the work) ----------------------------------------------------
    def load_model(self, model: ModelChoice | Path) -> None:
        self.models.load(model if isinstance(model, ModelChoice) else choice_for_file(model))

    def use_model(self, path: Path, model_settings: ModelSettings) -> None:
        self.models.use(path, model_settings)

    def show_models(self) -> QDialog:
        return self.models.show_page()

    def choose_model_file(self) -> None:
        self.models.choose_file()

    def show_documents(self) -> QDialog:
        return self.documents.show_page()

    # -- is a smaller model enough? (desktop/ui/quality_views.py) ------------------------------
    def show_compare_models(self) -> QDialog:
        return quality_views.show_compare_models(self)

    def compare_question(self, question: str) -> QDialog:
        return quality_views.compare_question(self, question)

    def show_drive(self) -> QDialog:
        return quality_views.show_drive(self)

    # -- conversations ----------------------------------------------------------------------------
    def refresh_conversations(self) -> None:
        search = self.conversation_list.search.text()
        try:
            conversations = self.store.list_conversations(search, in_messages=True)
        except StoreError as exc:
            self.notice_bar.show_message(str(exc), kind="store")
            return
        self.conversation_list.set_conversations(conversations, self.chat.conversation_id)

    def _on_conversation_changed(self) -> None:
        conversation = self.chat.current()
        title = conversation.title if conversation else ""
        self.title_label.setText(title or self.tr("New chat"))
        self.instructions_line.set_instructions(*self.chat.instructions())
        self.refresh_conversations()
        self.refresh_totals()
        self.demo_mode.refresh()

    def select_conversation(self, conversation_id: int | None) -> None:
        self.chat.show_conversation(conversation_id)

    def refresh_totals(self) -> None:
        cid = self.chat.conversation_id
        try:
            overall = self.store.footprint_totals()
            chat = self.store.footprint_totals(cid) if cid is not None else None
        except StoreError as exc:
            self.notice_bar.show_message(str(exc), kind="store")
            return
        self.resource_panel.set_totals(chat, overall)

    def new_conversation(self) -> None:
        if self.chat.new_conversation() is not None:
            self.prompt.setFocus()

    def rename_conversation(self, conversation_id: int, title: str) -> None:
        self.chat.rename(conversation_id, title)

    def delete_conversation(self, conversation_id: int) -> None:
        self.chat.delete(conversation_id)

    def set_system_prompt(self, text: str) -> None:
        self.chat.set_system_prompt(text)

    def _retry_writable(self) -> None:
        if self.store.retry_writable():
            self._retry_timer.stop()
            self.notice_bar.clear_if_kind("store")
            self.statusBar().showMessage(self.tr("Your chats are being saved again."), 8000)

    # -- sending ----------------------------------------------------------------------------------
    def send_current(self) -> None:
        """Send the message. While the model loads it waits in line and is answered once the
        model is ready; only when no model could be loaded is it refused."""
        if self.models.state == "failed":
            self.notice_bar.show_message(
                self.tr("No model is loaded: choose one in File › Models… first."), kind="model"
            )
            return
        if self.chat.send(self.prompt.toPlainText()):
            self.prompt.clear()

    def _update_input_state(self, *_args: object) -> None:
        self.send_button.setEnabled(not self.chat.streaming and self.models.state != "failed")
        self.stop_button.setEnabled(self.chat.streaming)

    def _on_answer_finished(self, result: AnswerResult) -> None:
        self.speed_label.setText(
            self.tr("Last answer: {figures}").format(figures=speed_text(result))
        )
        self.resource_panel.clear_streaming()
        self.refresh_totals()
        self.demo_mode.add_answer(result.stats())

    # -- comparison -------------------------------------------------------------------------------
    def open_comparison(self, answers: list[AnswerStats], scope: str = "") -> None:
        """Open the 405B comparison for saved answers (one, or a whole chat)."""
        view = open_comparison(self, answers, scope)
        if view is not None:
            self.comparison_view = view

    # -- settings ---------------------------------------------------------------------------------
    def set_panel_visible(self, visible: bool) -> None:
        self.panel_scroll.setVisible(visible)
        self.panel_action.setChecked(visible)
        if self.settings.panel_visible != visible:
            self.settings.panel_visible = visible
            self.settings.save()

    def apply_settings(self, new: AppSettings, model_settings: ModelSettings | None = None) -> None:
        """Use new settings. A new thread count applies after the answer being written, and the
        model keeps its own settings when it reloads."""
        old, self.settings = self.settings, new
        new.save()
        self.chat.max_tokens = new.max_tokens
        self.engine.configure_meter(new.meter())
        self.resource_panel.set_interval(new.sample_interval_s)
        self.set_panel_visible(new.panel_visible)
        if old.theme != new.theme:
            app = QApplication.instance()
            if isinstance(app, QApplication):
                apply_theme(app, resolve_theme(new.theme))
        if old.language != new.language:
            self.language_changed.emit(new.language)
            return
        if model_settings is not None:
            self.models.save_own_settings(model_settings)
        if old.threads != new.threads:
            self.engine.set_threads(new.threads or None)

    def open_settings(self) -> None:
        own = self.models.choice.settings if self.models.choice else None
        dialog = SettingsDialog(self.settings, own, self)
        server_section = self.programs.add_settings_section(dialog)
        if dialog.exec():
            self.programs.apply_settings_section(server_section)
            self.apply_settings(dialog.result_settings(), dialog.result_model_settings())

    def show_dialog(self, dialog: QDialog) -> None:
        self._dialog = dialog  # keep it referenced while it is open
        dialog.show()

    def ask_in_new_chat(self, question: str) -> None:
        """A ready question starts its own chat, so a demo's examples never pile into one."""
        if self.chat.streaming:
            self.notice_bar.show_message(
                self.tr("Wait for this answer, or press Stop, before asking the next question."),
                kind="busy",
            )
            return
        self.new_conversation()
        self.ask(question)

    def ask(self, question: str) -> None:
        """Put a ready question in the box and send it (answered once the model is ready)."""
        self.prompt.setPlainText(question)
        self.send_current()

    # -- welcome and demo mode ----------------------------------------------------------------
    def show_welcome(self) -> WelcomeDialog:
        name = self.models.choice.name if self.models.choice else ""
        welcome = WelcomeDialog(name, self)
        welcome.question_chosen.connect(self.ask)
        welcome.finished.connect(lambda _result: self.prompt.setFocus())
        self.show_dialog(welcome)
        return welcome

    def set_full_screen(self, on: bool) -> None:
        """For a projector: the whole screen, no window frame (F11; F11 again to leave)."""
        if on:
            self.showFullScreen()
        else:
            self.showNormal()

    def set_demo_mode(self, on: bool) -> None:
        self.demo_mode.set(on)

    # -- closing ----------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        """Stop the answer, close the model on its own thread (bounded wait), keep the partial
        answer with its cost, marked as cut off, then close the database."""
        self.chat.begin_closing()
        self.programs.shutdown()  # programs' answers stopped and counted before the engine ends
        self.documents.shutdown()
        self.models.shutdown(SHUTDOWN_WAIT_MS)
        self.engine.shutdown(SHUTDOWN_WAIT_MS)
        self.chat.save_interrupted()
        self._retry_timer.stop()
        self.store.close()
        log.info("window closed")
        event.accept()
