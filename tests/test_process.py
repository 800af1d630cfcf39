"""The real app in its own process: Ctrl+C, SIGTERM, kill -9, a second launch, the log file.

Each test starts `desktop.app.run_app` (through tests/app_driver.py, which asks a question once
the model is loaded, as a user typing it would), acts on the process, and reads what the chats
file and the log hold afterwards."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest

from desktop.core.paths import chats_db_path, state_dir
from desktop.core.store import ChatStore, open_store

pytestmark = pytest.mark.model
ROOT = Path(__file__).resolve().parents[1]
QUESTION = "Write a very long story about a lighthouse keeper and the sea, in many chapters."
WAIT_S = 60  # generous: a busy 2-core machine; nothing here is a timing assertion


def _env() -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))


@contextmanager
def running_app(question: str = QUESTION) -> Iterator[subprocess.Popen[str]]:
    with subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "app_driver.py"), question], cwd=ROOT, env=_env(),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    ) as app:  # fmt: skip
        try:
            yield app
        finally:
            if app.poll() is None:
                app.kill()
            app.wait(WAIT_S)


def _streamed_text() -> str:
    """The text of the answer being written, as saved so far (a reader beside the app)."""
    path = chats_db_path()
    if not path.exists():
        return ""
    try:
        with closing(ChatStore(path, read_only=True)) as store:
            for conversation in store.list_conversations():
                for message in store.messages(conversation.id):
                    if message.role == "assistant" and message.status == "streaming":
                        return message.content
    except Exception:  # the file is being created: try again
        return ""
    return ""


def wait_for(condition: object, what: str) -> None:
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return
        time.sleep(0.2)
    pytest.fail(f"timed out waiting for {what}")


def last_answer() -> tuple[str, str, str, int]:
    with closing(ChatStore(chats_db_path(), read_only=True)) as store:
        (conversation,) = store.list_conversations()
        answer = store.messages(conversation.id)[-1]
        tokens = answer.stats.completion_tokens if answer.stats else 0
        return answer.status, answer.note, answer.content, tokens


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_sigterm_and_ctrl_c_quit_cleanly_and_keep_the_answer(sig: signal.Signals) -> None:
    with running_app() as app:
        wait_for(lambda: len(_streamed_text()) > 20, "the answer to stream and be saved")
        app.send_signal(sig)
        code = app.wait(WAIT_S)
        stderr = app.stderr.read() if app.stderr else ""
    assert code == 0, stderr[-2000:]
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr
    status, note, content, tokens = last_answer()
    assert (status, note) == ("stopped", "closed") and len(content) > 20
    assert tokens > 0  # what it cost until then was kept with it
    log = (state_dir() / "smaller.log").read_text(encoding="utf-8")
    assert "quit signal received" in log and "window closed" in log
    assert "lighthouse" not in log  # the log never holds what was typed or answered


def test_kill_9_keeps_the_text_the_user_saw() -> None:
    with running_app() as app:
        wait_for(lambda: len(_streamed_text()) > 20, "the answer to stream and be saved")
        seen = _streamed_text()
        app.kill()  # SIGKILL: nothing of the app runs any more
        app.wait(WAIT_S)
    store, warning = open_store(chats_db_path())  # the next start
    with closing(store):
        assert warning is None
        (conversation,) = store.list_conversations()
        answer = store.messages(conversation.id)[-1]
        assert (answer.status, answer.note) == ("stopped", "interrupted")
        assert answer.content.startswith(seen) and len(answer.content) >= len(seen) > 20


def test_a_second_launch_hands_over_to_the_first_and_exits() -> None:
    with running_app(question="") as first:
        assert first.stdout is not None
        assert first.stdout.readline().strip() == "ready"
        second = subprocess.run(
            [sys.executable, "-m", "desktop"], cwd=ROOT, env=_env(), capture_output=True,
            text=True, timeout=WAIT_S,
        )  # fmt: skip
        assert second.returncode == 0, second.stderr[-2000:]
        assert first.poll() is None  # the first one is still there
        log = state_dir() / "smaller.log"
        wait_for(lambda: "another instance runs" in log.read_text(encoding="utf-8"), "the log")
        first.send_signal(signal.SIGTERM)
        assert first.wait(WAIT_S) == 0
