"""The three lists under the day's figures on the manager's Today tab: the dossiers due on the
next working day, today's unhappy ratings, the kiosks' last contact. Each is a titled table that
scrolls down, never sideways: its short columns fit their contents (up to a share of the width),
its long ones share the rest and elide, with the whole text on hover."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from kiosk.answers import COMPLAINT_WORDS, FACE_WORDS
from kiosk.formats import moment_text, number_text, short_day_text, time_text, weekday_text
from kiosk.i18n import Translator
from kiosk.reports.today_lists import DueLine, KioskContact, UnhappyLine
from ui.screens.manager_comments_tab import mark_unhappy

# A short column takes at most this share of the table's width; beyond it, it elides.
SHORT_COLUMN_SHARE = 0.25
# Room for the header and three rows: the list is useful, the tab still fits a small screen.
LIST_MIN_HEIGHT = 120


class FittedTable(QTableWidget):
    """A read-only table whose `elastic` columns share the width the others leave; the `whole`
    columns (a dossier code) are never cut, the other short ones are capped."""

    def __init__(self, columns: int, elastic: Sequence[int], whole: Sequence[int] = ()) -> None:
        super().__init__(0, columns)
        self.elastic, self.whole = tuple(elastic), tuple(whole)
        self.setMinimumHeight(LIST_MIN_HEIGHT)
        self.verticalHeader().hide()
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.horizontalHeader().setStretchLastSection(False)

    def fill(self, rows: Sequence[Sequence[str]]) -> None:
        self.setRowCount(len(rows))
        for number, cells in enumerate(rows):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                item.setToolTip(text)  # the whole text, where the column elides it
                self.setItem(number, column, item)
        self.fit_columns()

    def fit_columns(self) -> None:
        available = self.viewport().width()
        if available <= 0:
            return
        header = self.horizontalHeader()
        widths = {}
        for column in range(self.columnCount()):
            if column in self.elastic:
                continue
            heading = self.horizontalHeaderItem(column)
            title = heading.text() if heading is not None else ""
            needed = max(
                self.sizeHintForColumn(column), header.fontMetrics().horizontalAdvance(title) + 24
            )
            cap = available if column in self.whole else int(available * SHORT_COLUMN_SHARE)
            widths[column] = min(needed, cap)
        left = max(available - sum(widths.values()), 0)
        for column in self.elastic:
            widths[column] = left // len(self.elastic)
        for column, width in widths.items():
            self.setColumnWidth(column, width)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """Asks for no more than its minimum: the tab's stretch hands out the height there is,
        and a tall wish would make the tab scroll on a screen that could show it all."""
        return QSize(super().sizeHint().width(), LIST_MIN_HEIGHT)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.fit_columns()


class TitledList(QWidget):
    """A title saying what the list is and how many rows it has, the table, and a line in words
    in place of the table when there is nothing to list."""

    def __init__(self, table: FittedTable) -> None:
        super().__init__()
        self.title = QLabel(wordWrap=True)
        self.title.setObjectName("sectionTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.empty = QLabel(wordWrap=True)
        self.table = table
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)

    def show_rows(
        self, title: str, headers: list[str], rows: Sequence[Sequence[str]], empty: str
    ) -> None:
        self.title.setText(title)
        self.table.setHorizontalHeaderLabels(headers)
        self.table.fill(rows)
        self.empty.setText(empty)
        self.empty.setVisible(not rows)


class DueNextList(TitledList):
    def __init__(self) -> None:
        super().__init__(FittedTable(4, elastic=(1,), whole=(0,)))

    def show_lines(self, lines: list[DueLine], day: datetime, tr: Translator) -> None:
        language = tr.language
        weekday = weekday_text(day.date(), language, in_sentence=True)
        when = f"{weekday} {short_day_text(day.date(), language)}"

        def appointment(line: DueLine) -> str:
            at = line.appointment
            words = f"{time_text(at, language)} {short_day_text(at.date(), language)}"
            return words + (" · " + tr("new appointment") if line.reappointed else "")

        self.show_rows(
            tr(
                "Due {day}, not yet returned ({count}): announce any delay today",
                day=when,
                count=number_text(len(lines), language),
            ),
            [tr("Dossier code"), tr("Service"), tr("Clerk"), tr("Appointment")],
            [
                (
                    line.code,
                    line.service.in_language(language),
                    line.clerk or tr("Imported from the provincial one-stop system"),
                    appointment(line),
                )
                for line in lines
            ],
            tr("Nothing due {day} is still out.", day=when),
        )


class UnhappyList(TitledList):
    FACE_COLUMN = 3

    def __init__(self) -> None:
        super().__init__(FittedTable(5, elastic=(4,)))

    def show_lines(self, lines: list[UnhappyLine], tr: Translator) -> None:
        language = tr.language
        self.show_rows(
            tr("Unhappy ratings today ({count})", count=number_text(len(lines), language)),
            [tr("Time"), tr("Service"), tr("Clerk"), tr("Answer"), tr("Reasons and comment")],
            [
                (
                    time_text(line.at, language),
                    line.service.in_language(language) if line.service else "—",
                    line.clerk or "—",
                    tr(FACE_WORDS[line.satisfaction]),
                    _reasons_and_comment(line, tr),
                )
                for line in lines
            ],
            tr("No unhappy rating today."),
        )
        for row in range(self.table.rowCount()):
            item = self.table.item(row, self.FACE_COLUMN)
            if item is not None:
                mark_unhappy(item, self.table)
        self.table.fit_columns()  # the icon widens the answer


def _reasons_and_comment(line: UnhappyLine, tr: Translator) -> str:
    """The ticked reasons in words, then the citizen's own words, as the comments tab shows them."""
    reasons = "; ".join(tr(COMPLAINT_WORDS.get(r, r)) for r in line.reasons)
    return " — ".join(part for part in (reasons, line.comment) if part) or "—"


class KioskList(TitledList):
    STATE_COLUMN = 2

    def __init__(self) -> None:
        super().__init__(FittedTable(3, elastic=(2,), whole=(0, 1)))

    def show_lines(self, kiosks: list[KioskContact], now: datetime, tr: Translator) -> None:
        language = tr.language
        self.show_rows(
            tr("Kiosks: last contact"),
            [tr("Kiosk"), tr("Last heard from"), tr("State")],
            [
                (
                    kiosk.station,
                    moment_text(kiosk.last_heard, language, today=now.date()),
                    tr("No contact for over 10 minutes of opening hours")
                    if kiosk.silent
                    else tr("✓ In contact"),
                )
                for kiosk in kiosks
            ],
            tr("No kiosk has reported yet."),
        )
        for row, kiosk in enumerate(kiosks):
            item = self.table.item(row, self.STATE_COLUMN)
            if kiosk.silent and item is not None:
                mark_unhappy(item, self.table)
