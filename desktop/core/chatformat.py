"""Chat prompt formats: how a conversation is written out for a given model family.

gpt4all feeds a turn with a template holding `%1` (the user's text) and `%2` (the reply). The
template's own text is tokenised with special tokens enabled; the user's text is not, so a user
cannot inject control tokens. The system prompt is fed once, as special text, with its full role
markup.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ChatFormat:
    name: str
    label: str
    system: str  # holds `{system}`
    turn: str  # holds `%1` then `%2`
    # End-of-turn markers some models stream as text when their EOS id is another token.
    stop_strings: tuple[str, ...] = ()

    def system_text(self, system_prompt: str) -> str:
        return self.system.replace("{system}", system_prompt) if system_prompt else ""


CHATML = ChatFormat(
    name="chatml",
    label="ChatML (SmolLM2, Qwen2)",
    system="<|im_start|>system\n{system}<|im_end|>\n",
    turn="<|im_start|>user\n%1<|im_end|>\n<|im_start|>assistant\n%2<|im_end|>\n",
    stop_strings=("<|im_end|>", "<|im_start|>"),
)
LLAMA3 = ChatFormat(
    name="llama3",
    label="Llama 3",
    system="<|start_header_id|>system<|end_header_id|>\n\n{system}<|eot_id|>",
    turn=(
        "<|start_header_id|>user<|end_header_id|>\n\n%1<|eot_id|>"
        "<|start_header_id|>assistant<|end_header_id|>\n\n%2<|eot_id|>"
    ),
    stop_strings=("<|eot_id|>", "<|start_header_id|>"),
)
PHI3 = ChatFormat(
    name="phi3",
    label="Phi-3",
    system="<|system|>\n{system}<|end|>\n",
    turn="<|user|>\n%1<|end|>\n<|assistant|>\n%2<|end|>\n",
    stop_strings=("<|end|>", "<|user|>"),
)
FORMATS = {f.name: f for f in (CHATML, LLAMA3, PHI3)}


def guess_format(chat_template: str | None) -> ChatFormat:
    """Pick the format from a GGUF's Jinja chat template; ChatML when unknown."""
    template = chat_template or ""
    if "<|start_header_id|>" in template:
        return LLAMA3
    if "<|assistant|>" in template and "<|end|>" in template:
        return PHI3
    return CHATML
