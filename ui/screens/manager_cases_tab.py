"""The manager's feedback cases: what waits (to answer, overdue, answered and not closed), a
table filtered by state, owner and subject, one case in detail with its history and the
citizen's contact, the buttons that move it on, and the three Decision 766 parts of the period."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.answers import Satisfaction
from kiosk.case_words import STATE_WORDS, WHEN, alert_words
from kiosk.clock import Clock, office_now
from kiosk.db.case_models import CaseState
from kiosk.i18n import N_, Translator
from kiosk.reports.decision_766 import Group766
from kiosk.service_search import fold
from kiosk.services.case_desk import CaseDetail, CaseView
from kiosk.services.clerks import ClerkView
from kiosk.text import nfc
from kiosk.views import ServiceView
from ui.case_words import DAY, mark_alert, overdue_now, to_answer
from ui.widgets.case_detail_panel import UNFINISHED, CaseDetailPanel
from ui.widgets.case_dialogs import (
    AnswerDialog,
    AssignDialog,
    CallBackRatingDialog,
    CaseFormDialog,
    CloseDialog,
    OpenCaseDialog,
    TransferDialog,
)
from ui.widgets.counter_form_dialog import open_over
from ui.widgets.group_766_panel import Group766Panel

# key, words, the states asked of the database, and the alert the rows must carry.
FILTERS: tuple[tuple[str, str, tuple[CaseState, ...], str | None], ...] = (
    ("unfinished", N_("Not yet closed"), UNFINISHED, None),
    ("to_answer", N_("To answer"), (CaseState.OPEN, CaseState.ASSIGNED), None),
    ("overdue", N_("Overdue"), (CaseState.OPEN, CaseState.ASSIGNED), "overdue"),
    ("alerts", N_("Overdue or due within 1 working day"), UNFINISHED, "alerts"),
    ("open", N_("New, not assigned"), (CaseState.OPEN,), None),
    ("answered", N_("Answered, to close"), (CaseState.ANSWERED,), None),
    ("closed", N_("Closed"), (CaseState.CLOSED,), None),
    ("transferred", N_("Transferred"), (CaseState.TRANSFERRED,), None),
    ("all", N_("All cases"), (), None),
)
COUNTS = ("to_answer", "overdue", "answered")
COLUMNS = 8
ALERT_COLUMN = 7
# The longest a subject or a service name is shown in the table: the rest in its tooltip.
SUBJECT_MOST, SERVICE_MOST = 320, 260
COMBO_LETTERS, SEARCH_LEAST = 14, 200
GROUP_SHARE = 0.5  # of the width under the table
BELOW_LEAST, BELOW_MOST = 285, 340  # the height of what is under the table, in pixels


@dataclass(frozen=True)
class CaseFilter:
    states: tuple[CaseState, ...]
    owner_id: int | None
    alert: str | None  # "overdue" | "alerts" | None: kept here, the database gives the rest


@dataclass(frozen=True)
class CasesContext:
    """What the forms offer, read once a refresh: the staff, the services, the office's faces."""

    manager_id: int
    staff: list[ClerkView]
    services: list[ServiceView]
    faces: tuple[Satisfaction, ...]
    contact_months: int
    names: dict[int, str] = field(default_factory=dict)


class ManagerCasesTab(QWidget):
    filter_changed = Signal()
    case_picked = Signal(object)  # the case's id
    request_made = Signal(object, object)  # CaseRequest, the form that asked (CaseFormDialog)

    def __init__(self) -> None:
        super().__init__()
        self._tr = Translator()
        self._cases: list[CaseView] = []
        self._unfinished: list[CaseView] = []
        self.context: CasesContext | None = None
        self.clock: Clock = office_now  # the station's clock, for the time of a call-back
        self.dialog: CaseFormDialog | None = None
        self.count_buttons = {key: QPushButton() for key in COUNTS}
        for key, button in self.count_buttons.items():
            button.setObjectName("secondary")
            button.clicked.connect(lambda _=False, k=key: self.choose_filter(k))
        self.receive_button = QPushButton()
        self.receive_button.setObjectName("primary")
        self.receive_button.clicked.connect(self.receive)
        self.state_filter = QComboBox()
        self.owner_filter = QComboBox()
        for combo in (self.state_filter, self.owner_filter):
            combo.currentIndexChanged.connect(self.filter_changed)
            # As wide as a short choice, not the longest: the row fits a 1366-pixel desk.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(COMBO_LETTERS)
        self.subject_filter = QLineEdit()
        self.subject_filter.setClearButtonEnabled(True)
        self.subject_filter.setMinimumWidth(SEARCH_LEAST)
        self.subject_filter.textChanged.connect(self._apply_subject)
        self.table = QTableWidget(0, COLUMNS)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.itemSelectionChanged.connect(self._row_picked)
        self.detail = CaseDetailPanel()
        buttons = self.detail.buttons
        buttons["assign"].clicked.connect(self.assign)
        buttons["answer"].clicked.connect(self.answer)
        buttons["rate"].clicked.connect(self.record_rating)
        buttons["close"].clicked.connect(self.close_case)
        buttons["transfer"].clicked.connect(self.transfer)
        self.action_buttons = buttons
        self.group = Group766Panel()
        # One row of counts, filters and the new petition: the table keeps the height.
        tools = QHBoxLayout()
        for button in self.count_buttons.values():
            tools.addWidget(button)
        tools.addSpacing(12)
        tools.addWidget(self.state_filter)
        tools.addWidget(self.owner_filter)
        tools.addWidget(self.subject_filter, 1)
        tools.addWidget(self.receive_button)
        self.below = below = QSplitter(Qt.Orientation.Horizontal)
        below.setChildrenCollapsible(False)
        self._split_by_hand = False
        below.splitterMoved.connect(self._moved_by_hand)
        below.addWidget(self.detail)
        below.addWidget(self.group)
        below.setStretchFactor(0, 3)
        below.setStretchFactor(1, 2)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.splitterMoved.connect(self._moved_by_hand)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(below)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.splitter, 1)
        self.retranslate(self._tr)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._split()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._split()  # a hidden splitter is laid out afresh when first shown

    def _split(self) -> None:
        if self._split_by_hand:
            return
        # The case and the 766 parts share the width; each panel wraps or scrolls within.
        total = self.below.width() - self.below.handleWidth()
        group = max(int(total * GROUP_SHARE), 0)
        self.below.setSizes([total - group, group])
        # Under the table, what the panels need and no more: a tall screen shows more cases.
        height = self.splitter.height() - self.splitter.handleWidth()
        below = min(max(BELOW_LEAST, height // 2), BELOW_MOST)
        self.splitter.setSizes([max(height - below, 0), below])

    def _moved_by_hand(self, _position: int, _index: int) -> None:
        self._split_by_hand = True

    # -- words -------------------------------------------------------------------------------

    def retranslate(self, tr: Translator) -> None:
        self._tr = tr
        index = max(0, self.state_filter.currentIndex())
        self.state_filter.blockSignals(True)
        self.state_filter.clear()
        self.state_filter.addItems([tr(words) for _k, words, _s, _a in FILTERS])
        self.state_filter.setCurrentIndex(index)
        self.state_filter.blockSignals(False)
        self._fill_owners()
        self.subject_filter.setPlaceholderText(tr("Find a word in the subjects"))
        self.receive_button.setText(tr("Receive a petition"))
        self.table.setHorizontalHeaderLabels(
            [
                tr("Number"),
                tr("Received"),
                tr("About"),
                tr("Service"),
                tr("State"),
                tr("Owner"),
                tr("Due"),
                tr("Alert"),
            ]
        )
        self.detail.retranslate(tr)
        self.group.retranslate(tr)
        self._show_counts()

    # -- filters -----------------------------------------------------------------------------

    def choose_filter(self, key: str) -> None:
        self.state_filter.setCurrentIndex([k for k, *_rest in FILTERS].index(key))

    def chosen_filter(self) -> CaseFilter:
        _key, _words, states, alert = FILTERS[max(0, self.state_filter.currentIndex())]
        return CaseFilter(states, self.owner_filter.currentData(), alert)

    def _fill_owners(self) -> None:
        kept = self.owner_filter.currentData()
        self.owner_filter.blockSignals(True)
        self.owner_filter.clear()
        self.owner_filter.addItem(self._tr("Every owner"), None)
        for clerk in self.context.staff if self.context else []:
            self.owner_filter.addItem(clerk.display_name, clerk.id)
        self.owner_filter.setCurrentIndex(max(0, self.owner_filter.findData(kept)))
        self.owner_filter.blockSignals(False)

    def set_context(self, context: CasesContext) -> None:
        self.context = context
        self._fill_owners()

    # -- the list ----------------------------------------------------------------------------

    def show_cases(self, cases: list[CaseView], unfinished: list[CaseView]) -> None:
        """`cases`: what the filter asked the database for; `unfinished`: for the counts."""
        alert = self.chosen_filter().alert
        if alert == "overdue":
            cases = [c for c in cases if overdue_now(c)]
        elif alert == "alerts":
            cases = [c for c in cases if to_answer(c) and (c.overdue or c.due_soon)]
        self._unfinished = unfinished
        self._show_counts()
        picked = self.shown_case.id if self.shown_case else None
        self._cases = cases
        self.table.blockSignals(True)
        self.table.setRowCount(len(cases))
        for row, case in enumerate(cases):
            self._fill_row(row, case)
        self.table.resizeColumnsToContents()
        for column, most in ((2, SUBJECT_MOST), (3, SERVICE_MOST)):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), most))
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.blockSignals(False)
        self._apply_subject(self.subject_filter.text())
        if picked is not None:
            self.select(picked)

    def _fill_row(self, row: int, case: CaseView) -> None:
        tr = self._tr
        owner = case.owner_name or "—"
        values = (
            case.number,
            f"{case.opened_at:{WHEN}}",
            case.subject,
            case.service_name or "—",
            tr(STATE_WORDS[case.state]),
            owner,
            f"{case.due_at:{DAY}}",
            alert_words(case, tr),
        )
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            item.setToolTip(value)
            self.table.setItem(row, column, item)
        mark_alert(self.table, row, ALERT_COLUMN, case)

    def _show_counts(self) -> None:
        tr = self._tr
        unfinished = self._unfinished
        figures = {
            "to_answer": sum(to_answer(c) for c in unfinished),
            "overdue": sum(overdue_now(c) for c in unfinished),
            "answered": sum(c.state is CaseState.ANSWERED for c in unfinished),
        }
        words = {
            "to_answer": N_("To answer: {count}"),
            "overdue": N_("Overdue: {count}"),
            "answered": N_("To close: {count}"),
        }
        for key, button in self.count_buttons.items():
            sign = "⚠ " if key == "overdue" and figures[key] else ""  # words first, sign too
            button.setText(sign + tr(words[key], count=figures[key]))

    def _apply_subject(self, text: str) -> None:
        """Every typed word, accent-insensitive: a desk keyboard often types without diacritics."""
        words = fold(nfc(text)).split()
        for row, case in enumerate(self._cases):
            haystack = fold(f"{case.subject} {case.text} {case.number}")
            self.table.setRowHidden(row, not all(word in haystack for word in words))

    @property
    def cases(self) -> list[CaseView]:
        """The cases listed, in their rows' order."""
        return list(self._cases)

    def visible_numbers(self) -> list[str]:
        return [c.number for r, c in enumerate(self._cases) if not self.table.isRowHidden(r)]

    def select(self, case_id: uuid.UUID) -> None:
        for row, case in enumerate(self._cases):
            if case.id == case_id:
                self.table.selectRow(row)
                return

    def _row_picked(self) -> None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        if rows:
            self.case_picked.emit(self._cases[min(rows)].id)

    # -- one case ----------------------------------------------------------------------------

    def show_detail(self, detail: CaseDetail) -> None:
        context = self.context
        names = context.names if context else {}
        self.detail.show_detail(detail, names, context.contact_months if context else 12)

    @property
    def shown_case(self) -> CaseView | None:
        return self.detail.case

    # -- the forms ---------------------------------------------------------------------------

    def _open(self, dialog: CaseFormDialog) -> CaseFormDialog:
        dialog.submitted.connect(lambda: self.request_made.emit(dialog.request(), dialog))
        self.dialog = dialog
        open_over(dialog, self)
        return dialog

    def assign(self) -> CaseFormDialog | None:
        case, context = self.shown_case, self.context
        if case is None or context is None:
            return None
        return self._open(AssignDialog(self._tr, case, context.staff, self))

    def answer(self) -> CaseFormDialog | None:
        case = self.shown_case
        return None if case is None else self._open(AnswerDialog(self._tr, case, self))

    def record_rating(self) -> CaseFormDialog | None:
        case, context = self.shown_case, self.context
        if case is None or context is None:
            return None
        callers = [(context.manager_id, context.names.get(context.manager_id, "—"))]
        if case.owner_id is not None and case.owner_id != context.manager_id:
            callers.append((case.owner_id, case.owner_name or "—"))
        dialog = CallBackRatingDialog(self._tr, case, context.faces, callers, self.clock(), self)
        return self._open(dialog)

    def close_case(self) -> CaseFormDialog | None:
        case = self.shown_case
        return None if case is None else self._open(CloseDialog(self._tr, case, self))

    def transfer(self) -> CaseFormDialog | None:
        case = self.shown_case
        return None if case is None else self._open(TransferDialog(self._tr, case, self))

    def receive(self) -> CaseFormDialog | None:
        services = self.context.services if self.context else []
        return self._open(OpenCaseDialog(self._tr, services, self))

    # -- Decision 766 ------------------------------------------------------------------------

    def show_group(self, group: Group766, start: date, end: date) -> None:
        self.group.show_group(group, start, end)
