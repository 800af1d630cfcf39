"""Opening the 405B comparison for saved answers: the figures, the question they answered, and
a way to recompute them for another datacenter region."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from desktop.core.compare import training_card
from desktop.core.measured import compare_saved
from desktop.core.records import AnswerStats
from desktop.ui.comparison_view import ComparisonView

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

translate = QCoreApplication.translate


def open_comparison(
    window: MainWindow, answers: list[AnswerStats], scope: str = ""
) -> ComparisonView | None:
    """Open the 405B comparison for saved answers (one, or a whole chat)."""
    from desktop.core.footprint.grid import available_zones

    size = window.model_info.size_bytes if window.model_info else None
    file_name = window.model_info.path.name if window.model_info else ""
    comparison = compare_saved(answers, size, window.chat.model_name, None, file_name)
    if comparison is None:
        window.statusBar().showMessage(
            translate("MainWindow", "No measured answer to compare yet: ask something."), 8000
        )
        return None

    def recompute(zone: str | None) -> dict[str, object]:
        again = compare_saved(answers, size, window.chat.model_name, zone, file_name)
        return {"comparison": again.to_json(), "explanation": again.explanation}

    peaks = [a.usage.peak_rss_mb for a in answers if a.usage and a.usage.peak_rss_mb]
    view = ComparisonView(
        comparison.to_json(), explanation=comparison.explanation,
        why_range=comparison.why_range, sources=list(comparison.sources),
        training=training_card().to_json(), model_name=window.chat.model_name, scope=scope,
        app_rss_mb=max(peaks, default=None), question=question_of(window, answers),
        zones=available_zones(), recompute=recompute, parent=window,
    )  # fmt: skip
    view.show()
    return view


def question_of(window: MainWindow, answers: list[AnswerStats]) -> str:
    """The user's message before the first of `answers`, for the card ('' if not found)."""
    chat = window.chat
    if chat.conversation_id is None or not answers:
        return ""
    messages = chat.store.messages(chat.conversation_id)
    first = answers[0]

    def same(stats: AnswerStats | None) -> bool:
        # Saved figures are rounded: match on what identifies an answer, not on floats.
        return (
            stats is not None
            and (stats.prompt_tokens, stats.completion_tokens)
            == (first.prompt_tokens, first.completion_tokens)
            and abs(stats.total_s - first.total_s) < 0.01
        )

    for index, message in enumerate(messages):
        if message.role == "assistant" and same(message.stats):
            earlier = [m for m in messages[:index] if m.role == "user"]
            return str(earlier[-1].content) if earlier else ""
    return ""
