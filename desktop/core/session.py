"""The one owner of the loaded model: which model, with which settings, loaded how.

`ModelSession` loads, switches and reloads a model, always with that model's own settings
(prompt format, standing instructions, creativity, memory, threads), measures every answer, and
never lets go of a working model for a file it has not checked. The window's engine thread and
the command line use it alike: the same model, settings and figures whichever way you ask.

A session belongs to one thread (gpt4all's model is not thread-safe); `EngineService` gives the
window and the API server that thread.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import psutil

from desktop.core.context import Turn
from desktop.core.engine import Engine, EngineError, SamplingSettings, default_threads
from desktop.core.footprint import FootprintMeter, cpu_power_profile
from desktop.core.i18n import translate
from desktop.core.measured import answer_measured
from desktop.core.modelfile import ModelInfo, estimate_ram_bytes, read_model_info
from desktop.core.models.installed import InstalledModel, active_model, find_installed
from desktop.core.models.settings import ModelSettings, settings_for, settings_from_info
from desktop.core.paths import cache_dir, default_model_path
from desktop.core.records import AnswerResult

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ModelChoice:
    """A model to load and the settings it is loaded with."""

    path: Path
    name: str  # the friendly name that signs its answers
    settings: ModelSettings
    key: str | None = None  # the installed model's key; None for a file opened directly


def installed_choice(model: InstalledModel) -> ModelChoice:
    return ModelChoice(model.path, model.name, settings_for(model), model.key)


def choice_for_file(path: Path) -> ModelChoice:
    """A file opened directly: an installed model's own settings if it is one, else what the
    file says (its chat format), with no standing instructions of another model."""
    try:
        return installed_choice(find_installed(str(path)))
    except LookupError:
        pass
    try:
        settings = settings_from_info(read_model_info(path, cache_dir()))
    except Exception:  # the load will report what is wrong with the file
        settings = ModelSettings()
    return ModelChoice(Path(path), Path(path).stem, settings)


def active_choice() -> ModelChoice:
    """The model `smaller models use` or the Models page chose, with its own settings; the
    bundled model when none is installed or the registry cannot be read."""
    try:
        model = active_model()
    except (OSError, ValueError):
        model = None
    if model is not None:
        return installed_choice(model)
    path = default_model_path()
    return ModelChoice(path, path.stem, ModelSettings())


def find_choice(name_or_path: str | Path) -> ModelChoice:
    """`--model`: an installed model's name or key, or a path to a .gguf file."""
    text = str(name_or_path)
    try:
        return installed_choice(find_installed(text))
    except LookupError:
        pass
    path = Path(text).expanduser()
    if path.suffix.lower() == ".gguf" or path.exists():
        return choice_for_file(path)
    raise EngineError(
        translate(
            "Session", "No installed model is called “{name}”. Run `smaller models` to list them."
        ).format(name=text),
        kind="unknown_model",
    )


@dataclass(frozen=True)
class MeterSettings:
    zone: str | None = None  # electricity grid, e.g. "FRA"; None: from the system locale
    cpu_watts: float | None = None  # the CPU's power if the user chose it; None: detected


# Written in the language asked for, so the model reads French from the first words. (Tried with
# SmolLM2-135M: it answers in a broken French with either wording; larger models follow both.)
REPLY_LANGUAGE_INSTRUCTIONS = {"fr": "Réponds toujours en français."}


def with_reply_language(system_prompt: str, language: str | None) -> str:
    """The model's standing instructions, asking for answers in `language` when it is not
    English."""
    instruction = REPLY_LANGUAGE_INSTRUCTIONS.get(language or "")
    if not instruction:
        return system_prompt
    return f"{system_prompt.rstrip()}\n{instruction}" if system_prompt.strip() else instruction


class ModelSession:
    """Owns the loaded model. Use from one thread only."""

    def __init__(
        self,
        *,
        threads: int | None = None,
        meter: MeterSettings | None = None,
        cache: Path | None = None,
    ) -> None:
        self._threads = threads  # the user's choice for every model; None: automatic
        self._meter_settings = meter or MeterSettings()
        self._meter: FootprintMeter | None = None
        self._cache = cache or cache_dir()
        self.choice: ModelChoice | None = None
        self._engine: Engine | None = None

    # -- what is loaded ----------------------------------------------------------------------
    @property
    def loaded(self) -> bool:
        return self._engine is not None

    @property
    def info(self) -> ModelInfo | None:
        return self._engine.info if self._engine is not None else None

    @property
    def n_ctx(self) -> int:
        """The loaded model's context window in tokens (the default's when none is loaded)."""
        if self._engine is not None:
            return self._engine.n_ctx
        return (
            self.choice.settings.context_length if self.choice else ModelSettings().context_length
        )

    def threads_for(self, settings: ModelSettings) -> int:
        """The model's own thread count, else the user's, else automatic; always within
        1..logical cores, the only values the C library takes without aborting or crawling."""
        wanted = settings.threads or self._threads or default_threads()
        return min(max(int(wanted), 1), os.cpu_count() or 1)

    # -- loading -------------------------------------------------------------------------------
    def _engine_for(self, choice: ModelChoice) -> Engine:
        s = choice.settings
        return Engine(
            choice.path, n_ctx=s.context_length, n_threads=self.threads_for(s),
            chat_format=s.chat_format(), cache_dir=self._cache,
            available_ram=self._free_ram_after_unload(),
        )  # fmt: skip

    def _free_ram_after_unload(self) -> int:
        """Free memory as it will be once the current model is closed."""
        free = int(psutil.virtual_memory().available)
        info, engine = self.info, self._engine
        if info is not None and engine is not None:
            free += estimate_ram_bytes(info, engine.n_ctx)
        return free

    def load(self, choice: ModelChoice) -> ModelInfo:
        """Load `choice`. The new file is checked first; the current model is closed only once
        the check passed, and reloaded when the new one still fails. Raises EngineError."""
        engine = self._engine_for(choice)
        try:
            engine.check()  # raises before anything is closed: the working model stays
        except EngineError as exc:
            log.warning("model refused: %s (%s: %s)", choice.path.name, exc.kind, exc.detail)
            raise
        previous = self.choice
        self._close_engine()
        try:
            info = engine.load()
        except EngineError as exc:
            log.warning("model failed to load: %s (%s)", choice.path.name, exc.kind)
            if previous is not None:
                try:
                    self._engine = self._engine_for(previous)
                    self._engine.load()
                except EngineError:
                    self._engine, self.choice = None, None
            raise
        self._engine, self.choice = engine, choice
        log.info("model loaded: %s, %d threads, context %d", choice.path.name,
                 engine.n_threads, engine.n_ctx)  # fmt: skip
        self._ensure_meter()  # now, while idle: the first answer should not pay for it
        return info

    def reload(self, settings: ModelSettings | None = None) -> ModelInfo | None:
        """Load the current model again, with new own settings if given (never with defaults)."""
        if self.choice is None:
            return None
        choice = self.choice if settings is None else replace(self.choice, settings=settings)
        return self.load(choice)

    def set_threads(self, threads: int | None) -> bool:
        """The user's thread count for every model. Returns True when the loaded model must be
        reloaded to use it."""
        before = self.threads_for(self.choice.settings) if self.choice else None
        self._threads = threads
        after = self.threads_for(self.choice.settings) if self.choice else None
        return self.loaded and before != after

    @property
    def meter_settings(self) -> MeterSettings:
        return self._meter_settings

    def configure_meter(self, settings: MeterSettings) -> None:
        self._meter_settings = settings
        if self._meter is not None:
            self._apply_meter_settings(self._meter)

    def _apply_meter_settings(self, meter: FootprintMeter) -> None:
        if self._meter_settings.zone:
            meter.set_zone(self._meter_settings.zone)
        meter.set_profile(cpu_power_profile(tdp_override_w=self._meter_settings.cpu_watts))

    def _ensure_meter(self) -> FootprintMeter:
        if self._meter is None:
            meter = FootprintMeter(zone=self._meter_settings.zone)
            self._apply_meter_settings(meter)
            if meter.rapl.available:
                meter.calibrate_idle()  # measured energy is net of the machine's idle power
            self._meter = meter
        return self._meter

    def unload(self) -> None:
        self._close_engine()
        self.choice = None

    def close(self) -> None:
        self.unload()

    def _close_engine(self) -> None:
        if self._engine is not None:
            self._engine.close()
            self._engine = None

    # -- answering -----------------------------------------------------------------------------
    def sampling(self, max_tokens: int, temperature: float | None = None) -> SamplingSettings:
        """Sampling for the loaded model: its own creativity unless one is given."""
        own = self.choice.settings.temperature if self.choice else SamplingSettings().temperature
        return SamplingSettings(
            max_tokens=max_tokens, temperature=own if temperature is None else temperature
        )

    def answer(
        self,
        user: str,
        *,
        history: list[Turn] | None = None,
        system_prompt: str | None = None,
        settings: SamplingSettings | None = None,
        on_text: Callable[[str], None] | None = None,
        stop: threading.Event | None = None,
        reply_language: str | None = None,
        partial: str = "",
    ) -> AnswerResult:
        """A measured answer. `system_prompt` None uses the model's own standing instructions,
        plus, when `reply_language` is French, the request to answer in French (a chat's own
        instructions are the user's: they are left as they are)."""
        engine, choice = self._engine, self.choice
        if engine is None or choice is None:
            message = translate("Session", "No model is loaded.")
            return AnswerResult(status="error", error_kind="not_loaded", error=message)
        if system_prompt is None:
            system_prompt = with_reply_language(choice.settings.system_prompt, reply_language)
        result = answer_measured(
            engine, self._ensure_meter(), user, history=history, system_prompt=system_prompt,
            settings=settings or self.sampling(SamplingSettings().max_tokens), on_text=on_text,
            stop=stop, partial=partial,
        )  # fmt: skip
        result.model = choice.name
        # Figures only: what was asked and answered never goes to the log.
        log.info("answer %s: %d prompt + %d answer tokens in %.2f s%s", result.status,
                 result.prompt_tokens, result.completion_tokens, result.total_s,
                 f" ({result.error_kind})" if result.error_kind else "")  # fmt: skip
        return result
