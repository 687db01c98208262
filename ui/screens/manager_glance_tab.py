"""Today at a glance: ten tiles, each figure beside its target."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from kiosk.i18n import Translator
from kiosk.reports.glance import DayGlance
from ui.widgets.figure_tile import FigureTile

COLUMNS = 5


def percent(value: Decimal | None) -> str:
    return "—" if value is None else f"{value} %"


class ManagerGlanceTab(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.tiles = [FigureTile() for _ in range(10)]
        grid = QGridLayout()
        grid.setSpacing(12)
        for index, tile in enumerate(self.tiles):
            grid.addWidget(tile, index // COLUMNS, index % COLUMNS)
        self.footnote = QLabel(wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.footnote)
        layout.addStretch(1)

    def show_glance(self, glance: DayGlance, tr: Translator) -> None:
        unit, targets = glance.unit, glance.targets

        def against(value: Decimal | None, target: Decimal) -> tuple[str, bool]:
            if value is None:
                return tr("Target {target} %", target=target), False
            if value >= target:
                return tr("✓ target {target} % met", target=target), False
            return tr("▼ below the target of {target} %", target=target), True

        satisfaction_note, satisfaction_below = against(
            unit.satisfaction_rate, targets.satisfaction
        )
        on_time_note, on_time_below = against(unit.on_time_rate, targets.on_time)
        early_note, early_below = against(unit.early_rate, targets.early)
        figures = [
            (tr("Dossiers received"), str(glance.received), "", False),
            (tr("Results returned"), str(glance.returned), "", False),
            (
                tr("Due today"),
                str(glance.due_today),
                tr("{count} not yet returned", count=glance.due_today_open),
                False,
            ),
            (
                tr("Overdue"),
                str(glance.overdue),
                tr("not returned, appointment day passed") if glance.overdue else "",
                glance.overdue > 0,
            ),
            (
                tr("Due {day}", day=f"{glance.next_working_day:%d/%m}"),
                str(glance.due_next),
                tr("not yet returned"),
                False,
            ),
            (tr("Ratings today"), str(glance.ratings), "", False),
            (
                tr("Satisfaction rate"),
                percent(unit.satisfaction_rate),
                satisfaction_note,
                satisfaction_below,
            ),
            (
                tr("Decision 766 rate"),
                percent(unit.rate_766),
                tr("of {count} due today", count=unit.due),
                False,
            ),
            (
                tr("On time so far"),
                percent(unit.on_time_rate),
                on_time_note,
                on_time_below,
            ),
            (tr("Early so far"), percent(unit.early_rate), early_note, early_below),
        ]
        for tile, (name, value, note, below) in zip(self.tiles, figures, strict=True):
            tile.show_figure(name, value, note, below=below)
        self.footnote.setText(
            tr(
                "On time so far: the share of the {due} dossiers due today already returned; "
                "it climbs as results go out. Those still out at closing time are late.",
                due=unit.due,
            )
        )
