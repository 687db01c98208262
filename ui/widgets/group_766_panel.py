"""The Decision 766 "Mức độ hài lòng" group of a period: each part's count, rate and points out
of 6, the total out of 18, and the line that says whose scoring the points follow."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk import formats
from kiosk.case_words import SCORING_NOTE
from kiosk.i18n import N_, Translator, format_percent
from kiosk.reports.decision_766 import Group766

# The first heading is the period's dates, until a period is shown.
HEADINGS = (N_("Part"), N_("Rate (good/counted)"), N_("Points"))


def points_text(value: Decimal, out_of: int, language: str) -> str:
    return f"{formats.points_text(value, language)} / {out_of}"


class Group766Panel(QGroupBox):
    def __init__(self) -> None:
        super().__init__()
        self._tr = Translator()
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        # A heading row, three parts and the total. A part's name wraps when the panel is
        # narrow; the figures never do. With too little height the panel scrolls: nothing is cut.
        self.cells = [[QLabel() for _ in HEADINGS] for _ in range(5)]
        for row, labels in enumerate(self.cells):
            for column, label in enumerate(labels):
                if column:
                    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                else:
                    label.setWordWrap(True)
                if row in (0, 4):
                    font = label.font()
                    font.setBold(True)
                    label.setFont(font)
                grid.addWidget(label, row, column)
        grid.setColumnStretch(0, 1)
        self.note = QLabel(wordWrap=True)
        self.note.setObjectName("keyHints")
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.setContentsMargins(0, 0, 4, 0)
        inner_layout.addLayout(grid)
        inner_layout.addWidget(self.note)
        inner_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)

    def retranslate(self, tr: Translator) -> None:
        self._tr = tr
        self.setTitle(tr("Decision 766 satisfaction group"))
        for label, words in zip(self.cells[0][1:], HEADINGS[1:], strict=True):
            label.setText(tr(words))
        if not self.cells[0][0].text():
            self.cells[0][0].setText(tr(HEADINGS[0]))
        self.note.setText(tr(SCORING_NOTE))

    def show_group(self, group: Group766, start: date, end: date) -> None:
        tr, language = self._tr, self._tr.language
        self.cells[0][0].setText(
            tr(
                "Period: {start} – {end}",
                start=formats.day_text(start, language),
                end=formats.day_text(end, language),
            )
        )
        rows = [
            (
                tr(part.title),
                ("—" if part.rate is None else format_percent(part.rate, language))
                + f" ({part.good}/{part.counted})",
                points_text(part.points, 6, language),
            )
            for part in group.parts
        ]
        rows.append((tr("Total"), "", points_text(group.points, 18, language)))
        for labels, values in zip(self.cells[1:], rows, strict=True):
            for label, value in zip(labels, values, strict=True):
                label.setText(value)

    def rows(self) -> list[list[str]]:
        """What each row says, the headings first."""
        return [[label.text() for label in labels] for labels in self.cells]
