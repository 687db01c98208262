"""The unit and each clerk on the Circular 01/2018 indicators: the means (one decimal, missing
ones left out), each with the number of answers behind it, and the classification — withheld,
with the reason in words, from a clerk or a unit with too few ratings to be judged fairly."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.formats import number_text
from kiosk.i18n import Translator
from kiosk.reports.indicator_words import INDICATOR_NAMES, classification_words
from kiosk.reports.indicators import MIN_ANSWERS_TO_JUDGE, Tally, judged_class, unit_class
from kiosk.reports.trends import PeriodTrends

INDICATORS = (1, 3, 4, 7)
CLASS_COLUMN = 8
HEADER_PADDING = 16  # the header's margins and its sort arrow room
# Headers wrap onto several lines in a narrow column rather than widen the table.
WRAPPED_HEADER = Qt.AlignmentFlag(
    Qt.AlignmentFlag.AlignCenter.value | Qt.TextFlag.TextWordWrap.value
)


class ManagerPeopleTab(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.table = QTableWidget(0, CLASS_COLUMN + 1)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.horizontalHeader().setDefaultAlignment(WRAPPED_HEADER)
        self.note = QLabel(wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)

    def show_people(self, trends: PeriodTrends, tr: Translator) -> None:
        self._set_headers(tr)
        unit = trends.report.unit
        rows = [(tr("Whole unit"), unit, classification_words(unit_class(unit), unit, tr))]
        rows += [
            (row.name, row.tally, classification_words(judged_class(row.tally), row.tally, tr))
            for row in trends.by_clerk
        ]
        self.table.setRowCount(len(rows))
        for number, (name, tally, words) in enumerate(rows):
            for column, text in enumerate(self._cells(name, tally, words, tr.language)):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                if 0 < column < CLASS_COLUMN:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if column == CLASS_COLUMN:
                    item.setToolTip(text)
                if number == 0:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(number, column, item)
        self._fit_columns()
        self.note.setText(
            tr(
                "n = the answers behind each mean. Indicator 1 comes from the dossiers due, 3 and "
                "4 from the citizens' answers, 7 from both; hover over a column's name for the "
                "indicator in full. Neither a clerk nor the unit is classified on fewer than "
                "{minimum} ratings in the period.",
                minimum=MIN_ANSWERS_TO_JUDGE,
            )
        )

    def _set_headers(self, tr: Translator) -> None:
        # "1." stays with its first word when the header wraps.
        names = [tr(INDICATOR_NAMES[n][0]).replace(". ", ".\u00a0", 1) for n in INDICATORS]
        self.table.setHorizontalHeaderLabels(
            [
                tr("Clerk or unit"),
                tr("Dossiers due"),
                tr("Ratings"),
                *names,
                tr("Total score"),
                tr("Classification"),
            ]
        )
        for column, number in enumerate(INDICATORS, start=3):
            header = self.table.horizontalHeaderItem(column)
            if header is not None:
                header.setToolTip(tr(INDICATOR_NAMES[number][1]))

    def _fit_columns(self) -> None:
        """Each figure's column as wide as its values or its header's longest word, the header
        wrapped to that width; the classification takes what is left and wraps too."""
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        self.table.resizeColumnsToContents()
        tallest = 0
        for column in range(self.table.columnCount()):
            item = self.table.horizontalHeaderItem(column)
            text = item.text() if item is not None else ""
            longest_word = max((metrics.horizontalAdvance(w) for w in text.split()), default=0)
            if column != CLASS_COLUMN:
                width = max(self.table.sizeHintForColumn(column), _two_lines(text, metrics))
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
                header.resizeSection(column, width)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
                width = longest_word + HEADER_PADDING
            box = QRect(0, 0, max(width - HEADER_PADDING, 1), 1000)
            flags = WRAPPED_HEADER.value
            tallest = max(tallest, metrics.boundingRect(box, flags, text).height())
        header.setMinimumHeight(tallest + HEADER_PADDING)
        self.table.resizeRowsToContents()

    @staticmethod
    def _cells(name: str, tally: Tally, words: str, language: str) -> list[str]:
        means = tally.indicators
        settled = tally.early + tally.on_time + tally.late
        total = tally.indicator_total

        def mean(value: Decimal | None, count: int) -> str:
            if value is None:
                return "—"
            return f"{number_text(value, language)} (n={number_text(count, language)})"

        return [
            name,
            number_text(tally.due, language),
            number_text(tally.ratings, language),
            mean(means.get(1), settled),
            mean(means.get(3), tally.ind3_count),
            mean(means.get(4), tally.ind4_count),
            mean(means.get(7), tally.ind7_count),
            "—" if total is None else number_text(total, language),
            words,
        ]


def _two_lines(text: str, metrics: QFontMetrics) -> int:
    """The narrowest width that holds `text` on two lines, breaking between words."""
    words = text.split(" ")
    splits = (
        max(
            metrics.horizontalAdvance(" ".join(words[:i])),
            metrics.horizontalAdvance(" ".join(words[i:])),
        )
        for i in range(1, len(words))
    )
    return min(splits, default=metrics.horizontalAdvance(text)) + HEADER_PADDING
