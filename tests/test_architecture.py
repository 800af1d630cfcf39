"""The layers stay visible: desktop/core never imports Qt."""

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[1] / "desktop" / "core"


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_core_never_imports_qt() -> None:
    offenders = {
        str(p.relative_to(CORE)): sorted(_imports(p) & {"PySide6", "shiboken6", "PyQt6"})
        for p in CORE.rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_core_does_not_import_workers_or_ui() -> None:
    for path in CORE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "desktop.ui" not in text and "desktop.workers" not in text, path


def test_no_module_grows_past_about_three_hundred_lines() -> None:
    """Small modules, one job each (issue 10): a module past 350 lines is split, not grown."""
    root = Path(__file__).resolve().parents[1] / "desktop"
    sizes = {
        str(path.relative_to(root)): len(path.read_text(encoding="utf-8").splitlines())
        for path in root.rglob("*.py")
    }
    assert {name: n for name, n in sizes.items() if n > 350} == {}
