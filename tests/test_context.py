"""Context planning, checked against hand-computed token budgets."""

import pytest

from desktop.core.context import (
    MIN_ANSWER_TOKENS,
    SAFETY_TOKENS,
    PromptTooLong,
    SystemPromptTooLong,
    Turn,
    estimate_tokens,
    plan_context,
)


def test_estimate_is_bytes_over_three_plus_markup() -> None:
    # 30 ASCII bytes -> 10 tokens + 12 for the role markup
    assert estimate_tokens("a" * 30) == 22
    # "é" is 2 bytes in UTF-8: 6 of them -> 12 bytes -> 4 tokens + 12
    assert estimate_tokens("é" * 6) == 16


def test_incremental_when_cache_matches_and_fits() -> None:
    plan = plan_context(
        n_ctx=2048, n_past=500, cache_matches=True, system_text="", history=[Turn("a", "b")],
        user="hello", max_tokens=512,
    )  # fmt: skip
    assert plan.incremental and plan.dropped_turns == 0 and plan.max_tokens == 512


def test_rebuild_keeps_recent_turns_and_drops_oldest() -> None:
    turn = Turn("u" * 300, "a" * 300)  # (100 + 12) * 2 = 224 tokens a turn
    history = [turn] * 10
    plan = plan_context(
        n_ctx=1024, n_past=1000, cache_matches=True, system_text="s" * 30, history=history,
        user="q" * 30, max_tokens=256,
    )  # fmt: skip
    # budget = 1024 - 8 - 22 (system) - 22 (user) = 972; answer 256; room 716 -> 3 turns (672)
    assert not plan.incremental
    assert len(plan.turns) == 3 and plan.dropped_turns == 7
    assert plan.max_tokens == 256


def test_answer_budget_shrinks_when_the_message_is_long() -> None:
    user = "x" * 2700  # 900 + 12 = 912 tokens
    plan = plan_context(
        n_ctx=1024, n_past=0, cache_matches=False, system_text="", history=[], user=user,
        max_tokens=512,
    )  # fmt: skip
    budget = 1024 - SAFETY_TOKENS - 912
    assert plan.max_tokens == max(MIN_ANSWER_TOKENS, budget // 2)


def test_message_that_can_never_fit_is_refused_in_plain_words() -> None:
    with pytest.raises(PromptTooLong) as info:
        plan_context(
            n_ctx=2048, n_past=0, cache_matches=False, system_text="", history=[],
            user="word " * 20_000, max_tokens=512,
        )  # fmt: skip
    assert "too long" in str(info.value) and "Shorten" in str(info.value)


def test_a_system_prompt_that_cannot_fit_is_an_error_never_dropped() -> None:
    """Before issue 10 the plan silently left the system prompt out and the answer followed
    other instructions than the user's, with status "complete"."""
    with pytest.raises(SystemPromptTooLong) as info:
        plan_context(
            n_ctx=2048, n_past=0, cache_matches=False, system_text="x" * 100_000, history=[],
            user="hello", max_tokens=512,
        )  # fmt: skip
    error = info.value
    assert isinstance(error, PromptTooLong) and error.kind == "system_prompt_too_long"
    assert "system prompt" in str(error) and "Shorten" in str(error)
    assert f"{estimate_tokens('x' * 100_000):,}" in str(error)


def test_system_prompt_and_message_each_fitting_but_not_together() -> None:
    system, user = "s" * 2400, "u" * 2400  # 812 tokens each, 1624 + 32 > 1016
    assert estimate_tokens(user) + MIN_ANSWER_TOKENS < 1024 - SAFETY_TOKENS
    with pytest.raises(SystemPromptTooLong):
        plan_context(
            n_ctx=1024, n_past=0, cache_matches=False, system_text=system, history=[],
            user=user, max_tokens=64,
        )  # fmt: skip
    # Without the system prompt the same message fits.
    plan = plan_context(
        n_ctx=1024, n_past=0, cache_matches=False, system_text="", history=[], user=user,
        max_tokens=64,
    )  # fmt: skip
    assert plan.max_tokens == 64
