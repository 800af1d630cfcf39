"""The views that show whether a smaller model is enough: Compare models (one message, two or
three installed models side by side) and the test drive. The window opens them from its menus,
the Models page and demo mode."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.ui.compare_models import CompareModelsDialog
    from desktop.ui.drive_view import DriveDialog
    from desktop.ui.main_window import MainWindow


def show_compare_models(window: MainWindow) -> CompareModelsDialog:
    from desktop.ui.compare_models import CompareModelsDialog

    dialog = CompareModelsDialog(window.engine, window)
    window.show_dialog(dialog)
    return dialog


def compare_question(window: MainWindow, question: str) -> CompareModelsDialog:
    """Demo mode's "small vs tiny vs 405B": the question, answered at once by the installed models
    side by side (the view says how to get a second model when there is one only)."""
    dialog = show_compare_models(window)
    dialog.message.setText(question)
    if dialog.answer_button.isEnabled():
        dialog.start()
    return dialog


def show_drive(window: MainWindow) -> DriveDialog:
    from desktop.ui.drive_view import DriveDialog

    dialog = DriveDialog(window.engine, window)
    window.show_dialog(dialog)
    return dialog
