"""What the engine built into this app (gpt4all 2.8.2) can run, and the error for what it cannot.

Facts from research/gpt4all.md, sections 1 and 2: the architectures, pre-tokenizers and layouts
it accepts; anything else fails silently, answers empty, or aborts the process.
"""

from __future__ import annotations

from typing import Literal

from desktop.core.errors import PlainError
from desktop.core.i18n import translate

# `KNOWN_ARCHES` in gpt4all-backend/llamamodel.cpp: anything else fails with "Unsupported model
# architecture".
# fmt: off
KNOWN_ARCHES: frozenset[str] = frozenset((
    "llama", "falcon", "gpt2", "gptneox", "mpt", "baichuan", "starcoder", "refact", "bert",
    "nomic-bert", "bloom", "stablelm", "qwen", "qwen2", "qwen2moe", "phi2", "phi3", "codeshell",
    "orion", "internlm2", "gemma", "gemma2", "starcoder2", "xverse", "command-r", "olmo",
    "openelm", "deepseek2", "chatglm", "jais",
))
# Pre-tokenizers the bundled llama.cpp (443665ae) knows, plus any "jina-..." name. An unknown one
# makes the load fail silently. llama.cpp only looks at it for BPE vocabularies, but other files
# practically never carry an odd value, so we check it whatever the tokenizer.
KNOWN_PRE_TOKENIZERS: frozenset[str] = frozenset((
    "default", "llama3", "llama-v3", "llama-bpe", "deepseek-llm", "deepseek-coder", "falcon",
    "mpt", "starcoder", "gpt-2", "phi-2", "refact", "command-r", "qwen2", "stablelm2", "olmo",
    "dbrx", "smaug-bpe", "poro-chat", "chatglm-bpe", "viking", "jais",
))
# fmt: on
# GGUF versions llama.cpp reads (v1 was dropped; v3 is the newest).
SUPPORTED_VERSIONS = (2, 3)
# Gemma-2 layer counts the engine's model-type switch knows; others hit GGML_ASSERT and abort.
GEMMA2_LAYER_COUNTS = (42, 46)
ErrorKind = Literal[
    "missing", "empty", "not_gguf", "unsupported_version", "truncated", "unknown_architecture",
    "unknown_pre_tokenizer", "unsupported_layout", "too_big", "unreadable",
]  # fmt: skip


class ModelFileError(PlainError):
    """A model file gpt4all would reject."""

    kind: ErrorKind


def refuse_unsupported(
    architecture: str, pre_tokenizer: str | None, n_layer: int | None, *, partial: bool = False
) -> None:
    """Raise ModelFileError for a kind of model gpt4all 2.8.2 rejects or crashes on. `partial`:
    only part of the header is known yet, so a missing layer count is not held against it."""
    choose = translate("ModelFile", "Choose a different model.")
    if architecture not in KNOWN_ARCHES:
        if architecture:
            msg = translate("ModelFile", "This app cannot run this kind of model ({architecture}).")
        else:
            msg = translate("ModelFile", "This app cannot run this kind of model.")
        msg = f"{msg.format(architecture=architecture)} {choose}"
        raise ModelFileError("unknown_architecture", msg, f"architecture {architecture!r}")
    pre = pre_tokenizer
    if pre is not None and pre not in KNOWN_PRE_TOKENIZERS and not pre.startswith("jina-"):
        msg = translate(
            "ModelFile", "This model needs a newer engine than the one built into this app."
        )
        raise ModelFileError(
            "unknown_pre_tokenizer", f"{msg} {choose}", f"tokenizer.ggml.pre {pre!r}"
        )
    if architecture == "gemma2" and n_layer not in GEMMA2_LAYER_COUNTS:
        if partial and n_layer is None:
            return
        msg = translate(
            "ModelFile",
            "This size of Gemma 2 model would crash this app’s engine, so it was not loaded.",
        )
        raise ModelFileError(
            "unsupported_layout", f"{msg} {choose}", f"gemma2 with {n_layer} layers"
        )
