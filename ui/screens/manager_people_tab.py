"""The unit and each clerk on the Circular 01/2018 indicators: the means (one decimal, missing
ones left out), each with the number of answers behind it, and the classification — withheld
from a clerk with too few ratings to be judged fairly."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from kiosk.i18n import Translator
from kiosk.reports.indicators import MIN_ANSWERS_TO_JUDGE, Tally, unit_class
from kiosk.reports.tables import CLASS_WORDS, clerk_words
from kiosk.reports.trends import PeriodTrends


def _mean(value: Decimal | None, count: int) -> str:
    return "—" if value is None else f"{value}  (n={count})"


class ManagerPeopleTab(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.table = QTableWidget(0, 9)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.note = QLabel(wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)

    def show_people(self, trends: PeriodTrends, tr: Translator) -> None:
        self.table.setHorizontalHeaderLabels(
            [
                tr("Who"),
                tr("Dossiers due"),
                tr("Ratings"),
                tr("Indicator 1"),
                tr("Indicator 3"),
                tr("Indicator 4"),
                tr("Indicator 7"),
                tr("Total"),
                tr("Classification"),
            ]
        )
        unit = trends.report.unit
        unit_words = tr(CLASS_WORDS[c]) if (c := unit_class(unit)) else "—"
        rows = [(tr("Whole unit"), unit, unit_words)]
        rows += [
            (row.name, row.tally, clerk_words(row.tally, tr) or "—") for row in trends.by_clerk
        ]
        self.table.setRowCount(len(rows))
        for number, (name, tally, words) in enumerate(rows):
            for column, text in enumerate(self._cells(name, tally, words)):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if number == 0:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(number, column, item)
        self.table.resizeColumnsToContents()
        self.note.setText(
            tr(
                "n = the answers behind each mean. Indicator 1 comes from the dossiers due, 3 and "
                "4 from the citizens' answers, 7 from both. A clerk with fewer than {minimum} "
                "ratings in the period is not classified.",
                minimum=MIN_ANSWERS_TO_JUDGE,
            )
        )

    @staticmethod
    def _cells(name: str, tally: Tally, words: str) -> list[str]:
        means = tally.indicators
        settled = tally.early + tally.on_time + tally.late
        total = tally.indicator_total
        return [
            name,
            str(tally.due),
            str(tally.ratings),
            _mean(means.get(1), settled),
            _mean(means.get(3), tally.ind3_count),
            _mean(means.get(4), tally.ind4_count),
            _mean(means.get(7), tally.ind7_count),
            "—" if total is None else str(total),
            words,
        ]
