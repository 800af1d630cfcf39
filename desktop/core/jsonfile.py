"""Small JSON files written so that a crash or a second app instance never sees half a file."""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path


def write_text_atomically(file: Path, text: str) -> None:
    """Write beside the target under a unique name, then rename over it: readers see the old
    file or the new one, never a mix, and two writers never share a temporary file."""
    file.parent.mkdir(parents=True, exist_ok=True)
    tmp = file.with_name(f"{file.name}.{secrets.token_hex(4)}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, file)
    except BaseException:
        tmp.unlink(missing_ok=True)  # a full disk must not leave stray temporary files behind
        raise


def write_json_atomically(file: Path, data: object, *, indent: int | None = 1) -> None:
    write_text_atomically(file, json.dumps(data, ensure_ascii=False, indent=indent))
