"""Translation hook for the Qt-free core.

Sentences the core writes for people (errors, ratios, equivalents) go through `translate(context,
text)`. Without a hook it returns the English text, as the command line and `--json` want; the
window installs Qt's translator with `set_translator`, so the same sentences appear in French.
lupdate finds these `translate("Context", "...")` calls like the window's own.
"""

from __future__ import annotations

from collections.abc import Callable

_hook: Callable[[str, str], str] | None = None
_language = "en"


def set_translator(hook: Callable[[str, str], str] | None, language: str = "en") -> None:
    global _hook, _language
    _hook = hook
    _language = language


def plural(n: float, one: str, other: str) -> str:
    """The sentence for `n` by the language's rule: English says "1 answer", "0 answers"; French
    says "0 réponse", "1 réponse", "1,5 réponse", "2 réponses" (CLDR: one for n < 2). Both forms
    are translated by the caller, so lupdate sees them as two sentences."""
    singular = abs(n) < 2 if _language == "fr" else n == 1
    return one if singular else other


def translate(context: str, text: str) -> str:
    return _hook(context, text) if _hook is not None else text
