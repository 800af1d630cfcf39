"""File › Export chat…: the chat shown, saved as Markdown or JSON where the user chooses."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.core.jsonfile import write_text_atomically
from desktop.core.store import ChatStore, StoreError
from desktop.core.store.export import Format, export_chat

translate = QCoreApplication.translate


def _filters() -> dict[str, Format]:
    return {
        translate("ChatExport", "Markdown, to read (*.md)"): "markdown",
        translate("ChatExport", "JSON, for programs (*.json)"): "json",
    }


def kind_for(path: Path, chosen_filter: str = "") -> Format:
    if path.suffix.lower() == ".json":
        return "json"
    if path.suffix.lower() in (".md", ".markdown", ".txt"):
        return "markdown"
    return _filters().get(chosen_filter, "markdown")


def suggested_name(title: str) -> str:
    stem = re.sub(r"[^\w\- ]+", "", title, flags=re.UNICODE).strip()[:60] or "chat"
    return f"{stem}.md"


def write_export(store: ChatStore, conversation_id: int, path: Path, kind: Format) -> str | None:
    """Write the chat; None when saved, else a sentence saying what went wrong and what to do."""
    try:
        conversation = store.get_conversation(conversation_id)
        if conversation is None:
            return translate("ChatExport", "This chat no longer exists.")
        text = export_chat(conversation, store.messages(conversation_id), kind)
    except StoreError as exc:
        return str(exc)
    if kind == "markdown" and not path.suffix:
        path = path.with_suffix(".md")
    elif kind == "json" and not path.suffix:
        path = path.with_suffix(".json")
    try:
        write_text_atomically(path, text)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return translate(
            "ChatExport",
            "The chat could not be saved to “{path}” ({reason}). Choose another folder.",
        ).format(path=str(path), reason=reason)
    return None


def ask_export_path(parent: QWidget, title: str) -> tuple[Path, Format] | None:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    filters = _filters()
    path, chosen = QFileDialog.getSaveFileName(
        parent, translate("ChatExport", "Export chat"), str(Path(folder) / suggested_name(title)),
        ";;".join(filters),
    )  # fmt: skip
    if not path:
        return None
    return Path(path), kind_for(Path(path), chosen)
