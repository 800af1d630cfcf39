"""The documents extension of /v1/chat/completions: a request names collections to search, and
the answer is grounded in them exactly as `smaller ask --docs` grounds it
(`desktop.core.docs.grounding.answer_from_documents`, on the engine thread):

    "x_smaller": {"documents": ["Notes", ...], "only_documents": false}

The passages used come back in the response's `x_smaller.sources` (in the last chunk when
streamed), numbered as the answer cites them: [1] is the first.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.core.docs.grounding import DocumentsRequest
from desktop.core.records import Source
from desktop.core.server.errors import ApiError, bad_field

EXTENSION = "x_smaller"
KNOWN = ("documents", "only_documents")


def documents_request(data: dict[str, object]) -> DocumentsRequest | None:
    """The request's `x_smaller` object, validated (400 naming the field); None without it."""
    extension = data.get(EXTENSION)
    if extension is None:
        return None
    if not isinstance(extension, dict):
        raise bad_field(EXTENSION, 'must be an object, such as {"documents": ["Notes"]}.')
    for key in extension:
        if key not in KNOWN:
            raise bad_field(f"{EXTENSION}.{key}", "is not a field this server knows "
                            f"(it knows {', '.join(KNOWN)}).")  # fmt: skip
    names = extension.get("documents")
    only = extension.get("only_documents", False)
    if not isinstance(only, bool):
        raise bad_field(f"{EXTENSION}.only_documents", "must be true or false.")
    if names is None:
        if only:
            raise bad_field(f"{EXTENSION}.documents", "only_documents needs collections to read.")
        return None
    if isinstance(names, str):
        names = [names]
    if not isinstance(names, list) or not names:
        raise bad_field(f"{EXTENSION}.documents", "must be a non-empty list of collection names.")
    for i, name in enumerate(names):
        if not isinstance(name, str) or not name.strip():
            raise bad_field(f"{EXTENSION}.documents[{i}]", "must be a collection's name.")
    return DocumentsRequest(tuple(dict.fromkeys(names)), only_documents=only)


def check_collections(documents: DocumentsRequest, index_path: Path | None) -> None:
    """400 naming the first collection that does not exist (run in a worker thread: it opens the
    index file)."""
    from desktop.core.docs.index import DocIndex
    from desktop.core.store.sqlite import StoreError

    try:
        index = DocIndex(index_path)
    except StoreError as exc:
        raise ApiError(500, str(exc), code="documents_unavailable") from None
    try:
        known = {c.name for c in index.collections()}
    finally:
        index.close()
    for i, name in enumerate(documents.collections):
        if name not in known:
            where = f"{EXTENSION}.documents[{i}]"
            listed = ", ".join(f"“{n}”" for n in sorted(known)) or "none yet"
            raise ApiError(400, f"{where}: no collection is called “{name}” (collections: "
                           f"{listed}).", param=where, code="unknown_collection")  # fmt: skip


def sources_json(sources: tuple[Source, ...]) -> list[dict[str, Any]]:
    return [{"number": n, **s.to_json()} for n, s in enumerate(sources, 1)]
