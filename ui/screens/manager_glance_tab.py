"""Today at a glance: ten tiles, each figure beside its target; below them what the manager
acts on today — the dossiers due on the next working day, today's unhappy ratings, the kiosks'
last contact."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from kiosk.formats import number_text, percent_text, short_day_text
from kiosk.i18n import Translator
from kiosk.reports.glance import DayGlance
from ui.widgets.figure_tile import FigureTile
from ui.widgets.today_lists import DueNextList, KioskList, UnhappyList

COLUMNS = 5


class ManagerGlanceTab(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.tiles = [FigureTile() for _ in range(10)]
        grid = QGridLayout()
        grid.setSpacing(12)
        for index, tile in enumerate(self.tiles):
            grid.addWidget(tile, index // COLUMNS, index % COLUMNS)
        self.footnote = QLabel(wordWrap=True)
        self.due_next = DueNextList()
        self.unhappy = UnhappyList()
        self.kiosks = KioskList()
        lists = QGridLayout()
        lists.setSpacing(12)
        # The unhappy ratings have the most to say: the right-hand side, full height. The kiosks
        # are few: under the dossiers due, in two fifths of the height.
        lists.addWidget(self.due_next, 0, 0)
        lists.addWidget(self.kiosks, 1, 0)
        lists.addWidget(self.unhappy, 0, 1, 2, 1)
        lists.setColumnStretch(0, 1)
        lists.setColumnStretch(1, 1)
        lists.setRowStretch(0, 3)
        lists.setRowStretch(1, 2)
        page = QWidget()
        content = QVBoxLayout(page)
        content.setContentsMargins(0, 0, 0, 0)
        content.addLayout(grid)
        content.addWidget(self.footnote)
        content.addLayout(lists, 1)
        # On a 768-pixel screen under a long alerts banner the tab scrolls down rather than push
        # the window past the screen's bottom edge; never sideways.
        scroll = QScrollArea()
        scroll.setWidget(page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def show_glance(self, glance: DayGlance, tr: Translator) -> None:
        unit, targets, language = glance.unit, glance.targets, tr.language

        def percent(value: Decimal | None) -> str:
            return percent_text(value, language)

        def count(value: int) -> str:
            return number_text(value, language)

        def against(value: Decimal | None, target: Decimal) -> tuple[str, bool]:
            goal = number_text(target, language)
            if value is None:
                return tr("Target {target} %", target=goal), False
            if value >= target:
                return tr("✓ target {target} % met", target=goal), False
            return tr("▼ below the target of {target} %", target=goal), True

        satisfaction_note, satisfaction_below = against(
            unit.satisfaction_rate, targets.satisfaction
        )
        on_time_note, on_time_below = against(unit.on_time_rate, targets.on_time)
        early_note, early_below = against(unit.early_rate, targets.early)
        figures = [
            (tr("Dossiers received"), count(glance.received), "", False),
            (tr("Results returned"), count(glance.returned), "", False),
            (
                tr("Due today"),
                count(glance.due_today),
                tr("{count} not yet returned", count=count(glance.due_today_open)),
                False,
            ),
            (
                tr("Overdue"),
                count(glance.overdue),
                tr("not returned, appointment day passed") if glance.overdue else "",
                glance.overdue > 0,
            ),
            (
                tr("Due {day}", day=short_day_text(glance.next_working_day.date(), language)),
                count(glance.due_next),
                tr("not yet returned"),
                False,
            ),
            (tr("Ratings today"), count(glance.ratings), "", False),
            (
                tr("Satisfaction rate"),
                percent(unit.satisfaction_rate),
                satisfaction_note,
                satisfaction_below,
            ),
            (
                tr("Decision 766 rate"),
                percent(unit.rate_766),
                tr("of {count} due today", count=count(unit.due)),
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
                due=count(unit.due),
            )
        )
        self.due_next.show_lines(glance.due_next_list, glance.next_working_day, tr)
        self.unhappy.show_lines(glance.unhappy_today, tr)
        self.kiosks.show_lines(glance.kiosks, glance.now, tr)
