"""desktop.core.models.importer with generated GGUF files: checked before anything is copied."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.models.importer import ModelImportError, import_model
from desktop.core.models.installed import list_installed, read_registry, remove_model
from desktop.core.models.settings import load_settings, settings_for
from tests.gguf_factory import truncate_half, write_empty, write_gguf, write_html

LLAMA3_TEMPLATE = (
    "{% for m in messages %}<|start_header_id|>{{ m['role'] }}<|end_header_id|>\n\n"
    "{{ m['content'] }}<|eot_id|>{% endfor %}"
)
PHI3_TEMPLATE = (
    "{% for m in messages %}{% if m['role'] == 'user' %}{{'<|user|>\n' + m['content'] + "
    "'<|end|>\n'}}{% elif m['role'] == 'assistant' %}{{'<|assistant|>\n' + m['content'] + "
    "'<|end|>\n'}}{% endif %}{% endfor %}"
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "models"


@pytest.fixture
def downloads(tmp_path: Path) -> Path:
    return tmp_path / "Downloads"


def refused(source: Path, folder: Path) -> ModelImportError:
    with pytest.raises(ModelImportError) as info:
        import_model(source, folder=folder)
    exc = info.value
    copied = sorted(p.name for p in folder.iterdir()) if folder.exists() else []
    assert copied == [], "nothing is copied or recorded for a refused file"
    return exc


def test_valid_file_is_copied_with_name_context_and_format(folder: Path, downloads: Path) -> None:
    source = write_gguf(downloads / "my-llama.gguf", name="My Llama", n_ctx=8192,
                        chat_template=LLAMA3_TEMPLATE)  # fmt: skip
    result = import_model(source, folder=folder)

    assert (result.info.name, result.info.context_length) == ("My Llama", 8192)
    assert result.settings.prompt_format == "llama3" and result.format_recognised
    assert result.settings.context_length == 2048  # the file allows 8192; 2048 is the default
    copy = folder / "my-llama.gguf"
    assert copy.read_bytes() == source.read_bytes() and source.exists()
    assert not (folder / "my-llama.gguf.part").exists()
    model = result.model
    assert (model.key, model.name, model.path, model.source) == (
        "my-llama.gguf", "My Llama", copy, "imported"
    )  # fmt: skip
    listed = {m.key: m for m in list_installed(folder)}
    assert listed["my-llama.gguf"].name == "My Llama"
    assert listed["my-llama.gguf"].context_length == 8192
    assert settings_for(listed["my-llama.gguf"], folder).prompt_format == "llama3"


@pytest.mark.parametrize(
    ("template", "fmt", "recognised"),
    [(PHI3_TEMPLATE, "phi3", True), ("<|im_start|>{{ m }}<|im_end|>", "chatml", True),
     ("{{ bos }}[INST] {{ m }} [/INST]", "chatml", False), (None, "chatml", False)],
)  # fmt: skip
def test_format_guessed_from_the_chat_template(
    folder: Path, downloads: Path, template: str | None, fmt: str, recognised: bool
) -> None:
    result = import_model(write_gguf(downloads / "m.gguf", chat_template=template), folder=folder)
    assert result.settings.prompt_format == fmt
    assert result.format_recognised is recognised
    saved = load_settings("m.gguf", folder)
    assert saved is not None and saved.prompt_format == fmt


def test_linked_import_copies_nothing_and_remove_forgets_it(folder: Path, downloads: Path) -> None:
    source = write_gguf(downloads / "kept-here.gguf", name="Kept Here")
    result = import_model(source, copy=False, folder=folder)
    assert result.model.source == "linked" and result.model.path == source.absolute()
    assert list(folder.glob("*.gguf")) == []
    assert [m.name for m in list_installed(folder) if m.source == "linked"] == ["Kept Here"]

    remove_model("Kept Here", folder)
    assert source.exists(), "a linked file is the user's: never deleted"
    assert (
        read_registry(folder)["imported"] == {} and load_settings("kept-here.gguf", folder) is None
    )


def test_same_file_twice_is_refused_and_name_clash_gets_a_new_key(
    folder: Path, downloads: Path, tmp_path: Path
) -> None:
    first = write_gguf(downloads / "model.gguf", name="First")
    import_model(first, folder=folder)
    for again in (folder / "model.gguf", first):  # the copy itself, or its original again
        with pytest.raises(ModelImportError) as info:
            import_model(again, folder=folder)
        assert info.value.kind == "exists" and "already installed as “First”" in str(info.value)

    second = write_gguf(tmp_path / "elsewhere" / "model.gguf", name="Second", seed=3)
    assert import_model(second, folder=folder).model.key == "model-2.gguf"
    assert (folder / "model.gguf").read_bytes() == first.read_bytes()  # never overwritten


def test_truncated_file_is_refused(folder: Path, downloads: Path, tmp_path: Path) -> None:
    whole = write_gguf(tmp_path / "whole.gguf")
    exc = refused(truncate_half(whole, downloads / "half.gguf"), folder)
    assert exc.kind == "truncated" and "incomplete" in str(exc)


def test_unknown_architecture_is_refused(folder: Path, downloads: Path) -> None:
    exc = refused(write_gguf(downloads / "mamba.gguf", arch="mamba"), folder)
    assert exc.kind == "unknown_architecture" and "(mamba)" in str(exc)


def test_unknown_pre_tokenizer_is_refused(folder: Path, downloads: Path) -> None:
    exc = refused(write_gguf(downloads / "smol.gguf", pre_tokenizer="smollm"), folder)
    assert exc.kind == "unknown_pre_tokenizer" and "newer engine" in str(exc)
    assert "smollm" in exc.detail


@pytest.mark.parametrize(("maker", "kind"), [(write_html, "not_gguf"), (write_empty, "empty")])
def test_not_a_model_is_refused(folder: Path, downloads: Path, maker: object, kind: str) -> None:
    exc = refused(maker(downloads / "x.gguf"), folder)  # type: ignore[operator]
    assert exc.kind == kind


def test_missing_file_is_refused(folder: Path, downloads: Path) -> None:
    assert refused(downloads / "nowhere.gguf", folder).kind == "missing"
