"""The training tab of the comparison: the one-off cost of building Llama 3.1 405B.

Three figures that matter (energy, CO2, GPUs x days) as large numbers, Meta's beside the
article's; where they disagree as a short list; the figures and their citations folded behind a
button. Every number is written with its own precision, in the user's locale: the diesel factor
2.54 stays 2.54.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton, QTextBrowser, QVBoxLayout, QWidget

from desktop.core.figures import significant
from desktop.ui.links import linked
from desktop.ui.numbers import show, show_given

translate = QCoreApplication.translate


def _headline_cells(head: dict[str, Any]) -> tuple[str, str, str]:
    """(what, Meta's, the article's) for one of the three figures."""
    key, meta, seed = head["key"], head["meta"], head["seed"]
    if key == "energy_gwh":
        unit = translate("TrainingView", "{n} GWh")
        return (translate("TrainingView", "Energy"),
                unit.format(n=show(significant(meta[0], 3))) + " *", unit.format(n=show_given(seed[0])))  # fmt: skip
    if key == "co2_t":
        unit = translate("TrainingView", "{n} t CO₂e")
        return (translate("TrainingView", "CO₂"), unit.format(n=show_given(meta[0])),
                unit.format(n=show_given(seed[0])))  # fmt: skip
    unit = translate("TrainingView", "{gpus} GPUs × {days} days")
    return (translate("TrainingView", "GPUs × days"),
            unit.format(gpus=show_given(meta[0]), days=show(significant(meta[1], 3))) + " *",
            unit.format(gpus=show_given(seed[0]), days=show_given(seed[1])))  # fmt: skip


def figures_html(training: dict[str, Any]) -> str:
    """The three big figures and the disagreements."""
    big = "font-size:20pt; font-weight:bold;"
    rows = "".join(
        f"<tr><td><b>{html.escape(what)}</b></td><td style='{big}'>{html.escape(meta)}</td>"
        f"<td style='{big}'>{html.escape(seed)}</td></tr>"
        for what, meta, seed in (_headline_cells(h) for h in training.get("headlines", []))
    )
    notes = "".join(
        f"<li><b>{html.escape(d['topic'])}</b>: {html.escape(d['text'])}</li>"
        for d in training.get("disagreements", [])
    )
    return (
        "<h3>" + translate("TrainingView", "The one-off cost of building Llama 3.1 405B") + "</h3>"
        + "<table cellpadding='6'><tr><th></th><th>"
        + translate("TrainingView", "Meta (model card)") + "</th><th>"
        + translate("TrainingView", "The article 'Smaller is smarter'") + f"</th></tr>{rows}</table>"
        + "<p><small>* " + translate(
            "TrainingView", "Worked out from Meta's figures: GPU hours × 700 W, and GPU hours ÷ "
            "GPUs ÷ 24.") + "</small></p>"
        + "<h4>" + translate("TrainingView", "Where they disagree, and why") + f"</h4><ul>{notes}</ul>"
    )  # fmt: skip


def citations_html(training: dict[str, Any]) -> str:
    """Every figure with its own precision, unit, note, source and date; then every source."""
    parts = []
    titles = (("meta", translate("TrainingView", "Meta's figures")),
              ("seed", translate("TrainingView", "The article's figures")),
              ("reference", translate("TrainingView", "Reference figures")))  # fmt: skip
    for key, title in titles:
        rows = "".join(
            f"<tr><td>{html.escape(show_given(f['value']))} {html.escape(f['unit'])}</td>"
            f"<td>{html.escape(f.get('note', ''))}<br><small>{linked(f['source'])}, "
            f"{html.escape(str(f.get('date', '')))}</small></td></tr>"
            for f in training.get(key, [])
        )
        parts.append(f"<h4>{html.escape(title)}</h4><table cellpadding='4'>{rows}</table>")
    sources = "".join(f"<li>{linked(s)}</li>" for s in training.get("sources", []))
    parts.append("<h4>" + translate("TrainingView", "Sources") + f"</h4><ul>{sources}</ul>")
    return "".join(parts)


def training_widget(training: dict[str, Any]) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    figures = QTextBrowser()
    figures.setObjectName("trainingFigures")
    figures.setOpenExternalLinks(True)
    figures.setHtml(figures_html(training))
    layout.addWidget(figures, 2)
    button = QPushButton(translate("TrainingView", "Figures and citations"))
    button.setObjectName("trainingCitationsButton")
    button.setCheckable(True)
    layout.addWidget(button)
    citations = QTextBrowser()
    citations.setObjectName("trainingCitations")
    citations.setOpenExternalLinks(True)
    citations.setHtml(citations_html(training))
    citations.setVisible(False)
    button.toggled.connect(citations.setVisible)
    layout.addWidget(citations, 3)
    return page
