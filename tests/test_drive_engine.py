"""The test drive and the side-by-side answers on the real engine, with the bundled model
registered twice under two names (fast: a few tasks, short answers); and, when the optional
second model is provisioned, the 1.5B model against the 135M one."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from desktop.core.drive.records import DriveRun
from desktop.core.drive.results import latest_for_file, load_runs, save_run
from desktop.core.drive.runner import DriveProgress, run_drive
from desktop.core.drive.tasks import builtin_tasks
from desktop.core.models.installed import models_dir
from desktop.core.models.settings import ModelSettings
from desktop.core.service import EngineService
from desktop.core.session import ModelChoice, ModelSession
from tests import gguf_factory

TWIN = "smol-twin"


def smaller(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args], capture_output=True, text=True, timeout=timeout
    )


@pytest.fixture
def twin(model_path: Path) -> Path:
    """The bundled model installed a second time, under another name."""
    folder = models_dir()
    folder.mkdir(parents=True, exist_ok=True)
    link = folder / f"{TWIN}.gguf"
    link.symlink_to(model_path)
    return link


def _choices(model_path: Path) -> list[ModelChoice]:
    return [ModelChoice(model_path, "first", ModelSettings(threads=1)),
            ModelChoice(model_path, "second", ModelSettings(threads=1))]  # fmt: skip


def test_drive_runs_each_model_on_the_engine_thread(model_path: Path) -> None:
    tasks = builtin_tasks().limited(3)
    seen: list[DriveProgress] = []
    service = EngineService(ModelSession(threads=1)).start()
    try:
        before = service.submit(lambda s, _stop: s.load(_choices(model_path)[0]), kind="load")
        before.wait(120)
        job = service.submit(
            lambda s, stop: run_drive(s, stop, _choices(model_path), tasks, max_tokens=16,
                                      on_progress=seen.append),
            kind="drive",
        )  # fmt: skip
        run = job.wait(300)
        restored = service.submit(lambda s, _stop: s.choice, kind="check").wait(60)
    finally:
        service.shutdown(60)
    assert [m.model for m in run.models] == ["first", "second"] and not run.stopped
    first, second = run.models
    assert len(first.outcomes) == 3 and first.error is None
    # Greedy: the same file gives the same answers, whatever it is called.
    assert [o.answer for o in first.outcomes] == [o.answer for o in second.outcomes]
    assert first.correct == second.correct
    assert first.file_sha256 == second.file_sha256 and len(first.file_sha256 or "") == 64
    assert all(o.completion_tokens <= 16 for o in first.outcomes)
    assert all(o.energy_wh is not None and o.energy_wh > 0 for o in first.outcomes)
    assert run.machine["logical_cores"] >= 1 and run.date
    assert seen[-1].model == "second" and seen[-1].task_index == 3 and seen[-1].models == 2
    assert restored is not None and restored.name == "first"  # the chat's model is back


def test_a_model_that_fails_to_load_does_not_stop_the_others(
    model_path: Path, tmp_path: Path
) -> None:
    broken = gguf_factory.truncate_half(model_path, tmp_path / "broken.gguf")
    choices = [ModelChoice(broken, "broken", ModelSettings(threads=1)), _choices(model_path)[1]]
    session = ModelSession(threads=1)
    try:
        run = run_drive(session, threading.Event(), choices, builtin_tasks().limited(1),
                        max_tokens=8)  # fmt: skip
    finally:
        session.close()
    assert run.models[0].error and not run.models[0].outcomes
    assert run.models[1].error is None and len(run.models[1].outcomes) == 1


def test_stop_keeps_what_was_answered_and_marks_it(model_path: Path) -> None:
    stop = threading.Event()

    def progress(p: DriveProgress) -> None:
        if p.task_index == 2:
            stop.set()  # as the window's Stop does, from the engine thread's callback

    session = ModelSession(threads=1)
    try:
        run = run_drive(session, stop, _choices(model_path), builtin_tasks().limited(5),
                        max_tokens=8, on_progress=progress)  # fmt: skip
    finally:
        session.close()
    assert run.stopped and len(run.models) == 1 and len(run.models[0].outcomes) == 2
    save_run(run)
    saved = load_runs()[-1]
    assert saved.stopped and saved == DriveRun.from_json(run.to_json())
    assert latest_for_file(run.models[0].file_sha256 or "") is not None


def test_cli_drive_json_runs_every_installed_model(twin: Path) -> None:
    run = smaller("drive", "--json", "--limit", "2", "--max-tokens", "12", "--threads", "1",
                  "--bar", "50")  # fmt: skip
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    names = [m["model"] for m in data["models"]]
    assert names == ["SmolLM2 135M Instruct (built in)", TWIN]
    assert all(m["tasks"] == 2 and m["error"] is None for m in data["models"])
    assert data["models"][0]["correct"] == data["models"][1]["correct"]
    assert {c["category"] for c in data["models"][0]["categories"]} == {"facts", "arithmetic"}
    assert set(data["smallest_per_category"]) == {"facts", "arithmetic"} and data["bar"] == 0.5
    assert Path(data["saved_to"]).is_file() and "[2/2]" in run.stderr


def test_cli_drive_with_an_invalid_task_file_uses_the_builtin_set(
    twin: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "mine.json"
    bad.write_text("{ not json", encoding="utf-8")
    run = smaller("drive", "--models", TWIN, "--tasks", str(bad), "--limit", "1",
                  "--max-tokens", "8", "--threads", "1", "--no-save")  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "could not be used" in run.stderr and "not valid JSON" in run.stderr
    assert "built-in" in run.stdout and TWIN in run.stdout


def test_cli_ask_side_by_side(twin: Path) -> None:
    run = smaller("ask", "What is the capital of France?", "--models",
                  f"SmolLM2 135M Instruct (built in),{TWIN}", "--json", "--max-tokens", "12",
                  "--temperature", "0", "--threads", "1")  # fmt: skip
    assert run.returncode == 0, run.stderr
    answers = json.loads(run.stdout)["answers"]
    assert [a["model"] for a in answers] == ["SmolLM2 135M Instruct (built in)", TWIN]
    assert answers[0]["answer"] == answers[1]["answer"] and answers[0]["answer"].strip()
    assert all(a["footprint"]["energy_wh"] > 0 for a in answers)
    text = smaller("ask", "Say hi.", "--models", f"{TWIN},nonexistent-model", "--max-tokens", "4")
    assert text.returncode == 1 and "nonexistent-model" in (text.stdout + text.stderr)


@pytest.mark.second_model
def test_the_second_model_beats_the_bundled_one(
    model_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.core.second_model import is_provisioned, load_pins, resource_path

    pins = load_pins()
    folder = resource_path("models")
    if not is_provisioned(folder, pins):
        pytest.skip("second model not provisioned (./dev.sh second-model)")
    monkeypatch.setenv("SMALLER_SHARED_MODELS", str(folder))
    run = smaller("drive", "--json", "--limit", "14", "--max-tokens", "32", "--threads", "1",
                  timeout=1800)  # fmt: skip
    assert run.returncode == 0, run.stderr
    by_name = {m["model"]: m for m in json.loads(run.stdout)["models"]}
    small, big = by_name["SmolLM2 135M Instruct (built in)"], by_name[pins.card["name"]]
    assert big["correct"] > small["correct"], (small, big)


def test_side_by_side_with_a_broken_model_and_stop_during_the_second(
    model_path: Path, tmp_path: Path
) -> None:
    from desktop.core.drive.side_by_side import answer_in_turn

    broken = gguf_factory.truncate_half(model_path, tmp_path / "broken.gguf")
    first, second = _choices(model_path)
    choices = [first, ModelChoice(broken, "broken", ModelSettings(threads=1)), second, first]
    stop = threading.Event()
    events: list[tuple[int, str]] = []

    def on_event(index: int, what: str, _text: str | None) -> None:
        events.append((index, what))
        if index == 2 and what == "text":
            stop.set()  # Stop while the third model writes

    session = ModelSession(threads=1)
    try:
        session.load(first)
        outcomes = answer_in_turn(session, stop, choices, "Tell me a long story.",
                                  max_tokens=64, temperature=0.0, on_event=on_event)  # fmt: skip
        assert session.choice == first  # the chat's model is back
    finally:
        session.close()
    assert outcomes[0].result is not None and outcomes[0].result.status == "complete"
    assert outcomes[1].error and outcomes[1].result is None
    assert outcomes[2].result is not None and outcomes[2].result.status == "stopped"
    assert outcomes[3].skipped and outcomes[3].result is None
    assert (1, "loading") in events and (3, "loading") not in events
