"""The one plain line under each answer, and the details it opens.

Figures come from the message's saved stats (what `smaller ask --json` prints), so an answer
from last week shows the same line as when it was written.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from desktop.core.figures import given
from desktop.core.footprint import format_co2, format_energy, format_water
from desktop.core.footprint.answer import plain_number
from desktop.core.i18n import plural
from desktop.core.records import AnswerStats
from desktop.ui.links import linked
from desktop.ui.numbers import show_fixed, show_whole

DETAILS_LINK = "footprint-details"
translate = QCoreApplication.translate


def speed_text(stats: AnswerStats) -> str:
    """Time, tokens, speed: '1.9 s · 121 tokens · 69 tokens/s · first word after 0.15 s'."""
    parts = [f"{show_fixed(stats.total_s, 1)} s"]
    tokens = plural(
        stats.completion_tokens,
        translate("AnswerLine", "{n} token"),
        translate("AnswerLine", "{n} tokens"),
    )
    parts.append(tokens.format(n=show_whole(stats.completion_tokens)))
    if stats.tokens_per_s is not None:
        speed = show_fixed(stats.tokens_per_s, 0)
        parts.append(translate("AnswerLine", "{n} tokens/s").format(n=speed))
    if stats.ttft_s is not None:
        parts.append(
            translate("AnswerLine", "first word after {s} s").format(s=show_fixed(stats.ttft_s, 2))
        )
    return " · ".join(parts)


def method_word(method: str) -> str:
    if method == "measured":
        return translate("AnswerLine", "measured")
    if method == "mixed":
        return translate("AnswerLine", "measured and estimated")
    return translate("AnswerLine", "estimated")


def footprint_text(stats: AnswerStats) -> str:
    """Energy, CO2 and how it was obtained: '2.1 mWh · 88 µg CO₂ · estimated'."""
    fp = stats.footprint
    if fp is None:
        return ""
    return f"{format_energy(fp.energy_wh)} · {format_co2(fp.co2_g)} CO₂ · {method_word(fp.method)}"


def line_html(stats: AnswerStats) -> str:
    """Rich text for the label under an answer, with a link to the details."""
    speed = html.escape(speed_text(stats))
    footprint = footprint_text(stats)
    if not footprint:
        return speed
    how = translate("AnswerLine", "how?")
    return f'{speed} · {html.escape(footprint)} (<a href="{DETAILS_LINK}">{how}</a>)'


def details_html(stats: AnswerStats) -> str:
    """What the answer cost, how it was obtained, the range, and the sources to open."""
    fp, res, grid = stats.footprint, stats.usage, stats.grid
    if fp is None:
        return ""
    in_range = translate("AnswerLine", "{value} ({method}); range {low} to {high}")
    plain_range = translate("AnswerLine", "{value}; range {low} to {high}")
    grid_line = fp.grid_name
    if grid is not None:
        grid_line = translate(
            "AnswerLine", "{grid}: {co2} g CO₂e and {water} L of water per kWh"
        ).format(grid=fp.grid_name, co2=given(grid.gco2_per_kwh),
                 water=given(grid.water_l_per_kwh))  # fmt: skip
    rows = [
        (translate("AnswerLine", "Energy"), in_range.format(
            value=format_energy(fp.energy_wh), method=method_word(fp.method),
            low=format_energy(fp.energy_wh_low), high=format_energy(fp.energy_wh_high))),
        ("CO₂", plain_range.format(
            value=format_co2(fp.co2_g), low=format_co2(fp.co2_g_low),
            high=format_co2(fp.co2_g_high))),
        (translate("AnswerLine", "Water"), plain_range.format(
            value=format_water(fp.water_ml), low=format_water(fp.water_ml_low),
            high=format_water(fp.water_ml_high))),
        (translate("AnswerLine", "Electricity grid"), grid_line),
        (translate("AnswerLine", "Time"), speed_text(stats)),
    ]  # fmt: skip
    if res is not None:
        rss = "?" if res.peak_rss_mb is None else plain_number(res.peak_rss_mb)
        rows.append((translate("AnswerLine", "Computer"), translate(
            "AnswerLine", "{cpu} s of processor time, {rss} MB of memory at most").format(
            cpu=plain_number(res.cpu_s), rss=rss)))  # fmt: skip
    table = "".join(
        f"<tr><td><b>{html.escape(k)}</b></td><td>{html.escape(v)}</td></tr>" for k, v in rows
    )
    sources = "".join(f"<li>{linked(s)}</li>" for s in fp.sources)
    warnings = "".join(f"<li>{html.escape(w)}</li>" for w in (grid.warnings if grid else ()))
    heading = "<h{level}>{text}</h{level}>"
    return (
        heading.format(level=3, text=translate("AnswerLine", "What this answer cost"))
        + f"<table cellpadding='3'>{table}</table>"
        + heading.format(level=4, text=translate("AnswerLine", "How it was obtained"))
        # As saved: written in the window's language and numbers of the day the answer was made
        # (the figures behind it are not all saved, so it cannot be rebuilt).
        + f"<p>{html.escape(fp.explanation)}</p>"
        + (heading.format(level=4, text=translate("AnswerLine", "Notes")) + f"<ul>{warnings}</ul>"
           if warnings else "")
        + heading.format(level=4, text=translate("AnswerLine", "Sources"))
        + f"<ul>{sources}</ul><p><i>"
        + translate("AnswerLine", "Opening a source link uses the internet; nothing else in Smaller does.")
        + "</i></p>"
    )  # fmt: skip


class FootprintDetailsDialog(QDialog):
    def __init__(self, stats: AnswerStats, parent: QWidget | None = None) -> None:
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
