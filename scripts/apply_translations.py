"""Merge translations written as JSON ({context: {source: translation}}) into a .ts file.

python scripts/apply_translations.py resources/translations/smaller_fr.ts part1.json ...
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def apply(ts: Path, parts: list[Path]) -> tuple[int, list[str]]:
    table: dict[str, dict[str, str]] = {}
    for part in parts:
        for context, entries in json.loads(part.read_text(encoding="utf-8")).items():
            table.setdefault(context, {}).update(entries)
    tree = ET.parse(ts)
    done, missing = 0, []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            text = table.get(name, {}).get(source)
            if translation is None:
                continue
            if text:
                translation.text = text
                translation.attrib.pop("type", None)
                done += 1
            elif translation.get("type") == "unfinished":
                missing.append(f"{name}: {source}")
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    text = ts.read_text(encoding="utf-8")
    if "<!DOCTYPE TS>" not in text:
        text = text.replace("?>\n", "?>\n<!DOCTYPE TS>\n", 1)
        ts.write_text(text, encoding="utf-8")
    return done, missing


if __name__ == "__main__":
    done, missing = apply(Path(sys.argv[1]), [Path(p) for p in sys.argv[2:]])
    print(f"{done} translated, {len(missing)} missing")
    for line in missing:
        print("  missing:", line)
