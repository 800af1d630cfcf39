"""The catalog snapshot, its refresh from a local server, and where models live."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.core.chatformat import FORMATS
from desktop.core.models import catalog as cat
from desktop.core.models.catalog import CatalogError, load_catalog
from desktop.core.models.catalog_refresh import refresh_catalog
from desktop.core.models.installed import models_dir
from desktop.core.paths import resource_path
from tests.models_server import ModelServer

REPO = Path(__file__).resolve().parents[1]
RESEARCH = REPO.parent / "shared" / "research" / "gpt4all-catalog.json"
REQUIRED = ("name", "filename", "description", "parameters", "file_size", "licence", "url",
            "md5", "sha256", "prompt_template", "system_prompt", "prompt_format")  # fmt: skip


@pytest.fixture
def server() -> Iterator[ModelServer]:
    with ModelServer() as srv:
        yield srv


def snapshot() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resource_path("data", "models-catalog.json").read_text())
    return data


def test_snapshot_header_names_its_source_and_date() -> None:
    data = snapshot()
    assert data["schema"] == 1 and data["engine"] == "gpt4all 2.8.2"
    assert "models3.json" in data["source"] and "34037f31" in data["source"]
    assert data["date"] == "2025-01-30"


def test_every_entry_is_complete_and_runnable() -> None:
    models = snapshot()["models"]
    assert len(models) == 20
    for raw in models:
        assert all(key in raw for key in REQUIRED), raw["filename"]
        entry = cat.CatalogEntry.from_json(raw)
        assert cat.entry_problem(entry) is None, entry.filename
        assert entry.url.startswith("https://") and entry.file_size > 100_000_000
        assert entry.md5 is not None and len(entry.md5) == 32
        assert "\n" not in entry.description and len(entry.description) <= 100
        assert "%1" in entry.prompt_template or entry.prompt_format != "custom"
    assert len({m["filename"] for m in models}) == len(models)


def test_snapshot_keeps_only_chat_models_gpt4all_2_8_2_runs() -> None:
    catalog = load_catalog()
    names = {e.name for e in catalog.entries}
    assert {"Llama 3.2 1B Instruct", "Llama 3.2 3B Instruct", "Phi-3 Mini Instruct",
            "Qwen2-1.5B-Instruct"} <= names  # fmt: skip
    for left_out in ("DeepSeek-R1-Distill-Qwen-1.5B", "SBert", "Nomic Embed Text v1", "Replit",
                     "Starcoder", "Rift coder",
                     "DeepSeek-R1-Distill-Llama-8B"):  # runs, but no checksum  # fmt: skip
        assert left_out not in names
    formats = {e.name: e.prompt_format for e in catalog.entries}
    assert formats["Llama 3.2 1B Instruct"] == "llama3" and formats["Phi-3 Mini Instruct"] == "phi3"
    assert formats["Qwen2-1.5B-Instruct"] == "chatml" and formats["Mistral Instruct"] == "custom"
    assert all(e.prompt_format in FORMATS or e.prompt_format == "custom" for e in catalog.entries)
    orca = catalog.find("orca-2-7b.Q4_0.gguf")  # had no template: ChatML added, and marked so
    assert orca is not None and (orca.prompt_format, orca.template_source) == ("chatml", "smaller")


@pytest.mark.skipif(not RESEARCH.exists(), reason="needs ../shared/research")
def test_snapshot_is_what_the_build_script_makes() -> None:
    run = subprocess.run([sys.executable, str(REPO / "scripts" / "build_catalog.py"), "--check"],
                         capture_output=True, text=True, timeout=60)  # fmt: skip
    assert run.returncode == 0, run.stderr


def gpt4all_list() -> list[dict[str, Any]]:
    """A models3.json as GPT4All serves it, with the kinds of entries the filter must drop."""
    good = {"name": "Qwen2-1.5B-Instruct", "filename": "qwen2-1_5b-instruct-q4_0.gguf",
            "filesize": "937532800", "md5sum": "a8c5a783105f87a481543d4ed7d7586d",
            "ramrequired": "3", "parameters": "1.5 billion", "quant": "q4_0", "type": "qwen2",
            "description": "<ul><li>Fast responses</li><li>License: Apache 2.0</li></ul>",
            "url": "https://huggingface.co/Qwen/q.gguf",
            "promptTemplate": "<|im_start|>user\n%1<|im_end|>\n<|im_start|>assistant\n%2<|im_end|>",
            "systemPrompt": ""}  # fmt: skip
    new = {**good, "name": "New Llama", "filename": "new-llama.gguf", "type": "LLaMA3",
           "promptTemplate": None, "md5sum": None, "sha256sum": "ab" * 32,
           "description": ["<strong>New</strong>"],
           "chatTemplate": "{{ '<|start_header_id|>' + role }}"}  # fmt: skip
    return [
        good, new,
        {**good, "filename": "../../evil.gguf"},
        {**good, "filename": "embed.gguf", "embeddingModel": True},
        {**good, "filename": "code.gguf", "disableGUI": "true"},
        {**good, "filename": "plain-http.gguf", "url": "http://example.com/x.gguf"},
        {**good, "filename": "DeepSeek-R1-Distill-Qwen-1.5B-Q4_0.gguf", "type": "deepseek"},
        {**good, "filename": "qwen3.gguf", "type": "qwen3"},
        {**good, "filename": "old.gguf", "removedIn": "2.7.3"},
        {**good, "filename": "unverifiable.gguf", "md5sum": None},
        "not an object",
    ]  # fmt: skip


def test_refresh_keeps_runnable_entries_and_is_used_next_time(
    server: ModelServer, tmp_path: Path
) -> None:
    url = server.serve("/models3.json", json.dumps(gpt4all_list()).encode())
    fresh = refresh_catalog(url, timeout=5, folder=tmp_path)
    assert fresh.origin == "refreshed" and fresh.source == url
    assert [e.filename for e in fresh.entries] == [
        "qwen2-1_5b-instruct-q4_0.gguf",
        "new-llama.gguf",
    ]
    qwen, new = fresh.entries
    assert qwen.description == "Alibaba's small multilingual chat model: fast and light."  # ours
    assert (new.description, new.licence, new.prompt_format) == ("New", "see the model's page",
                                                                 "llama3")  # fmt: skip
    again = load_catalog(tmp_path)
    assert again.origin == "refreshed" and again.entries == fresh.entries


@pytest.mark.parametrize(
    ("body", "kind"),
    [(None, "http_error"), (b"<html>captive portal</html>", "invalid"), (b'{"a": 1}', "invalid"),
     (b'[{"filename": "embed.gguf", "type": "Bert"}]', "empty")],
)  # fmt: skip
def test_refresh_failures_keep_the_old_list(
    server: ModelServer, tmp_path: Path, body: bytes | None, kind: str
) -> None:
    url = server.serve("/models3.json", body) if body is not None else server.base + "/gone"
    with pytest.raises(CatalogError) as info:
        refresh_catalog(url, timeout=5, folder=tmp_path)
    assert info.value.kind == kind and str(info.value).endswith(".")
    assert load_catalog(tmp_path).origin == "bundled"


def test_damaged_refreshed_list_falls_back_to_the_snapshot(tmp_path: Path) -> None:
    (tmp_path / cat.REFRESHED_FILE).write_text('{"schema": 1, "models": [{"name": 3}]}')
    assert load_catalog(tmp_path).origin == "bundled"


def test_nothing_touches_the_network_unless_asked(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def no_network(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("network access")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    from desktop.core.models import fit, installed, settings

    catalog = load_catalog(tmp_path)
    for entry in catalog.entries:
        fit.fit_for_entry(entry)
    for model in installed.list_installed(tmp_path, catalog):
        settings.settings_for(model, tmp_path)
    installed.active_model_path(tmp_path)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux layout")
def test_models_dir_is_inside_qts_app_data_folder(qapp: Any) -> None:
    from PySide6.QtCore import QStandardPaths

    old = qapp.organizationName(), qapp.applicationName()
    qapp.setOrganizationName("Smaller")
    qapp.setApplicationName("Smaller")
    try:
        location = QStandardPaths.StandardLocation.AppDataLocation
        qt_dir = Path(QStandardPaths.writableLocation(location))
    finally:
        qapp.setOrganizationName(old[0])
        qapp.setApplicationName(old[1])
    assert models_dir() == qt_dir / "models"
    assert qt_dir.parts[-2:] == ("Smaller", "Smaller")  # Qt appends organisation and app


@pytest.mark.parametrize(
    ("change", "problem"),
    [({"filename": "../x.gguf"}, "unsafe file name"), ({"file_size": "9"}, "positive integer"),
     ({"md5": "XYZ"}, "hex digest"), ({"prompt_template": None}, "not text"),
     ({"prompt_format": "alpaca"}, "unknown prompt_format"), ({"url": ""}, "url missing")],
)  # fmt: skip
def test_entry_fields_are_checked_when_read(change: dict[str, Any], problem: str) -> None:
    raw = {**snapshot()["models"][0], **change}
    with pytest.raises(ValueError, match=problem):
        cat.CatalogEntry.from_json(raw)
