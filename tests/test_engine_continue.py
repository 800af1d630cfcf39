"""Continue after Stop with the real model: the model goes on from the partial answer, with the
assistant's turn left open, and the next answer still works."""

from __future__ import annotations

from desktop.core.chatformat import FORMATS
from desktop.core.continuing import open_turn
from desktop.core.engine import Engine, SamplingSettings

SHORT = SamplingSettings(max_tokens=6, temperature=0.0, top_k=1, repeat_penalty=1.0)
MORE = SamplingSettings(max_tokens=12, temperature=0.0, top_k=1, repeat_penalty=1.0)


def test_open_turn_leaves_the_assistant_turn_open() -> None:
    for fmt in FORMATS.values():
        template = open_turn(fmt)
        assert template.endswith("%2") and "%1" in template
        assert fmt.turn.startswith(template)


def test_continue_goes_on_from_the_partial_answer(engine: Engine) -> None:
    question = "Count from one to thirty, in words, separated by commas."
    first = engine.answer(question, settings=SHORT)
    assert first.status == "complete" and first.text
    # Greedy: the continuation is what the model would have written after those words.
    whole = engine.answer(question, settings=SamplingSettings(
        max_tokens=SHORT.max_tokens + MORE.max_tokens, temperature=0.0, top_k=1,
        repeat_penalty=1.0))  # fmt: skip
    more = engine.answer(question, settings=MORE, partial=first.text)
    assert more.status == "complete" and more.completion_tokens > 0
    assert more.prompt_tokens > first.prompt_tokens  # the partial answer was read too
    assert "<|im_start|>" not in more.text and "assistant" not in more.text[:12]
    joined = first.text + more.text
    assert joined[:40] == whole.text[:40]  # the same text as one uninterrupted answer
    # The open turn is not reused: the next answer starts from a rebuilt context.
    after = engine.answer("Say hi.", settings=SHORT)
    assert after.status == "complete" and after.text
