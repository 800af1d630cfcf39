"""The engine against the real default model through the real gpt4all package."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from desktop.core.context import Turn
from desktop.core.engine import Engine, EngineError, SamplingSettings
from tests import gguf_factory

pytestmark = pytest.mark.model
GREEDY = SamplingSettings(max_tokens=48, temperature=0.0, top_k=1, repeat_penalty=1.0)
LONG = SamplingSettings(max_tokens=400, temperature=0.7)


def test_answers_and_streams_token_by_token(engine: Engine) -> None:
    pieces: list[str] = []
    result = engine.answer("What is the capital of France?", settings=GREEDY, on_text=pieces.append)
    assert result.status == "complete", result.error
    assert "Paris" in result.text
    assert len(pieces) == result.completion_tokens > 1
    assert "".join(pieces).startswith(result.text)
    assert result.prompt_tokens > 5
    assert result.ttft_s is not None and 0 < result.ttft_s < result.total_s
    assert result.tokens_per_s is not None and result.tokens_per_s > 0
    assert set(result.to_json()) >= {
        "answer", "model", "prompt_tokens", "completion_tokens", "ttft_s", "total_s",
        "tokens_per_s",
    }  # fmt: skip


def test_second_turn_reuses_the_context(engine: Engine) -> None:
    first = engine.answer("My name is Ada. Say hello.", settings=GREEDY)
    history = [Turn("My name is Ada. Say hello.", first.text)]
    second = engine.answer("What is my name?", history=history, settings=GREEDY)
    assert second.status == "complete"
    # Only the new message was read, not the whole conversation again.
    assert second.prompt_tokens < first.prompt_tokens + first.completion_tokens
    # Same conversation replayed from scratch (another engine) reads more.
    other = Engine(engine.model_path, n_threads=1, cache_dir=engine.cache_dir)
    other.load()
    try:
        replay = other.answer("What is my name?", history=history, settings=GREEDY)
    finally:
        other.close()
    assert replay.prompt_tokens > second.prompt_tokens
    assert replay.text == second.text  # replaying a past answer rebuilds the same context


def test_stop_during_generation(engine: Engine) -> None:
    stop = threading.Event()
    stopped_at: list[float] = []

    def on_text(_text: str) -> None:
        if not stop.is_set():
            stop.set()
            stopped_at.append(time.perf_counter())

    result = engine.answer("Write a long story about a dragon.", settings=LONG, on_text=on_text,
                           stop=stop)  # fmt: skip
    assert result.status == "stopped"
    assert result.completion_tokens <= 2
    # The engine is still usable after a stop.
    again = engine.answer("Say yes.", settings=GREEDY)
    assert again.status == "complete" and again.text


def test_stop_while_reading_a_long_prompt(engine: Engine) -> None:
    stop = threading.Event()
    long_prompt = "Summarise this text. " + "The quick brown fox jumps over the lazy dog. " * 120
    timer = threading.Timer(0.05, stop.set)
    timer.start()
    started = time.perf_counter()
    result = engine.answer(long_prompt, settings=LONG, stop=stop)
    elapsed = time.perf_counter() - started
    timer.join()
    assert result.status == "stopped"
    assert result.completion_tokens == 0
    # Reading ~1,300 tokens takes seconds on one thread; the stop cut it short.
    assert result.prompt_tokens < 1000, (result.prompt_tokens, elapsed)


def test_system_prompt_survives_when_old_turns_are_dropped(
    model_path: Path, model_cache: Path
) -> None:
    engine = Engine(model_path, n_ctx=512, n_threads=1, cache_dir=model_cache)
    engine.load()
    try:
        system = "You are a helpful assistant who always answers in English."
        fresh = engine.answer("Hi", system_prompt=system, settings=GREEDY)
        system_tokens = list(engine._model.context.tokens[:12])
        turn = Turn("Tell me about the sea. " * 8, "The sea is large and blue. " * 10)
        history = [turn] * 6  # far more than 512 tokens
        result = engine.answer("Hi", history=history, system_prompt=system, settings=GREEDY)
        assert result.status == "complete", result.error
        assert result.dropped_turns >= 4
        # The context was rebuilt starting with the same system prompt tokens.
        assert list(engine._model.context.tokens[:12]) == system_tokens
        assert engine._model.context.n_past < 512
        assert fresh.status == "complete"
    finally:
        engine.close()


def test_prompt_longer_than_the_context_is_refused(engine: Engine) -> None:
    result = engine.answer("word " * 3000, settings=GREEDY)
    assert result.status == "error"
    assert "too long" in (result.error or "")


def test_paste_of_100k_characters_is_refused_quickly(engine: Engine) -> None:
    result = engine.answer("x" * 100_000, settings=GREEDY)
    assert result.status == "error" and "too long" in (result.error or "")
    assert result.prompt_tokens == 0  # refused before reading anything


def test_prompt_the_estimate_lets_through_is_still_refused_cleanly(
    model_path: Path, model_cache: Path
) -> None:
    # Whitespace-heavy text tokenises into more tokens than bytes/3 suggests for some inputs;
    # whatever slips past the estimate is caught from gpt4all's own refusal.
    engine = Engine(model_path, n_ctx=256, n_threads=1, cache_dir=model_cache)
    engine.load()
    try:
        # 600 bytes pass the estimate (about 212 tokens), but the model's tokenizer makes 309
        # tokens of them: gpt4all refuses, and the refusal reads as the same plain message.
        result = engine.answer("🙂" * 150, settings=GREEDY)
        assert result.status == "error" and result.error_kind == "prompt_too_long"
        assert "too long" in (result.error or "")
        again = engine.answer("Say yes.", settings=GREEDY)
        assert again.status == "complete"
    finally:
        engine.close()


def test_empty_prompt_is_refused(engine: Engine) -> None:
    result = engine.answer("   \n ", settings=GREEDY)
    assert result.status == "error" and "empty" in (result.error or "")
    assert result.error_kind == "empty_message"


def test_a_system_prompt_too_long_to_fit_is_an_error_not_dropped(engine: Engine) -> None:
    result = engine.answer("Say hi.", system_prompt="x" * 100_000, settings=GREEDY)
    assert result.status == "error" and result.error_kind == "system_prompt_too_long"
    assert "system prompt" in (result.error or "") and result.completion_tokens == 0
    assert engine.answer("Say hi.", settings=GREEDY).status == "complete"


@pytest.mark.parametrize(
    ("max_tokens", "temperature"), [(0, 0.7), (-1, 0.7), (8, float("nan")), (8, -1.0)]
)
def test_bad_sampling_settings_are_refused_before_gpt4all(
    engine: Engine, max_tokens: int, temperature: float
) -> None:
    settings = SamplingSettings(max_tokens=max_tokens, temperature=temperature)
    result = engine.answer("Say hi.", settings=settings)
    assert result.status == "error" and result.error_kind == "invalid_setting"
    assert result.prompt_tokens == 0


# -- bad model files: each ends in one plain message, never a crash -------------------------


def _load_error(path: Path, tmp_path: Path, **kwargs: object) -> EngineError:
    engine = Engine(path, n_threads=1, cache_dir=tmp_path / "cache", **kwargs)  # type: ignore[arg-type]
    with pytest.raises(EngineError) as info:
        engine.load()
    assert not engine.loaded
    message = str(info.value)
    assert message and "Traceback" not in message and len(message) < 400
    return info.value


def test_missing_file(tmp_path: Path) -> None:
    error = _load_error(tmp_path / "nope.gguf", tmp_path)
    assert error.kind == "missing"


def test_empty_file(tmp_path: Path) -> None:
    error = _load_error(gguf_factory.write_empty(tmp_path / "empty.gguf"), tmp_path)
    assert error.kind == "empty"


def test_html_page_saved_as_gguf(tmp_path: Path) -> None:
    error = _load_error(gguf_factory.write_html(tmp_path / "page.gguf"), tmp_path)
    assert error.kind == "not_gguf" and "web page" in str(error)


def test_gguf_cut_in_half(model_path: Path, tmp_path: Path) -> None:
    half = gguf_factory.truncate_half(model_path, tmp_path / "half.gguf")
    error = _load_error(half, tmp_path)
    assert error.kind == "truncated"


def test_cut_file_is_caught_by_the_engine_even_without_the_preflight(
    model_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """gpt4all "loads" a truncated file and then answers with empty text; the engine checks
    isModelLoaded and reports the reason it captured from the C library's stderr."""
    import desktop.core.engine as engine_module
    from desktop.core.modelfile import read_model_info

    info = read_model_info(model_path, tmp_path / "cache")
    monkeypatch.setattr(engine_module, "preflight", lambda *a, **k: info)
    half = gguf_factory.truncate_half(model_path, tmp_path / "half.gguf")
    error = _load_error(half, tmp_path)
    assert error.kind == "load_failed"
    assert "incomplete" in str(error)
    assert "data is not within the file bounds" in error.detail


def test_unknown_architecture(tmp_path: Path) -> None:
    path = gguf_factory.write_gguf(tmp_path / "mamba.gguf", arch="xyzzy")
    error = _load_error(path, tmp_path)
    assert error.kind == "unknown_architecture"


def test_unknown_pre_tokenizer(model_path: Path, tmp_path: Path) -> None:
    path = gguf_factory.write_gguf(tmp_path / "smollm.gguf", pre_tokenizer="smollm")
    error = _load_error(path, tmp_path)
    assert error.kind == "unknown_pre_tokenizer" and "newer" in str(error)


def test_model_too_large_for_free_ram(model_path: Path, tmp_path: Path) -> None:
    error = _load_error(model_path, tmp_path, available_ram=50_000_000)
    assert error.kind == "too_big" and "memory" in str(error)


def test_tiny_generated_model_loads_and_answers(tmp_path: Path) -> None:
    """The factory's tiny random-weight model is a real GGUF that gpt4all runs."""
    path = gguf_factory.write_gguf(tmp_path / "tiny.gguf")
    engine = Engine(path, n_threads=1, cache_dir=tmp_path / "cache")
    engine.load()
    try:
        result = engine.answer("hello", settings=SamplingSettings(max_tokens=8))
        assert result.status == "complete"
    finally:
        engine.close()
