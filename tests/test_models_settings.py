"""Installed models, the active one, removal, and per-model settings kept in the models folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core.chatformat import LLAMA3
from desktop.core.models.catalog import load_bundled_catalog
from desktop.core.models.installed import (
    BUNDLED_NAME,
    ModelNotFound,
    active_model,
    active_model_path,
    list_installed,
    remove_model,
    restore_default,
    set_active_model,
)
from desktop.core.models.settings import (
    SETTINGS_FILE,
    ModelSettings,
    load_settings,
    plain_system_prompt,
    save_settings,
    settings_for,
    settings_from_entry,
)
from desktop.core.paths import default_model_path
from tests.gguf_factory import write_gguf


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "models"


def downloaded(folder: Path, filename: str = "Llama-3.2-1B-Instruct-Q4_0.gguf") -> Path:
    """A file as a finished download leaves it (the name of a catalog entry)."""
    return write_gguf(folder / filename)


def test_bundled_model_first_then_the_folder(folder: Path) -> None:
    downloaded(folder)
    (folder / "half.gguf.part").write_bytes(b"GGUF")  # an unfinished download is not a model
    models = list_installed(folder)
    assert [(m.name, m.source) for m in models] == [
        (BUNDLED_NAME, "bundled"), ("Llama 3.2 1B Instruct", "downloaded"),
    ]  # fmt: skip
    assert models[0].path == default_model_path() and not models[0].deletable
    assert models[1].catalog is not None and models[1].catalog.md5 is not None


def test_active_model_defaults_to_bundled_and_follows_the_choice(folder: Path) -> None:
    path = downloaded(folder)
    assert active_model_path(folder) == default_model_path()
    set_active_model(path.name, folder)
    active = active_model(folder)
    assert active is not None and active.path == path


def test_remove_downloaded_model_deletes_file_settings_and_choice(folder: Path) -> None:
    path = downloaded(folder)
    save_settings(path.name, ModelSettings(temperature=0.2), folder)
    set_active_model(path.name, folder)
    removed = remove_model("llama 3.2 1b instruct", folder)  # display name, any case
    assert removed.path == path and not path.exists()
    assert load_settings(path.name, folder) is None
    assert active_model_path(folder) == default_model_path()
    with pytest.raises(ModelNotFound, match="No installed model is called “gone”"):
        remove_model("gone", folder)


def test_bundled_model_is_hidden_not_deleted_and_can_be_restored(folder: Path) -> None:
    remove_model(BUNDLED_NAME, folder)
    assert default_model_path().exists()
    assert [m.source for m in list_installed(folder)] == []
    assert active_model_path(folder) == default_model_path()  # still what the engine falls back on
    restore_default(folder)
    assert [m.source for m in list_installed(folder)] == ["bundled"]


def test_settings_round_trip_and_clamping(folder: Path) -> None:
    settings = ModelSettings("phi3", "", "Be brief.", temperature=0.3, context_length=4096,
                             threads=2)  # fmt: skip
    save_settings("m.gguf", settings, folder)
    assert load_settings("m.gguf", folder) == settings
    save_settings("m.gguf", ModelSettings("nonsense", temperature=9, context_length=10, threads=0),
                  folder)  # fmt: skip
    assert load_settings("m.gguf", folder) == ModelSettings(
        "chatml", temperature=2.0, context_length=256, threads=1
    )


def test_damaged_or_wrongly_typed_settings_fall_back_field_by_field(folder: Path) -> None:
    folder.mkdir()
    file = folder / SETTINGS_FILE
    file.write_text(json.dumps({"m.gguf": {"temperature": "hot", "system_prompt": "Hi."}}))
    assert load_settings("m.gguf", folder) == ModelSettings(system_prompt="Hi.")
    file.write_text("{not json")
    assert load_settings("m.gguf", folder) is None


def test_catalog_defaults_strip_the_role_markup_for_known_formats(folder: Path) -> None:
    catalog = load_bundled_catalog()
    llama = catalog.find("Llama 3.2 1B Instruct")
    assert llama is not None
    settings = settings_from_entry(llama)
    assert settings.prompt_format == "llama3" and settings.chat_format() is LLAMA3
    plain = "Cutting Knowledge Date: December 2023\n\nYou are a helpful assistant."
    assert settings.system_prompt == plain
    # Our format puts the markup back as the model expects it.
    assert LLAMA3.system_text(settings.system_prompt).startswith(
        "<|start_header_id|>system<|end_header_id|>\n\nCutting Knowledge"
    )
    orca = catalog.find("Mistral OpenOrca")
    assert orca is not None
    assert settings_from_entry(orca).system_prompt == (
        "You are MistralOrca, a large language model trained by Alignment Lab AI."
    )


def test_catalog_custom_template_becomes_a_custom_format() -> None:
    mistral = load_bundled_catalog().find("Mistral Instruct")
    assert mistral is not None
    fmt = settings_from_entry(mistral).chat_format()
    assert (fmt.name, fmt.turn, fmt.system_text("x")) == ("custom", "[INST] %1 [/INST]", "x")


def test_installed_model_without_saved_settings_gets_catalog_defaults(folder: Path) -> None:
    downloaded(folder, "Phi-3-mini-4k-instruct.Q4_0.gguf")
    phi = [m for m in list_installed(folder) if m.source == "downloaded"][0]
    assert settings_for(phi, folder).prompt_format == "phi3"
    bundled = [m for m in list_installed(folder) if m.source == "bundled"][0]
    assert settings_for(bundled, folder) == ModelSettings()  # ChatML, the bundled model's format


@pytest.mark.parametrize(
    ("fmt", "marked_up", "plain"),
    [("chatml", "<|im_start|>system\nBe kind.<|im_end|>\n", "Be kind."),
     ("phi3", "<|system|>\nShort answers.<|end|>\n", "Short answers."),
     ("chatml", "Already plain.", "Already plain."),
     ("chatml", "<|system|>\nwrong markup<|end|>", ""),
     ("custom", "### System:\nKeep it.\n\n", "### System:\nKeep it.\n\n")],
)  # fmt: skip
def test_plain_system_prompt(fmt: str, marked_up: str, plain: str) -> None:
    assert plain_system_prompt(fmt, marked_up) == plain
