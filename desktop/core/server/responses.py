"""Response bodies in OpenAI's shapes, with `usage.x_smaller`: the request's energy, CO2 and how
they were obtained (measured from RAPL counters, or estimated), and the estimate for the same
prompt and answer tokens on Llama 3.1 405B in a datacenter (desktop.core.compare, through the
same `compare_saved` the window's comparison uses)."""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass
from typing import Any

from desktop.core.measured import compare_saved
from desktop.core.server.bridge import Served
from desktop.core.server.documents import sources_json
from desktop.core.server.requests import ApiRequest


def _sig(value: float) -> float:
    return float(f"{value:.4g}")


@dataclass(frozen=True)
class Footprint:
    """What one request cost, and its 405B estimate (None when nothing was measured)."""

    x_smaller: dict[str, Any]
    estimate_405b: dict[str, float] | None


def footprint(served: Served, model_file_bytes: int | None, model_file: str = "") -> Footprint:
    result = served.result
    fp = result.footprint
    if fp is None:
        return Footprint({"measured": False, "method": None}, None)
    data: dict[str, Any] = {
        "energy_wh": _sig(fp.energy_wh),
        "energy_wh_range": [_sig(fp.energy_wh_low), _sig(fp.energy_wh_high)],
        "co2_g": _sig(fp.co2_g),
        "co2_g_range": [_sig(fp.co2_g_low), _sig(fp.co2_g_high)],
        "water_ml": _sig(fp.water_ml),
        "method": fp.method,
        "grid": fp.grid,
        "cpu_s": _sig(result.usage.cpu_s) if result.usage else None,
        "wall_s": _sig(result.usage.wall_s) if result.usage else None,
    }
    estimate: dict[str, float] | None = None
    # The same call as the window's comparison: the datacenter on the user's grid, the file's
    # name giving the local model's precision.
    comparison = compare_saved([result], model_file_bytes, result.model, None, model_file)
    if comparison is not None:
        (e_low, e_high), (c_low, c_high) = comparison.energy_wh, comparison.co2_g
        estimate = {"energy_wh_low": e_low, "energy_wh_high": e_high,
                    "co2_g_low": c_low, "co2_g_high": c_high}  # fmt: skip
        data["estimate_405b"] = {
            "model": "Llama 3.1 405B",
            "energy_wh": {"low": _sig(e_low), "high": _sig(e_high)},
            "co2_g": {"low": _sig(c_low), "high": _sig(c_high)},
            "method_low": comparison.low.method,
            "method_high": comparison.high.method,
        }
    return Footprint(data, estimate)


def usage(served: Served, fp: Footprint) -> dict[str, Any]:
    r = served.result
    return {
        "prompt_tokens": r.prompt_tokens,
        "completion_tokens": r.completion_tokens,
        "total_tokens": r.prompt_tokens + r.completion_tokens,
        "x_smaller": fp.x_smaller,
    }


def new_id(request: ApiRequest) -> str:
    prefix = "chatcmpl" if request.endpoint == "chat" else "cmpl"
    return f"{prefix}-{uuid.uuid4().hex[:24]}"


def completion_body(
    request: ApiRequest, rid: str, model: str, served: Served, fp: Footprint
) -> dict[str, Any]:
    choice: dict[str, Any] = {"index": 0, "finish_reason": served.finish_reason}
    if request.endpoint == "chat":
        choice["message"] = {"role": "assistant", "content": served.text}
        choice["logprobs"] = None
        obj = "chat.completion"
    else:
        choice["text"] = served.text
        choice["logprobs"] = None
        obj = "text_completion"
    body: dict[str, Any] = {
        "id": rid, "object": obj, "created": int(time.time()), "model": model,
        "choices": [choice], "usage": usage(served, fp), "system_fingerprint": None,
    }  # fmt: skip
    if request.ignored:
        body["x_smaller_ignored"] = list(request.ignored)
    if (extension := grounding(request, served)) is not None:
        body["x_smaller"] = extension
    return body


def grounding(request: ApiRequest, served: Served) -> dict[str, Any] | None:
    """`x_smaller` of a request that named collections: the passages the answer read (none when
    no passage matched)."""
    if request.documents is None:
        return None
    return {
        "documents": list(request.documents.collections),
        "only_documents": request.documents.only_documents,
        "sources": sources_json(served.result.sources),
    }


def chunk(
    request: ApiRequest, rid: str, model: str, *, text: str | None = None,
    role: bool = False, finish: str | None = None, usage_body: dict[str, Any] | None = None,
    no_choices: bool = False, extension: dict[str, Any] | None = None,
) -> bytes:  # fmt: skip
    """One server-sent event of a streamed answer."""
    choices: list[dict[str, Any]] = []
    if not no_choices:
        if request.endpoint == "chat":
            delta: dict[str, Any] = {"role": "assistant"} if role else {}
            if text is not None:
                delta["content"] = text
            choices.append({"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None})
        else:
            choices.append({"index": 0, "text": text or "", "finish_reason": finish,
                            "logprobs": None})  # fmt: skip
    body: dict[str, Any] = {
        "id": rid,
        "object": "chat.completion.chunk" if request.endpoint == "chat" else "text_completion",
        "created": int(time.time()), "model": model, "choices": choices,
    }  # fmt: skip
    if usage_body is not None:
        body["usage"] = usage_body
    if extension is not None:
        body["x_smaller"] = extension
    return sse(body)


def sse(body: object) -> bytes:
    return b"data: " + json.dumps(body, ensure_ascii=False).encode("utf-8") + b"\n\n"


SSE_DONE = b"data: [DONE]\n\n"
