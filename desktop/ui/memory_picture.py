"""A picture of memory for the comparison card: laptops of 16 GB and 80 GB GPUs, drawn one by one.

Three lines, each a row of small shapes: this model (a fraction of one laptop), the 405B model's
weights at the same precision (so many laptops), and what serving it in 16-bit takes (so many
GPUs). Colours come from the widget's palette, so the picture follows the light or dark theme.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QWidget

from desktop.ui.numbers import show_plain, show_whole

LOCAL_COLOUR = "#2f6f4f"
BIG_COLOUR = "#b5533c"
SHAPE_W, SHAPE_H, GAP, LABEL_W, ROW_H = 14.0, 10.0, 3.0, 300.0, 22.0
translate = QCoreApplication.translate


class MemoryPicture(QWidget):
    """`rows`: (label, count of shapes, fill of the last shape 0..1, colour)."""

    def __init__(self, rows: list[tuple[str, int, float, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.rows = rows
        self.setMinimumHeight(int(ROW_H * len(rows) + 6))
        self.setAccessibleName(self.tr("Picture: the memory each model needs, in laptops and GPUs"))
        self.setAccessibleDescription("; ".join(label for label, _, _, _ in rows))

    def paintEvent(self, _event: object) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(QPalette.ColorRole.Text)
        metrics = self.fontMetrics()
        label_w = max([LABEL_W, *(metrics.horizontalAdvance(r[0]) + 12.0 for r in self.rows)])
        per_row = max(int((self.width() - label_w) // (SHAPE_W + GAP)), 1)
        for index, (label, count, last_fill, colour) in enumerate(self.rows):
            top = 3 + index * ROW_H
            painter.setPen(text)
            painter.drawText(QRectF(0, top, label_w - 6, ROW_H), Qt.AlignmentFlag.AlignVCenter,
                             label)  # fmt: skip
            for shape in range(min(count, per_row)):
                x = label_w + shape * (SHAPE_W + GAP)
                outline = QRectF(x, top + (ROW_H - SHAPE_H) / 2, SHAPE_W, SHAPE_H)
                painter.setPen(QColor(colour))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(outline, 2, 2)
                fill = last_fill if shape == count - 1 else 1.0
                filled = QRectF(outline.x(), outline.y(), max(outline.width() * fill, 1.0),
                                outline.height())  # fmt: skip
                painter.fillRect(filled, QColor(colour))
        painter.end()


def memory_rows(c: dict[str, object], local_mb: float, same_gb: float, bits: str
                ) -> list[tuple[str, int, float, str]]:  # fmt: skip
    """The three rows from the `comparison_405b` JSON: this model, 405B at its precision, GPUs."""
    laptop_gb = 16.0
    local_share = local_mb * 2**20 / 1e9 / laptop_gb  # the app's MB are binary (MiB)
    laptops = math.ceil(same_gb / laptop_gb)
    gpus = int(c["gpus"])  # type: ignore[call-overload]
    return [
        (translate("MemoryPicture", "This model: {pct}% of one 16 GB laptop").format(
            pct=show_plain(local_share * 100)), 1, min(local_share, 1.0), LOCAL_COLOUR),
        (translate("MemoryPicture", "405B in {bits}: {n} laptops of 16 GB").format(bits=bits, n=show_whole(laptops)),
         laptops, same_gb / laptop_gb - (laptops - 1), BIG_COLOUR),
        (translate("MemoryPicture", "405B served in 16-bit: {n} GPUs of 80 GB").format(n=show_whole(gpus)), gpus,
         1.0, BIG_COLOUR),
    ]  # fmt: skip
