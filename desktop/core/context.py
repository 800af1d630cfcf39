"""Context planning: which turns of a conversation fit in the model's context window.

gpt4all 2.8.2, when its context fills up, silently drops the oldest tokens *including the system
prompt*. We never let it get there: before each answer we check that the cached context plus the
new message plus the answer's budget fits, and if not we rebuild the context from the system
prompt and the most recent turns that fit, and tell the user how many older turns were left out.

gpt4all has no tokenize call, so the sizes of texts not yet fed are estimated. The estimate is
deliberately high (about 3 bytes a token where real English text averages about 4), so a plan that
fits here fits in the model; the model still refuses a prompt that does not, and the engine turns
that refusal into the same plain message.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.figures import whole
from desktop.core.i18n import translate

BYTES_PER_TOKEN = 3
TEMPLATE_TOKENS = 12  # role markup around one message
SAFETY_TOKENS = 8
MIN_ANSWER_TOKENS = 32


@dataclass(frozen=True)
class Turn:
    """One completed exchange of a conversation."""

    user: str
    assistant: str


def estimate_tokens(text: str) -> int:
    return len(text.encode("utf-8")) // BYTES_PER_TOKEN + TEMPLATE_TOKENS


class PromptTooLong(ValueError):
    """The new message alone does not fit in the context window."""

    kind = "prompt_too_long"

    def __init__(self, n_ctx: int) -> None:
        words = max(1, (n_ctx - 2 * TEMPLATE_TOKENS - MIN_ANSWER_TOKENS) * 3 // 4)
        super().__init__(
            translate(
                "Context",
                "Your message is too long for this model's memory (its context window holds "
                "about {tokens} tokens, roughly {words} words including the answer). Shorten it "
                "or split it into parts.",
            ).format(tokens=whole(n_ctx), words=whole(words))
        )


class SystemPromptTooLong(PromptTooLong):
    """The message fits alone, but not with the system prompt. The system prompt is never dropped
    silently: the answer would follow other instructions than the ones the user set."""

    kind = "system_prompt_too_long"

    def __init__(self, n_ctx: int, system_tokens: int) -> None:
        ValueError.__init__(
            self,
            translate(
                "Context",
                "The system prompt and your message together are too long for this model's memory "
                "(its context window holds about {tokens} tokens; the system prompt alone takes "
                "about {system}). Shorten the system prompt or your message.",
            ).format(tokens=whole(n_ctx), system=whole(system_tokens)),
        )


@dataclass(frozen=True)
class ContextPlan:
    incremental: bool  # True: feed only the new message on top of the cached context
    turns: tuple[Turn, ...]  # the turns to replay when rebuilding
    dropped_turns: int  # older turns left out to make room
    max_tokens: int  # the answer's budget, possibly reduced to fit


def plan_context(
    *,
    n_ctx: int,
    n_past: int,
    cache_matches: bool,
    system_text: str,
    history: list[Turn],
    user: str,
    max_tokens: int,
) -> ContextPlan:
    """Decide how to feed the next message. Raises PromptTooLong when it can never fit, and
    SystemPromptTooLong when it fits only without the system prompt."""
    limit = n_ctx - SAFETY_TOKENS
    need_user = estimate_tokens(user)
    system_tokens = estimate_tokens(system_text) if system_text else 0
    if system_tokens + need_user + MIN_ANSWER_TOKENS > limit:
        if need_user + MIN_ANSWER_TOKENS > limit:
            raise PromptTooLong(n_ctx)
        raise SystemPromptTooLong(n_ctx, system_tokens)
    if cache_matches and n_past + need_user + max_tokens <= limit:
        return ContextPlan(True, (), 0, max_tokens)

    budget = limit - system_tokens - need_user
    answer_budget = min(max_tokens, max(MIN_ANSWER_TOKENS, budget // 2))
    if budget - max_tokens >= 0:
        answer_budget = max_tokens
    room = budget - answer_budget
    kept: list[Turn] = []
    for turn in reversed(history):
        cost = estimate_tokens(turn.user) + estimate_tokens(turn.assistant)
        if cost > room:
            break
        kept.append(turn)
        room -= cost
    kept.reverse()
    return ContextPlan(False, tuple(kept), len(history) - len(kept), answer_budget)
