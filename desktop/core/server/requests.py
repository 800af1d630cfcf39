"""Request bodies of /v1/chat/completions and /v1/completions, validated into one typed record.

Every problem is a 400 naming the field (`messages[2].role`, `max_tokens`...). What the engine
cannot do is said, not pretended: `n` must be 1, and `seed` is accepted but gpt4all 2.8.2 has no
seed to set (answers at temperature 0 are repeatable anyway); the response lists it as ignored.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field

from desktop.core.context import Turn
from desktop.core.docs.grounding import DocumentsRequest
from desktop.core.server.documents import documents_request
from desktop.core.server.errors import ApiError, bad_field

DEFAULT_MAX_TOKENS = 512
MAX_STOP_STRINGS = 4  # as OpenAI
ROLES = ("system", "developer", "user", "assistant")


@dataclass(frozen=True)
class ApiRequest:
    """One request for the engine: the last user message after `history`."""

    endpoint: str  # "chat" or "completions"
    user: str
    history: tuple[Turn, ...] = ()
    system_prompt: str | None = None  # None: the model's own standing instructions
    max_tokens: int = DEFAULT_MAX_TOKENS
    temperature: float | None = None  # None: the model's own creativity
    top_p: float | None = None
    stop: tuple[str, ...] = ()
    stream: bool = False
    include_usage: bool = False  # stream_options.include_usage: a last chunk with `usage`
    ignored: tuple[str, ...] = field(default_factory=tuple)  # fields accepted but not applied
    documents: DocumentsRequest | None = None  # x_smaller.documents: answer from these


def parse_json(body: bytes) -> dict[str, object]:
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ApiError(400, f"The body is not valid JSON: {exc}.", code="invalid_json") from None
    if not isinstance(data, dict):
        raise ApiError(400, "The body must be a JSON object.", code="invalid_json")
    return data


def _number(data: dict[str, object], name: str, low: float, high: float) -> float | None:
    value = data.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise bad_field(name, f"must be a number from {low:g} to {high:g}.")
    if not low <= value <= high:
        raise bad_field(name, f"must be from {low:g} to {high:g}, not {value}.")
    return float(value)


def _whole(data: dict[str, object], name: str) -> int | None:
    value = data.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise bad_field(name, "must be a whole number.")
    return value


def _max_tokens(data: dict[str, object], cap: int) -> int:
    name = (
        "max_completion_tokens" if data.get("max_completion_tokens") is not None else "max_tokens"
    )
    value = _whole(data, name)
    if value is None:
        return min(DEFAULT_MAX_TOKENS, cap)
    if not 1 <= value <= cap:
        raise bad_field(name, f"must be from 1 to {cap} (this server's cap), not {value}.")
    return value


def _stop(data: dict[str, object]) -> tuple[str, ...]:
    value = data.get("stop")
    if value is None:
        return ()
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(s, str) and s for s in items):
        raise bad_field("stop", "must be a non-empty string or a list of them.")
    if len(items) > MAX_STOP_STRINGS:
        raise bad_field("stop", f"at most {MAX_STOP_STRINGS} strings.")
    return tuple(items)


def _content(value: object, where: str) -> str:
    """A message's text: a string, or a list of text parts (images are refused: no vision)."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        texts = []
        for i, part in enumerate(value):
            if not isinstance(part, dict) or part.get("type") != "text":
                raise bad_field(f"{where}[{i}]", "only text parts are supported.")
            text = part.get("text")
            if not isinstance(text, str):
                raise bad_field(f"{where}[{i}].text", "must be a string.")
            texts.append(text)
        return "".join(texts)
    raise bad_field(where, "must be a string or a list of text parts.")


def _conversation(messages: object) -> tuple[str | None, list[Turn], str]:
    """System text (None when none was given), the past turns, and the last user message.
    Consecutive messages of one role are joined, as one turn."""
    if not isinstance(messages, list) or not messages:
        raise bad_field("messages", "must be a non-empty list of messages.")
    system: list[str] = []
    turns: list[tuple[str, list[str]]] = []  # (role, texts), roles alternating
    for i, message in enumerate(messages):
        if not isinstance(message, dict):
            raise bad_field(f"messages[{i}]", "must be an object with a role and content.")
        role = message.get("role")
        if role not in ROLES:
            raise bad_field(f"messages[{i}].role", f"must be one of {', '.join(ROLES)}.")
        text = _content(message.get("content"), f"messages[{i}].content")
        if role in ("system", "developer"):
            system.append(text)
        elif turns and turns[-1][0] == role:
            turns[-1][1].append(text)
        else:
            turns.append((str(role), [text]))
    if not turns or turns[-1][0] != "user":
        raise bad_field(
            "messages", "the last message (after any system message) must be the user's."
        )
    texts = ["\n\n".join(t) for _role, t in turns]
    if turns[0][0] == "assistant":
        texts.insert(0, "")  # an assistant speaking first: after an empty user turn
    history = [Turn(texts[i], texts[i + 1]) for i in range(0, len(texts) - 1, 2)]
    return ("\n\n".join(system) if system else None), history, texts[-1]


def _common(data: dict[str, object], endpoint: str, cap: int) -> dict[str, object]:
    n = _whole(data, "n")
    if n not in (None, 1):
        raise bad_field("n", "this server writes one answer per request: n must be 1.")
    stream = data.get("stream", False)
    if not isinstance(stream, bool):
        raise bad_field("stream", "must be true or false.")
    options = data.get("stream_options")
    if options is not None and not isinstance(options, dict):
        raise bad_field("stream_options", "must be an object.")
    _whole(data, "seed")
    model = data.get("model")
    if model is not None and not isinstance(model, str):
        raise bad_field("model", "must be a string.")
    return {
        "endpoint": endpoint, "max_tokens": _max_tokens(data, cap),
        "temperature": _number(data, "temperature", 0.0, 2.0),
        "top_p": _number(data, "top_p", 0.0, 1.0), "stop": _stop(data), "stream": stream,
        "include_usage": bool(options and options.get("include_usage")),
        "ignored": ("seed",) if data.get("seed") is not None else (),
    }  # fmt: skip


def chat_request(data: dict[str, object], cap: int) -> ApiRequest:
    system, history, user = _conversation(data.get("messages"))
    if not user.strip():
        raise bad_field("messages", "the last user message is empty.")
    common = _common(data, "chat", cap)
    documents = documents_request(data)
    return ApiRequest(user=user, history=tuple(history), system_prompt=system,
                      documents=documents, **common)  # type: ignore[arg-type]  # fmt: skip


def completion_request(data: dict[str, object], cap: int) -> ApiRequest:
    """/v1/completions: the prompt is answered as one user message (the engine always applies the
    model's chat format), with no standing instructions."""
    prompt = data.get("prompt")
    if isinstance(prompt, list) and len(prompt) == 1 and isinstance(prompt[0], str):
        prompt = prompt[0]
    if not isinstance(prompt, str):
        raise bad_field("prompt", "must be a string (one prompt per request).")
    if not prompt.strip():
        raise bad_field("prompt", "is empty.")
    if data.get("x_smaller") is not None:
        raise bad_field("x_smaller", "answers from documents are on /v1/chat/completions only.")
    common = _common(data, "completions", cap)
    return ApiRequest(user=prompt, system_prompt="", **common)  # type: ignore[arg-type]
