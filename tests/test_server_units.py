"""The server's parts that need no model: request validation, stop strings, the Host check, the
settings file and the Programs totals read from a real ledger."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from desktop.core.context import Turn
from desktop.core.server.bridge import StopScanner
from desktop.core.server.errors import ApiError
from desktop.core.server.ledger import read_totals, start_of_today
from desktop.core.server.requests import chat_request, completion_request, parse_json
from desktop.core.server.security import Policy, host_allowed, split_host
from desktop.core.server.settings import load_settings, renew_key, settings_path
from desktop.core.store.chats import ChatStore
from desktop.core.store.ledger import LedgerEntry


def _field(data: dict[str, object], cap: int = 100) -> str | None:
    with pytest.raises(ApiError) as caught:
        chat_request(data, cap)
    assert caught.value.status == 400
    return caught.value.param


def test_a_conversation_becomes_system_history_and_the_last_user_message() -> None:
    req = chat_request({"messages": [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello"},
        {"role": "user", "content": [{"type": "text", "text": "Capital of "},
                                     {"type": "text", "text": "France?"}]},
    ], "max_tokens": 7, "temperature": 0, "top_p": 0.5, "stop": "\n", "seed": 3}, 100)  # fmt: skip
    assert req.system_prompt == "Be brief."
    assert req.history == (Turn("Hi", "Hello"),)
    assert req.user == "Capital of France?"
    assert (req.max_tokens, req.temperature, req.top_p, req.stop) == (7, 0.0, 0.5, ("\n",))
    assert req.ignored == ("seed",)  # gpt4all 2.8.2 has no seed: said, not pretended


def test_no_system_message_keeps_the_models_own_instructions() -> None:
    assert chat_request({"messages": [{"role": "user", "content": "x"}]}, 100).system_prompt is None


@pytest.mark.parametrize(
    ("data", "param"),
    [
        ({"messages": []}, "messages"),
        ({"messages": [{"role": "robot", "content": "x"}]}, "messages[0].role"),
        ({"messages": [{"role": "user", "content": 3}]}, "messages[0].content"),
        ({"messages": [{"role": "user", "content": "x"}, {"role": "assistant", "content": "y"}]},
         "messages"),
        ({"messages": [{"role": "user", "content": "x"}], "max_tokens": 101}, "max_tokens"),
        ({"messages": [{"role": "user", "content": "x"}], "max_tokens": "5"}, "max_tokens"),
        ({"messages": [{"role": "user", "content": "x"}], "temperature": 3}, "temperature"),
        ({"messages": [{"role": "user", "content": "x"}], "top_p": -1}, "top_p"),
        ({"messages": [{"role": "user", "content": "x"}], "stop": ["a"] * 5}, "stop"),
        ({"messages": [{"role": "user", "content": "x"}], "n": 2}, "n"),
        ({"messages": [{"role": "user", "content": "x"}], "stream": "yes"}, "stream"),
    ],
)  # fmt: skip
def test_a_bad_field_is_named(data: dict[str, object], param: str) -> None:
    assert _field(data) == param


def test_completions_take_one_prompt_and_bad_json_is_a_400() -> None:
    assert completion_request({"prompt": ["Paris is"]}, 10).user == "Paris is"
    with pytest.raises(ApiError) as caught:
        completion_request({"prompt": 5}, 10)
    assert caught.value.param == "prompt"
    for body in (b"{", b"[1]", b"\xff"):
        with pytest.raises(ApiError) as caught:
            parse_json(body)
        assert caught.value.status == 400


def test_stop_strings_are_cut_and_never_shown_even_split_across_tokens() -> None:
    stop = threading.Event()
    scanner = StopScanner(("END",), stop)
    shown = [scanner.feed(p) for p in ("Hello E", "N", "x wor", "ld EN", "D more")]
    assert "".join(shown) == "Hello ENx world "
    assert scanner.matched and stop.is_set()
    assert scanner.feed("after") == ""
    plain = StopScanner(("END",), threading.Event())
    assert plain.feed("an E") == "an " and plain.finish() == "E"


@pytest.mark.parametrize(
    ("host", "ok"),
    [
        ("127.0.0.1:4891", True), ("localhost:4891", True), ("[::1]:4891", True),
        ("127.0.0.2:4891", True), ("LOCALHOST:4891", True),
        ("127.0.0.1:80", False), ("127.0.0.1", False), ("evil.example:4891", False),
        ("localhost.evil.example:4891", False), ("192.168.1.5:4891", False), ("", False),
    ],
)  # fmt: skip
def test_only_loopback_hosts_with_this_port_pass(host: str, ok: bool) -> None:
    assert host_allowed(host, Policy(api_key="k", port=4891)) is ok


def test_a_chosen_address_passes_too() -> None:
    policy = Policy(api_key="k", port=4891, extra_hosts=frozenset({"192.168.1.5"}))
    assert host_allowed("192.168.1.5:4891", policy)
    everywhere = Policy(api_key="k", port=4891, any_address=True)
    assert host_allowed("10.0.0.7:4891", everywhere) and host_allowed("[fe80::1]:4891", everywhere)
    assert not host_allowed("attacker.example:4891", everywhere)
    assert split_host("[::1]") == ("::1", None)


def test_the_key_is_made_once_saved_privately_and_renewed() -> None:
    first = load_settings()
    assert first.api_key.startswith("sk-smaller-") and not first.enabled and first.port == 4891
    assert load_settings().api_key == first.api_key
    assert settings_path().stat().st_mode & 0o077 == 0
    renewed = renew_key()
    assert renewed.api_key != first.api_key
    assert json.loads(settings_path().read_text())["api_key"] == renewed.api_key


def test_a_damaged_settings_file_gives_the_defaults(tmp_path: Path) -> None:
    file = tmp_path / "server.json"
    file.write_text("{not json")
    assert load_settings(file, create_key=False).port == 4891


def _entry(at: float, energy: float, kind: str = "api") -> LedgerEntry:
    return LedgerEntry(
        kind=kind, energy_wh=energy, energy_wh_low=energy, energy_wh_high=energy, co2_g=1.0,
        water_ml=0.0, method="estimated", grid="WOR", prompt_tokens=10, completion_tokens=5,
        detail={"estimate_405b": {"energy_wh_low": 2.0, "energy_wh_high": 8.0,
                                  "co2_g_low": 1.0, "co2_g_high": 4.0}}, at=at,
    )  # fmt: skip


def test_programs_totals_read_the_ledger_today_and_in_total(tmp_path: Path) -> None:
    path = tmp_path / "chats.sqlite3"
    store = ChatStore(path)
    now = time.time()
    store.record(_entry(start_of_today(now) - 3600, 0.5))  # yesterday
    store.record(_entry(now, 0.25))
    store.record(_entry(now, 9.0, kind="answer"))  # the window's answers are not programs'
    today, total = read_totals(path, now)
    assert (today.requests, total.requests) == (1, 2)
    assert total.energy_wh == pytest.approx(0.75) and total.prompt_tokens == 20
    assert total.energy_405b_wh == (4.0, 16.0) and today.co2_405b_g == (1.0, 4.0)
    assert total.method == "estimated"
    with pytest.raises(sqlite3.IntegrityError):  # still append-only
        sqlite3.connect(path).execute("DELETE FROM ledger")
    assert read_totals(tmp_path / "none.sqlite3")[1].requests == 0


@pytest.mark.parametrize(
    ("args", "says"),
    [(["--port", "0"], "--port"), (["--port", "70000"], "--port"),
     (["--api-key", "abc"], "--api-key"), (["--threads", "0"], "--threads")],
)  # fmt: skip
def test_serve_refuses_bad_flags_before_loading_anything(args: list[str], says: str) -> None:
    import subprocess
    import sys

    run = subprocess.run(
        [sys.executable, "-m", "desktop", "serve", *args], capture_output=True, text=True,
        timeout=60, cwd=Path(__file__).resolve().parents[1],
    )  # fmt: skip
    assert run.returncode == 2 and says in run.stderr and run.stdout == ""
