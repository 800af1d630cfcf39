"""The main window: chats on the left, the conversation in the middle, the message box below."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.core.compare import training_card
from desktop.core.measured import compare_saved
from desktop.core.modelfile import ModelInfo
from desktop.core.models import ModelSettings
from desktop.core.paths import cache_dir
from desktop.core.store import ChatStore, StoreError
from desktop.ui.answer_line import speed_text
from desktop.ui.chat_controller import ChatController
from desktop.ui.chat_view import ChatView
from desktop.ui.comparison_view import ComparisonView
from desktop.ui.conversation_dialogs import ask_new_title, ask_system_prompt, confirm_delete
from desktop.ui.conversation_list import ConversationList
from desktop.ui.demo_mode import DemoMode
from desktop.ui.demo_panel import DemoPanel
from desktop.ui.menus import build_menus
from desktop.ui.models_page import ModelsDialog
from desktop.ui.notice_bar import NoticeBar
from desktop.ui.prompt_edit import PromptEdit
from desktop.ui.resource_panel import ResourcePanel
from desktop.ui.settings import AppSettings
from desktop.ui.settings_dialog import SettingsDialog
from desktop.ui.theme import apply_theme, resolve_theme
from desktop.ui.welcome import WelcomeDialog
from desktop.workers.engine_worker import EngineController, LoadRequest, MeterSettings

SHUTDOWN_WAIT_MS = 1500


class MainWindow(QMainWindow):
    language_changed = Signal(str)  # the app rebuilds the window in the new language

    def __init__(
        self,
        store: ChatStore,
        model_path: Path,
        *,
        store_warning: str | None = None,
        n_threads: int | None = None,
        settings: AppSettings | None = None,
        model_settings: ModelSettings | None = None,
    ) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Smaller"))
        self.resize(1280, 760)
        self.store = store
        self.model_path = model_path
        self.settings = settings or AppSettings()
        if n_threads is not None:
            self.settings.threads = n_threads
        self.model_info: ModelInfo | None = None
        self._pending_question = ""  # asked before the model was ready (from the welcome)
        self.models_dialog: ModelsDialog | None = None
        self.engine = EngineController(self)
        self.engine.configure_meter(self._meter_settings())
        self._build()
        self.chat = ChatController(store, self.engine, self.chat_view)
        self.chat.n_ctx = self.settings.context_tokens
        self.chat.settings = self.settings.sampling()
        self._connect()
        if store_warning:
            self.notice_bar.show_message(store_warning)
        self.refresh_conversations()
        conversations = self.store.list_conversations()
        self.select_conversation(conversations[0].id if conversations else None)
        self.demo_mode = DemoMode(self)
        if self.settings.demo_mode:
            self.set_demo_mode(True)
        self.load_model(model_path, model_settings)

    # -- layout -----------------------------------------------------------------------------------
    def _build(self) -> None:
        self.conversation_list = ConversationList()
        self.chat_view = ChatView()
        self.prompt = PromptEdit()
        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.setToolTip(self.tr("Send the message (Enter)"))
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop the answer (Esc)"))
        self.stop_button.setEnabled(False)
        self.system_button = QPushButton(self.tr("System prompt…"))
        self.system_button.setToolTip(
            self.tr(
                "Standing instructions for this chat, for example “Answer in French” or “Be brief”"
            )
        )
        self.notice_bar = NoticeBar()
        self.title_label = QLabel("")
        self.title_label.setObjectName("chatTitle")

        top = QHBoxLayout()
        top.addWidget(self.title_label, 1)
        self.compare_chat_button = QPushButton(self.tr("Compare this chat with 405B"))
        self.compare_chat_button.setToolTip(
            self.tr(
                "All the answers of this chat, beside the same on Llama 3.1 405B in a datacenter"
            )
        )
        top.addWidget(self.compare_chat_button)
        top.addWidget(self.system_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.prompt, 1)
        buttons = QVBoxLayout()
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.stop_button)
        buttons.addStretch(1)
        bottom.addLayout(buttons)
        center = QWidget()
        column = QVBoxLayout(center)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.notice_bar)
        column.addLayout(top)
        column.addWidget(self.chat_view, 1)
        column.addLayout(bottom)
        self.resource_panel = ResourcePanel(interval_s=self.settings.sample_interval_s)
        self.resource_panel.setVisible(self.settings.panel_visible)
        self.demo_panel = DemoPanel()
        self.demo_panel.hide()
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self.conversation_list)
        left_column.addWidget(self.demo_panel)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(center)
        splitter.addWidget(self.resource_panel)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([230, 720, 330])
        self.setCentralWidget(splitter)

        self.model_label = QLabel(self.tr("Loading the model…"))
        self.speed_label = QLabel("")
        self.speed_label.setToolTip(
            self.tr(
                "How fast the last answer was written. A token is a piece of a word: "
                "100 tokens are about 75 English words."
            )
        )
        self.load_progress = QProgressBar()  # busy indicator while a model loads
        self.load_progress.setRange(0, 0)
        self.load_progress.setMaximumWidth(120)
        self.load_progress.setAccessibleName(self.tr("Loading the model"))
        self.load_progress.hide()
        self.statusBar().addPermanentWidget(self.load_progress)
        self.statusBar().addPermanentWidget(self.model_label)
        self.statusBar().addPermanentWidget(self.speed_label)
        build_menus(self)

    def _connect(self) -> None:
        self.prompt.send_requested.connect(self.send_current)
        self.prompt.stop_requested.connect(self.chat.stop)
        self.send_button.clicked.connect(self.send_current)
        self.stop_button.clicked.connect(self.chat.stop)
        self.system_button.clicked.connect(self._edit_system_prompt)
        self.compare_chat_button.clicked.connect(
            lambda: self.open_comparison(self.chat.chat_stats(), self.tr("this chat"))
        )
        self.conversation_list.selected.connect(self.select_conversation)
        self.conversation_list.new_requested.connect(self.new_conversation)
        self.conversation_list.rename_requested.connect(self._rename_dialog)
        self.conversation_list.delete_requested.connect(self._delete_dialog)
        self.conversation_list.search_changed.connect(lambda _t: self.refresh_conversations())
        self.engine.model_loaded.connect(self._on_model_loaded)
        self.engine.model_failed.connect(self._on_model_failed)
        self.engine.busy_changed.connect(self._on_busy)
        self.chat.notice.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.chat.conversations_changed.connect(self.refresh_conversations)
        self.chat.answer_finished.connect(self._on_answer_finished)
        self.chat.streaming_changed.connect(self._on_busy)
        self.chat.compare_requested.connect(lambda stats: self.open_comparison(stats))
        self.demo_panel.question_chosen.connect(self.ask)
        self.engine.progress.connect(lambda _rid, n, t: self.resource_panel.set_streaming(n, t))

    # -- model ------------------------------------------------------------------------------------
    def load_model(self, path: Path, model_settings: ModelSettings | None = None) -> None:
        """Load a model on the worker thread (the old one is closed there, between answers).
        A model's own settings (prompt format, memory, threads, creativity) apply when given."""
        self.model_path = path
        self.model_info = None
        self.model_label.setText(self.tr("Loading {name}…").format(name=path.name))
        self.load_progress.show()
        self._update_input_state()
        n_ctx, threads, chat_format = self.settings.context_tokens, self.settings.n_threads(), None
        if model_settings is not None:
            n_ctx = model_settings.context_length
            threads = model_settings.threads or threads
            chat_format = model_settings.chat_format()
            self.chat.settings.temperature = model_settings.temperature
            self.chat.default_system_prompt = model_settings.system_prompt
        self.chat.n_ctx = n_ctx
        self.engine.load(
            LoadRequest(path, n_ctx=n_ctx, n_threads=threads, chat_format=chat_format,
                        cache_dir=cache_dir())
        )  # fmt: skip

    def show_models(self) -> ModelsDialog:
        """The Models page. One instance, so a download goes on while the page is closed."""
        if self.models_dialog is None:
            self.models_dialog = ModelsDialog(self)
            self.models_dialog.model_chosen.connect(self.use_model)
            self.models_dialog.settings_saved.connect(
                lambda path, s: self.use_model(path, s) if path == self.model_path else None
            )
        self.models_dialog.show()
        self.models_dialog.raise_()
        self.models_dialog.activateWindow()
        return self.models_dialog

    def use_model(self, path: Path, model_settings: ModelSettings) -> None:
        if self.engine.busy or self.chat.streaming:
            # The old model is closed only after its answer finishes or is stopped.
            self.statusBar().showMessage(
                self.tr(
                    "Wait for the answer to finish, or press Stop, then choose the model again."
                ),
                8000,
            )
            return
        self.load_model(path, model_settings)

    def choose_model_file(self) -> None:
        if self.engine.busy:
            self.statusBar().showMessage(
                self.tr("Wait for the answer to finish, or press Stop."), 8000
            )
            return
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a model file"),
            str(self.model_path.parent),
            self.tr("Model files (*.gguf)"),
        )
        if path:
            self.load_model(Path(path))

    def _on_model_loaded(self, info: ModelInfo) -> None:
        self.model_info = info
        self.load_progress.hide()
        self.resource_panel.set_model_size(info.size_bytes)
        self.chat.model_name = self.model_path.stem
        self.model_label.setText(self.tr("Model: {name}").format(name=self.chat.model_name))
        self.notice_bar.clear_if_kind("model")
        self._update_input_state()
        self.prompt.setFocus()
        if self._pending_question:
            question, self._pending_question = self._pending_question, ""
            self.ask(question)

    def _on_model_failed(self, message: str, detail: str) -> None:
        self.model_label.setText(self.tr("No model loaded"))
        self.load_progress.hide()
        self.notice_bar.show_message(
            message + " " + self.tr("Use File › Open model file… to choose another."), kind="model",
            detail=detail,
        )  # fmt: skip
        self._update_input_state()

    # -- conversations ----------------------------------------------------------------------------
    def refresh_conversations(self) -> None:
        search = self.conversation_list.search.text()
        self.conversation_list.set_conversations(
            self.store.list_conversations(search), self.chat.conversation_id
        )
        cid = self.chat.conversation_id
        conversation = self.store.get_conversation(cid) if cid is not None else None
        self.title_label.setText(conversation.title if conversation else self.tr("New chat"))

    def select_conversation(self, conversation_id: int | None) -> None:
        self.chat.show_conversation(conversation_id)
        self.refresh_conversations()
        self.refresh_totals()
        if self.settings.demo_mode:
            self.demo_mode.refresh()

    def refresh_totals(self) -> None:
        cid = self.chat.conversation_id
        try:
            chat = self.store.footprint_totals(cid) if cid is not None else (0.0, 0.0, 0)
            self.resource_panel.set_totals(chat, self.store.footprint_totals())
        except StoreError as exc:
            self.statusBar().showMessage(str(exc), 8000)

    def new_conversation(self) -> None:
        try:
            conversation = self.store.create_conversation(
                system_prompt=self.chat.default_system_prompt
            )
        except StoreError as exc:
            self.notice_bar.show_message(str(exc))
            return
        self.select_conversation(conversation.id)
        self.prompt.setFocus()

    def rename_conversation(self, conversation_id: int, title: str) -> None:
        title = " ".join(title.split())
        if not title:
            return
        try:
            self.store.rename_conversation(conversation_id, title)
        except StoreError as exc:
            self.notice_bar.show_message(str(exc))
        self.select_conversation(self.chat.conversation_id)

    def delete_conversation(self, conversation_id: int) -> None:
        if self.chat.streaming and conversation_id == self.chat.conversation_id:
            self.statusBar().showMessage(
                self.tr("Stop the answer before deleting this chat."), 8000
            )
            return
        try:
            self.store.delete_conversation(conversation_id)
        except StoreError as exc:
            self.notice_bar.show_message(str(exc))
            return
        if conversation_id == self.chat.conversation_id:
            remaining = self.store.list_conversations()
            self.select_conversation(remaining[0].id if remaining else None)
        else:
            self.refresh_conversations()

    def set_system_prompt(self, text: str) -> None:
        if self.chat.conversation_id is None:
            self.chat.conversation_id = self.store.create_conversation().id
        self.store.set_system_prompt(self.chat.conversation_id, text.strip())
        self.select_conversation(self.chat.conversation_id)

    def rename_current(self) -> None:
        if self.chat.conversation_id is not None:
            self._rename_dialog(self.chat.conversation_id)

    def _rename_dialog(self, conversation_id: int) -> None:
        conversation = self.store.get_conversation(conversation_id)
        title = ask_new_title(self, conversation.title) if conversation else None
        if title is not None:
            self.rename_conversation(conversation_id, title)

    def _delete_dialog(self, conversation_id: int) -> None:
        conversation = self.store.get_conversation(conversation_id)
        if conversation is not None and confirm_delete(self, conversation.title):
            self.delete_conversation(conversation_id)

    def _edit_system_prompt(self) -> None:
        cid = self.chat.conversation_id
        conversation = self.store.get_conversation(cid) if cid is not None else None
        text = ask_system_prompt(self, conversation.system_prompt if conversation else "")
        if text is not None:
            self.set_system_prompt(text)

    # -- sending ----------------------------------------------------------------------------------
    def send_current(self) -> None:
        if self.model_info is None:
            self.statusBar().showMessage(self.tr("The model is not ready yet."), 8000)
            return
        if self.chat.send(self.prompt.toPlainText()):
            self.prompt.clear()

    def _on_busy(self, busy: bool) -> None:
        self._update_input_state()

    def _update_input_state(self) -> None:
        ready = self.model_info is not None
        busy = self.engine.busy
        self.send_button.setEnabled(ready and not busy)
        self.stop_button.setEnabled(busy and self.chat.streaming)

    def _on_answer_finished(self, result: object) -> None:
        stats = result.to_json()  # type: ignore[attr-defined]
        self.speed_label.setText(
            self.tr("Last answer: {figures}").format(figures=speed_text(stats))
        )
        self.resource_panel.clear_streaming()
        self.refresh_totals()
        self.demo_mode.add_answer(stats)

    # -- comparison -------------------------------------------------------------------------------
    def open_comparison(self, answers: list[dict], scope: str = "") -> None:
        """Open the 405B comparison for saved answers (one, or a whole chat)."""
        scope = scope or self.tr("this answer")
        size = self.model_info.size_bytes if self.model_info else None
        comparison = compare_saved(answers, size, self.chat.model_name)
        if comparison is None:
            self.statusBar().showMessage(
                self.tr("No measured answer to compare yet: ask something."), 8000
            )
            return
        self.comparison_view = ComparisonView(
            comparison.to_json(), explanation=comparison.explanation,
            why_range=comparison.why_range, sources=list(comparison.sources),
            training=training_card().to_json(), model_name=self.chat.model_name, scope=scope,
            app_rss_mb=max((float((a.get("resources") or {}).get("peak_rss_mb") or 0)
                            for a in answers), default=None),
            parent=self,
        )  # fmt: skip
        self.comparison_view.show()

    # -- settings ---------------------------------------------------------------------------------
    def _meter_settings(self) -> MeterSettings:
        return MeterSettings(self.settings.zone(), self.settings.cpu_watts or None)

    def set_panel_visible(self, visible: bool) -> None:
        self.resource_panel.setVisible(visible)
        self.panel_action.setChecked(visible)
        if self.settings.panel_visible != visible:
            self.settings.panel_visible = visible
            self.settings.save()

    def apply_settings(self, new: AppSettings) -> None:
        """Use new settings; the model is reloaded only when its threads or memory changed."""
        old, self.settings = self.settings, new
        new.save()
        self.chat.settings = new.sampling()
        self.chat.n_ctx = new.context_tokens
        self.engine.configure_meter(self._meter_settings())
        self.resource_panel.set_interval(new.sample_interval_s)
        self.set_panel_visible(new.panel_visible)
        if old.theme != new.theme:
            app = QApplication.instance()
            if isinstance(app, QApplication):
                apply_theme(app, resolve_theme(new.theme))
        if old.language != new.language:
            self.language_changed.emit(new.language)
            return
        reload = (old.n_threads(), old.context_tokens) != (new.n_threads(), new.context_tokens)
        if reload and not self.engine.busy:
            self.load_model(self.model_path)

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self)
        if dialog.exec():
            self.apply_settings(dialog.result_settings())

    def show_dialog(self, dialog: QDialog) -> None:
        self._dialog = dialog  # keep it referenced while it is open
        dialog.show()

    def ask(self, question: str) -> None:
        """Put a ready question in the box and send it (or send it once the model is ready)."""
        self.prompt.setPlainText(question)
        if self.model_info is None:
            self._pending_question = question
            return
        self.send_current()

    # -- welcome and demo mode ----------------------------------------------------------------
    def show_welcome(self) -> WelcomeDialog:
        welcome = WelcomeDialog(self.model_path.stem, self)
        welcome.question_chosen.connect(self.ask)
        welcome.finished.connect(lambda _result: self.prompt.setFocus())
        self.show_dialog(welcome)
        return welcome

    def set_demo_mode(self, on: bool) -> None:
        self.demo_mode.set(on)

    # -- closing ----------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        """Stop the answer, close the model on its own thread (bounded wait), keep the partial
        answer marked as stopped, then close the database."""
        if self.models_dialog is not None:
            self.models_dialog.shutdown(SHUTDOWN_WAIT_MS)
        self.engine.shutdown(SHUTDOWN_WAIT_MS)
        self.chat.save_interrupted()
        self.store.close()
        event.accept()
