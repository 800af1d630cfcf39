"""The live panel and the per-answer line, with real psutil sampling of this process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import psutil
import pytest
from pytestqt.qtbot import QtBot

from desktop.core.engine import SamplingSettings
from desktop.core.footprint import ResourceSampler
from desktop.core.models.settings import ModelSettings
from desktop.core.records import AnswerStats
from desktop.core.store import Totals
from desktop.ui.answer_line import FootprintDetailsDialog, details_html, line_html
from desktop.ui.resource_panel import ResourcePanel
from desktop.ui.settings import AppSettings
from desktop.ui.settings_dialog import SettingsDialog
from tests.gui_helpers import open_window, wait_answer, wait_loaded

STATS = AnswerStats.from_json({
    "total_s": 1.94, "completion_tokens": 121, "tokens_per_s": 68.7, "ttft_s": 0.15,
    "resources": {"peak_rss_mb": 209.1, "cpu_s": 1.9, "cpu_percent": 99.0, "wall_s": 1.94},
    "footprint": {
        "energy_wh": 0.0083, "method": "estimated", "range_wh": [0.0012, 0.0083],
        "co2_g": 0.0038, "co2_range_g": [0.0005, 0.0038], "water_ml": 0.03,
        "water_range_ml": [0.004, 0.03], "grid": "FRA", "grid_name": "France",
        "grid_gco2_per_kwh": 41.44, "grid_water_l_per_kwh": 3.67,
        "explanation": "Estimated, because this machine exposes no RAPL energy counters.",
        "sources": ["CodeCarbon cpu.py (https://github.com/mlco2/codecarbon)"],
        "grid_warnings": [],
    },
})  # fmt: skip


def test_panel_samples_this_process(qtbot: QtBot) -> None:
    panel = ResourcePanel(interval_s=0.25)
    qtbot.addWidget(panel)
    panel.set_model_size(98_000_000)
    panel.tick()
    qtbot.waitUntil(lambda: panel.ticks >= 3, timeout=5000)
    own_rss = psutil.Process().memory_info().rss / 1_000_000
    sample = panel.last_sample
    assert sample is not None and sample.rss_mb == pytest.approx(own_rss, rel=0.2)
    assert "Smaller:" in panel.memory_label.text() and "model 98 MB" in panel.memory_label.text()
    assert "whole computer" in panel.cpu_label.text()
    xs, ys = panel.app_curve.getData()
    assert len(xs) >= 3 and xs[-1] == 0
    assert panel.cost_percent_of_one_core() < 5  # stated precisely by scripts/bench_panel.py


def test_panel_survives_a_process_that_is_gone(qtbot: QtBot) -> None:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    process = psutil.Process(child.pid)
    child.wait()
    panel = ResourcePanel(sampler=ResourceSampler(process=process))
    qtbot.addWidget(panel)
    panel.tick()  # psutil raises NoSuchProcess inside: the panel shows "unknown"
    assert "unknown" in panel.memory_label.text() and "unknown" in panel.cpu_label.text()


def test_totals_and_equivalent(qtbot: QtBot) -> None:
    panel = ResourcePanel()
    qtbot.addWidget(panel)
    panel.set_totals(
        Totals(0.0083, 0.0038, 1, frozenset({"estimated"})),
        Totals(0.5, 0.2, 12, frozenset({"estimated", "measured"})),
    )
    text = panel.totals_label.text()
    assert "This chat: 8.3 mWh, 3.8 mg CO₂, estimated (answers: 1)" in text
    assert "All chats: 500 mWh, 200 mg CO₂, measured and estimated (answers: 12)" in text
    assert "phone charge" in text or "bulb" in text


def test_answer_line_and_details() -> None:
    line = line_html(STATS)
    assert line.startswith("1.9 s · 121 tokens · 69 tokens/s · first word after 0.15 s")
    assert "8.3 mWh · 3.8 mg CO₂ · estimated" in line and 'href="footprint-details"' in line
    details = details_html(STATS)
    assert "range 1.2 mWh to 8.3 mWh" in details
    assert '<a href="https://github.com/mlco2/codecarbon">' in details
    # The grid factor exactly as EcoLogits gives it (41.44), never a raw float
    assert "France: 41.44 g CO₂e and 3.67 L of water per kWh" in details


def test_details_dialog_opens_from_the_line(qtbot: QtBot, model_path: Path) -> None:
    window = open_window(qtbot, model_path)
    widget = window.chat_view.add_message("assistant", "model")
    widget.set_stats(STATS)
    widget.stats_label.linkActivated.emit("footprint-details")
    dialog = widget.details_dialog
    assert isinstance(dialog, FootprintDetailsDialog) and dialog.isVisible()
    assert "How it was obtained" in dialog.browser.toPlainText()
    dialog.close()


def test_settings_dialog_round_trip(qtbot: QtBot) -> None:
    own = ModelSettings(temperature=0.4, context_length=3000)
    dialog = SettingsDialog(AppSettings(grid_zone="FRA", threads=1, max_tokens=300), own)
    qtbot.addWidget(dialog)
    result = dialog.result_settings()
    assert (result.grid_zone, result.threads, result.max_tokens) == ("FRA", 1, 300)
    assert dialog.result_model_settings() == own  # its own odd context stays choosable
    dialog.zone.setCurrentIndex(dialog.zone.findData("DEU"))
    dialog.temperature.setValue(0.2)
    assert dialog.result_settings().grid_zone == "DEU"
    assert dialog.result_model_settings().temperature == 0.2


@pytest.mark.model
def test_panel_updates_while_a_real_answer_streams(qtbot: QtBot, model_path: Path) -> None:
    window = open_window(qtbot, model_path)
    wait_loaded(qtbot, window)
    window.chat.settings = SamplingSettings(max_tokens=200, temperature=0.8)
    window.apply_settings(AppSettings(threads=1, grid_zone="FRA", sample_interval_s=0.25))
    window.chat.settings = SamplingSettings(max_tokens=200, temperature=0.8)
    ticks = window.resource_panel.ticks
    window.prompt.setPlainText("Write a long story about a robot who learns to paint.")
    window.send_current()
    qtbot.waitUntil(lambda: "tokens/s" in window.resource_panel.answer_label.text(), timeout=30_000)
    wait_answer(qtbot, window)
    assert window.resource_panel.ticks > ticks
    assert window.resource_panel.answer_label.text() == "No answer is being written."
    assert "This chat:" in window.resource_panel.totals_label.text()
    assert "(answers: 1)" in window.resource_panel.totals_label.text()
    saved = window.store.messages(window.chat.conversation_id)[-1]  # type: ignore[arg-type]
    footprint = saved.stats.footprint if saved.stats else None
    assert footprint is not None and footprint.grid == "FRA"
    assert footprint.method in ("measured", "estimated") and footprint.energy_wh > 0
    line = window.chat_view.messages[-1].stats_label.text()
    assert "CO₂" in line and ("Wh" in line)


def test_battery_state_is_shown_when_there_is_one(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from collections import namedtuple

    battery = namedtuple("battery", "percent secsleft power_plugged")
    panel = ResourcePanel()
    qtbot.addWidget(panel)
    panel.show()
    monkeypatch.setattr(psutil, "sensors_battery", lambda: battery(62.0, 3600, False))
    panel.tick()
    assert panel.power_label.isVisible() and panel.power_label.text() == "On battery (62%)"
    monkeypatch.setattr(psutil, "sensors_battery", lambda: battery(80.0, -2, True))
    panel.tick()
    assert panel.power_label.text() == "Plugged in (battery 80%)"
    monkeypatch.setattr(psutil, "sensors_battery", lambda: None)  # a desktop
    panel.tick()
    assert not panel.power_label.isVisible()
