"""The one plain line under each answer, and the details it opens.

Figures come from the message's saved stats (what `smaller ask --json` prints), so an answer
from last week shows the same line as when it was written.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from desktop.core.footprint import format_co2, format_energy, format_water
from desktop.ui.links import linked

DETAILS_LINK = "footprint-details"


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
        parts.append(f"{tokens} tokens")
    speed = _number(stats, "tokens_per_s")
    if speed is not None:
        parts.append(f"{speed:.0f} tokens/s")
    ttft = _number(stats, "ttft_s")
    if ttft is not None:
        parts.append(f"first word after {ttft:.2f} s")
    return " · ".join(parts)


def footprint_text(stats: dict[str, Any]) -> str:
    """Energy, CO2 and how it was obtained: '2.1 mWh · 88 µg CO₂ · estimated'."""
    footprint = stats.get("footprint")
    if not isinstance(footprint, dict):
        return ""
    energy = format_energy(float(footprint["energy_wh"]))
    co2 = format_co2(float(footprint["co2_g"]))
    return f"{energy} · {co2} CO₂ · {footprint['method']}"


def line_html(stats: dict[str, Any]) -> str:
    """Rich text for the label under an answer, with a link to the details."""
    speed = html.escape(speed_text(stats))
    footprint = footprint_text(stats)
    if not footprint:
        return speed
    return f'{speed} · {html.escape(footprint)} (<a href="{DETAILS_LINK}">how?</a>)'


def details_html(stats: dict[str, Any]) -> str:
    """What the answer cost, how it was obtained, the range, and the sources to open."""
    fp = stats.get("footprint") or {}
    res = stats.get("resources") or {}
    low, high = fp.get("range_wh", [0, 0])
    co2_low, co2_high = fp.get("co2_range_g", [0, 0])
    water_low, water_high = fp.get("water_range_ml", [0, 0])
    method = fp.get("method", "estimated")
    rows = [
        ("Energy", f"{format_energy(fp.get('energy_wh', 0))} ({method}); "
                   f"range {format_energy(low)} to {format_energy(high)}"),
        ("CO₂", f"{format_co2(fp.get('co2_g', 0))}; range {format_co2(co2_low)} to "
                f"{format_co2(co2_high)}"),
        ("Water", f"{format_water(fp.get('water_ml', 0))}; range {format_water(water_low)} to "
                  f"{format_water(water_high)}"),
        ("Electricity grid", f"{fp.get('grid_name', fp.get('grid', '?'))}: "
                             f"{fp.get('grid_gco2_per_kwh', '?')} g CO₂e and "
                             f"{fp.get('grid_water_l_per_kwh', '?')} L of water per kWh"),
        ("Time", speed_text(stats)),
        ("Computer", f"{res.get('cpu_s', '?')} s of processor time, "
                     f"{res.get('peak_rss_mb', '?')} MB of memory at most"),
    ]  # fmt: skip
    table = "".join(
        f"<tr><td><b>{html.escape(k)}</b></td><td>{html.escape(str(v))}</td></tr>" for k, v in rows
    )
    sources = "".join(f"<li>{linked(s)}</li>" for s in fp.get("sources", []))
    warnings = "".join(f"<li>{html.escape(w)}</li>" for w in fp.get("grid_warnings", []))
    return (
        f"<h3>What this answer cost</h3><table cellpadding='3'>{table}</table>"
        f"<h4>How it was obtained</h4><p>{html.escape(fp.get('explanation', ''))}</p>"
        + (f"<h4>Notes</h4><ul>{warnings}</ul>" if warnings else "")
        + f"<h4>Sources</h4><ul>{sources}</ul>"
        "<p><i>Opening a source link uses the internet; nothing else in Smaller does.</i></p>"
    )


class FootprintDetailsDialog(QDialog):
    def __init__(self, stats: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("What this answer cost")
        self.resize(620, 520)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setHtml(details_html(stats))
        self.browser.setAccessibleName("Details of this answer's cost")
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
