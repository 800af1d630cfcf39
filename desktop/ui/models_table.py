"""The Models page's table: one row per model, installed first, with a memory badge for this
computer. Plain data in, widgets out; the page (models_page.py) owns the actions."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from desktop.core.figures import significant
from desktop.core.footprint import format_energy
from desktop.core.i18n import plural
from desktop.core.modelfile import ModelInfo, human_size
from desktop.core.models import CatalogEntry, Fit, InstalledModel
from desktop.core.models.fit import parameter_count
from desktop.ui.numbers import show

# Dark text on a light tint, so each badge reads in the light and the dark theme alike (all three
# pairs pass WCAG AA); the words carry the meaning too, for colour-blind users.
translate = QCoreApplication.translate
BADGE_COLOURS = {
    "fits": ("#1b4d1e", "#d5ecc8"),
    "tight": ("#5c3b00", "#ffe7a3"),
    "won't fit": ("#7a0010", "#ffd4d8"),
}


@dataclass(frozen=True)
class ModelRow:
    installed: InstalledModel | None
    entry: CatalogEntry | None
    active: bool = False
    partial: int = 0  # bytes of a paused or interrupted download

    @property
    def key(self) -> str:
        if self.installed is not None:
            return self.installed.key
        assert self.entry is not None
        return self.entry.filename

    @property
    def name(self) -> str:
        return self.installed.name if self.installed else self.entry.name if self.entry else ""


def size_text(n_bytes: int) -> str:
    """ "1.2 GB" ("1,2 Go" in French): the core writes the number in the window's locale and
    translates the unit."""
    return human_size(n_bytes)


def parameters_text(parameters: str) -> str:
    """ "1.5 billion" in the user's language and number style; "" if unknown."""
    count = parameter_count(parameters)
    if count is None:
        return ""
    if count >= 1e9:
        n = count / 1e9
        # English says "13 billion" whatever the number; French "1,5 milliard", "13 milliards".
        # Two contexts give the one source two translations.
        text = plural(
            n, translate("ModelsTableOne", "{n} billion"), translate("ModelsTable", "{n} billion")
        )
    else:
        n = count / 1e6
        text = plural(
            n, translate("ModelsTableOne", "{n} million"), translate("ModelsTable", "{n} million")
        )
    return text.format(n=show(significant(n, 6)))


def badge_texts(fit: Fit) -> tuple[str, str]:
    """The badge's words and its tooltip, in plain words."""
    need, free = size_text(fit.need_bytes), size_text(fit.memory.available)
    total = size_text(fit.memory.total)
    if fit.badge == "fits":
        text = translate("ModelsTable", "✓ Fits")
        tip = translate(
            "ModelsTable",
            "Fits: it needs about {need} of memory and {free} is free now, with room to spare.",
        )
    elif fit.badge == "tight":
        text = translate("ModelsTable", "! Tight")
        tip = translate(
            "ModelsTable",
            "Tight: it needs about {need} of memory and only {free} is free now. Close other programs before using it, or it may be slow.",
        )
    else:
        text = translate("ModelsTable", "✗ Won't fit")
        tip = translate(
            "ModelsTable",
            "Won't fit: it needs about {need} of memory, more than this computer's {total} can give.",
        )
    return text, tip.format(need=need, free=free, total=total)


def status_text(row: ModelRow, downloading: bool) -> str:
    if row.active:
        return translate("ModelsTable", "In use")
    if row.installed is not None:
        return {
            "bundled": translate("ModelsTable", "Built in"),
            "downloaded": translate("ModelsTable", "Installed"),
            "imported": translate("ModelsTable", "Imported"),
            "linked": translate("ModelsTable", "Imported (linked)"),
            "shared": translate("ModelsTable", "Installed for everyone"),
        }[row.installed.source]
    if downloading:
        return translate("ModelsTable", "Downloading…")
    if row.partial and row.entry is not None:
        percent = int(100 * row.partial / row.entry.file_size)
        return translate("ModelsTable", "Stopped at {percent}%").format(percent=percent)
    return translate("ModelsTable", "Not downloaded")


def description_text(row: ModelRow, info: ModelInfo | str | None) -> str:
    text = _description(row, info)
    if row.installed is not None:
        from desktop.core.drive.results import card_line, latest_for_model

        drive = latest_for_model(row.installed.path.name, row.installed.size_bytes)
        if drive is not None:
            correct, answered, wh = card_line(drive)
            line = translate("ModelsTable", "On this computer: {correct}/{total} everyday tasks right").format(correct=correct, total=answered)  # fmt: skip
            if wh is not None:
                line += translate("ModelsTable", ", {energy} per answer").format(energy=format_energy(wh))  # fmt: skip
            text += " — " + line
    return text


def _description(row: ModelRow, info: ModelInfo | str | None) -> str:
    if row.entry is not None:
        return row.entry.description
    if row.installed is not None and row.installed.source == "bundled":
        return translate("ModelsTable", "Built in: tiny and fast, for short and simple answers.")
    if isinstance(info, ModelInfo) and info.architecture:
        return translate("ModelsTable", "Imported from a file ({architecture} model).").format(
            architecture=info.architecture
        )
    return translate("ModelsTable", "Imported from a file.")


# The widest a column grows before its text ends in "…" (the whole text is in its tooltip).
COLUMN_CAPS = {"name": 230, "status": 130, "licence": 150, "badge": 160}


class ModelsTable(QTableWidget):
    COLUMNS = ("name", "status", "good_at", "parameters", "size", "memory", "licence", "badge")

    def __init__(self) -> None:
        super().__init__(0, len(self.COLUMNS))
        self.setHorizontalHeaderLabels([
            translate("ModelsTable", "Model"), translate("ModelsTable", "Status"), translate("ModelsTable", "Good at"), translate("ModelsTable", "Parameters"), translate("ModelsTable", "File size"),
            translate("ModelsTable", "Memory needed"), translate("ModelsTable", "Licence"), translate("ModelsTable", "On this computer"),
        ])  # fmt: skip
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        # Columns fit their contents up to a cap, and "Good at" takes the rest: on a 1024-pixel
        # screen the description stays readable and no sideways scrollbar appears.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setAccessibleName(translate("ModelsTable", "Models"))
        self.rows: list[ModelRow] = []

    def set_rows(
        self, rows: list[ModelRow], fits: dict[str, Fit | str | None],
        infos: dict[Path, ModelInfo | str], downloading: str | None,
    ) -> None:  # fmt: skip
        """`fits[key]`: the Fit, the reason none can be given, or None while it is computed."""
        selected = self.selected_key()
        self.rows = rows
        self.setRowCount(len(rows))
        for i, row in enumerate(rows):
            info = infos.get(row.installed.path) if row.installed else None
            entry = row.entry
            size = row.installed.size_bytes if row.installed else entry.file_size if entry else 0
            licence = (
                entry.licence if entry else info.license if isinstance(info, ModelInfo) else ""
            )
            name = row.name
            if row.active:
                name = translate("ModelsTable", "● {name}").format(name=name)
            cells = [
                name, status_text(row, downloading == row.key), description_text(row, info),
                parameters_text(entry.parameters) if entry else "", size_text(size), "",
                licence or "", "",
            ]  # fmt: skip
            items = [QTableWidgetItem(text) for text in cells]
            items[2].setToolTip(cells[2])  # the description may be cut off
            self._set_fit(items[5], items[7], fits.get(row.key))
            if row.active:
                font = items[0].font()
                font.setBold(True)
                items[0].setFont(font)
            for column, item in enumerate(items):
                if column != 2 and item.text():
                    item.setToolTip(item.toolTip() or item.text())  # the whole text if cut
                self.setItem(i, column, item)
        self._fit_columns()
        if selected is not None:
            self.select_key(selected)

    def _fit_columns(self) -> None:
        for column, name in enumerate(self.COLUMNS):
            if name != "good_at":
                cap = COLUMN_CAPS.get(name, 140)
                self.setColumnWidth(column, min(self.sizeHintForColumn(column) + 12, cap))

    def _set_fit(
        self, memory: QTableWidgetItem, badge: QTableWidgetItem, fit: Fit | str | None
    ) -> None:
        if fit is None:
            badge.setText(translate("ModelsTable", "Checking…"))
            return
        if isinstance(fit, str):  # the file could not be read: say why
            badge.setText(translate("ModelsTable", "Unreadable"))
            badge.setToolTip(fit)
            return
        memory.setText(
            translate("ModelsTable", "about {size}").format(size=size_text(fit.need_bytes))
        )
        text, tip = badge_texts(fit)
        badge.setText(text)
        badge.setToolTip(tip)
        memory.setToolTip(tip)
        badge.setData(Qt.ItemDataRole.UserRole, fit.badge)
        foreground, background = BADGE_COLOURS[fit.badge]
        badge.setForeground(QBrush(QColor(foreground)))
        badge.setBackground(QBrush(QColor(background)))

    def selected_key(self) -> str | None:
        rows = self.selectionModel().selectedRows() if self.selectionModel() else []
        if not rows or rows[0].row() >= len(self.rows):
            return None
        return self.rows[rows[0].row()].key

    def selected_row(self) -> ModelRow | None:
        key = self.selected_key()
        return next((r for r in self.rows if r.key == key), None)

    def select_key(self, key: str) -> bool:
        for i, row in enumerate(self.rows):
            if row.key == key:
                self.selectRow(i)
                return True
        return False

    def row_keys(self) -> list[str]:
        return [row.key for row in self.rows]

    def badge(self, key: str) -> str | None:
        """The badge ("fits", "tight", "won't fit") shown for `key`, for tests and checks."""
        for i, row in enumerate(self.rows):
            if row.key == key:
                value = self._cell(i, "badge").data(Qt.ItemDataRole.UserRole)
                return str(value) if value else None
        return None

    def text(self, key: str, column: str) -> str:
        return self._cell(self.row_keys().index(key), column).text()

    def tooltip(self, key: str, column: str) -> str:
        return self._cell(self.row_keys().index(key), column).toolTip()

    def _cell(self, row: int, column: str) -> QTableWidgetItem:
        item = self.item(row, self.COLUMNS.index(column))
        assert item is not None, "every cell is filled by set_rows"
        return item
