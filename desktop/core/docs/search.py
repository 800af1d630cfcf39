"""Finding the passages that answer a question: BM25 keywords and dense vectors, fused.

Two rankings of the chosen collections' passages: BM25 over the words (SQLite FTS5, or the bm25s
library when this SQLite has no FTS5) and cosine similarity of wordllama vectors. Reciprocal rank
fusion (score = sum of 1 / (60 + rank), as GPT4All's LocalDocs does) merges them without having
to compare their scores. A passage with no query word and a weak vector match is not relevant:
then the answer says the documents do not hold it rather than inventing from noise.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

import numpy as np

from desktop.core.docs.embedder import (
    DIMENSIONS,
    STORED,
    Embedder,
    EmbedderUnavailable,
    Vectors,
    from_blobs,
)
from desktop.core.docs.index import DocIndex

EMPTY_VECTOR = DIMENSIONS * np.dtype(STORED).itemsize  # a passage embedded without the model
RRF_K = 60
CANDIDATES = 50  # from each ranking
# A word in more than this share of the passages (and in at least COMMON_MIN of them) says
# little about any one of them (BM25 gives it almost no weight) but makes FTS5 read a long list:
# leaving such words out took the p95 of keyword search on 54 MB of text from 45 to 10 ms.
COMMON_SHARE = 0.02
COMMON_MIN = 500
MIN_COSINE = 0.35  # below this, a vector match alone does not make a passage relevant
_WORD = re.compile(r"\w+", re.UNICODE)
# Words that say nothing about what is asked (English and French): a passage that shares only
# these with the question is not relevant, and BM25 would otherwise rank on "the" and "what".
_STOPWORDS_TEXT = """
    a about after all also am an and any are as at be been but by can could did do does
    for from had has have he her his how i if in into is it its me more most my no not of on
    one or our out she so some such than that the their them then there these they this to
    too up us was we were what when where which who whom why will with would you your many
    much tell give know please
    au aux avec ce ces comme dans de des du elle en est et il ils je la le les leur mais me
    mon ne nous on ou où par pas pour qu que quel quelle qui sa se ses son sur ta te tu un une
    vous y est-ce combien comment quand pourquoi"""
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())


@dataclass(frozen=True)
class Hit:
    chunk_id: int
    path: str
    page: int | None
    position: int
    text: str
    score: float  # the fused RRF score
    keyword: bool  # found by BM25
    cosine: float


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text) if len(w) > 1 or w.isdigit()]


def _query_words(text: str) -> list[str]:
    return [w for w in _words(text) if w not in STOPWORDS]


class _Corpus:
    """The passages of some collections in memory: ids, vectors and (without FTS5) a BM25
    model; rebuilt when the index's generation changes."""

    def __init__(self, ids: list[int], vectors: Vectors, texts: list[str] | None) -> None:
        self.ids = np.asarray(ids, dtype=np.int64)
        self.everything = False  # True when these are all the index's passages
        self.total = len(ids)  # passages in the whole index
        self.vectors = vectors
        self.bm25 = None
        if texts is not None and texts:
            import logging

            import bm25s

            logging.getLogger("bm25s").setLevel(logging.WARNING)  # it sets itself to DEBUG
            self.bm25 = bm25s.BM25()
            self.bm25.index([_words(t) for t in texts], show_progress=False)


_cache: dict[tuple[str, tuple[int, ...], bool], tuple[int, _Corpus]] = {}
_cache_lock = threading.Lock()


def _corpus(index: DocIndex, collection_ids: tuple[int, ...]) -> _Corpus:
    key = (str(index.path), collection_ids, index.fts5)
    generation = index.generation
    with _cache_lock:
        cached = _cache.get(key)
        if cached is not None and cached[0] == generation:
            return cached[1]
    marks = ", ".join("?" for _ in collection_ids)
    rows = index.execute(
        "SELECT c.id, c.vector, CASE WHEN ? THEN NULL ELSE c.text END FROM chunks c"
        f" JOIN files f ON f.id = c.file_id WHERE f.collection_id IN ({marks}) ORDER BY c.id",
        (int(index.fts5), *collection_ids),
    )
    ids = [int(r[0]) for r in rows]
    blobs = [bytes(r[1]) if r[1] is not None else bytes(EMPTY_VECTOR) for r in rows]
    texts = None if index.fts5 else [str(r[2]) for r in rows]
    corpus = _Corpus(ids, from_blobs(blobs), texts)
    corpus.total = int(index.execute("SELECT COUNT(*) FROM chunks")[0][0])
    corpus.everything = len(ids) == corpus.total
    with _cache_lock:
        _cache[key] = (generation, corpus)
    return corpus


def _passages_with(index: DocIndex, word: str) -> int:
    """How many passages hold `word`. The index keeps Porter stems, which are prefixes of the
    word nearly always ("indexing" -> "index"): the longest prefix it knows is taken; none
    known (a stem that is not a prefix, "happy" -> "happi") counts as rare, so it is kept."""
    prefixes = [word[:n] for n in range(min(3, len(word)), len(word) + 1)]
    marks = ", ".join("?" for _ in prefixes)
    rows = index.execute(f"SELECT term, doc FROM temp.chunks_vocab WHERE term IN ({marks})",
                         tuple(prefixes))  # fmt: skip
    return int(max(rows, key=lambda r: len(r[0]))[1]) if rows else 0


def _not_common(index: DocIndex, words: list[str], total: int) -> list[str]:
    limit = max(COMMON_MIN, COMMON_SHARE * total)
    if total <= COMMON_MIN:
        return words
    counts = {w: _passages_with(index, w) for w in words}
    kept = [w for w in words if counts[w] < limit]
    return kept or [min(words, key=lambda w: counts[w])]


def _keyword_ranking(index: DocIndex, corpus: _Corpus, question: str,
                     collection_ids: tuple[int, ...]) -> list[int]:  # fmt: skip
    words = _query_words(question)
    if not words:
        return []
    if index.fts5:
        words = _not_common(index, list(dict.fromkeys(words)), corpus.total)
        match = " OR ".join('"' + w.replace('"', '""') + '"' for w in words)
        if corpus.everything:  # FTS5 alone: joining to filter collections is 3 times slower
            rows = index.execute(
                "SELECT rowid FROM chunks_fts WHERE chunks_fts MATCH ? ORDER BY rank"
                f" LIMIT {CANDIDATES:d}",
                (match,),
            )
        else:
            marks = ", ".join("?" for _ in collection_ids)
            rows = index.execute(
                "SELECT c.id FROM chunks_fts JOIN chunks c ON c.id = chunks_fts.rowid"
                f" JOIN files f ON f.id = c.file_id WHERE chunks_fts MATCH ? AND f.collection_id"
                f" IN ({marks}) ORDER BY chunks_fts.rank LIMIT {CANDIDATES:d}",
                (match, *collection_ids),
            )
        return [int(r[0]) for r in rows]
    if corpus.bm25 is None or not len(corpus.ids):
        return []
    k = min(CANDIDATES, len(corpus.ids))
    found, scores = corpus.bm25.retrieve([words], k=k, show_progress=False)
    return [int(corpus.ids[i]) for i, s in zip(found[0], scores[0], strict=True) if s > 0]


def search(
    index: DocIndex, question: str, collection_names: list[str], limit: int = 8,
    embedder: Embedder | None = None,
) -> list[Hit]:  # fmt: skip
    """The most relevant passages of the named collections, best first."""
    ids = tuple(sorted(i for n in collection_names if (i := index.collection_id(n)) is not None))
    if not ids or not question.strip():
        return []
    corpus = _corpus(index, ids)
    if not len(corpus.ids):
        return []
    keyword = _keyword_ranking(index, corpus, question, ids)
    cosines: dict[int, float] = {}
    dense: list[int] = []
    try:
        query = (embedder or Embedder.shared()).embed([question])[0]
        sims = corpus.vectors @ query
        k = min(CANDIDATES, len(sims))
        top = np.argpartition(-sims, k - 1)[:k]  # the best k, then only those sorted
        order = top[np.argsort(-sims[top])]
        dense = [int(corpus.ids[i]) for i in order]
        cosines = {int(corpus.ids[i]): float(sims[i]) for i in order}
    except EmbedderUnavailable:
        pass  # keywords alone
    fused: dict[int, float] = {}
    for ranking in (keyword, dense):
        for rank, cid in enumerate(ranking, 1):
            fused[cid] = fused.get(cid, 0.0) + 1.0 / (RRF_K + rank)
    in_keyword = set(keyword)
    relevant = [c for c in fused if c in in_keyword or cosines.get(c, 0.0) >= MIN_COSINE]
    best = sorted(relevant, key=lambda c: -fused[c])[:limit]
    if not best:
        return []
    marks = ", ".join("?" for _ in best)
    rows = index.execute(
        "SELECT c.id, f.path, c.page, c.position, c.text FROM chunks c JOIN files f"
        f" ON f.id = c.file_id WHERE c.id IN ({marks})",
        tuple(best),
    )
    by_id = {int(r[0]): r for r in rows}
    return [
        Hit(
            cid,
            str(by_id[cid][1]),
            by_id[cid][2],
            int(by_id[cid][3]),
            str(by_id[cid][4]),
            fused[cid],
            cid in in_keyword,
            cosines.get(cid, 0.0),
        )  # fmt: skip
        for cid in best
        if cid in by_id
    ]
