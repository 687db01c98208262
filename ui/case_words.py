"""A feedback case's alert on screen (its words from kiosk.case_words, with an icon and a
colour) and which cases are still to answer, for the manager's tab and the clerk's list."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QStyle, QTableWidget

from kiosk.db.case_models import CaseState
from kiosk.services.case_desk import CaseView

DAY = "%d/%m/%Y"

# The alert's colours beside its icon and words: red for overdue, amber for nearly due.
LATE_COLOUR, SOON_COLOUR = "#b3261e", "#8a5300"


def to_answer(case: CaseView) -> bool:
    return case.state in (CaseState.OPEN, CaseState.ASSIGNED)


def overdue_now(case: CaseView) -> bool:
    """Still to be answered and past its due time: what needs doing first."""
    return to_answer(case) and case.overdue


def mark_alert(table: QTableWidget, row: int, column: int, case: CaseView) -> None:
    """The alert's cell, already holding its words, gets an icon and a colour: never by
    colour alone."""
    item = table.item(row, column)
    if item is None or not to_answer(case) or not (case.overdue or case.due_soon):
        return
    late = overdue_now(case)
    icon = QStyle.StandardPixmap.SP_MessageBoxWarning
    if not late:
        icon = QStyle.StandardPixmap.SP_MessageBoxInformation
    item.setIcon(table.style().standardIcon(icon))
    item.setForeground(QBrush(QColor(LATE_COLOUR if late else SOON_COLOUR)))
    font = item.font()
    font.setBold(True)
    item.setFont(font)
