"""Build resources/data/models-catalog.json from the research copy of GPT4All's model list.

    python scripts/build_catalog.py            # write the snapshot
    python scripts/build_catalog.py --check    # exit 1 if the committed snapshot is out of date

Input: ../shared/research/gpt4all-catalog.json (GPT4All's models3.json at 34037f31, 2025-01-30,
with a verdict per entry on whether gpt4all 2.8.2 runs it). Kept: entries that
`desktop.core.models.catalog.why_not_offered` accepts (a chat model 2.8.2 runs, with a checksum),
the filter `refresh_catalog()` applies to a freshly fetched list. Added here, since GPT4All's list
lacks or buries them: a plain one-line description, the licence, and a prompt template for the
entries that have none (the bindings would otherwise use a "### Human:" template these models were
never trained on).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from desktop.core.models.catalog import (  # noqa: E402  (needs the path above)
    entry_from_gpt4all,
    snapshot_json,
    why_not_offered,
)

RESEARCH = REPO.parent / "shared" / "research" / "gpt4all-catalog.json"
OUTPUT = REPO / "resources" / "data" / "models-catalog.json"
SOURCE = (
    "GPT4All model list, nomic-ai/gpt4all gpt4all-chat/metadata/models3.json at commit 34037f31 "
    "(2025-01-30), via shared/research/gpt4all-catalog.json"
)
DATE = "2025-01-30"
NOTE = (
    "Only models gpt4all 2.8.2 can chat with. Descriptions, licences and the templates marked "
    "template_source=smaller were added by scripts/build_catalog.py."
)

# filename -> (what it is good at, licence). Licences: GPT4All's descriptions, else model cards.
ABOUT: dict[str, tuple[str, str]] = {
    "qwen2.5-coder-7b-instruct-q4_0.gguf": (
        "Qwen2.5 Coder 7B: writes, explains and fixes code.",
        "Apache-2.0",
    ),
    "Meta-Llama-3-8B-Instruct.Q4_0.gguf": (
        "Meta's all-round chat model: good answers and writing in English.",
        "Meta Llama 3 Community License",
    ),
    "Llama-3.2-3B-Instruct-Q4_0.gguf": (
        "Meta's small chat model: everyday questions, summaries and writing.",
        "Llama 3.2 Community License",
    ),
    "Llama-3.2-1B-Instruct-Q4_0.gguf": (
        "Meta's smallest chat model: quick and light, for simple questions.",
        "Llama 3.2 Community License",
    ),
    "Nous-Hermes-2-Mistral-7B-DPO.Q4_0.gguf": (
        "Fast all-round chat model that follows instructions well.",
        "Apache-2.0",
    ),
    "mistral-7b-instruct-v0.1.Q4_0.gguf": (
        "Mistral's first instruction model: fast, follows instructions, few refusals.",
        "Apache-2.0",
    ),
    "Meta-Llama-3.1-8B-Instruct-128k-Q4_0.gguf": (
        "Llama 3.1 with a long memory: reads and answers about long texts.",
        "Llama 3.1 Community License",
    ),
    "mistral-7b-openorca.gguf2.Q4_0.gguf": (
        "Fast chat model tuned for clear, step-by-step explanations.",
        "Apache-2.0",
    ),
    "gpt4all-falcon-newbpe-q4_0.gguf": (
        "Falcon 7B tuned by Nomic: fast instruction following; older.",
        "Apache-2.0",
    ),
    "orca-2-7b.Q4_0.gguf": (
        "Microsoft's research model trained to reason step by step.",
        "Microsoft Research License (non-commercial)",
    ),
    "orca-2-13b.Q4_0.gguf": (
        "The larger Orca 2: careful step-by-step reasoning; needs 16 GB.",
        "Microsoft Research License (non-commercial)",
    ),
    "wizardlm-13b-v1.2.Q4_0.gguf": (
        "Large instruction model that gives long, detailed answers.",
        "non-commercial use only (per GPT4All)",
    ),
    "ghost-7b-v0.9.1-Q4_0.gguf": ("Chat model for Vietnamese and English.", "see the model's page"),
    "nous-hermes-llama2-13b.Q4_0.gguf": (
        "Large instruction model with long, detailed answers.",
        "non-commercial use only (per GPT4All)",
    ),
    "gpt4all-13b-snoozy-q4_0.gguf": (
        "Nomic's 2023 GPT4All chat model; superseded by newer ones.",
        "non-commercial use only (per GPT4All)",
    ),
    "mpt-7b-chat.gguf4.Q4_0.gguf": (
        "MosaicML's chat model: conversation and light creative writing.",
        "CC-BY-NC-SA-4.0 (non-commercial)",
    ),
    "Phi-3-mini-4k-instruct.Q4_0.gguf": (
        "Microsoft's small model: good at reasoning and maths for its size.",
        "MIT",
    ),
    "orca-mini-3b-gguf2-q4_0.gguf": (
        "Small instruction model: quick, simple answers; dated.",
        "CC-BY-NC-SA-4.0 (non-commercial)",
    ),
    "em_german_mistral_v01.Q4_0.gguf": (
        "Mistral 7B tuned to chat and write in German.",
        "Apache-2.0",
    ),
    "qwen2-1_5b-instruct-q4_0.gguf": (
        "Alibaba's small multilingual chat model: fast and light.",
        "Apache-2.0",
    ),
}

CHATML_TURN = "<|im_start|>user\n%1<|im_end|>\n<|im_start|>assistant\n%2<|im_end|>\n"
# filename -> (template, system prompt) for entries GPT4All ships without a template. Each is the
# format of the model's own card (Qwen2.5 and Orca 2: ChatML; WizardLM 1.2: Vicuna); Snoozy gets
# GPT4All's instruction format.
TEMPLATE_ADDED: dict[str, tuple[str, str]] = {
    "qwen2.5-coder-7b-instruct-q4_0.gguf": (CHATML_TURN, ""),
    "orca-2-7b.Q4_0.gguf": (CHATML_TURN, ""),
    "orca-2-13b.Q4_0.gguf": (CHATML_TURN, ""),
    "wizardlm-13b-v1.2.Q4_0.gguf": (
        "USER: %1 ASSISTANT: %2</s>",
        "A chat between a curious user and an artificial intelligence assistant. The assistant "
        "gives helpful, detailed, and polite answers to the user's questions. ",
    ),
    "gpt4all-13b-snoozy-q4_0.gguf": ("### Instruction:\n%1\n\n### Response:\n", ""),
}


def build(research: list[dict[str, Any]]) -> tuple[str, list[str]]:
    """The snapshot text, and one line per entry left out (with the reason)."""
    kept, left_out = [], []
    for raw in research:
        verdict = str(raw.get("runs_with_bindings_2_8_2", ""))
        problem = why_not_offered(raw)
        if problem is not None:
            left_out.append(f"{raw.get('name')} ({raw.get('filename')}): {problem}")
            continue
        if not verdict.startswith(("yes", "loads")):
            sys.exit(f"{raw['filename']}: the filter accepts it but the research says {verdict!r}")
        filename = raw["filename"]
        added = raw.get("promptTemplate") is None and filename in TEMPLATE_ADDED
        if added:
            template, system = TEMPLATE_ADDED[filename]
            raw = {**raw, "promptTemplate": template, "systemPrompt": system}
        entry = entry_from_gpt4all(raw)
        description, licence = ABOUT[filename]
        source = "smaller" if added else "catalog"
        entry = dataclasses.replace(entry, description=description, licence=licence)
        kept.append(dataclasses.replace(entry, template_source=source))
    return snapshot_json(kept, SOURCE, DATE, NOTE), left_out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--research", type=Path, default=RESEARCH)
    parser.add_argument("--out", type=Path, default=OUTPUT)
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)
    text, left_out = build(json.loads(args.research.read_text(encoding="utf-8")))
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            print(f"{args.out} is out of date: run scripts/build_catalog.py", file=sys.stderr)
            return 1
        return 0
    args.out.write_text(text, encoding="utf-8")
    kept = len(json.loads(text)["models"])
    print(f"wrote {args.out}: {kept} models; left out {len(left_out)}:", file=sys.stderr)
    for line in left_out:
        print(f"  {line}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
