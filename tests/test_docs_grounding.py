"""Grounded answers: the passage budget, the prompt, and one real answer of the bundled model
with its sources, whose passages count as prompt tokens."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.context import estimate_tokens
from desktop.core.docs.grounding import (
    MAX_PASSAGES,
    DocumentsRequest,
    answer_from_documents,
    fitting,
    grounded_prompt,
    passage_room,
)
from desktop.core.docs.index import DocIndex
from desktop.core.docs.indexer import Indexer
from desktop.core.docs.search import Hit
from desktop.core.records import AnswerStats
from tests.docs_fixtures import make_corpus


def _hit(n: int, chars: int = 500) -> Hit:
    return Hit(n, f"/docs/file{n}.pdf", n, 0, ("word " * chars)[:chars], 1 / (60 + n), True, 0.5)


def test_the_passages_leave_room_for_the_answer() -> None:
    question = "What does the report say about apples?"
    room = passage_room(2048, 512, "You are a helpful assistant.", question)
    kept = fitting([_hit(n) for n in range(1, 20)], room)
    # Measured with the engine's own estimate: on the default 2,048-token context with a
    # 512-token answer, this many 500-character passages fit (the figure goes in the report).
    assert 1 <= len(kept) <= MAX_PASSAGES
    prompt = grounded_prompt(question, kept, only_documents=True)
    assert estimate_tokens(prompt) + 512 + estimate_tokens("You are a helpful assistant.") <= 2048
    assert "[1] (file1.pdf, page 1)" in prompt and "do not contain" in prompt
    assert fitting([_hit(n) for n in range(1, 5)], passage_room(2048, 2000, "", question)) == []


def test_sources_survive_the_saved_json() -> None:
    from desktop.core.records import Source

    stats = AnswerStats(sources=(Source("a.pdf", "/x/a.pdf", 3, "text", 0.0325),))
    again = AnswerStats.from_json(stats.stats_json())
    assert again.sources == stats.sources
    assert AnswerStats.from_json({"sources": [{"bad": 1}, "x"]}).sources == ()
    assert "sources" not in AnswerStats().stats_json()


@pytest.mark.model
def test_a_real_grounded_answer_carries_its_sources(tmp_path: Path, model_path: Path) -> None:
    from desktop.core.session import ModelSession, active_choice

    index = DocIndex(tmp_path / "documents.sqlite3")
    index.add_collection("home", [make_corpus(tmp_path / "corpus")])
    Indexer(index).run("home")
    session = ModelSession(threads=1)
    session.load(active_choice())
    try:
        question = "When is the garden party?"
        settings = session.sampling(24, 0.0)
        plain = session.answer(question, settings=settings)
        grounded = answer_from_documents(
            session, index, question, DocumentsRequest(("home",), only_documents=True),
            settings=settings,
        )  # fmt: skip
    finally:
        session.close()
        index.close()
    assert grounded.status == "complete" and grounded.text.strip()
    assert grounded.sources and grounded.sources[0].file == "letter.odt"
    assert "third Saturday of June" in grounded.sources[0].passage
    passages = sum(len(s.passage) for s in grounded.sources)
    assert grounded.prompt_tokens >= plain.prompt_tokens + passages // 8
    assert grounded.footprint is not None and grounded.stats().sources == grounded.sources
