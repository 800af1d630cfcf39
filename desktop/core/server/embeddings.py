"""POST /v1/embeddings: the same offline static model the documents search uses (wordllama's
bundled l2_supercat, 256 dimensions), in OpenAI's shapes.

Not an engine job: the embedder is read-only and thread-safe, and the chat model's single thread
should not wait behind it (nor it behind an answer). It runs in a worker thread, one request at a
time (a semaphore: two cores are shared with the model), loaded once on first use.

Its footprint is estimated, never measured: RAPL counts the whole machine, and the model may be
answering at the same moment. The estimate is the CPU time of the thread that embedded (not the
process's) at the CPU's rated power per thread, as the answers' estimate counts CPU time; memory
is not counted (its power runs anyway, and over milliseconds it is noise).
"""

from __future__ import annotations

import asyncio
import base64
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from desktop.core.docs.embedder import DIMENSIONS, Embedder, EmbedderUnavailable, Vectors
from desktop.core.server.errors import ApiError, bad_field
from desktop.core.store.ledger import LedgerEntry

MODEL_ID = f"wordllama-l2_supercat-{DIMENSIONS}"
MAX_INPUTS = 2048  # as OpenAI
MAX_INPUT_TOKENS = 8192  # as OpenAI's embedding models: per input
# Tokens embedded per call to the embedder: wordllama pads each batch to its longest text and
# gathers a (texts x tokens x 256) float32 array; 16,384 padded tokens keep it under 17 MB.
PADDED_TOKENS_PER_CALL = 16_384
BASIS = ("CPU time of the thread that embedded, at the CPU's rated power per thread; "
         "memory not counted")  # fmt: skip


@dataclass(frozen=True)
class EmbeddingRequest:
    texts: tuple[str, ...]
    base64: bool = False


def embedding_request(data: dict[str, object]) -> EmbeddingRequest:
    """The body, validated: 400 naming the field."""
    value = data.get("input")
    if isinstance(value, str):
        texts = [value]
    elif isinstance(value, list) and value and all(isinstance(t, str) for t in value):
        texts = list(value)
    elif isinstance(value, list) and value:
        i = next(i for i, t in enumerate(value) if not isinstance(t, str))
        raise bad_field(f"input[{i}]", "must be a string (token arrays are not supported).")
    else:
        raise bad_field("input", "must be a non-empty string or a non-empty list of strings.")
    if len(texts) > MAX_INPUTS:
        raise bad_field("input", f"at most {MAX_INPUTS} texts per request, not {len(texts)}.")
    if (empty := next((i for i, t in enumerate(texts) if not t.strip()), None)) is not None:
        raise bad_field("input" if isinstance(value, str) else f"input[{empty}]", "is empty.")
    model = data.get("model")
    if not isinstance(model, str) or not model:
        raise bad_field("model", f"must be a model name, such as “{MODEL_ID}”.")
    encoding = data.get("encoding_format", "float")
    if encoding not in ("float", "base64"):
        raise bad_field("encoding_format", "must be “float” or “base64”.")
    dimensions = data.get("dimensions")
    if dimensions is not None and (isinstance(dimensions, bool) or dimensions != DIMENSIONS):
        raise bad_field("dimensions", f"this model gives {DIMENSIONS} dimensions only.")
    return EmbeddingRequest(tuple(texts), base64=encoding == "base64")


@dataclass
class Embedded:
    vectors: Vectors
    tokens: int
    cpu_s: float
    wall_s: float


def _calls(counts: list[int]) -> list[list[int]]:
    """Indices grouped so that each call's texts, padded to its longest, stay in budget."""
    groups: list[list[int]] = [[]]
    for i in sorted(range(len(counts)), key=counts.__getitem__):  # each text the longest yet
        if groups[-1] and max(counts[i], 1) * (len(groups[-1]) + 1) > PADDED_TOKENS_PER_CALL:
            groups.append([])
        groups[-1].append(i)
    return groups


def embed_texts(texts: list[str], embedder: Embedder | None = None) -> Embedded:
    """Runs in a worker thread: loads the model on first use, refuses over-long inputs."""
    started, cpu_started = time.perf_counter(), time.thread_time()
    embedder = embedder or Embedder.shared()
    counts = embedder.token_counts(texts)
    for i, n in enumerate(counts):
        if n > MAX_INPUT_TOKENS:
            where = f"input[{i}]" if len(texts) > 1 else "input"
            raise bad_field(where, f"has {n} tokens; at most {MAX_INPUT_TOKENS} per text.")
    vectors = np.empty((len(texts), DIMENSIONS), dtype=np.float32)
    for group in _calls(counts):
        vectors[group] = embedder.embed([texts[i] for i in group])
    return Embedded(vectors, sum(counts), time.thread_time() - cpu_started,
                    time.perf_counter() - started)  # fmt: skip


@dataclass
class EmbeddingService:
    """The embeddings route's state: one request at a time, its energy estimated."""

    # The grid zone and CPU power the user chose, read at each request (the answers' meter
    # settings); None in either: from the system locale, detected from the CPU.
    settings: Callable[[], tuple[str | None, float | None]] = lambda: (None, None)
    _gate: tuple[asyncio.AbstractEventLoop, asyncio.Semaphore] | None = field(
        default=None, repr=False
    )  # a semaphore belongs to one event loop; a restarted server runs a new one
    _cache: dict[object, Any] = field(default_factory=dict, repr=False)

    async def run(self, texts: list[str]) -> tuple[Embedded, dict[str, Any]]:
        loop = asyncio.get_running_loop()
        if self._gate is None or self._gate[0] is not loop:
            self._gate = (loop, asyncio.Semaphore(1))
        async with self._gate[1]:
            try:
                done = await loop.run_in_executor(None, embed_texts, texts)
            except EmbedderUnavailable as exc:
                raise ApiError(503, f"The embedding model is not available: {exc}",
                               code="embedder_unavailable") from None  # fmt: skip
            footprint = await loop.run_in_executor(None, self.footprint, done)
        return done, footprint

    def footprint(self, done: Embedded) -> dict[str, Any]:
        try:
            from desktop.core.footprint.estimate import cpu_power_profile, estimate_cpu_energy
            from desktop.core.footprint.grid import default_zone, grid_factors

            zone, watts = self.settings()
            if ("cpu", watts) not in self._cache:  # read /proc/cpuinfo and the tables once
                self._cache["cpu", watts] = cpu_power_profile(tdp_override_w=watts)
            if ("grid", zone) not in self._cache:
                self._cache["grid", zone] = grid_factors(zone or default_zone())
            energy = estimate_cpu_energy(done.cpu_s, self._cache["cpu", watts])
            grid = self._cache["grid", zone]
        except Exception as exc:  # the vectors are given whatever happens here
            return {"measured": False, "method": "not measured", "reason": str(exc)}
        return {
            "energy_wh": _sig(energy.wh), "energy_wh_range": [_sig(energy.low_wh),
                                                              _sig(energy.high_wh)],
            "co2_g": _sig(grid.co2_g(energy.wh)),
            "co2_g_range": [_sig(grid.co2_g(energy.low_wh)), _sig(grid.co2_g(energy.high_wh))],
            "water_ml": _sig(grid.water_ml(energy.wh)), "method": "estimated",
            "basis": BASIS, "grid": grid.zone, "cpu_s": _sig(done.cpu_s),
            "wall_s": _sig(done.wall_s),
        }  # fmt: skip


def _sig(value: float) -> float:
    return float(f"{value:.4g}")


def _encode(vector: Vectors, as_base64: bool) -> list[float] | str:
    if as_base64:  # what the openai client asks for by default: little-endian float32
        return base64.b64encode(np.asarray(vector, dtype="<f4").tobytes()).decode("ascii")
    return [float(x) for x in vector]


def response_body(
    request: EmbeddingRequest, done: Embedded, x_smaller: dict[str, Any]
) -> dict[str, Any]:
    data = [{"object": "embedding", "index": i, "embedding": _encode(v, request.base64)}
            for i, v in enumerate(done.vectors)]  # fmt: skip
    usage = {"prompt_tokens": done.tokens, "total_tokens": done.tokens, "x_smaller": x_smaller}
    return {"object": "list", "data": data, "model": MODEL_ID, "usage": usage}


def ledger_entry(done: Embedded, x_smaller: dict[str, Any], texts: int) -> LedgerEntry | None:
    """The request in the Programs accounting (kind "api"), when its energy was estimated."""
    if x_smaller.get("method") != "estimated":
        return None
    low, high = x_smaller["energy_wh_range"]
    return LedgerEntry(
        kind="api", energy_wh=x_smaller["energy_wh"], energy_wh_low=low, energy_wh_high=high,
        co2_g=x_smaller["co2_g"], water_ml=x_smaller["water_ml"], method="estimated",
        grid=x_smaller["grid"], model=MODEL_ID, prompt_tokens=done.tokens,
        cpu_s=done.cpu_s, wall_s=done.wall_s,
        detail={"endpoint": "embeddings", "inputs": texts},
    )  # fmt: skip
