"""Dense vectors for passages and questions, from the static model wordllama ships in its wheel.

`WordLlama.load()` with its defaults looks for the bundled tokenizer in the wrong folder and then
downloads it; pointing `cache_dir` at the package folder and `disable_download=True` finds both
files inside the package, so nothing leaves the computer (a test checks that no socket opens).
The model (l2_supercat, 256 dimensions, 16 MB) loads in about half a second and embeds thousands
of passages a second, but it retrieves far worse than a transformer model: it supports BM25's
keyword search in the fusion, it does not replace it.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

DIMENSIONS = 256
BATCH = 32
Vectors = npt.NDArray[np.float32]


class EmbedderUnavailable(RuntimeError):
    """The bundled model could not be loaded; search then uses keywords alone."""


class Embedder:
    """Loaded once per process (on first use), shared by every thread: embedding is read-only."""

    _instance: Embedder | None = None
    _lock = threading.Lock()

    def __init__(self, model: Any) -> None:
        self._model = model

    @classmethod
    def shared(cls) -> Embedder:
        with cls._lock:
            if cls._instance is None:
                cls._instance = cls(_load())
            return cls._instance

    def token_counts(self, texts: list[str]) -> list[int]:
        """How many of the model's tokens each text has (what an embedding request counts)."""
        counts: list[int] = []
        for start in range(0, len(texts), BATCH):
            encoded = self._model.tokenize(texts[start : start + BATCH])
            counts.extend(int(sum(e.attention_mask)) for e in encoded)
        return counts

    def embed(self, texts: list[str]) -> Vectors:
        """Unit-length vectors, one row per text (cosine similarity is then a dot product)."""
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        # wordllama pads each batch to its longest text and gathers a (batch x tokens x 256)
        # array: texts of similar length in small batches keep that array (and the time the
        # call holds the GIL, which the window feels) small.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        ordered = [texts[i] for i in order]
        vectors = np.empty((len(texts), DIMENSIONS), dtype=np.float32)
        for start in range(0, len(ordered), BATCH):
            part = ordered[start : start + BATCH]
            rows = order[start : start + BATCH]
            vectors[rows] = np.asarray(self._model.embed(part, norm=False), dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        norms[norms == 0] = 1.0  # a passage of unknown words: a zero vector, never NaN
        normalised: Vectors = vectors / norms
        return normalised


def _load() -> Any:
    # One thread per call: the tokenizer's own thread pool would compete with the model for the
    # (often two) cores, and its CPU time would escape the thread's clock that the server's
    # embeddings estimate reads. Measured on a 2-core VM, 256 passages: 0.058 s single-threaded,
    # 0.045-0.065 s with the pool. A value the user set is kept.
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    try:
        import wordllama
        from wordllama import WordLlama
    except ImportError as exc:
        raise EmbedderUnavailable(f"wordllama is not installed: {exc}") from exc
    folder = Path(wordllama.__file__).resolve().parent
    try:
        return WordLlama.load(
            "l2_supercat", cache_dir=folder, dim=DIMENSIONS, disable_download=True
        )
    except (OSError, ValueError) as exc:
        raise EmbedderUnavailable(
            f"the bundled wordllama model could not be loaded: {exc}"
        ) from exc


# Stored as 16-bit floats: 512 bytes a passage instead of 1,024 (the index was 6 times the text
# with 32-bit vectors), and cosine similarities change in the third decimal at most.
STORED = np.float16


def to_blob(vector: Vectors) -> bytes:
    return np.asarray(vector, dtype=STORED).tobytes()


def from_blobs(blobs: list[bytes]) -> Vectors:
    if not blobs:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    stored = np.frombuffer(b"".join(blobs), dtype=STORED).reshape(len(blobs), DIMENSIONS)
    return stored.astype(np.float32)
