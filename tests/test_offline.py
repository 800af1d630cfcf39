"""Offline by default: a whole chat, in the window and on the command line, with the network
blocked for the process, and a record of every attempt to use it, which must stay empty.

The block is a `sitecustomize` module put first on the child's PYTHONPATH, so it is armed before
any of the app's imports: it replaces the socket functions that reach the network (connect,
connect_ex, sendto, create_connection, name lookups) with ones that write the attempt to a file
and raise OSError. Only AF_INET/AF_INET6 sockets count: Qt may talk to D-Bus over a Unix socket,
which is not the network. C code that bypasses Python's socket module (Qt's own networking) is
checked another way: QtNetwork must not even be loaded.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
TIMEOUT_S = 90  # a bound for a stuck child; a normal run takes a few seconds

GUARD = """
import errno, json, os, socket, sys

_RECORD = os.environ["SMALLER_NET_RECORD"]
_INET = (socket.AF_INET, socket.AF_INET6)


def _note(what, detail):
    with open(_RECORD, "a", encoding="utf-8") as f:
        f.write(json.dumps({"what": what, "detail": repr(detail)}) + "\\n")


def _refuse(what, detail):
    _note(what, detail)
    raise OSError(errno.ENETUNREACH, "network blocked by the offline test: " + what)


def _guard(name):
    original = getattr(socket.socket, name)

    def guarded(self, *args):
        if self.family in _INET:
            if name == "connect_ex":  # reports failure by its return value, as the real one
                _note("socket." + name, args)
                return errno.ENETUNREACH
            _refuse("socket." + name, args)
        return original(self, *args)

    setattr(socket.socket, name, guarded)


for _name in ("connect", "connect_ex", "sendto"):
    _guard(_name)


def _watch(name):
    # Listening is not reaching the network, but a default session must not do it either (the
    # API server stays off until the user asks): recorded, not refused.
    original = getattr(socket.socket, name)

    def watched(self, *args):
        if self.family in _INET:
            _note("socket." + name, args)
        return original(self, *args)

    setattr(socket.socket, name, watched)


_watch("listen")


def _blocked(what):
    def refuse(*args, **kwargs):
        _refuse(what, args)

    return refuse


for _name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex",
              "gethostbyaddr"):
    setattr(socket, _name, _blocked(_name))
_note("armed", sys.argv)
"""

WINDOW = """
import json, sys
from PySide6.QtCore import QTimer
from desktop.app import make_application, open_chats
from desktop.core.engine import SamplingSettings
from desktop.core.paths import default_model_path
from desktop.ui.main_window import MainWindow

app = make_application(["smaller"])
store, warning = open_chats()
window = MainWindow(store, default_model_path(), store_warning=warning, n_threads=1)
window.chat.settings = SamplingSettings(max_tokens=12, temperature=0.0, top_k=1)
window.show()
state = {"sent": False, "answer": None, "error": None}


def step():
    # Polled from the running event loop: load, then send, then wait for the answer.
    if not state["sent"]:
        if window.model_info is not None:
            window.prompt.setPlainText("What is the capital of France?")
            window.send_current()
            state["sent"] = True
        elif not window.engine.busy:
            state["error"] = "the model did not load"
            app.exit(2)
    elif not window.chat.streaming and not window.engine.busy:
        state["answer"] = window.chat_view.messages[-1].text
        timer.stop()
        window.close()
        app.quit()


timer = QTimer()
timer.timeout.connect(step)
timer.start(50)
QTimer.singleShot(60_000, lambda: app.exit(3))
code = app.exec()
state["qtnetwork_loaded"] = "PySide6.QtNetwork" in sys.modules
print("RESULT " + json.dumps(state))
sys.exit(code)
"""


def run_offline(tmp_path: Path, args: list[str]) -> tuple[subprocess.CompletedProcess[str], list]:
    """Run `python args...` with the guard armed; returns the run and the recorded attempts."""
    guard_dir = tmp_path / "guard"
    guard_dir.mkdir()
    (guard_dir / "sitecustomize.py").write_text(GUARD, encoding="utf-8")
    record = tmp_path / "network-attempts.jsonl"
    env = dict(os.environ)  # the XDG folders the conftest isolated for this test
    env.update(
        PYTHONPATH=os.pathsep.join([str(guard_dir), str(REPO)]), SMALLER_NET_RECORD=str(record),
        QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1",
        # A proxy setting must not be the thing that makes the test pass or fail.
        http_proxy="", https_proxy="", HTTP_PROXY="", HTTPS_PROXY="",
    )  # fmt: skip
    run = subprocess.run(
        [sys.executable, *args], cwd=REPO, env=env, capture_output=True, text=True,
        timeout=TIMEOUT_S,
    )  # fmt: skip
    lines = record.read_text(encoding="utf-8").splitlines() if record.exists() else []
    events = [json.loads(line) for line in lines]
    assert events and events[0]["what"] == "armed", "the network guard was not loaded"
    return run, [e for e in events if e["what"] != "armed"]


def test_the_guard_records_and_blocks_a_connection(tmp_path: Path) -> None:
    """The test of the test: an attempt is recorded and fails, and Unix sockets still work."""
    code = (
        "import socket, urllib.request\n"
        "a, b = socket.socketpair(socket.AF_UNIX)\n"
        "a.close(); b.close()\n"
        "with socket.socket() as s:\n"
        "    print('connect_ex', s.connect_ex(('127.0.0.1', 9)) != 0)\n"
        "with socket.socket() as s:\n"
        "    s.bind(('127.0.0.1', 0)); s.listen()\n"
        "try:\n"
        "    urllib.request.urlopen('http://127.0.0.1:9/', timeout=2)\n"
        "except OSError as exc:\n"
        "    print('blocked', exc)\n"
    )
    run, attempts = run_offline(tmp_path, ["-c", code])
    assert run.returncode == 0, run.stderr
    assert "blocked" in run.stdout and "network blocked" in run.stdout
    assert [a["what"] for a in attempts] == [
        "socket.connect_ex", "socket.listen", "create_connection"
    ]  # fmt: skip


@pytest.mark.model
def test_the_window_chats_with_no_network_connection(tmp_path: Path, model_path: Path) -> None:
    run, attempts = run_offline(tmp_path, ["-c", WINDOW])
    assert run.returncode == 0, run.stdout + run.stderr
    result = json.loads(run.stdout.split("RESULT ", 1)[1])
    assert result["error"] is None and result["answer"], result
    assert attempts == [], f"network use during start-up and chat: {attempts}"
    assert result["qtnetwork_loaded"] is False


@pytest.mark.model
def test_smaller_ask_answers_with_no_network_connection(tmp_path: Path, model_path: Path) -> None:
    script = Path(sys.executable).with_name("smaller")
    entry = (
        [str(script)]
        if script.exists()
        else ["-c", "import sys; from desktop.cli import main; sys.exit(main())"]
    )
    args = ["ask", "What is the capital of France?", "--json", "--max-tokens", "12",
            "--threads", "1", "--temperature", "0"]  # fmt: skip
    # The console script is a Python file: run it with this Python so the guard applies.
    run, attempts = run_offline(tmp_path, [*entry, *args])
    assert run.returncode == 0, run.stdout + run.stderr
    answer = json.loads(run.stdout)
    assert answer["status"] == "complete" and answer["answer"].strip(), answer
    assert attempts == [], f"network use during `smaller ask`: {attempts}"
