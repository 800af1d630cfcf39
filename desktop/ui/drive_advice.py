"""The test drive's advice as a sentence, for the drive view and the Models page: what a model
is good and bad at on this computer, and a bigger installed model for the tasks it fails."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.core.drive.advice import Advice, advice_for
from desktop.core.drive.results import load_runs
from desktop.ui.numbers import show_fixed


def category_name(name: str) -> str:
    translate = QCoreApplication.translate
    return {
        "facts": translate("DriveAdvice", "facts"), "arithmetic": translate("DriveAdvice", "sums"),
        "units": translate("DriveAdvice", "units"), "extraction": translate("DriveAdvice", "extracting"),
        "rewrite": translate("DriveAdvice", "rewriting"), "classification": translate("DriveAdvice", "yes/no"),
        "translation": translate("DriveAdvice", "translating"),
    }.get(name, name)  # fmt: skip


def _times(ratio: float) -> str:
    translate = QCoreApplication.translate
    if ratio < 1.15:
        return translate("DriveAdvice", "about the same")
    return translate("DriveAdvice", "{n} times").format(n=show_fixed(ratio, 0 if ratio >= 2 else 1))


def advice_text(advice: Advice) -> str:
    translate = QCoreApplication.translate
    parts = []
    if advice.good_at:
        parts.append(translate("DriveAdvice", "{model} is right at least 80% of the time for: {categories}.").format(model=advice.model, categories=", ".join(category_name(c) for c in advice.good_at)))  # fmt: skip
    if advice.bad_at:
        parts.append(translate("DriveAdvice", "It is wrong more often than right for: {categories}.").format(categories=", ".join(category_name(c) for c in advice.bad_at)))  # fmt: skip
    if advice.bigger is not None:
        cats = ", ".join(category_name(c) for c in advice.bigger_categories)
        if advice.right_ratio is None:
            right = translate("DriveAdvice", "{bigger} got answers right where it got none").format(bigger=advice.bigger)  # fmt: skip
        else:
            right = translate("DriveAdvice", "{bigger} was right {times} as often").format(bigger=advice.bigger, times=_times(advice.right_ratio))  # fmt: skip
        energy = ""
        if advice.energy_ratio is not None:
            energy = translate("DriveAdvice", ", for {times} the energy per answer").format(times=_times(advice.energy_ratio))  # fmt: skip
        parts.append(translate("DriveAdvice", "For {categories}, {right}{energy}.").format(categories=cats, right=right, energy=energy))  # fmt: skip
    return " ".join(parts)


def latest_advice_text(model: str) -> str:
    """From the newest saved drive that has this model; empty when there is none."""
    for run in reversed(load_runs()):
        advice = advice_for(run, model)
        if advice is not None:
            return advice_text(advice)
    return ""
