"""Every way `smaller` can fail ends the same way: one line on stderr (one JSON object on stdout
with --json), a non-zero exit, and never a traceback. Run as a real subprocess, since pipes,
full disks, signals and undecodable command lines are process matters."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests import gguf_factory

SMALLER = [sys.executable, "-m", "desktop"]
DEV_FULL = Path("/dev/full")
needs_dev_full = pytest.mark.skipif(not DEV_FULL.exists(), reason="no /dev/full here")
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX command lines and signals")


def run(*args: str | bytes, stdout: int | None = subprocess.PIPE, timeout: float = 120) -> Run:
    command: list[str | bytes] = [*SMALLER, *args]
    done = subprocess.run(command, stdout=stdout, stderr=subprocess.PIPE, timeout=timeout)
    return Run(done.returncode, done.stdout or b"", done.stderr)


class Run:
    def __init__(self, code: int, out: bytes, err: bytes) -> None:
        self.code, self.out, self.err = code, out.decode(), err.decode()
        assert "Traceback" not in self.err and "Exception ignored" not in self.err, self.err

    def one_line(self) -> str:
        """The failure as told on stderr: exactly one line, nothing on stdout."""
        assert self.out == "", self.out
        lines = self.err.splitlines()
        assert len(lines) == 1 and lines[0].startswith("smaller: "), self.err
        return lines[0]

    def one_json(self) -> dict[str, object]:
        """stdout holds exactly one JSON object and nothing else."""
        obj, end = json.JSONDecoder().raw_decode(self.out)
        assert self.out[end:].strip() == "", self.out
        assert isinstance(obj, dict)
        return obj

    def json_error(self) -> dict[str, object]:
        obj = self.one_json()
        assert isinstance(obj["error"], str) and obj["error"] and obj["error_kind"], obj
        assert self.err == "", self.err
        return obj


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The factory's random-weight model: loads in milliseconds, answers gibberish."""
    return gguf_factory.write_gguf(tmp_path_factory.mktemp("tiny") / "tiny.gguf")


# -- bad command lines: exit 2, before any model is touched --------------------------------------


@posix_only
def test_undecodable_bytes_in_the_message_or_system_prompt() -> None:
    error = run(b"ask", b"caf\xe9 \xff", b"--json").json_error()
    assert error["error_kind"] == "bad_argument" and "not valid UTF-8" in str(error["error"])
    assert "0xe9" in str(error["error"])
    failed = run(b"ask", b"hello", b"--system", b"\xff\xfe")
    assert failed.code == 2 and "--system is not valid UTF-8" in failed.one_line()


@pytest.mark.parametrize("threads", ["0", "-1", str((os.cpu_count() or 1) + 1), "100000"])
def test_thread_counts_gpt4all_would_abort_or_hang_on(tmp_path: Path, threads: str) -> None:
    # A missing model: had the flag been passed on, the failure would be "could not be found".
    failed = run("ask", "hi", "--threads", threads, "--model", str(tmp_path / "none.gguf"))
    assert failed.code == 2
    line = failed.one_line()
    assert line.startswith("smaller: --threads:") and f"not {threads}" in line


@pytest.mark.parametrize(
    ("flag", "value"),
    [("--temperature", "nan"), ("--temperature", "-1"), ("--temperature", "inf"),
     ("--max-tokens", "0"), ("--max-tokens", "-5")],
)  # fmt: skip
def test_sampling_flags_out_of_range(tmp_path: Path, flag: str, value: str) -> None:
    failed = run("ask", "hi", flag, value, "--json", "--model", str(tmp_path / "none.gguf"))
    assert failed.code == 2
    error = failed.json_error()
    assert error["error_kind"] == "bad_argument" and str(error["error"]).startswith(flag)


def test_bench_with_zero_rounds() -> None:
    failed = run("bench", "--rounds", "0")
    assert failed.code == 2 and "--rounds" in failed.one_line()


def test_an_unknown_grid_zone_is_refused_and_the_zones_are_listed() -> None:
    failed = run("ask", "hi", "--grid", "ZZZ", "--json")
    assert failed.code == 2
    assert "ZZZ" in str(failed.json_error()["error"]) and "smaller grids" in failed.out
    zones = run("grids")
    assert zones.code == 0 and zones.err == ""
    codes = [line.split()[0] for line in zones.out.splitlines()]
    assert codes[:2] == ["WOR", "EEE"] and "FRA" in codes and "ZZZ" not in codes


def test_argparse_errors_take_the_same_path() -> None:
    failed = run("ask", "hi", "--threads", "many")
    assert failed.code == 2 and "invalid int value: 'many'" in failed.one_line()
    as_json = run("ask", "hi", "--threads", "many", "--json")
    assert as_json.code == 2 and as_json.json_error()["error_kind"] == "bad_argument"
    assert run("frobnicate").code == 2


# -- stdout that goes away or fills up ------------------------------------------------------------


def _closed_pipe_run(*args: str) -> Run:
    """Run with a stdout pipe whose reader is already gone, as `| head` leaves it."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run([*SMALLER, *args], stdout=write_end, stderr=subprocess.PIPE,
                              timeout=120)  # fmt: skip
    finally:
        os.close(write_end)
    return Run(done.returncode, b"", done.stderr)


@posix_only
def test_a_reader_that_went_away_ends_the_command_quietly(tiny: Path) -> None:
    version = _closed_pipe_run("--version")
    assert (version.code, version.err) == (141, "")
    answer = _closed_pipe_run("ask", "hi", "--model", str(tiny), "--max-tokens", "64")
    assert (answer.code, answer.err) == (141, "")


@needs_dev_full
def test_a_full_stdout_is_one_line_and_exit_1(tiny: Path) -> None:
    with DEV_FULL.open("wb") as full:
        for args in (["--version"], ["ask", "hi", "--model", str(tiny), "--json"]):
            failed = run(*args, stdout=full.fileno())
            assert failed.code == 1
            assert "could not write the output: No space left on device" in failed.one_line()


# -- the answer path ------------------------------------------------------------------------------

NOISY = """
import ctypes, sys
from desktop.core import engine
real_load = engine.Engine.load
def noisy_load(self):
    libc = ctypes.CDLL(None)
    libc.puts(b"C-LEVEL NOISE from puts")
    libc.printf(b"C-LEVEL NOISE from printf\\n")
    return real_load(self)
engine.Engine.load = noisy_load
from desktop.cli import main
sys.exit(main(sys.argv[1:]))
"""


@posix_only
def test_the_c_librarys_prints_never_reach_stdout(tiny: Path, tmp_path: Path) -> None:
    script = tmp_path / "noisy.py"
    script.write_text(NOISY)
    done = subprocess.run(
        [sys.executable, str(script), "ask", "hi", "--json", "--max-tokens", "4", "--model",
         str(tiny)], capture_output=True, timeout=120, cwd=Path(__file__).parent.parent,
    )  # fmt: skip
    result = Run(done.returncode, done.stdout, done.stderr)
    assert result.code == 0, result.err
    assert result.one_json()["status"] == "complete"
    assert "C-LEVEL NOISE from puts" in result.err and "C-LEVEL NOISE from printf" in result.err


def test_an_unexpected_error_is_one_line(tmp_path: Path) -> None:
    script = tmp_path / "buggy.py"
    script.write_text(
        "import sys\nfrom desktop.core import engine\n"
        "def boom(self):\n    raise RuntimeError('boom')\n"
        "engine.Engine.load = boom\nfrom desktop.cli import main\nsys.exit(main(sys.argv[1:]))\n"
    )
    done = subprocess.run([sys.executable, str(script), "ask", "hi"], capture_output=True,
                          timeout=120, cwd=Path(__file__).parent.parent)  # fmt: skip
    failed = Run(done.returncode, done.stdout, done.stderr)
    assert failed.code == 1 and "unexpected error (RuntimeError: boom)" in failed.one_line()


def test_a_system_prompt_that_cannot_fit_is_an_error(tiny: Path) -> None:
    failed = run("ask", "hi", "--system", "x" * 100_000, "--json", "--model", str(tiny))
    assert failed.code == 1
    error = failed.json_error()
    assert error["error_kind"] == "system_prompt_too_long" and "status" not in error
    assert "system prompt" in str(error["error"])


@posix_only
@pytest.mark.model
@pytest.mark.parametrize("as_json", [False, True])
def test_ctrl_c_during_an_answer_exits_130_without_a_traceback(as_json: bool) -> None:
    args = ["ask", "Write a long story about a lighthouse.", "--max-tokens", "2000"]
    process = subprocess.Popen(
        [*SMALLER, *args, *(["--json"] if as_json else [])],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert process.stdout is not None
    if as_json:
        time.sleep(3)  # loaded (~0.5 s) and writing; nothing shows until the end
    else:
        process.stdout.read(1)  # the answer has started streaming
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    stopped = Run(process.returncode, out, err)
    assert stopped.code == 130
    if as_json:
        assert stopped.json_error()["error_kind"] == "interrupted"
    else:
        assert stopped.err.splitlines() == ["smaller: Interrupted: the answer was cut short."]
