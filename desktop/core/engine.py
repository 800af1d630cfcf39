"""The engine: one local model loaded through gpt4all 2.8.2, answering one message at a time.

Facts this module is built around (each seen on the reference machine, see the research notes):
- `GPT4All(...)` can "succeed" on a broken file and then answer with empty text. So we check the
  file first (`modelfile.preflight`), pass `allow_download=False` semantics by loading through
  `LLModel` directly, check `llmodel_isModelLoaded` afterwards, and capture the C-level stderr
  while loading so the user reads the real reason.
- The model is not thread-safe: a second generate, or closing it mid-answer, kills the process.
  An `Engine` belongs to one thread; the GUI talks to it only through the worker.
- Stopping: breaking out of a streaming iterator does not stop gpt4all; returning False from the
  callbacks does, also from the prompt callback while a long prompt is being read.
- When the context fills up, gpt4all drops the system prompt silently; `context.plan_context`
  rebuilds the context from the system prompt and the latest turns instead.
"""

from __future__ import annotations

import os
import platform
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psutil

from desktop.core.capture import capture_stderr, explain_load_failure
from desktop.core.chatformat import ChatFormat, guess_format
from desktop.core.context import ContextPlan, PromptTooLong, Turn, plan_context
from desktop.core.continuing import feed_open_turn
from desktop.core.errors import PlainError
from desktop.core.i18n import translate
from desktop.core.limits import (
    LimitError,
    check_context,
    check_max_tokens,
    check_temperature,
    check_threads,
)
from desktop.core.modelfile import ModelFileError, ModelInfo, preflight
from desktop.core.prompting import ended_by_stop_string, ends_turn, feed, strip_stop_strings
from desktop.core.records import AnswerResult


class EngineError(PlainError):
    """A failure the user can act on. str() is plain language; `detail` is for the curious."""

    def __init__(self, message: str, *, kind: str = "engine", detail: str = "") -> None:
        super().__init__(kind, message, detail)


def default_threads() -> int:
    """Physical cores minus one, at least 1, at most 8.

    Measured on a 2-core machine: 2 threads fell from ~100 to ~9 tokens/s when another program
    used one core (ggml's spinning threads starve), while 1 thread held ~100 tokens/s.
    """
    physical = psutil.cpu_count(logical=False) or os.cpu_count() or 2
    return max(1, min(physical - 1, 8))


@dataclass
class SamplingSettings:
    max_tokens: int = 512
    temperature: float = 0.7
    top_k: int = 40
    top_p: float = 0.9
    min_p: float = 0.0
    repeat_penalty: float = 1.1
    repeat_last_n: int = 64
    # Tokens read per step. gpt4all's default 8 reads long prompts ~20% slower; 128 reads as
    # fast as 64 but Stop then waits for a whole step: measured on a 1,018-token message,
    # 380 ms to stop at 128 against 33 ms at 64, for the same time to the first word.
    n_batch: int = 64


def _backend() -> str:
    # Mirrors GPT4All(device="cpu"): "cpu" on Apple silicon, the kompute library elsewhere
    # (on Linux and Windows the CPU code lives in the kompute build).
    if platform.system() == "Darwin" and platform.machine() == "arm64":
        return "cpu"
    return "kompute"


class Engine:
    """One loaded model. Create, `load()`, then `answer()` from a single thread; `close()`."""

    def __init__(
        self,
        model_path: Path,
        *,
        n_ctx: int = 2048,
        n_threads: int | None = None,
        chat_format: ChatFormat | None = None,
        cache_dir: Path | None = None,
        available_ram: int | None = None,
    ) -> None:
        self.model_path = Path(model_path)
        self.n_ctx = n_ctx
        # None means automatic; 0 or less is refused by load(), never passed to gpt4all.
        self.n_threads = default_threads() if n_threads is None else n_threads
        self.chat_format = chat_format
        self.cache_dir = cache_dir
        self.available_ram = available_ram
        self.info: ModelInfo | None = None
        self._model: Any = None  # gpt4all._pyllmodel.LLModel
        # What the model's context holds after the last complete answer: the system prompt,
        # the number of older turns left out, and the turns fed. None when unknown.
        self._cache: tuple[str, int, tuple[Turn, ...]] | None = None

    # -- loading -------------------------------------------------------------------------------
    @property
    def name(self) -> str:
        # The file name reads better than GGUF's `general.name` ("Smollm2 135M 8k Lc100K Mix1 Ep2").
        return self.model_path.stem

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def check(self) -> ModelInfo:
        """Check the settings and the file without loading it (format, kind, memory). Raises
        EngineError."""
        try:
            # Defence in depth: the edges (CLI, settings) check too, but a bad thread count here
            # would abort the whole process inside gpt4all.
            self.n_threads = check_threads(self.n_threads)
            self.n_ctx = check_context(self.n_ctx)
        except LimitError as exc:
            raise EngineError(str(exc), kind=exc.kind, detail=exc.detail) from exc
        try:
            self.info = preflight(
                self.model_path, self.n_ctx, available_ram=self.available_ram,
                cache_dir=self.cache_dir,
            )  # fmt: skip
        except ModelFileError as exc:
            raise EngineError(str(exc), kind=exc.kind, detail=exc.detail) from exc
        return self.info

    def load(self) -> ModelInfo:
        """Check the file (unless `check()` just did), load it, and make sure it really loaded.
        Raises EngineError."""
        info = self.info or self.check()
        from gpt4all._pyllmodel import LLModel, llmodel  # imported late: loads the C library

        model: Any = None
        with capture_stderr() as captured:
            try:
                model = LLModel(str(self.model_path), self.n_ctx, 0, _backend())
                model.load_model()
                ok = bool(llmodel.llmodel_isModelLoaded(model.model))
            except Exception as exc:  # gpt4all raises bare RuntimeError/Exception
                ok = False
                captured.append_note(str(exc))
        if not ok:
            if model is not None:
                model.close()
            message, detail = explain_load_failure(captured.text, self.model_path)
            raise EngineError(message, kind="load_failed", detail=detail)
        model.set_thread_count(self.n_threads)
        self._model = model
        self.info = info
        if self.chat_format is None:
            self.chat_format = guess_format(info.chat_template)
        self._cache = None
        return info

    def close(self) -> None:
        if self._model is not None:
            self._model.close()
            self._model = None
        self._cache = None

    # -- answering -----------------------------------------------------------------------------
    def answer(
        self,
        user: str,
        *,
        history: list[Turn] | None = None,
        system_prompt: str = "",
        settings: SamplingSettings | None = None,
        on_text: Callable[[str], None] | None = None,
        stop: threading.Event | None = None,
        partial: str = "",
    ) -> AnswerResult:
        """Answer `user` after `history`; with `partial`, go on with that stopped answer
        (continuing.py). Never raises for bad input: the result says why."""
        if self._model is None or self.chat_format is None:
            raise EngineError("No model is loaded.", kind="not_loaded")
        settings = settings or SamplingSettings()
        stop = stop or threading.Event()
        history = history or []
        result = AnswerResult(text="", status="complete", model=self.name)
        if not user.strip():
            return result.failed(
                "empty_message", translate("Engine", "Type a message first: the message is empty.")
            )
        try:
            check_max_tokens(settings.max_tokens)
            check_temperature(settings.temperature)
        except LimitError as exc:
            return result.failed(exc.kind, str(exc))
        fmt = self.chat_format
        system_text = fmt.system_text(system_prompt)
        try:
            plan = plan_context(
                n_ctx=self.n_ctx, n_past=self._model.context.n_past if self._model.context else 0,
                cache_matches=not partial and self._cache_matches(system_text, history),
                system_text=system_text, history=history, user=user + partial,
                max_tokens=settings.max_tokens,
            )  # fmt: skip
        except PromptTooLong as exc:
            return result.failed(exc.kind, str(exc))
        return self._run(
            result, fmt, system_text, history, user, plan, settings, on_text, stop, partial
        )

    def _cache_matches(self, system_text: str, history: list[Turn]) -> bool:
        if self._cache is None:
            return False
        system, dropped, fed = self._cache
        return (
            system == system_text
            and len(history) == dropped + len(fed)
            and tuple(history[dropped:]) == fed
        )

    def _run(
        self,
        result: AnswerResult,
        fmt: ChatFormat,
        system_text: str,
        history: list[Turn],
        user: str,
        plan: ContextPlan,
        settings: SamplingSettings,
        on_text: Callable[[str], None] | None,
        stop: threading.Event,
        partial: str = "",
    ) -> AnswerResult:
        started = time.perf_counter()
        prompt_tokens = 0
        pieces: list[str] = []
        stamps = result.timestamps
        backend_error: list[str] = []
        stop_strings = fmt.stop_strings

        def on_prompt_token(_token_id: int) -> bool:
            nonlocal prompt_tokens
            prompt_tokens += 1
            return not stop.is_set()

        def on_response(token_id: int, text: str) -> bool:
            if token_id == -1:  # not a token: the backend's error text
                backend_error.append(text)
                return False
            stamps.append(time.perf_counter())
            pieces.append(text)
            if stop_strings and "<" in text and ends_turn(pieces, stop_strings):
                return False
            if on_text is not None:
                on_text(text)
            return not stop.is_set()

        if plan.incremental:
            dropped, fed = self._cache[1], self._cache[2]  # type: ignore[index]
        else:
            dropped, fed = len(history) - len(plan.turns), plan.turns
            self._cache = None  # the context is about to be rewritten
            self._feed(system_text, "%1%2", on_prompt_token, reset=True, special=True, n=0)
            for turn in plan.turns:
                if stop.is_set():
                    break
                self._feed(turn.user, fmt.turn, on_prompt_token, fake_reply=turn.assistant)
        context_prompt = prompt_tokens
        prompt_tokens = 0
        if not stop.is_set() and partial:
            context_prompt += feed_open_turn(self._model, fmt, user, partial, on_prompt_token)
            self._feed(
                "", "%1%2", on_prompt_token, on_response=on_response, n=plan.max_tokens,
                temp=settings,
            )  # fmt: skip
        elif not stop.is_set():
            self._feed(
                user, fmt.turn, on_prompt_token, on_response=on_response, n=plan.max_tokens,
                temp=settings,
            )  # fmt: skip
        finished = time.perf_counter()

        text = "".join(pieces)
        text = strip_stop_strings(text, stop_strings)
        result.text = text
        result.prompt_tokens = prompt_tokens + context_prompt
        result.completion_tokens = len(stamps)
        result.total_s = finished - started
        result.dropped_turns = plan.dropped_turns
        if stamps:
            result.ttft_s = stamps[0] - started
            if len(stamps) > 1:
                result.tokens_per_s = (len(stamps) - 1) / (stamps[-1] - stamps[0])
        if backend_error:
            self._cache = None
            message, kind = backend_error[0], "backend_error"
            if "exceeds the context window" in message:
                too_long = PromptTooLong(self.n_ctx)
                message, kind = str(too_long), too_long.kind
            return result.failed(kind, message)
        if stop.is_set():
            result.status = "stopped"
            self._cache = None  # a partial prompt or reply may sit in the context
        elif partial or ended_by_stop_string(pieces, stop_strings):
            self._cache = None  # the template's closing text was not fed after the reply
        else:
            self._cache = (system_text, dropped, (*fed, Turn(user, text)))
        return result

    def _feed(self, text: str, template: str, on_prompt: Callable[[int], bool], **kw: Any) -> None:
        feed(self._model, text, template, on_prompt, **kw)
