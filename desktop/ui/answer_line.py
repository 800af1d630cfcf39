"""The one plain line under each answer, and the details it opens.

Figures come from the message's saved stats (what `smaller ask --json` prints), so an answer
from last week shows the same line as when it was written.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from desktop.core.footprint import format_co2, format_energy, format_water
from desktop.ui.links import linked
from desktop.ui.numbers import localized

DETAILS_LINK = "footprint-details"
translate = QCoreApplication.translate


def _number(stats: dict[str, Any], key: str) -> float | None:
    value = stats.get(key)
    return float(value) if isinstance(value, int | float) else None


def speed_text(stats: dict[str, Any]) -> str:
    """Time, tokens, speed: '1.9 s · 121 tokens · 69 tokens/s · first word after 0.15 s'."""
    parts = []
    total = _number(stats, "total_s")
    if total is not None:
        parts.append(f"{total:.1f} s")
    tokens = stats.get("completion_tokens")
    if isinstance(tokens, int):
        parts.append(translate("AnswerLine", "{n} tokens").format(n=tokens))
    speed = _number(stats, "tokens_per_s")
    if speed is not None:
        parts.append(translate("AnswerLine", "{n} tokens/s").format(n=f"{speed:.0f}"))
    ttft = _number(stats, "ttft_s")
    if ttft is not None:
        parts.append(translate("AnswerLine", "first word after {s} s").format(s=f"{ttft:.2f}"))
    return localized(" · ".join(parts))


def footprint_text(stats: dict[str, Any]) -> str:
    """Energy, CO2 and how it was obtained: '2.1 mWh · 88 µg CO₂ · estimated'."""
    footprint = stats.get("footprint")
    if not isinstance(footprint, dict):
        return ""
    energy = format_energy(float(footprint["energy_wh"]))
    co2 = format_co2(float(footprint["co2_g"]))
    method = (
        translate("AnswerLine", "measured")
        if footprint["method"] == "measured"
        else translate("AnswerLine", "estimated")
    )
    return localized(f"{energy} · {co2} CO₂ · {method}")


def line_html(stats: dict[str, Any]) -> str:
    """Rich text for the label under an answer, with a link to the details."""
    speed = html.escape(speed_text(stats))
    footprint = footprint_text(stats)
    if not footprint:
        return speed
    how = translate("AnswerLine", "how?")
    return f'{speed} · {html.escape(footprint)} (<a href="{DETAILS_LINK}">{how}</a>)'


def details_html(stats: dict[str, Any]) -> str:
    """What the answer cost, how it was obtained, the range, and the sources to open."""
    fp = stats.get("footprint") or {}
    res = stats.get("resources") or {}
    low, high = fp.get("range_wh", [0, 0])
    co2_low, co2_high = fp.get("co2_range_g", [0, 0])
    water_low, water_high = fp.get("water_range_ml", [0, 0])
    method = (
        translate("AnswerLine", "measured")
        if fp.get("method") == "measured"
        else translate("AnswerLine", "estimated")
    )
    in_range = translate("AnswerLine", "{value} ({method}); range {low} to {high}")
    plain_range = translate("AnswerLine", "{value}; range {low} to {high}")
    rows = [
        (translate("AnswerLine", "Energy"), in_range.format(
            value=format_energy(fp.get("energy_wh", 0)), method=method,
            low=format_energy(low), high=format_energy(high))),
        ("CO₂", plain_range.format(
            value=format_co2(fp.get("co2_g", 0)), low=format_co2(co2_low),
            high=format_co2(co2_high))),
        (translate("AnswerLine", "Water"), plain_range.format(
            value=format_water(fp.get("water_ml", 0)), low=format_water(water_low),
            high=format_water(water_high))),
        (translate("AnswerLine", "Electricity grid"), translate(
            "AnswerLine", "{grid}: {co2} g CO₂e and {water} L of water per kWh").format(
            grid=fp.get("grid_name", fp.get("grid", "?")), co2=fp.get("grid_gco2_per_kwh", "?"),
            water=fp.get("grid_water_l_per_kwh", "?"))),
        (translate("AnswerLine", "Time"), speed_text(stats)),
        (translate("AnswerLine", "Computer"), translate(
            "AnswerLine", "{cpu} s of processor time, {rss} MB of memory at most").format(
            cpu=res.get("cpu_s", "?"), rss=res.get("peak_rss_mb", "?"))),
    ]  # fmt: skip
    table = "".join(
        f"<tr><td><b>{html.escape(k)}</b></td><td>{html.escape(localized(str(v)))}</td></tr>"
        for k, v in rows
    )
    sources = "".join(f"<li>{linked(s)}</li>" for s in fp.get("sources", []))
    warnings = "".join(f"<li>{html.escape(w)}</li>" for w in fp.get("grid_warnings", []))
    heading = "<h{level}>{text}</h{level}>"
    return (
        heading.format(level=3, text=translate("AnswerLine", "What this answer cost"))
        + f"<table cellpadding='3'>{table}</table>"
        + heading.format(level=4, text=translate("AnswerLine", "How it was obtained"))
        + f"<p>{html.escape(localized(fp.get('explanation', '')))}</p>"
        + (heading.format(level=4, text=translate("AnswerLine", "Notes")) + f"<ul>{warnings}</ul>"
           if warnings else "")
        + heading.format(level=4, text=translate("AnswerLine", "Sources"))
        + f"<ul>{sources}</ul><p><i>"
        + translate("AnswerLine", "Opening a source link uses the internet; nothing else in Smaller does.")
        + "</i></p>"
    )  # fmt: skip


class FootprintDetailsDialog(QDialog):
    def __init__(self, stats: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("What this answer cost"))
        self.resize(620, 520)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setHtml(details_html(stats))
        self.browser.setAccessibleName(self.tr("Details of this answer's cost"))
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
