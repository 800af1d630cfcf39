"""A live switch to the dark theme recolours what draws itself: links parsed before the switch
and the processor chart (its background, axes and curve)."""

from __future__ import annotations

from collections import Counter

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from desktop.ui.resource_panel import APP_COLOUR_DARK, ResourcePanel
from desktop.ui.theme import THEMES, apply_theme


def _colours(label: QLabel) -> Counter[str]:
    image = label.grab().toImage()
    return Counter(
        image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())
    )


def test_links_and_chart_follow_a_live_theme_switch(qtbot: QtBot, qapp: QApplication) -> None:
    apply_theme(qapp, "light")
    try:
        label = QLabel('Source: <a href="https://example.org">example.org example.org</a>')
        qtbot.addWidget(label)
        label.resize(320, 40)
        label.show()
        panel = ResourcePanel()
        qtbot.addWidget(panel)
        assert THEMES["light"]["link"] in _colours(label)
        apply_theme(qapp, "dark")
        qapp.processEvents()
        colours = _colours(label)
        assert THEMES["dark"]["link"] in colours and THEMES["light"]["link"] not in colours
        background = panel.chart.backgroundBrush().color()
        assert background == QColor(THEMES["dark"]["base"])
        assert panel.palette().color(QPalette.ColorRole.Base) == background
        assert panel.app_curve.opts["pen"].color() == QColor(APP_COLOUR_DARK)
    finally:
        apply_theme(qapp, "light")
