"""`smaller bench --server`: the server path (HTTP, server-sent events) against `smaller ask`'s path
(`ModelSession.answer` on the engine thread), same model, greedy prompt and thread count,
interleaved A-B, B-A so a change in machine load hits both alike. Reported (medians): time to the
first token as the caller sees it, tokens/s and their ratio; requests/s for short answers; and
how long after a client disconnects mid-stream its answer stops.
"""

from __future__ import annotations

import http.client
import json
import socket
import statistics
import threading
import time
from pathlib import Path
from typing import Any

from desktop.core.records import AnswerResult
from desktop.core.server.runner import ApiServer, ServerOptions
from desktop.core.service import EngineService
from desktop.core.session import ModelSession, choice_for_file

PROMPT = "Explain in a few sentences why the sky is blue."
KEY = "sk-bench-0123456789"
SHORT_TOKENS = 16


def _direct(service: EngineService, max_tokens: int) -> tuple[float, float, int]:
    first: list[float] = []
    asked = time.perf_counter()

    def on_text(_text: str) -> None:
        if not first:
            first.append(time.perf_counter())

    def work(session: ModelSession, stop: threading.Event) -> AnswerResult:
        settings = session.sampling(max_tokens, 0.0)
        return session.answer(PROMPT, system_prompt="", settings=settings, stop=stop,
                              on_text=on_text)  # fmt: skip

    result = service.submit(work, kind="answer").wait(600)
    ttft = (first[0] - asked) if first else 0.0
    return ttft, float(result.tokens_per_s or 0.0), result.completion_tokens


def _served(port: int, max_tokens: int, stream: bool = True) -> tuple[float, float, int]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    try:
        return _read_served(conn, max_tokens, stream)
    finally:
        conn.close()


def _read_served(
    conn: http.client.HTTPConnection, max_tokens: int, stream: bool
) -> tuple[float, float, int]:
    messages = [{"role": "system", "content": ""}, {"role": "user", "content": PROMPT}]
    body = {"messages": messages, "max_tokens": max_tokens, "temperature": 0, "stream": stream}
    headers = {"Authorization": f"Bearer {KEY}", "Content-Type": "application/json"}
    asked = time.perf_counter()
    conn.request("POST", "/v1/chat/completions", json.dumps(body), headers)
    response = conn.getresponse()
    if not stream:
        data = json.loads(response.read())
        return time.perf_counter() - asked, 0.0, int(data["usage"]["completion_tokens"])
    stamps: list[float] = []
    tokens = 0
    for line in response:
        if not line.startswith(b"data: {"):
            continue
        event = json.loads(line[6:])
        choices = event.get("choices") or []
        if choices and choices[0]["delta"].get("content"):
            stamps.append(time.perf_counter())
        if event.get("usage"):
            tokens = int(event["usage"]["completion_tokens"])
    speed = (len(stamps) - 1) / (stamps[-1] - stamps[0]) if len(stamps) > 1 else 0.0
    return (stamps[0] - asked) if stamps else 0.0, speed, tokens


def _disconnect_stop_ms(server: ApiServer) -> float:
    """From the client closing its connection mid-stream to the end of its engine job."""
    story = [{"role": "user", "content": "Write a very long story."}]
    body = json.dumps({"messages": story, "max_tokens": 2000, "stream": True}).encode()
    sock = socket.create_connection(("127.0.0.1", server.port))
    sock.sendall(
        f"POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\n"
        f"Authorization: Bearer {KEY}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n".encode()
        + body
    )
    received = b""
    while received.count(b"data: ") < 4:
        received += sock.recv(4096)
    job = next(iter(server.state.active))
    closed = time.perf_counter()
    sock.close()
    job.done.wait(60)
    return (time.perf_counter() - closed) * 1000


def run_server_bench(
    model_path: Path, *, rounds: int = 5, max_tokens: int = 96, n_threads: int = 1
) -> dict[str, Any]:
    service = EngineService(ModelSession(threads=n_threads)).start()
    try:
        service.submit(lambda s, _stop: s.load(choice_for_file(model_path))).wait(300)
        server = ApiServer(service, ServerOptions(api_key=KEY, port=0)).start()
        try:
            _direct(service, max_tokens), _served(server.port, max_tokens)  # warm both paths
            rows: dict[str, list[tuple[float, float, int]]] = {"direct": [], "server": []}
            for i in range(rounds):
                for path in ("direct", "server") if i % 2 == 0 else ("server", "direct"):
                    row = (_direct(service, max_tokens) if path == "direct"
                           else _served(server.port, max_tokens))  # fmt: skip
                    rows[path].append(row)
            started = time.perf_counter()
            for _ in range(rounds * 2):
                _direct(service, SHORT_TOKENS)
            direct_rps = rounds * 2 / (time.perf_counter() - started)
            started = time.perf_counter()
            for _ in range(rounds * 2):
                _served(server.port, SHORT_TOKENS, stream=False)
            server_rps = rounds * 2 / (time.perf_counter() - started)
            stops = [_disconnect_stop_ms(server) for _ in range(rounds)]
        finally:
            server.stop()
    finally:
        service.shutdown()

    def med(path: str, i: int) -> float:
        return float(statistics.median(r[i] for r in rows[path]))

    return {
        "model": model_path.name, "rounds": rounds, "max_tokens": max_tokens,
        "threads": n_threads,
        "ttft_s": {"direct": round(med("direct", 0), 4), "server": round(med("server", 0), 4),
                   "extra_ms": round((med("server", 0) - med("direct", 0)) * 1000, 1)},
        "tokens_per_s": {"direct": round(med("direct", 1), 1), "server": round(med("server", 1), 1),
                         "ratio": round(med("server", 1) / med("direct", 1), 3)
                         if med("direct", 1) else None},
        "completion_tokens": {"direct": med("direct", 2), "server": med("server", 2)},
        f"requests_per_s_{SHORT_TOKENS}_tokens": {"direct": round(direct_rps, 2),
                                                  "server": round(server_rps, 2)},
        "disconnect_to_stop_ms": {"median": round(statistics.median(stops), 1),
                                  "max": round(max(stops), 1)},
    }  # fmt: skip
