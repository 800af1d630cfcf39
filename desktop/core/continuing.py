"""Continue an answer that was stopped: the model reads the chat, the question and the start of
its answer, with the assistant's turn left open, and goes on writing from the last word.

gpt4all's `llmodel_prompt` feeds a template's text after `%2` once the reply is done (research
gpt4all.md §4). So the question is fed with the turn template cut just after `%2` and the
partial answer as `fake_reply` (read as the model's own words, without special tokens): the
turn stays open. Then an empty prompt with the template "%1%2" feeds nothing and generates.
Nothing closes the turn afterwards, so the engine rebuilds its context for the next answer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop.core.chatformat import ChatFormat
from desktop.core.prompting import feed


def open_turn(fmt: ChatFormat) -> str:
    """The turn template up to the reply: the assistant's turn is opened, never closed."""
    return fmt.turn[: fmt.turn.index("%2") + 2]


def feed_open_turn(
    model: Any, fmt: ChatFormat, user: str, partial: str, on_prompt: Callable[[int], bool]
) -> int:
    """Feed the question and the partial answer; returns how many tokens the partial answer
    took (the C library reports them as reply tokens, not prompt tokens)."""
    count = 0

    def on_partial(_token_id: int, _text: str) -> bool:
        nonlocal count
        count += 1
        return True

    feed(model, user, open_turn(fmt), on_prompt, on_response=on_partial, fake_reply=partial)
    return count
