"""Answers grounded in the user's documents: which passages fit, the prompt, the sources.

The passages go into the user's message, so the model reads them as prompt tokens and the
footprint counts them (the engine counts every token it feeds). The budget leaves the answer its
room: the model's context, minus the system prompt, the question, the instructions and the
answer's tokens, is what the passages may take, measured with the engine's own (deliberately
high) estimate of tokens, so a plan that fits here fits in the model.

With "answer only from my documents" and no relevant passage, the model is not asked at all: the
answer says the documents do not hold it, instead of inventing one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.context import SAFETY_TOKENS, TEMPLATE_TOKENS, Turn, estimate_tokens
from desktop.core.docs.search import Hit, search
from desktop.core.i18n import translate
from desktop.core.records import AnswerResult, Source

if TYPE_CHECKING:
    from desktop.core.docs.index import DocIndex
    from desktop.core.engine import SamplingSettings
    from desktop.core.session import ModelSession

MAX_PASSAGES = 6

ONLY_DOCUMENTS = (
    "Answer the question using only the numbered passages from the user's documents below. "
    "Cite the passages you use by their number, like [1]. If the passages do not contain the "
    "answer, say that the documents do not contain it; do not invent an answer."
)
WITH_DOCUMENTS = (
    "Use the numbered passages from the user's documents below when they answer the question, "
    "and cite them by their number, like [1]. If they do not contain the answer, say so, then "
    "answer from what you know."
)


@dataclass(frozen=True)
class DocumentsRequest:
    """What a chat lets its answers read: collections by name, and the only-documents switch."""

    collections: tuple[str, ...]
    only_documents: bool = False


def _label(hit: Hit) -> str:
    name = Path(hit.path).name
    return f"{name}, page {hit.page}" if hit.page is not None else name


def passage_room(n_ctx: int, max_tokens: int, system_prompt: str, question: str) -> int:
    """Tokens the passages may take so that the system prompt, the question, the instructions
    and `max_tokens` of answer still fit in `n_ctx`."""
    fixed = estimate_tokens(system_prompt) if system_prompt else 0
    fixed += estimate_tokens(ONLY_DOCUMENTS) + estimate_tokens(question)
    return max(0, n_ctx - SAFETY_TOKENS - fixed - max_tokens)


def fitting(hits: list[Hit], room_tokens: int) -> list[Hit]:
    """The best passages, in order, as many as fit in `room_tokens` (at most MAX_PASSAGES)."""
    kept: list[Hit] = []
    for hit in hits[:MAX_PASSAGES]:
        cost = (
            estimate_tokens(f"[{len(kept) + 1}] ({_label(hit)}) {hit.text}\n\n") - TEMPLATE_TOKENS
        )
        if cost > room_tokens:
            break
        kept.append(hit)
        room_tokens -= cost
    return kept


def grounded_prompt(question: str, hits: list[Hit], *, only_documents: bool) -> str:
    passages = "\n\n".join(f"[{n}] ({_label(h)}) {h.text}" for n, h in enumerate(hits, 1))
    instructions = ONLY_DOCUMENTS if only_documents else WITH_DOCUMENTS
    return f"{instructions}\n\n{passages}\n\nQuestion: {question}"


def sources_of(hits: list[Hit]) -> tuple[Source, ...]:
    # Rounded as saved, so the live answer and the saved one carry equal sources.
    return tuple(Source(Path(h.path).name, h.path, h.page, h.text, round(h.score, 5)) for h in hits)


def not_in_documents() -> str:
    return translate(
        "Documents",
        "Your documents do not seem to contain the answer: no passage matches the question. "
        "Try other words, or add the documents that hold it.",
    )


def answer_from_documents(
    session: ModelSession,
    index: DocIndex,
    question: str,
    documents: DocumentsRequest,
    *,
    history: list[Turn] | None = None,
    system_prompt: str | None = None,
    settings: SamplingSettings | None = None,
    on_text: Callable[[str], None] | None = None,
    stop: threading.Event | None = None,
    reply_language: str | None = None,
) -> AnswerResult:
    """Search the chat's collections, then answer from the passages that fit; the result
    carries them as `sources`."""
    from desktop.core.session import with_reply_language

    settings = settings or session.sampling(512)
    system = system_prompt
    if system is None and session.choice is not None:  # what the session will use
        system = with_reply_language(session.choice.settings.system_prompt, reply_language)
    room = passage_room(session.n_ctx, settings.max_tokens, system or "", question)
    hits = fitting(search(index, question, list(documents.collections)), room)
    if not hits:
        if documents.only_documents:
            text = not_in_documents()
            if on_text is not None:
                on_text(text)
            model = session.choice.name if session.choice is not None else ""
            return AnswerResult(text=text, status="complete", model=model)
        return session.answer(question, history=history, system_prompt=system_prompt,
                              settings=settings, on_text=on_text, stop=stop,
                              reply_language=reply_language)  # fmt: skip
    prompt = grounded_prompt(question, hits, only_documents=documents.only_documents)
    result = session.answer(prompt, history=history, system_prompt=system_prompt,
                            settings=settings, on_text=on_text, stop=stop,
                            reply_language=reply_language)  # fmt: skip
    result.sources = sources_of(hits)
    return result
