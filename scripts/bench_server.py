"""What the API server adds to an answer: the server path (HTTP + SSE, streamed) against the path
`smaller ask` takes (ModelSession.answer on the engine thread), on the same model and greedy prompt,
interleaved (A-B, B-A) so a busy machine slows both alike. Prints JSON:

- time to first token seen by the caller (submit -> first text), medians, and the difference;
- tokens/s of each path (first to last token), medians, and their ratio (server / direct);
- requests/s for short non-streamed answers, server vs direct;
- `smaller ask --json` run as a process on the same prompt: its ttft_s and total time (model load
  included), for reference;
- the installed size of the server's packages (starlette, uvicorn and what they need).

    .venv/bin/python scripts/bench_server.py [rounds]
"""

from __future__ import annotations

import http.client
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from importlib import metadata
from pathlib import Path

os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="smaller-bench-")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.core.server import ApiServer, ServerOptions  # noqa: E402
from desktop.core.service import EngineService  # noqa: E402
from desktop.core.session import ModelSession, active_choice  # noqa: E402

PROMPT = "Explain in a few sentences why the sky is blue."
MAX_TOKENS = 96
KEY = "sk-bench-0123456789"
SERVER_PACKAGES = ("starlette", "uvicorn", "anyio", "h11", "click", "idna")


def direct(service: EngineService, max_tokens: int = MAX_TOKENS) -> tuple[float, float, int]:
    first: list[float] = []
    asked = time.perf_counter()

    def work(session: ModelSession, stop: threading.Event) -> object:
        return session.answer(
            PROMPT, system_prompt="", settings=session.sampling(max_tokens, 0.0), stop=stop,
            on_text=lambda _t: first.append(time.perf_counter()) if not first else None,
        )  # fmt: skip

    result = service.submit(work, kind="answer").wait(300)
    return first[0] - asked, float(result.tokens_per_s or 0.0), result.completion_tokens  # type: ignore[attr-defined]


def served(
    port: int, stream: bool = True, max_tokens: int = MAX_TOKENS
) -> tuple[float, float, int]:
    body = json.dumps({"messages": [{"role": "system", "content": ""},
                                    {"role": "user", "content": PROMPT}],
                       "max_tokens": max_tokens, "temperature": 0, "stream": stream})  # fmt: skip
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    asked = time.perf_counter()
    headers = {"Authorization": f"Bearer {KEY}", "Content-Type": "application/json"}
    conn.request("POST", "/v1/chat/completions", body, headers)
    response = conn.getresponse()
    if not stream:
        data = json.loads(response.read())
        conn.close()
        return time.perf_counter() - asked, 0.0, data["usage"]["completion_tokens"]
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
            tokens = event["usage"]["completion_tokens"]
    conn.close()
    speed = (len(stamps) - 1) / (stamps[-1] - stamps[0]) if len(stamps) > 1 else 0.0
    return stamps[0] - asked, speed, tokens


def disconnect_stop_ms(server: ApiServer) -> float:
    """From the client closing its connection mid-stream to the engine job's end."""
    import socket

    body = json.dumps({"messages": [{"role": "user", "content": "Write a very long story."}],
                       "max_tokens": 2000, "stream": True}).encode()  # fmt: skip
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
    job.done.wait(30)
    return (time.perf_counter() - closed) * 1000


def package_mb() -> dict[str, float]:
    sizes = {}
    for name in SERVER_PACKAGES:
        dist = metadata.distribution(name)
        total = sum(
            os.path.getsize(p) for f in dist.files or [] if (p := dist.locate_file(f)).is_file()
        )  # type: ignore[arg-type]
        sizes[f"{name} {dist.version}"] = round(total / 1e6, 2)
    return sizes


def main(rounds: int) -> None:
    service = EngineService(ModelSession(threads=1)).start()
    service.submit(lambda s, _stop: s.load(active_choice())).wait(120)
    server = ApiServer(service, ServerOptions(api_key=KEY, port=0)).start()
    direct(service), served(server.port)  # warm both paths (first-answer costs)
    rows: dict[str, list[tuple[float, float, int]]] = {"direct": [], "server": []}
    for i in range(rounds):
        order = ("direct", "server") if i % 2 == 0 else ("server", "direct")
        for path in order:
            rows[path].append(direct(service) if path == "direct" else served(server.port))
    short = 16
    started = time.perf_counter()
    for _ in range(rounds * 2):
        direct(service, short)
    direct_rps = rounds * 2 / (time.perf_counter() - started)
    started = time.perf_counter()
    for _ in range(rounds * 2):
        served(server.port, stream=False, max_tokens=short)
    server_rps = rounds * 2 / (time.perf_counter() - started)
    stops = [disconnect_stop_ms(server) for _ in range(rounds)]
    server.stop()
    service.shutdown()

    def med(path: str, i: int) -> float:
        return statistics.median(r[i] for r in rows[path])

    ask = subprocess.run(
        [sys.executable, "-m", "desktop", "ask", PROMPT, "--json", "--temperature", "0",
         "--max-tokens", str(MAX_TOKENS), "--threads", "1", "--system", " "],
        capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    ask_json = json.loads(ask.stdout) if ask.returncode == 0 else {"error": ask.stderr}
    print(json.dumps({
        "rounds": rounds, "max_tokens": MAX_TOKENS, "threads": 1, "cpus": os.cpu_count(),
        "ttft_s": {"direct": round(med("direct", 0), 4), "server": round(med("server", 0), 4),
                   "extra_ms": round((med("server", 0) - med("direct", 0)) * 1000, 1)},
        "tokens_per_s": {"direct": round(med("direct", 1), 1), "server": round(med("server", 1), 1),
                         "ratio": round(med("server", 1) / med("direct", 1), 3)},
        "completion_tokens": {"direct": med("direct", 2), "server": med("server", 2)},
        "requests_per_s_16_tokens": {"direct": round(direct_rps, 2),
                                     "server": round(server_rps, 2)},
        "smaller_ask_process": {key: ask_json.get(key)
                                for key in ("ttft_s", "total_s", "tokens_per_s")},
        "disconnect_to_stop_ms": {"median": round(statistics.median(stops), 1),
                                  "max": round(max(stops), 1)},
        "server_packages_mb": package_mb(),
    }, indent=1))  # fmt: skip


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
