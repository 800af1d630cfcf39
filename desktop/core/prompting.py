"""The calls into gpt4all's C library that feed a prompt and read the reply, and the
end-of-turn markers some models write as text instead of stopping."""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.core.engine import SamplingSettings


def feed(
    model: Any,
    text: str,
    template: str,
    on_prompt: Callable[[int], bool],
    *,
    on_response: Callable[[int, str], bool] | None = None,
    reset: bool = False,
    special: bool = False,
    n: int = 0,
    fake_reply: str | None = None,
    temp: SamplingSettings | None = None,
) -> None:
    """One call of llmodel_prompt. We call the C function ourselves (not `prompt_model`) to
    pass a prompt callback that can stop reading, `fake_reply` to replay a past answer, and
    allow_context_shift=False, since we plan the context ourselves."""
    from gpt4all._pyllmodel import PromptCallback, ResponseCallback, llmodel

    from desktop.core.engine import SamplingSettings

    s = temp or SamplingSettings()
    model.buffer.clear()
    model.buff_expecting_cont_bytes = 0
    model._set_context(
        n_predict=n, top_k=s.top_k, top_p=s.top_p, min_p=s.min_p, temp=s.temperature,
        n_batch=s.n_batch, repeat_penalty=s.repeat_penalty, repeat_last_n=s.repeat_last_n,
        reset_context=reset,
    )  # fmt: skip
    respond = on_response or (lambda _i, _t: True)
    llmodel.llmodel_prompt(
        model.model,
        ctypes.c_char_p(text.encode("utf-8")),
        ctypes.c_char_p(template.encode("utf-8")),
        PromptCallback(on_prompt),
        ResponseCallback(model._callback_decoder(respond)),
        False,
        model.context,
        special,
        ctypes.c_char_p(fake_reply.encode("utf-8")) if fake_reply is not None else None,
    )


def ends_turn(pieces: list[str], stop_strings: tuple[str, ...]) -> bool:
    tail = "".join(pieces[-8:])
    return any(s in tail for s in stop_strings)


def ended_by_stop_string(pieces: list[str], stop_strings: tuple[str, ...]) -> bool:
    return bool(stop_strings) and ends_turn(pieces, stop_strings)


def strip_stop_strings(text: str, stop_strings: tuple[str, ...]) -> str:
    for marker in stop_strings:
        cut = text.find(marker)
        if cut != -1:
            text = text[:cut]
    return text
