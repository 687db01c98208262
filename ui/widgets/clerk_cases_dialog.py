"""The feedback cases given to the signed-in clerk, to answer them: never one about that clerk
(the service leaves those out), never the citizen's contact, never whom a case concerns."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.case_words import CHANNEL_WORDS, STATE_WORDS, WHEN, alert_words
from kiosk.db.case_models import CaseState
from kiosk.i18n import Translator
from kiosk.services.case_desk import CaseView
from ui.case_words import DAY, mark_alert

LIST_WIDTH, LIST_HEIGHT = 900, 520


class ClerkCasesDialog(QDialog):
    answer_requested = Signal(object)  # CaseView

    def __init__(self, tr: Translator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tr = tr
        self._cases: list[CaseView] = []
        self.setWindowTitle(tr("Feedback cases given to me"))
        self.setMinimumSize(LIST_WIDTH, LIST_HEIGHT)
        self.intro = QLabel(
            tr(
                "Answer each case by its due date, then record here how the answer was given; "
                "the manager closes it."
            ),
            wordWrap=True,
        )
        self.table = QTableWidget(0, 6)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setHorizontalHeaderLabels(
            [tr("Number"), tr("Received"), tr("About"), tr("State"), tr("Due"), tr("Alert")]
        )
        self.table.itemSelectionChanged.connect(self._picked)
        self.detail = QLabel(wordWrap=True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.empty = QLabel(tr("No case is waiting for you."))
        self.answer_button = QPushButton(tr("Answer"))
        self.answer_button.setObjectName("primary")
        self.answer_button.setEnabled(False)
        self.answer_button.clicked.connect(self._answer)
        buttons = QDialogButtonBox()
        close = buttons.addButton(tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setObjectName("secondary")
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.answer_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.detail, 1)
        layout.addLayout(row)

    def show_cases(self, cases: list[CaseView]) -> None:
        tr = self._tr
        kept = self.selected_case()
        self._cases = cases
        self.empty.setVisible(not cases)
        self.table.blockSignals(True)
        self.table.setRowCount(len(cases))
        for row, case in enumerate(cases):
            values = (
                case.number,
                f"{case.opened_at:{WHEN}}",
                case.subject,
                tr(STATE_WORDS[case.state]),
                f"{case.due_at:{DAY}}",
                alert_words(case, tr),
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                item.setToolTip(value)
                self.table.setItem(row, column, item)
            mark_alert(self.table, row, 5, case)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(2, min(self.table.columnWidth(2), 360))
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.blockSignals(False)
        self.select(kept.id if kept else None)

    @property
    def cases(self) -> list[CaseView]:
        """The cases listed, in their rows' order."""
        return list(self._cases)

    def select(self, case_id: uuid.UUID | None) -> None:
        rows = [r for r, c in enumerate(self._cases) if c.id == case_id]
        if rows or self._cases:
            self.table.selectRow(rows[0] if rows else 0)
        self._picked()

    def selected_case(self) -> CaseView | None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        return self._cases[min(rows)] if rows and self._cases else None

    def _picked(self) -> None:
        tr, case = self._tr, self.selected_case()
        self.answer_button.setEnabled(case is not None and case.state is CaseState.ASSIGNED)
        if case is None:
            self.detail.clear()
            return
        lines = [
            tr("Case {number}: {subject}", number=case.number, subject=case.subject),
            tr("Due {due}.", due=f"{case.due_at:{WHEN}}"),
        ]
        if case.service_name or case.dossier_code:
            what = "; ".join(w for w in (case.service_name, case.dossier_code) if w)
            lines.append(tr("Concerns: {what}", what=what))
        if case.text:
            lines.append(tr("Text: {text}", text=case.text))
        if case.answer and case.answer_channel and case.answered_at:
            lines.append(
                tr(
                    "Answer ({channel}, {when}): {answer}",
                    channel=tr(CHANNEL_WORDS[case.answer_channel]),
                    when=f"{case.answered_at:{WHEN}}",
                    answer=case.answer,
                )
            )
        self.detail.setText("\n".join(lines))

    def _answer(self) -> None:
        case = self.selected_case()
        if case is not None:
            self.answer_requested.emit(case)
