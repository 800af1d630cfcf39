"""Small model files for tests: tiny real GGUFs (written with gguf.GGUFWriter) and broken ones.

`write_gguf()` with its defaults writes a complete random-weight llama (2 layers, 16-wide, a
byte-level BPE vocabulary of 258 tokens, ~30 KB) that gpt4all 2.8.2 can load; change `arch` or
`pre_tokenizer` to get a file gpt4all rejects for exactly that reason.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from gguf import GGUFWriter, TokenType

EOS_TOKEN = "<|endoftext|>"


def _byte_tokens() -> list[str]:
    """GPT-2's byte-to-unicode table: one token per byte, so every text can be tokenized
    (llama.cpp asserts that "\\n" tokenizes to something when it loads a BPE vocabulary)."""
    printable = [*range(ord("!"), ord("~") + 1), *range(ord("¡"), ord("¬") + 1)]
    printable += range(ord("®"), ord("ÿ") + 1)
    chars, extra = {}, 0
    for b in range(256):
        if b in printable:
            chars[b] = chr(b)
        else:
            chars[b] = chr(256 + extra)
            extra += 1
    return [chars[b] for b in range(256)]


def write_gguf(
    path: Path,
    *,
    arch: str = "llama",
    pre_tokenizer: str | None = "llama-bpe",
    n_layer: int = 2,
    n_ctx: int = 2048,
    n_embd: int = 16,
    n_head: int = 2,
    n_head_kv: int | None = 1,
    n_ff: int = 32,
    name: str | None = "Tiny Test Model",
    chat_template: str | None = None,
    license: str | None = "mit",
    seed: int = 0,
    extra_tokens: int = 0,
) -> Path:
    """Write a tiny GGUF; keys are stored under `arch`. `None` leaves an optional key out.
    `extra_tokens` adds that many filler tokens (with scores and merges), for a big vocabulary."""
    path.parent.mkdir(parents=True, exist_ok=True)
    filler = [f"Ġtok{i}" for i in range(extra_tokens)]
    tokens = [*_byte_tokens(), "Ġt", *filler, EOS_TOKEN]
    n_vocab = len(tokens)
    writer = GGUFWriter(path, arch)
    if name is not None:
        writer.add_name(name)
    if license is not None:
        writer.add_license(license)
    writer.add_context_length(n_ctx)
    writer.add_embedding_length(n_embd)
    writer.add_block_count(n_layer)
    writer.add_feed_forward_length(n_ff)
    writer.add_head_count(n_head)
    if n_head_kv is not None:
        writer.add_head_count_kv(n_head_kv)
    writer.add_layer_norm_rms_eps(1e-5)
    writer.add_vocab_size(n_vocab)
    writer.add_tokenizer_model("gpt2")
    if pre_tokenizer is not None:
        writer.add_tokenizer_pre(pre_tokenizer)
    writer.add_token_list(tokens)
    writer.add_token_types([TokenType.NORMAL] * (n_vocab - 1) + [TokenType.CONTROL])
    writer.add_token_merges(["Ġ t", *(f"Ġtok {i}" for i in range(extra_tokens))])
    if extra_tokens:
        writer.add_token_scores([0.0] * n_vocab)
    writer.add_eos_token_id(n_vocab - 1)
    writer.add_bos_token_id(n_vocab - 1)
    if chat_template is not None:
        writer.add_chat_template(chat_template)

    # numpy shapes are GGML's dimensions reversed: (rows = outputs, columns = inputs).
    rng = np.random.default_rng(seed)
    kv_width = n_embd // n_head * (n_head_kv or n_head)

    def weights(*shape: int) -> np.ndarray:
        return (rng.standard_normal(shape) * 0.02).astype(np.float32)

    writer.add_tensor("token_embd.weight", weights(n_vocab, n_embd))
    for i in range(n_layer):
        blk = f"blk.{i}"
        writer.add_tensor(f"{blk}.attn_norm.weight", np.ones(n_embd, dtype=np.float32))
        writer.add_tensor(f"{blk}.attn_q.weight", weights(n_embd, n_embd))
        writer.add_tensor(f"{blk}.attn_k.weight", weights(kv_width, n_embd))
        writer.add_tensor(f"{blk}.attn_v.weight", weights(kv_width, n_embd))
        writer.add_tensor(f"{blk}.attn_output.weight", weights(n_embd, n_embd))
        writer.add_tensor(f"{blk}.ffn_norm.weight", np.ones(n_embd, dtype=np.float32))
        writer.add_tensor(f"{blk}.ffn_gate.weight", weights(n_ff, n_embd))
        writer.add_tensor(f"{blk}.ffn_up.weight", weights(n_ff, n_embd))
        writer.add_tensor(f"{blk}.ffn_down.weight", weights(n_embd, n_ff))
    writer.add_tensor("output_norm.weight", np.ones(n_embd, dtype=np.float32))
    writer.add_tensor("output.weight", weights(n_vocab, n_embd))

    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return path


def write_empty(path: Path) -> Path:
    """A 0-byte file, as left by a download that failed before the first byte."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"")
    return path


def write_html(path: Path) -> Path:
    """An error page saved under the model's name, as some servers and captive portals send."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>\n"
        "<body><h1>Not Found</h1><p>The requested file was not found.</p></body></html>\n",
        encoding="utf-8",
    )
    return path


def truncate_half(src: Path, dst: Path) -> Path:
    """A copy of the first half of `src`, like an interrupted download."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    with src.open("rb") as fin, dst.open("wb") as fout:
        remaining = src.stat().st_size // 2
        while remaining > 0:
            block = fin.read(min(remaining, 1 << 20))
            fout.write(block)
            remaining -= len(block)
    return dst


def write_bad_version(path: Path, version: int = 99) -> Path:
    """A valid tiny GGUF whose header claims GGUF format `version` (bytes 4-7, little-endian)."""
    write_gguf(path)
    with path.open("r+b") as handle:
        handle.seek(4)
        handle.write(version.to_bytes(4, "little"))
    return path
