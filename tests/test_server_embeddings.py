"""/v1/embeddings over real HTTP on 127.0.0.1, with the official `openai` client and raw HTTP for
the refusals, and the documents field's validation. No chat model is needed: embeddings are not
engine jobs, and an unknown collection is refused before the model is asked."""

from __future__ import annotations

import base64
import http.client
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from desktop.core.docs.embedder import DIMENSIONS, Embedder
from desktop.core.docs.index import DocIndex
from desktop.core.server import ApiServer, ServerOptions
from desktop.core.server.documents import documents_request
from desktop.core.server.embeddings import (
    MAX_INPUT_TOKENS,
    MAX_INPUTS,
    MODEL_ID,
    PADDED_TOKENS_PER_CALL,
    _calls,
    embed_texts,
    embedding_request,
)
from desktop.core.server.errors import ApiError
from desktop.core.server.ledger import read_totals
from desktop.core.service import EngineService
from desktop.core.session import ModelSession

KEY = "sk-test-embeddings-01"
TEXTS = ["The blue bicycle was repaired on Tuesday.", "Lemon cake bakes for 35 minutes.", "Hi"]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ApiServer]:
    folder = tmp_path_factory.mktemp("server")
    index = DocIndex(folder / "documents.sqlite3")
    index.add_collection("notes", [folder])  # exists (empty): only its name matters here
    index.close()
    options = ServerOptions(api_key=KEY, port=0, ledger=folder / "chats.sqlite3",
                            documents_index=folder / "documents.sqlite3")  # fmt: skip
    server = ApiServer(EngineService(ModelSession()), options).start()  # no model loaded
    yield server
    server.stop()


def _post(server: ApiServer, path: str, body: object) -> tuple[int, dict[str, Any]]:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    conn.request("POST", path, body=raw, headers={"Authorization": f"Bearer {KEY}",
                                                  "Content-Type": "application/json"})  # fmt: skip
    response = conn.getresponse()
    data = json.loads(response.read() or b"{}")
    conn.close()
    return response.status, data


def test_the_openai_client_gets_the_embedders_own_vectors(server: ApiServer) -> None:
    from openai import OpenAI

    with OpenAI(base_url=server.url, api_key=KEY, max_retries=0, timeout=60) as client:
        _embed_through(client, server)


def _embed_through(client: Any, server: ApiServer) -> None:
    direct = Embedder.shared().embed(TEXTS)
    before = read_totals(server.options.ledger)[1]  # type: ignore[arg-type]
    # Unless told, the client asks for base64 and decodes it; told "base64", it hands it over.
    for encoding in (None, "float", "base64"):
        asked = {"encoding_format": encoding} if encoding else {}
        reply = client.embeddings.create(model=MODEL_ID, input=TEXTS, **asked)
        assert reply.model == MODEL_ID
        assert [d.index for d in reply.data] == [0, 1, 2]
        got = np.array([_vector(d.embedding) for d in reply.data], dtype=np.float32)
        assert got.shape == (3, DIMENSIONS)
        assert np.allclose(got, direct, atol=1e-6)
        assert reply.usage.prompt_tokens == sum(Embedder.shared().token_counts(TEXTS))
        extra = reply.usage.model_extra["x_smaller"]
        assert extra["method"] == "estimated" and extra["energy_wh"] >= 0
        assert "thread" in extra["basis"] and extra["cpu_s"] >= 0
    one = client.embeddings.create(model="any-name", input="Hi")
    assert len(one.data) == 1 and np.allclose(one.data[0].embedding, direct[2], atol=1e-6)
    service = server.state.service  # never started here: no engine job was asked for
    assert service.pending == 0 and service.current is None
    after = read_totals(server.options.ledger)[1]  # type: ignore[arg-type]
    assert after.requests == before.requests + 4  # counted with the programs' requests
    assert after.prompt_tokens > before.prompt_tokens


def _vector(embedding: object) -> Any:
    if isinstance(embedding, str):
        return np.frombuffer(base64.b64decode(embedding), dtype="<f4")
    return embedding


@pytest.mark.parametrize(
    ("body", "param"),
    [
        ({"model": MODEL_ID}, "input"),
        ({"model": MODEL_ID, "input": []}, "input"),
        ({"model": MODEL_ID, "input": ["ok", 3]}, "input[1]"),
        ({"model": MODEL_ID, "input": [[1, 2, 3]]}, "input[0]"),
        ({"model": MODEL_ID, "input": ["ok", "  "]}, "input[1]"),
        ({"input": "x"}, "model"),
        ({"model": MODEL_ID, "input": "x", "encoding_format": "int8"}, "encoding_format"),
        ({"model": MODEL_ID, "input": "x", "dimensions": 64}, "dimensions"),
        ({"model": MODEL_ID, "input": ["x"] * (MAX_INPUTS + 1)}, "input"),
        ({"model": MODEL_ID, "input": ["ok", "word " * (MAX_INPUT_TOKENS + 1)]}, "input[1]"),
    ],
)
def test_bad_embedding_requests_are_400_naming_the_field(
    server: ApiServer, body: dict[str, object], param: str
) -> None:
    status, data = _post(server, "/v1/embeddings", body)
    assert status == 400, data
    assert data["error"]["param"] == param and param in data["error"]["message"]


def test_refusals_over_the_limit_not_json_and_no_model_yet(server: ApiServer) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    conn.request("GET", "/v1/models", headers={"Authorization": f"Bearer {KEY}"})
    response = conn.getresponse()  # no chat model yet: a 503 to retry, not a crash
    assert response.status == 503 and response.getheader("Retry-After")
    assert json.loads(response.read())["error"]["code"] == "model_not_loaded"
    conn.close()
    huge = {"model": MODEL_ID, "input": ["word " * 1000] * 300}  # 1.5 MB
    status, data = _post(server, "/v1/embeddings", huge)
    assert status == 413 and data["error"]["code"] == "body_too_large"
    status, data = _post(server, "/v1/embeddings", b"{nope")
    assert status == 400 and data["error"]["code"] == "invalid_json"


def test_documents_on_completions_are_refused(server: ApiServer) -> None:
    body = {"prompt": "hi", "x_smaller": {"documents": ["notes"]}}
    status, data = _post(server, "/v1/completions", body)
    assert status == 400 and data["error"]["param"] == "x_smaller"


def test_an_unknown_collection_is_400_naming_it(server: ApiServer) -> None:
    body = {"messages": [{"role": "user", "content": "hi"}], "max_tokens": 2,
            "x_smaller": {"documents": ["notes", "Receipts"]}}  # fmt: skip
    status, data = _post(server, "/v1/chat/completions", body)
    assert status == 400 and data["error"]["code"] == "unknown_collection"
    assert data["error"]["param"] == "x_smaller.documents[1]"
    assert "Receipts" in data["error"]["message"] and "notes" in data["error"]["message"]


@pytest.mark.parametrize(
    ("extension", "param"),
    [
        ("notes", "x_smaller"),
        ({"documents": []}, "x_smaller.documents"),
        ({"documents": ["ok", ""]}, "x_smaller.documents[1]"),
        ({"documents": ["ok"], "only_documents": "yes"}, "x_smaller.only_documents"),
        ({"only_documents": True}, "x_smaller.documents"),
        ({"documents": ["ok"], "document": ["typo"]}, "x_smaller.document"),
    ],
)
def test_the_documents_field_is_validated(extension: object, param: str) -> None:
    with pytest.raises(ApiError) as caught:
        documents_request({"x_smaller": extension})
    assert caught.value.status == 400 and caught.value.param == param


def test_the_documents_field_read() -> None:
    request = documents_request(
        {"x_smaller": {"documents": ["a", "b", "a"], "only_documents": True}}
    )
    assert request is not None and request.collections == ("a", "b") and request.only_documents
    assert documents_request({}) is None
    parsed = embedding_request({"model": "m", "input": "x", "encoding_format": "base64"})
    assert parsed.texts == ("x",) and parsed.base64


def test_long_and_short_texts_are_embedded_in_bounded_calls(tmp_path: Path) -> None:
    counts = [5, 8000, 3, 8000, 10, 200]
    groups = _calls(counts)
    assert sorted(i for g in groups for i in g) == list(range(len(counts)))
    assert all(len(g) * max(counts[i] for i in g) <= PADDED_TOKENS_PER_CALL for g in groups)
    texts = ["hello world"] * 40 + ["long text " * 1500] * 3
    done = embed_texts(texts)
    assert np.allclose(done.vectors, Embedder.shared().embed(texts), atol=1e-6)
    assert done.tokens == sum(Embedder.shared().token_counts(texts))
