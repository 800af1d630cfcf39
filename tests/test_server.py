"""The API server over real HTTP on 127.0.0.1 with the real bundled model: the official `openai`
client for chat (streamed and not) and completions, raw HTTP for the refusals, the queue's bound,
a client leaving mid-answer, and `smaller serve` as a subprocess."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.core.server import ApiServer, ServerOptions
from desktop.core.server.ledger import read_totals
from desktop.core.service import EngineService, Job
from desktop.core.session import ModelSession, choice_for_file

pytestmark = pytest.mark.model
KEY = "sk-test-0123456789"
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def served(model_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ApiServer]:
    service = EngineService(ModelSession(threads=1), max_pending=8).start()
    service.submit(lambda s, _stop: s.load(choice_for_file(model_path))).wait(120)
    ledger = tmp_path_factory.mktemp("ledger") / "chats.sqlite3"
    server = ApiServer(service, ServerOptions(api_key=KEY, port=0, ledger=ledger)).start()
    yield server
    server.stop()
    service.shutdown()


def _client(server: ApiServer) -> Any:
    from openai import OpenAI

    return OpenAI(base_url=server.url, api_key=KEY, max_retries=0, timeout=120)


def _raw(
    server: ApiServer, method: str, path: str, body: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, dict[str, str], dict[str, Any]]:  # fmt: skip
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=120)
    sent = {"Authorization": f"Bearer {KEY}", "Content-Type": "application/json", **(headers or {})}
    conn.request(method, path, body=body, headers=sent)
    response = conn.getresponse()
    data = json.loads(response.read() or b"{}")
    conn.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, data


CHAT = "/v1/chat/completions"


def test_models_list_names_the_loaded_model(served: ApiServer) -> None:
    models = _client(served).models.list()
    assert models.data[0].id == served.state.service.session.choice.name  # type: ignore[union-attr]


def test_chat_answers_with_usage_and_its_footprint(served: ApiServer) -> None:
    before = read_totals(served.options.ledger)[1].requests  # type: ignore[arg-type]
    reply = _client(served).chat.completions.create(
        model="anything", max_tokens=8, temperature=0,
        messages=[{"role": "system", "content": "Be brief."},
                  {"role": "user", "content": "What is the capital of France?"}],
    )  # fmt: skip
    assert reply.choices[0].message.content
    assert reply.choices[0].finish_reason in ("stop", "length")
    usage = reply.usage
    assert usage.prompt_tokens > 0 and 0 < usage.completion_tokens <= 8
    extra = usage.model_extra["x_smaller"]
    assert extra["method"] in ("measured", "estimated") and extra["energy_wh"] > 0
    large = extra["estimate_405b"]["energy_wh"]
    assert large["high"] > large["low"] > 0
    today, total = read_totals(served.options.ledger)  # type: ignore[arg-type]
    assert total.requests == before + 1 and today.requests >= 1


def test_streamed_chat_arrives_before_the_answer_is_done(served: ApiServer) -> None:
    stream = _client(served).chat.completions.create(
        model="x", max_tokens=200, stream=True, stream_options={"include_usage": True},
        messages=[{"role": "user", "content": "Count from 1 to 100, one number per line."}],
    )  # fmt: skip
    texts: list[str] = []
    done_at_first: bool | None = None
    usage = None
    for chunk in stream:
        if chunk.choices and chunk.choices[0].delta.content:
            if done_at_first is None:
                jobs = list(served.state.active)
                done_at_first = not jobs or all(j.done.is_set() for j in jobs)
            texts.append(chunk.choices[0].delta.content)
        if chunk.usage is not None:
            usage = chunk.usage
    assert done_at_first is False  # the first words came while the engine was still writing
    assert len(texts) > 1 and usage is not None
    assert usage.completion_tokens >= len(texts) - 1
    assert "x_smaller" in usage.model_extra


def test_completions_and_a_stop_string(served: ApiServer) -> None:
    reply = _client(served).completions.create(model="x", prompt="List three fruits.",
                                               max_tokens=12, stop=["\n"])  # fmt: skip
    assert "\n" not in reply.choices[0].text
    assert reply.usage.model_extra["x_smaller"]["grid"]


def test_refusals_are_openai_errors(served: ApiServer) -> None:
    body = json.dumps({"messages": [{"role": "user", "content": "hi"}], "max_tokens": 2}).encode()
    status, _h, data = _raw(served, "POST", CHAT, body, {"Authorization": ""})
    assert status == 401 and data["error"]["code"] == "invalid_api_key"
    status, _h, data = _raw(served, "POST", CHAT, body, {"Authorization": "Bearer wrong"})
    assert status == 401
    status, _h, data = _raw(served, "GET", "/v1/models", None, {"Host": "evil.example:80"})
    assert status == 403 and data["error"]["code"] == "host_not_allowed"
    other_port = {"Host": f"127.0.0.1:{served.port + 1}"}
    status, _h, _d = _raw(served, "GET", "/v1/models", None, other_port)
    assert status == 403
    status, _h, data = _raw(served, "GET", "/v1/models", None, {"Origin": "http://evil.example"})
    assert status == 403 and data["error"]["code"] == "origin_not_allowed"
    status, _h, data = _raw(served, "POST", CHAT, b"{not json")
    assert status == 400 and data["error"]["code"] == "invalid_json"
    bad = json.dumps({"messages": [{"role": "user", "content": "hi"}], "max_tokens": 10**6})
    status, _h, data = _raw(served, "POST", CHAT, bad.encode())
    assert status == 400 and data["error"]["param"] == "max_tokens"
    assert "max_tokens" in data["error"]["message"]
    long = json.dumps({"messages": [{"role": "user", "content": "word " * 20_000}]})
    status, _h, data = _raw(served, "POST", CHAT, long.encode())
    assert status == 400 and data["error"]["code"] == "prompt_too_long"
    status, _h, data = _raw(served, "GET", "/v1/nothing")
    assert status == 404 and "error" in data


def test_a_body_over_the_limit_is_413_before_it_is_read(served: ApiServer) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", served.port, timeout=30)
    conn.putrequest("POST", CHAT)
    conn.putheader("Authorization", f"Bearer {KEY}")
    conn.putheader("Content-Length", str(10 * 1024 * 1024))  # 10 MB announced
    conn.endheaders()
    conn.send(b"{" + b" " * 1000)
    response = conn.getresponse()
    assert response.status == 413
    assert json.loads(response.read())["error"]["code"] == "body_too_large"
    conn.close()


def test_a_full_queue_is_429_with_retry_after(served: ApiServer) -> None:
    service = served.state.service
    release = threading.Event()
    blockers: list[Job[Any]] = [service.submit(lambda _s, stop: release.wait(30))]
    try:
        while not blockers[0].started:  # the slow job holds the engine thread
            time.sleep(0.01)
        while service.pending < service._max_pending:  # fill the queue behind the slow job
            blockers.append(service.submit(lambda _s, _stop: None))
        body = json.dumps({"messages": [{"role": "user", "content": "hi"}], "max_tokens": 2})
        status, headers, data = _raw(served, "POST", CHAT, body.encode())
        assert status == 429 and int(headers["retry-after"]) >= 1
        assert data["error"]["type"] == "rate_limit_error"
    finally:
        release.set()
        for job in blockers:
            job.wait(30)


def test_a_client_that_leaves_mid_stream_stops_the_answer(served: ApiServer) -> None:
    sock = _open_stream(served.port)
    jobs = [j for j in served.state.active if j.kind == "api"]
    assert len(jobs) == 1
    sock.close()
    assert jobs[0].done.wait(10)
    assert jobs[0].stop.is_set()
    result = jobs[0].result
    assert result is not None and result.result.status == "stopped"
    assert result.result.completion_tokens < 2000


def test_twenty_concurrent_requests_are_all_answered_in_arrival_order(
    served: ApiServer, tmp_path: Path
) -> None:
    """The engine is held while 20 requests arrive, one after the other, so that all 20 wait
    together in a known order; then each must be answered, and the engine must have begun them
    in that order (the ledger keeps each response's id, its job and the order jobs started)."""
    service = served.state.service
    ledger = tmp_path / "chats.sqlite3"
    other = ApiServer(service, ServerOptions(api_key=KEY, port=0, ledger=ledger)).start()
    release = threading.Event()
    holder = service.submit(lambda _s, _stop: release.wait(120))
    replies: dict[int, tuple[int, dict[str, Any]]] = {}

    def ask(i: int) -> None:
        body = json.dumps({"messages": [{"role": "user", "content": f"Say {i}"}], "max_tokens": 2})
        status, _h, data = _raw(other, "POST", CHAT, body.encode())
        replies[i] = (status, data)

    threads = [threading.Thread(target=ask, args=(i,)) for i in range(20)]
    old, service._max_pending = service._max_pending, 32
    try:
        for i, thread in enumerate(threads):
            thread.start()
            while len(other.state.active) < i + 1 and thread.is_alive():  # accepted: queued
                time.sleep(0.005)
        assert len(other.state.active) == 20 and not holder.done.is_set()
        release.set()
        for thread in threads:
            thread.join(300)
    finally:
        release.set()
        service._max_pending = old
        other.stop()
    assert {i: status for i, (status, _d) in replies.items()} == dict.fromkeys(range(20), 200)
    conn = sqlite3.connect(ledger)
    rows = [json.loads(d) for (d,) in conn.execute("SELECT detail FROM ledger WHERE kind = 'api'")]
    conn.close()
    by_id = {row["id"]: row for row in rows}
    order = [by_id[replies[i][1]["id"]] for i in range(20)]  # every answer recorded: none lost
    assert len(rows) == 20
    jobs = [row["job"] for row in order]
    starts = [row["start"] for row in order]
    assert jobs == sorted(jobs) and starts == sorted(starts)  # accepted and begun in arrival order
    assert starts == list(range(starts[0], starts[0] + 20))  # one after the other, nothing between


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_smaller_serve_answers_and_stops_on_sigterm(tmp_path: Path) -> None:
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    with subprocess.Popen(
        [sys.executable, "-m", "desktop", "serve", "--port", str(port), "--api-key", KEY,
         "--threads", "1"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=REPO,
    ) as proc:  # fmt: skip
        _serve_and_stop(proc, port)
    from desktop.core.paths import chats_db_path

    assert read_totals(chats_db_path())[1].requests == 2  # the stopped answer counted too


def _open_stream(port: int) -> socket.socket:
    """A streamed answer of up to 2,000 tokens, read until its first words arrived."""
    story = [{"role": "user", "content": "Write a very long story."}]
    body = json.dumps({"messages": story, "max_tokens": 2000, "stream": True}).encode()
    sock = socket.create_connection(("127.0.0.1", port), timeout=60)
    sock.sendall(
        f"POST {CHAT} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAuthorization: Bearer {KEY}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n".encode()
        + body
    )
    received = b""
    while received.count(b"data: ") < 3:
        received += sock.recv(4096)
    return sock


def _serve_and_stop(proc: subprocess.Popen[str], port: int) -> None:
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert f"http://127.0.0.1:{port}/v1" in first, first + proc.stderr.read()  # type: ignore[union-attr]
        assert KEY in proc.stdout.readline()
        from openai import OpenAI

        client = OpenAI(base_url=f"http://127.0.0.1:{port}/v1", api_key=KEY, max_retries=0)
        reply = client.chat.completions.create(
            model="x", max_tokens=4, messages=[{"role": "user", "content": "Hi"}]
        )
        assert reply.usage is not None and reply.usage.completion_tokens > 0
        streaming = _open_stream(port)  # stopped by the signal, mid-answer
        proc.send_signal(signal.SIGTERM)
        asked = time.monotonic()
        assert proc.wait(20) == 0
        print(f"\nsmaller serve exited {time.monotonic() - asked:.2f} s after SIGTERM, mid-answer")
        streaming.close()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_stopping_the_server_mid_stream_stops_and_records_the_answer(
    served: ApiServer, tmp_path: Path
) -> None:
    ledger = tmp_path / "chats.sqlite3"
    options = ServerOptions(api_key=KEY, port=0, ledger=ledger)
    other = ApiServer(served.state.service, options).start()
    sock = _open_stream(other.port)
    job = next(iter(other.state.active))
    assert other.stop(timeout_s=5.0)  # ended within the bound
    assert job.done.is_set() and job.stop.is_set()
    sock.close()
    assert read_totals(ledger)[1].requests == 1  # the stopped answer is counted


def test_bench_server_reports_both_paths(model_path: Path) -> None:
    from desktop.core.server.bench import run_server_bench

    report = run_server_bench(model_path, rounds=1, max_tokens=8)
    print("\n" + json.dumps(report))  # figures are printed, never asserted
    assert report["completion_tokens"]["direct"] == report["completion_tokens"]["server"] == 8
    assert report["disconnect_to_stop_ms"]["max"] > 0


def test_an_allowed_origin_gets_cors_headers_and_others_none(served: ApiServer) -> None:
    page = "http://localhost:3000"
    options = ServerOptions(api_key=KEY, port=0, allowed_origins=(page,))
    other = ApiServer(served.state.service, options).start()
    try:
        conn = http.client.HTTPConnection("127.0.0.1", other.port, timeout=30)
        asking = {"Origin": page, "Access-Control-Request-Method": "POST"}
        conn.request("OPTIONS", CHAT, headers=asking)
        preflight = conn.getresponse()
        preflight.read()
        assert preflight.status == 204
        assert preflight.getheader("Access-Control-Allow-Origin") == page
        assert "authorization" in (preflight.getheader("Access-Control-Allow-Headers") or "")
        key = {"Authorization": f"Bearer {KEY}"}
        conn.request("GET", "/v1/models", headers={"Origin": page, **key})
        response = conn.getresponse()
        response.read()
        assert response.status == 200 and response.getheader("Access-Control-Allow-Origin") == page
        conn.request("GET", "/v1/models", headers=key)
        plain = conn.getresponse()
        plain.read()
        assert plain.status == 200 and plain.getheader("Access-Control-Allow-Origin") is None
        conn.close()
    finally:
        other.stop()
