"""Update the translation sources from the code, or compile them for the app.

python scripts/translations.py update    # pyside6-lupdate: desktop/ -> resources/translations/*.ts
python scripts/translations.py compile   # pyside6-lrelease: *.ts -> *.qm (set-up and builds)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("fr",)


def tool(name: str) -> str:
    """The PySide6 tool next to this Python (the venv's), else on the PATH."""
    local = Path(sys.executable).with_name(f"pyside6-{name}")
    return str(local) if local.exists() else (shutil.which(f"pyside6-{name}") or name)


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "desktop").rglob("*.py"))


def _finished(ts: Path) -> dict[str, str]:
    """Source text -> translation, for every finished message of a .ts file."""
    if not ts.exists():
        return {}
    found = {}
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        if translation is not None and translation.get("type") is None and translation.text:
            found[message.findtext("source") or ""] = translation.text
    return found


def _reuse(ts: Path, known: dict[str, str]) -> None:
    """A string that moved to another class keeps its translation: fill unfinished messages
    whose source text was already translated elsewhere."""
    tree = ET.parse(ts)
    changed = False
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if translation is not None and translation.get("type") == "unfinished" and source in known:
            translation.text = known[source]
            del translation.attrib["type"]
            changed = True
    if changed:
        tree.write(ts, encoding="utf-8", xml_declaration=True)
        text = ts.read_text(encoding="utf-8")
        if "<!DOCTYPE TS>" not in text:
            ts.write_text(text.replace("?>\n", "?>\n<!DOCTYPE TS>\n", 1), encoding="utf-8")


def update(ts_dir: Path = TRANSLATIONS) -> list[Path]:
    ts_dir.mkdir(parents=True, exist_ok=True)
    out = [ts_dir / f"smaller_{lang}.ts" for lang in LANGUAGES]
    for ts in out:
        known = _finished(ts)
        subprocess.run(
            [tool("lupdate"), "-no-obsolete", "-locations", "none", *sources(), "-ts", str(ts)],
            cwd=ROOT, check=True, capture_output=True,
        )  # fmt: skip
        _reuse(ts, known)
    return out


def compile_all() -> list[Path]:
    out = []
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        subprocess.run([tool("lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True)
        out.append(qm)
    return out


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "update":
        print("\n".join(map(str, update())))
    elif command == "compile":
        print("\n".join(map(str, compile_all())))
    else:
        print(__doc__)
        sys.exit(2)
