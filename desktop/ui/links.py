"""Sources as clickable links in rich text (a click is the user's choice to go online)."""

from __future__ import annotations

import html


def linked(source: str) -> str:
    """Escape a source text and make the https:// address inside it clickable."""
    start = source.find("https://")
    if start == -1:
        return html.escape(source)
    end = next((i for i in range(start, len(source)) if source[i] in " )"), len(source))
    url = source[start:end]
    return (
        html.escape(source[:start])
        + f'<a href="{html.escape(url)}">{html.escape(url)}</a>'
        + html.escape(source[end:])
    )
