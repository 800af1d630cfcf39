"""`smaller bench`: the app's answer path against a bare gpt4all loop, interleaved in one run.

Both sides use the same model file, prompt, thread count, chat template and greedy sampling, so
they produce the same tokens; only the code around the C library differs. Rounds alternate
A-B, B-A so that a change in machine load hits both sides alike. Reported: the median tokens/s
and time to first token of each side, and their ratios (app / bare).
"""

from __future__ import annotations

import statistics
import threading
import time
from pathlib import Path
from typing import Any

from desktop.core.chatformat import CHATML
from desktop.core.engine import Engine, SamplingSettings

BENCH_PROMPT = "Write a short story about a lighthouse keeper and a cat."


def _bare_gpt4all(model_path: Path, n_threads: int, n_ctx: int) -> Any:
    from gpt4all import GPT4All

    return GPT4All(
        model_path.name, model_path=str(model_path.parent), allow_download=False,
        device="cpu", n_threads=n_threads, n_ctx=n_ctx, verbose=False,
    )  # fmt: skip


def _bare_run(
    model: Any, prompt: str, max_tokens: int, n_batch: int
) -> tuple[float, float | None, int]:
    stamps: list[float] = []

    def on_token(_token_id: int, _text: str) -> bool:
        stamps.append(time.perf_counter())
        return True

    template = CHATML.turn.replace("%1", "{0}").replace("%2", "{1}")
    with model.chat_session(system_prompt="", prompt_template=template):
        started = time.perf_counter()
        model.generate(
            prompt, max_tokens=max_tokens, temp=0.0, top_k=1, top_p=0.9, min_p=0.0,
            repeat_penalty=1.0, repeat_last_n=64, n_batch=n_batch, callback=on_token,
        )  # fmt: skip
    return _figures(started, stamps)


def _figures(started: float, stamps: list[float]) -> tuple[float, float | None, int]:
    ttft = stamps[0] - started if stamps else float("nan")
    tps = (len(stamps) - 1) / (stamps[-1] - stamps[0]) if len(stamps) > 1 else None
    return ttft, tps, len(stamps)


def run_bench(
    model_path: Path,
    *,
    rounds: int = 5,
    max_tokens: int = 128,
    n_threads: int = 1,
    n_ctx: int = 2048,
    prompt: str = BENCH_PROMPT,
) -> dict[str, Any]:
    engine = Engine(model_path, n_ctx=n_ctx, n_threads=n_threads, chat_format=CHATML)
    engine.load()
    bare = _bare_gpt4all(model_path, n_threads, n_ctx)
    settings = SamplingSettings(max_tokens=max_tokens, temperature=0.0, top_k=1, repeat_penalty=1.0)
    app_runs: list[tuple[float, float | None, int]] = []
    bare_runs: list[tuple[float, float | None, int]] = []
    try:
        for i in range(rounds):
            order = ("app", "bare") if i % 2 == 0 else ("bare", "app")
            for side in order:
                if side == "app":
                    result = engine.answer(prompt, settings=settings, stop=threading.Event())
                    tps = result.tokens_per_s
                    app_runs.append((result.ttft_s or float("nan"), tps, len(result.timestamps)))
                else:
                    bare_runs.append(_bare_run(bare, prompt, max_tokens, settings.n_batch))
    finally:
        engine.close()
        bare.close()
    stops = _stop_latencies(model_path, n_threads, n_ctx, rounds)
    app, base = _summary(app_runs), _summary(bare_runs)
    return {
        "model": model_path.name,
        "prompt": prompt,
        "n_threads": n_threads,
        "max_tokens": max_tokens,
        "rounds": rounds,
        "app": app,
        "bare_gpt4all": base,
        "ratio_tokens_per_s": round(app["tokens_per_s"] / base["tokens_per_s"], 3),
        "ratio_ttft": round(app["ttft_s"] / base["ttft_s"], 3),
        "stop_latency_ms": stops,
    }


def _stop_latencies(model_path: Path, n_threads: int, n_ctx: int, rounds: int) -> dict[str, Any]:
    """Time from pressing Stop to the answer returning, while writing and while reading a long
    message (the prompt callback path), in milliseconds."""
    engine = Engine(model_path, n_ctx=n_ctx, n_threads=n_threads, chat_format=CHATML)
    engine.load()
    long_prompt = "Summarise this text. " + "The quick brown fox jumps over the lazy dog. " * 100
    results: dict[str, list[float]] = {"writing": [], "reading": []}
    try:
        for _ in range(rounds):
            for case, prompt, delay in (
                ("writing", BENCH_PROMPT, 0.5),
                ("reading", long_prompt, 0.3),
            ):
                stop = threading.Event()
                pressed: list[float] = []

                def press(stop: threading.Event = stop, pressed: list[float] = pressed) -> None:
                    pressed.append(time.perf_counter())
                    stop.set()

                timer = threading.Timer(delay, press)
                timer.start()
                engine.answer(prompt, settings=SamplingSettings(max_tokens=1000), stop=stop)
                returned = time.perf_counter()
                timer.join()
                if pressed:
                    results[case].append((returned - pressed[0]) * 1000)
    finally:
        engine.close()
    return {
        case: {"median": round(statistics.median(v), 1), "max": round(max(v), 1), "n": len(v)}
        for case, v in results.items() if v
    }  # fmt: skip


def _summary(runs: list[tuple[float, float | None, int]]) -> dict[str, Any]:
    tps = [r[1] for r in runs if r[1] is not None]
    return {
        "tokens_per_s": round(statistics.median(tps), 2) if tps else 0.0,
        "tokens_per_s_all": [round(t, 2) for t in tps],
        "ttft_s": round(statistics.median(r[0] for r in runs), 4),
        "completion_tokens": [r[2] for r in runs],
    }
