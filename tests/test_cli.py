"""The headless command line, run as a real subprocess like a script would."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import __version__
from tests import gguf_factory


def smaller(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args], capture_output=True, text=True, timeout=timeout
    )


def test_version() -> None:
    run = smaller("--version")
    assert run.returncode == 0
    assert run.stdout.startswith(f"smaller {__version__}") and "gpt4all 2.8.2" in run.stdout


@pytest.mark.model
def test_ask_json_on_the_default_model() -> None:
    run = smaller("ask", "What is the capital of France?", "--json", "--max-tokens", "40",
                  "--system", "Answer in one sentence.")  # fmt: skip
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert data["answer"].strip()
    assert data["model"] == "SmolLM2 135M Instruct (built in)"  # the name that signs answers
    for key in ("prompt_tokens", "completion_tokens"):
        assert isinstance(data[key], int) and data[key] > 0
    for key in ("ttft_s", "total_s", "tokens_per_s"):
        assert isinstance(data[key], float) and data[key] > 0
    assert data["completion_tokens"] <= 40
    resources = data["resources"]
    assert resources["peak_rss_mb"] > 50 and resources["cpu_s"] > 0 and resources["cpu_percent"] > 0
    footprint = data["footprint"]
    assert footprint["method"] in ("measured", "estimated")
    low, high = footprint["range_wh"]
    assert 0 < low <= footprint["energy_wh"] <= high
    assert footprint["co2_g"] > 0 and footprint["water_ml"] > 0 and footprint["grid"]
    big = data["comparison_405b"]
    assert big["memory_gb"]["bf16"] == 810 and big["gpus"] == 16
    assert 0 < big["energy_wh"]["low"] < big["energy_wh"]["high"]
    assert big["energy_wh"]["method_high"] == "ecologits"
    assert big["co2_g"]["low"] > 0 and big["water_ml"]["high"] > 0 and big["cost_usd"]["high"] > 0
    assert "energy" in big["ratios"] and big["ratios"]["energy"]["words"]


@pytest.mark.model
def test_ask_json_grid_choice_changes_co2_not_energy_method() -> None:
    runs = [smaller("ask", "Say hi.", "--json", "--max-tokens", "8", "--grid", zone)
            for zone in ("FRA", "POL")]  # fmt: skip
    fra, pol = (json.loads(r.stdout)["footprint"] for r in runs)
    assert fra["grid"] == "FRA" and pol["grid"] == "POL"
    # Poland's grid emits far more CO2 per kWh than France's.
    assert pol["co2_g"] / pol["energy_wh"] > 5 * fra["co2_g"] / fra["energy_wh"]


@pytest.mark.model
def test_ask_streams_plain_text() -> None:
    run = smaller("ask", "Say hello.", "--max-tokens", "16")
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip()


def test_ask_missing_model_fails_with_one_line(tmp_path: Path) -> None:
    run = smaller("ask", "hi", "--model", str(tmp_path / "missing.gguf"))
    assert run.returncode == 1
    assert run.stdout == ""
    assert len(run.stderr.strip().splitlines()) == 1 and run.stderr.startswith("smaller: ")


def test_ask_broken_model_json_error(tmp_path: Path) -> None:
    path = gguf_factory.write_html(tmp_path / "page.gguf")
    run = smaller("ask", "hi", "--model", str(path), "--json")
    assert run.returncode == 1
    data = json.loads(run.stdout)
    assert data["error_kind"] == "not_gguf" and "web page" in data["error"]


@pytest.mark.model
def test_ask_empty_prompt_fails_cleanly() -> None:
    run = smaller("ask", "  ", "--json")
    assert run.returncode == 1
    assert "empty" in json.loads(run.stdout)["error"]


@pytest.mark.model
def test_bench_reports_both_sides_and_their_ratio() -> None:
    run = smaller("bench", "--rounds", "2", "--max-tokens", "24", timeout=300)
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert data["app"]["tokens_per_s"] > 0 and data["bare_gpt4all"]["tokens_per_s"] > 0
    # Greedy sampling on both sides: the same tokens come out.
    assert data["app"]["completion_tokens"] == data["bare_gpt4all"]["completion_tokens"]
    assert data["ratio_tokens_per_s"] > 0


def test_ask_bad_datacenter_grid_is_refused_before_anything_runs() -> None:
    run = smaller("ask", "Hi", "--json", "--datacenter-grid", "XYZ")
    assert run.returncode == 2
    error = json.loads(run.stdout)
    assert error["error_kind"] == "bad_argument" and "--datacenter-grid" in error["error"]
    assert "smaller grids" in error["error"]


@pytest.mark.model
def test_ask_json_long_prompt_one_token_names_both_grids_and_counts_the_prompt() -> None:
    """The issue's reproduction: a long prompt and a one-token answer, the user in France and the
    datacenter chosen in the US."""
    text = "The water cycle moves water between the sea, the air and the land. " * 30
    run = smaller("ask", text + "Summarise.", "--json", "--max-tokens", "1", "--grid", "FRA",
                  "--datacenter-grid", "USA")  # fmt: skip
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    big = data["comparison_405b"]
    assert big["prompt_tokens"] == data["prompt_tokens"] > 400
    energy = big["energy_wh"]
    # Reading 400+ tokens dominates: most of each bound is the prompt
    assert energy["low_prefill"] > 0.9 * energy["low"] > 0
    assert energy["high_prefill"] > 0.5 * energy["high"]
    assert big["ratios"]["energy"]["case"] == "bigger"  # no longer reversed
    grids = big["grids"]
    assert (grids["local"]["zone"], grids["datacenter"]["zone"]) == ("FRA", "USA")
    assert grids["datacenter"]["chosen_by"] == "user"
    assert big["savings_split"]["grid_times"] == 9.3  # 384.4 / 41.44 = 9.28
    assert big["local"]["method"] in ("measured", "estimated")
