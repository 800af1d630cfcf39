"""The model in use: a bad file never unloads it, settings and thread changes keep its own
settings, removing it switches first, and the command line uses the same model."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.app import open_chats
from desktop.core.engine import SamplingSettings
from desktop.core.models import ModelSettings, import_model, save_settings, set_active_model
from desktop.core.models.installed import find_installed, models_dir
from desktop.core.paths import DEFAULT_MODEL_FILE
from desktop.core.session import ModelChoice, active_choice, choice_for_file
from desktop.ui.main_window import MainWindow
from tests import gguf_factory
from tests.gui_helpers import wait_answer, wait_loaded

pytestmark = pytest.mark.model
ROOT = Path(__file__).resolve().parents[1]
CHATML = "<|im_start|>user\n%1<|im_end|>\n<|im_start|>assistant\n%2<|im_end|>\n"
OWN = ModelSettings(
    prompt_format="custom", custom_template=CHATML,
    system_prompt="<|im_start|>system\nBe brief.<|im_end|>\n", temperature=0.2,
    context_length=1024, threads=None,
)  # fmt: skip


def window_on(qtbot: QtBot, choice: ModelChoice) -> MainWindow:
    store, warning = open_chats()
    window = MainWindow(store, choice, store_warning=warning, n_threads=1)
    qtbot.addWidget(window)
    window.show()
    wait_loaded(qtbot, window)
    assert window.model_info is not None, window.notice_bar.text()
    return window


def other_model(tmp_path: Path, *, copy: bool) -> str:
    """The bundled model, imported again under another file name (a second installed model)."""
    source = tmp_path / "other-model.gguf"
    shutil.copyfile(ROOT / "resources" / "models" / DEFAULT_MODEL_FILE, source)
    return import_model(source, copy=copy).model.key


def test_a_broken_file_never_unloads_the_working_model(qtbot: QtBot, tmp_path: Path) -> None:
    window = window_on(qtbot, active_choice())
    loaded = window.model_info
    window.load_model(gguf_factory.write_html(tmp_path / "page.gguf"))
    qtbot.waitUntil(lambda: window.notice_bar.text() != "", timeout=30_000)
    text = window.notice_bar.text()
    assert "could not be opened" in text and "web page" in text and "goes on with" in text
    assert window.model_info is loaded and "SmolLM2" in window.model_label.text()
    window.chat.settings = SamplingSettings(max_tokens=8, temperature=0.0, top_k=1)
    window.ask("Hello")
    wait_answer(qtbot, window)
    assert window.store.messages(window.chat.conversation_id)[-1].status == "complete"  # type: ignore[arg-type]
    window.close()


def test_a_thread_change_while_streaming_applies_after_it_with_the_models_own_settings(
    qtbot: QtBot,
) -> None:
    save_settings(DEFAULT_MODEL_FILE, OWN)
    window = window_on(qtbot, active_choice())
    session = window.engine.service.session
    assert window.engine.choice is not None and window.engine.choice.settings == OWN
    window.chat.settings = SamplingSettings(max_tokens=300, temperature=0.8)
    window.ask("Write a long story about a cat.")
    qtbot.waitUntil(lambda: window.chat.streaming)
    new = type(window.settings)(**{**window.settings.__dict__, "threads": 2})
    window.apply_settings(new)
    assert session._engine.n_threads == 1  # type: ignore[union-attr]  # not in the middle
    wait_answer(qtbot, window)
    qtbot.waitUntil(lambda: session._engine is not None and session._engine.n_threads == 2,
                    timeout=30_000)  # fmt: skip
    engine = session._engine
    assert engine.n_ctx == 1024 and engine.chat_format.turn == CHATML  # type: ignore[union-attr]
    assert session.choice is not None and session.choice.settings.temperature == 0.2
    assert window.chat.n_ctx == 1024
    window.close()


def test_a_file_opened_directly_brings_no_instructions_of_another_model(tmp_path: Path) -> None:
    save_settings(DEFAULT_MODEL_FILE, OWN)
    tiny = gguf_factory.write_gguf(tmp_path / "tiny.gguf")
    choice = choice_for_file(tiny)
    assert choice.key is None and choice.settings.system_prompt == ""
    assert choice.name == "tiny"


def test_removing_the_model_in_use_switches_first_and_deletes_after(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = other_model(tmp_path, copy=True)
    set_active_model(key)
    window = window_on(qtbot, active_choice())
    assert window.engine.choice is not None and window.engine.choice.key == key
    dialog = window.show_models()
    questions: list[str] = []

    def yes(_parent: Any, _title: str, text: str, *_a: Any) -> QMessageBox.StandardButton:
        questions.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    assert dialog.table.select_key(key)
    path = models_dir() / key
    dialog.remove_selected()
    assert "model in use" in questions[0] and "SmolLM2 135M Instruct" in questions[0]
    assert path.exists()  # never deleted while it is loaded
    qtbot.waitUntil(lambda: not path.exists(), timeout=30_000)
    assert window.engine.choice is not None and window.engine.choice.key == DEFAULT_MODEL_FILE
    assert "SmolLM2 135M Instruct" in window.model_label.text()
    assert dialog.table.selected_key() != key
    window.close()


def test_smaller_ask_uses_the_model_chosen_for_the_window(tmp_path: Path) -> None:
    key = other_model(tmp_path, copy=False)
    set_active_model(key)
    run: Callable[..., subprocess.CompletedProcess[str]] = subprocess.run
    result = run([sys.executable, "-m", "desktop", "ask", "Hi", "--json", "--max-tokens", "4"],
                 cwd=ROOT, capture_output=True, text=True, timeout=120)  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    assert (
        json.loads(result.stdout)["model"]
        == find_installed(key).name
        != "SmolLM2 135M Instruct (built in)"
    )
