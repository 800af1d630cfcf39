"""The Compare models view and the test-drive view, in a real Qt event loop on the real engine,
with the bundled model installed twice under two names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.core.drive.results import load_runs
from desktop.core.drive.side_by_side import marks_path
from desktop.core.models.installed import models_dir
from desktop.core.models.settings import ModelSettings
from desktop.core.session import ModelChoice
from desktop.ui.compare_models import CompareModelsDialog
from desktop.ui.drive_view import DriveDialog
from desktop.ui.models_table import ModelRow, description_text
from desktop.workers.engine_worker import EngineController

TWIN = "smol-twin"


@pytest.fixture
def engine(qtbot: QtBot, model_path: Path) -> EngineController:  # type: ignore[override]
    folder = models_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{TWIN}.gguf").symlink_to(model_path)
    controller = EngineController(threads=1)
    controller.load(ModelChoice(model_path, "chat model", ModelSettings(threads=1)))
    yield controller
    controller.shutdown(30_000)


def test_blind_comparison_hides_names_until_marked(qtbot: QtBot, engine: EngineController) -> None:
    dialog = CompareModelsDialog(engine)
    qtbot.addWidget(dialog)
    dialog.message.setText("What is the capital of France?")
    dialog.blind.setChecked(True)
    dialog.start()
    qtbot.waitUntil(lambda: not dialog.reveal_button.isHidden(), timeout=120_000)
    titles = [c["title"].text() for c in dialog._columns]
    assert titles == ["Model A", "Model B"]
    texts = [c["text"].toPlainText() for c in dialog._columns]
    assert texts[0].strip() and all("mWh" in c["figures"].text() for c in dialog._columns)
    assert "in a datacenter" in dialog._big.text() and "Model A's answer" in dialog._big.text()
    dialog._columns[0]["good"].setChecked(True)
    dialog.reveal()
    names = [c["title"].text() for c in dialog._columns]
    assert names == ["SmolLM2 135M Instruct (built in)", TWIN]
    saved = json.loads(marks_path().read_text("utf-8"))["marks"][-1]
    assert saved["blind"] and [a["good"] for a in saved["answers"]] == [True, False]
    assert engine.service.submit(lambda s, _st: s.choice.name).wait(60) == "chat model"


def test_stop_during_the_comparison(qtbot: QtBot, engine: EngineController) -> None:
    dialog = CompareModelsDialog(engine)
    qtbot.addWidget(dialog)
    dialog.message.setText("Write a long story about a cat.")
    dialog.start()
    qtbot.waitUntil(lambda: bool(dialog._columns[0]["text"].toPlainText()), timeout=120_000)
    dialog.stop()
    qtbot.waitUntil(lambda: dialog.answer_button.isEnabled(), timeout=60_000)
    assert dialog.status.text() == "Stopped."
    assert "Not reached" in dialog._columns[1]["figures"].text()


def test_one_model_only_says_how_to_get_another(qtbot: QtBot, engine: EngineController) -> None:
    (models_dir() / f"{TWIN}.gguf").unlink()
    dialog = CompareModelsDialog(engine)
    qtbot.addWidget(dialog)
    assert not dialog.answer_button.isEnabled() and "second" in dialog.status.text()


def test_drive_view_runs_saves_and_fills_the_cards(qtbot: QtBot, engine: EngineController) -> None:
    dialog = DriveDialog(engine)
    qtbot.addWidget(dialog)
    dialog.limit.setValue(2)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.start_button.isEnabled(), timeout=180_000)
    assert dialog.run is not None and dialog.table.rowCount() == 2
    assert dialog.categories.columnCount() == 3  # model + two categories
    assert "80%" in dialog.recommendation.text()
    dialog.bar.setValue(50)  # the user's bar
    assert "at least 50% of the time" in dialog.recommendation.text()
    assert [p[0] for p in dialog.chart.points] == ["SmolLM2 135M Instruct (built in)", TWIN]
    assert dialog.chart.reference is not None and dialog.chart.reference > 0
    assert load_runs()[-1].models[1].model == TWIN
    from desktop.core.models.installed import find_installed

    row = ModelRow(find_installed(TWIN), None, False)
    assert "On this computer:" in description_text(row, None)


def test_advice_sentence(qtbot: QtBot) -> None:
    from desktop.core.drive.advice import Advice
    from desktop.ui.drive_advice import advice_text

    text = advice_text(Advice("tiny", ("translation",), ("facts", "arithmetic"), "big",
                              ("facts", "arithmetic"), 4.0, 2.0))  # fmt: skip
    assert text == (
        "tiny is right at least 80% of the time for: translating. It is wrong more often than "
        "right for: facts, sums. For facts, sums, big was right 4 times as often, for 2 times "
        "the energy per answer."
    )


def test_demo_mode_compares_two_local_models(qtbot: QtBot, model_path: Path) -> None:
    from tests.gui_helpers import open_window, wait_loaded

    folder = models_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{TWIN}.gguf").symlink_to(model_path)
    window = open_window(qtbot, model_path)
    wait_loaded(qtbot, window)
    window.demo_action.setChecked(True)
    window.demo_panel.compare_button.click()
    dialog = window._dialog
    assert isinstance(dialog, CompareModelsDialog)
    assert dialog.message.text().startswith("What is 17 times 23")
    qtbot.waitUntil(lambda: not dialog.reveal_button.isHidden(), timeout=120_000)
    assert len(dialog._outcomes) == 2 and all(o.result for o in dialog._outcomes)
    assert "datacenter" in dialog._big.text()
    window.close()


def test_closing_the_window_mid_drive_keeps_partial_results(qtbot: QtBot, model_path: Path) -> None:
    from tests.gui_helpers import open_window, wait_loaded

    window = open_window(qtbot, model_path)
    wait_loaded(qtbot, window)
    dialog = window.show_drive()
    assert isinstance(dialog, DriveDialog)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.progress.value() >= 2, timeout=60_000)
    window.close()
    runs = load_runs()
    assert runs and runs[-1].stopped and 0 < len(runs[-1].models[0].outcomes) < runs[-1].tasks
