"""Per-model settings (prompt format, system prompt, temperature, context length, threads).

Kept in `model-settings.json` in the models folder, keyed by the model's file name, so they
follow the model and not the chat. A model without saved settings gets defaults from its catalog
entry (or ChatML, the bundled model's format); import saves the format guessed from the file.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.core.chatformat import FORMATS, ChatFormat, guess_format
from desktop.core.jsonfile import write_json_atomically
from desktop.core.limits import CONTEXT_RANGE, TEMPERATURE_RANGE, max_threads
from desktop.core.models.installed import models_dir

if TYPE_CHECKING:
    from desktop.core.modelfile import ModelInfo
    from desktop.core.models.catalog import CatalogEntry
    from desktop.core.models.installed import InstalledModel

log = logging.getLogger(__name__)

SETTINGS_FILE = "model-settings.json"
CUSTOM = "custom"
DEFAULT_CONTEXT = 2048  # the engine's default; bigger costs memory (see fit.py) and speed

# The role markup GPT4All wraps its system prompts in, per format; our ChatFormat adds it back,
# so only the text inside is kept as the user-editable system prompt.
_SYSTEM_MARKUP = {
    "chatml": (r"<\|im_start\|>system\s*", r"\s*<\|im_end\|>\s*"),
    "llama3": (r"<\|start_header_id\|>system<\|end_header_id\|>\s*", r"\s*<\|eot_id\|>\s*"),
    "phi3": (r"<\|system\|>\s*", r"\s*<\|end\|>\s*"),
}


@dataclass
class ModelSettings:
    prompt_format: str = "chatml"  # a name in chatformat.FORMATS, or "custom"
    custom_template: str = ""  # the turn template (`%1` user, `%2` reply) when "custom"
    system_prompt: str = ""  # plain text for a known format; with its markup for "custom"
    temperature: float = 0.7
    context_length: int = DEFAULT_CONTEXT
    threads: int | None = None  # None: the engine's default (physical cores - 1)

    def chat_format(self) -> ChatFormat:
        if self.prompt_format == CUSTOM and "%1" in self.custom_template:
            # The system prompt already holds its markup, so it is fed in as it is.
            return ChatFormat(CUSTOM, "Custom", system="{system}", turn=self.custom_template)
        return FORMATS.get(self.prompt_format, FORMATS["chatml"])

    def cleaned(self) -> ModelSettings:
        """Values clamped into range; an unknown format falls back to ChatML."""

        def clamp(value: float, bounds: tuple[float, float]) -> float:
            return min(max(value, bounds[0]), bounds[1])

        fmt = self.prompt_format
        if fmt not in FORMATS and not (fmt == CUSTOM and "%1" in self.custom_template):
            fmt = "chatml"
        threads = self.threads
        if threads is not None:
            threads = int(clamp(threads, (1, max_threads())))  # more only crawl
        return ModelSettings(
            prompt_format=fmt,
            custom_template=self.custom_template,
            system_prompt=self.system_prompt,
            temperature=clamp(float(self.temperature), TEMPERATURE_RANGE),
            context_length=int(clamp(int(self.context_length), CONTEXT_RANGE)),
            threads=threads,
        )


def plain_system_prompt(prompt_format: str, marked_up: str) -> str:
    """`<|im_start|>system\\nBe brief.<|im_end|>\\n` -> `Be brief.` for a known format."""
    markup = _SYSTEM_MARKUP.get(prompt_format)
    if markup is None or not marked_up:
        return marked_up
    found = re.fullmatch(f"{markup[0]}(.*?){markup[1]}", marked_up, flags=re.DOTALL)
    if found:
        return found.group(1)
    if "<|" not in marked_up:
        return marked_up  # no markup at all: already plain
    log.warning("system prompt not in %s markup, dropped: %r", prompt_format, marked_up)
    return ""


def settings_from_entry(entry: CatalogEntry) -> ModelSettings:
    if entry.prompt_format == CUSTOM:
        return ModelSettings(CUSTOM, entry.prompt_template, entry.system_prompt)
    return ModelSettings(
        entry.prompt_format, "", plain_system_prompt(entry.prompt_format, entry.system_prompt)
    )


def settings_from_info(info: ModelInfo) -> ModelSettings:
    """For an imported file: the format its chat template suggests, its context up to 2048."""
    ctx = min(info.context_length or DEFAULT_CONTEXT, DEFAULT_CONTEXT)
    return ModelSettings(guess_format(info.chat_template).name, context_length=max(ctx, 256))


def _read_all(folder: Path) -> dict[str, Any]:
    file = folder / SETTINGS_FILE
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        log.warning("ignoring damaged %s: %s", file, exc)
        return {}
    return data if isinstance(data, dict) else {}


def load_settings(key: str, folder: Path | None = None) -> ModelSettings | None:
    """Saved settings, or None. Unknown keys and wrong types fall back to defaults field by field,
    so one bad value (hand-edited file, older version) does not lose the others."""
    saved = _read_all(folder or models_dir()).get(key)
    if not isinstance(saved, dict):
        return None
    defaults = ModelSettings()
    values: dict[str, Any] = {}
    for f in fields(ModelSettings):
        value, default = saved.get(f.name, getattr(defaults, f.name)), getattr(defaults, f.name)
        ok = {
            "prompt_format": isinstance(value, str), "custom_template": isinstance(value, str),
            "system_prompt": isinstance(value, str),
            "temperature": isinstance(value, int | float) and not isinstance(value, bool),
            "context_length": isinstance(value, int) and not isinstance(value, bool),
            "threads": value is None or (isinstance(value, int) and not isinstance(value, bool)),
        }[f.name]  # fmt: skip
        values[f.name] = value if ok else default
    return ModelSettings(**values).cleaned()


def save_settings(key: str, settings: ModelSettings, folder: Path | None = None) -> None:
    folder = folder or models_dir()
    data = _read_all(folder)
    data[key] = asdict(settings.cleaned())
    write_json_atomically(folder / SETTINGS_FILE, data)


def forget_settings(key: str, folder: Path | None = None) -> None:
    folder = folder or models_dir()
    data = _read_all(folder)
    if data.pop(key, None) is not None:
        write_json_atomically(folder / SETTINGS_FILE, data)


def settings_for(model: InstalledModel, folder: Path | None = None) -> ModelSettings:
    """What to load `model` with: saved settings, else its catalog defaults, else ChatML."""
    saved = load_settings(model.key, folder)
    if saved is not None:
        return saved
    if model.catalog is not None:
        return settings_from_entry(model.catalog)
    return ModelSettings()
