"""Chat completions grounded in a real collection (files written here, indexed by the real
indexer), through the real server with the bundled model and the official `openai` client:
the sources come back, streamed and not, and they are the passages `smaller ask --docs` reads."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.core.docs.index import DocIndex
from desktop.core.docs.indexer import Indexer
from desktop.core.docs.search import search
from desktop.core.server import ApiServer, ServerOptions
from desktop.core.service import EngineService
from desktop.core.session import ModelSession, choice_for_file
from tests.docs_fixtures import make_corpus

pytestmark = pytest.mark.model
KEY = "sk-test-documents-01"
QUESTION = "Who repaired the blue bicycle?"


@pytest.fixture(scope="module")
def served(model_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ApiServer]:
    folder = tmp_path_factory.mktemp("docs")
    index = DocIndex(folder / "documents.sqlite3")
    index.add_collection("home", [make_corpus(folder / "corpus")])
    Indexer(index).run("home")
    index.close()
    service = EngineService(ModelSession(threads=1)).start()
    service.submit(lambda s, _stop: s.load(choice_for_file(model_path))).wait(120)
    options = ServerOptions(api_key=KEY, port=0, ledger=folder / "chats.sqlite3",
                            documents_index=folder / "documents.sqlite3")  # fmt: skip
    server = ApiServer(service, options).start()
    yield server
    while _clients:
        _clients.pop().close()
    server.stop()
    service.shutdown()


_clients: list[Any] = []


def _client(server: ApiServer) -> Any:
    """One client per server, closed with it (an unclosed one leaves sockets to the collector)."""
    from openai import OpenAI

    if not _clients:
        _clients.append(OpenAI(base_url=server.url, api_key=KEY, max_retries=0, timeout=180))
    return _clients[0]


def _searched(server: ApiServer, question: str) -> list[str]:
    index = DocIndex(server.options.documents_index)
    try:
        return [hit.text for hit in search(index, question, ["home"])]
    finally:
        index.close()


def _check_sources(server: ApiServer, extension: dict[str, Any]) -> None:
    assert extension["documents"] == ["home"] and extension["only_documents"] is False
    sources = extension["sources"]
    assert sources and [s["number"] for s in sources] == list(range(1, len(sources) + 1))
    # The best passages of the search, in its order, as many as fit: as `ask --docs` reads them.
    assert [s["passage"] for s in sources] == _searched(server, QUESTION)[: len(sources)]
    assert sources[0]["file"] == "notes.txt" and "Marguerite" in sources[0]["passage"]
    assert sources[0]["page"] is None and sources[0]["score"] > 0
    assert Path(sources[0]["path"]).name == "notes.txt"


def test_a_grounded_answer_carries_its_sources(served: ApiServer) -> None:
    reply = _client(served).chat.completions.create(
        model="x", max_tokens=6, temperature=0,
        messages=[{"role": "user", "content": QUESTION}],
        extra_body={"x_smaller": {"documents": ["home"]}},
    )  # fmt: skip
    assert reply.choices[0].message.content
    _check_sources(served, reply.model_extra["x_smaller"])
    # The passages were read by the model: they are prompt tokens, counted in the footprint.
    assert reply.usage.prompt_tokens > 60
    assert reply.usage.model_extra["x_smaller"]["energy_wh"] > 0
    conn = sqlite3.connect(served.options.ledger)  # type: ignore[arg-type]
    detail = json.loads(conn.execute("SELECT detail FROM ledger ORDER BY id DESC").fetchone()[0])
    conn.close()
    assert detail["documents"] == ["home"] and detail["sources"] >= 1
    assert detail["id"] == reply.id


def test_a_streamed_grounded_answer_sends_its_sources_last(served: ApiServer) -> None:
    stream = _client(served).chat.completions.create(
        model="x", max_tokens=6, temperature=0, stream=True,
        messages=[{"role": "user", "content": QUESTION}],
        extra_body={"x_smaller": {"documents": ["home"], "only_documents": False}},
    )  # fmt: skip
    chunks = list(stream)
    with_sources = [c for c in chunks if (c.model_extra or {}).get("x_smaller")]
    assert len(with_sources) == 1 and with_sources[0] is chunks[-1]
    assert chunks[-1].choices[0].finish_reason in ("stop", "length")
    assert any(c.choices and c.choices[0].delta.content for c in chunks[:-1])
    _check_sources(served, chunks[-1].model_extra["x_smaller"])


def test_only_documents_without_a_matching_passage_says_so(served: ApiServer) -> None:
    reply = _client(served).chat.completions.create(
        model="x", max_tokens=6, messages=[{"role": "user", "content": "Zxqv wklm?"}],
        extra_body={"x_smaller": {"documents": ["home"], "only_documents": True}},
    )  # fmt: skip
    assert reply.model_extra["x_smaller"]["sources"] == []
    assert "documents do not seem to contain" in reply.choices[0].message.content
    assert reply.usage.completion_tokens == 0  # the model was not asked


def test_the_model_list_names_the_chat_and_the_embedding_models(served: ApiServer) -> None:
    from desktop.core.server.embeddings import MODEL_ID

    ids = [m.id for m in _client(served).models.list().data]
    assert ids == [served.state.service.session.choice.name, MODEL_ID]  # type: ignore[union-attr]


def test_the_server_grounds_as_smaller_ask_docs_does(served: ApiServer) -> None:
    """The same question on the same collection: `smaller ask --docs` (a real subprocess) and the
    server read the same passages and give the model the same prompt."""
    import shutil
    import subprocess
    import sys

    from desktop.core.docs.index import index_path

    assert served.options.documents_index is not None
    index_path().parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(served.options.documents_index, index_path())  # where `ask` looks
    run = subprocess.run(
        [sys.executable, "-m", "desktop", "ask", QUESTION, "--docs", "home", "--json",
         "--max-tokens", "6", "--threads", "1"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    asked = json.loads(run.stdout)
    reply = _client(served).chat.completions.create(
        model="x", max_tokens=6, messages=[{"role": "user", "content": QUESTION}],
        extra_body={"x_smaller": {"documents": ["home"]}},
    )  # fmt: skip
    sources = reply.model_extra["x_smaller"]["sources"]
    assert [{k: v for k, v in s.items() if k != "number"} for s in sources] == asked["sources"]
    assert reply.usage.prompt_tokens == asked["prompt_tokens"]
