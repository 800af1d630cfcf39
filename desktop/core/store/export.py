"""A chat written out for the user to keep or share: Markdown to read, JSON for programs.

Both carry each answer's figures (tokens, time, energy, CO2, and whether they were measured or
estimated), so an exported chat still says what it cost. Labels are in the user's language
(`translate`); the JSON's keys are fixed and name their units, like `smaller ask --json`.
"""

from __future__ import annotations

import json
import time
from typing import Any, Literal

from desktop import __version__
from desktop.core.figures import whole
from desktop.core.footprint.answer import format_co2, format_duration, format_energy
from desktop.core.i18n import plural, translate
from desktop.core.records import AnswerStats
from desktop.core.store.chats import Conversation
from desktop.core.store.messages import Message

Format = Literal["markdown", "json"]
EXPORT_SCHEMA = 1


def _title(conversation: Conversation) -> str:
    return conversation.title or translate("ChatExport", "New chat")


def _date(timestamp: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(timestamp))


def figures_line(stats: AnswerStats) -> str:
    """'SmolLM2 · 42 tokens in 1.2 s · 12 mWh, 4.5 mg CO2e (measured, France grid)'."""
    parts = [stats.model] if stats.model else []
    tokens = plural(
        stats.completion_tokens,
        translate("ChatExport", "{n} token in {time}"),
        translate("ChatExport", "{n} tokens in {time}"),
    ).format(n=whole(stats.completion_tokens), time=format_duration(stats.total_s))
    parts.append(tokens)
    fp = stats.footprint
    if fp is not None:
        method = (
            translate("ChatExport", "measured")
            if fp.method == "measured"
            else translate("ChatExport", "estimated")
        )
        parts.append(
            translate("ChatExport", "{energy}, {co2} CO₂e ({method}, {grid} grid)").format(
                energy=format_energy(fp.energy_wh),
                co2=format_co2(fp.co2_g),
                method=method,
                grid=fp.grid_name,
            )  # fmt: skip
        )
    return " · ".join(parts)


def to_markdown(conversation: Conversation, messages: list[Message]) -> str:
    lines = [f"# {_title(conversation)}", ""]
    lines.append(
        translate("ChatExport", "Exported from Smaller on {date}.").format(date=_date(time.time()))
    )
    if conversation.system_prompt:
        lines += [
            "",
            f"**{translate('ChatExport', 'Instructions')}:** {conversation.system_prompt}",
        ]
    for message in messages:
        who = (
            translate("ChatExport", "You")
            if message.role == "user"
            else (message.stats.model if message.stats and message.stats.model else None)
            or translate("ChatExport", "The model")
        )
        lines += ["", f"## {who}", "", message.content.rstrip() or "…"]
        if message.role == "assistant" and message.stats is not None:
            lines += ["", f"*{figures_line(message.stats)}*"]
        if message.status not in ("complete", ""):
            lines += ["", f"> {translate('ChatExport', 'Answer status')}: {message.status}"]
    return "\n".join(lines) + "\n"


def to_json(conversation: Conversation, messages: list[Message]) -> str:
    data: dict[str, Any] = {
        "schema": EXPORT_SCHEMA,
        "exported_by": f"Smaller {__version__}",
        "exported_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "title": conversation.title,
        "system_prompt": conversation.system_prompt,
        "created_at": time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(conversation.created_at)),
        "messages": [
            {
                "role": m.role,
                "content": m.content,
                "status": m.status,
                "note": m.note,
                "created_at": time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(m.created_at)),
                **({"figures": m.stats.stats_json()} if m.stats is not None else {}),
            }
            for m in messages
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def export_chat(conversation: Conversation, messages: list[Message], kind: Format) -> str:
    return (
        to_json(conversation, messages) if kind == "json" else to_markdown(conversation, messages)
    )
