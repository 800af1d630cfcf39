"""Translation hook for the Qt-free core.

Sentences the core writes for people (errors, ratios, equivalents) go through `translate(context,
text)`. Without a hook it returns the English text, as the command line and `--json` want; the
window installs Qt's translator with `set_translator`, so the same sentences appear in French.
lupdate finds these `translate("Context", "...")` calls like the window's own.
"""

from __future__ import annotations

from collections.abc import Callable

_hook: Callable[[str, str], str] | None = None


def set_translator(hook: Callable[[str, str], str] | None) -> None:
    global _hook
    _hook = hook


def translate(context: str, text: str) -> str:
    return _hook(context, text) if _hook is not None else text
