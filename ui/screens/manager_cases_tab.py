"""The manager's feedback cases: what waits (to answer, overdue, answered and not closed), a
table filtered by state, owner and subject, one case in detail with its history and the
citizen's contact, the buttons that move it on, and the three Decision 766 parts of the period."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.answers import Satisfaction
from kiosk.clock import Clock, office_now
from kiosk.db.case_models import CaseState
from kiosk.i18n import N_, Translator, format_percent
from kiosk.reports.decision_766 import Group766
from kiosk.service_search import fold
from kiosk.services.case_desk import CaseDetail, CaseView
from kiosk.services.clerks import ClerkView
from kiosk.text import nfc
from kiosk.views import ServiceView
from ui.case_words import (
    CHANNEL_WORDS,
    DAY,
    SOURCE_WORDS,
    STATE_WORDS,
    WHEN,
    alert_words,
    event_words,
    face_words,
    mark_alert,
    overdue_now,
    to_answer,
)
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

UNFINISHED = (CaseState.OPEN, CaseState.ASSIGNED, CaseState.ANSWERED)
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
POINTS_NOTE = N_(
    "Points as the national public service portal (Cổng DVCQG) scores them: the appendix of "
    "Decision 766 could not be read. Dossiers: full 6 points from 90 % satisfied. Cases: a case "
    "with no rating counts as satisfied unless it was answered late; with no case in the "
    "period, both case parts get their 6 points."
)


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


def points_text(value: Decimal, out_of: int, language: str) -> str:
    text = f"{value:.2f}"
    return (text.replace(".", ",") if language == "vi" else text) + f" / {out_of}"


class ManagerCasesTab(QWidget):
    filter_changed = Signal()
    case_picked = Signal(object)  # the case's id
    request_made = Signal(object, object)  # CaseRequest, the form that asked (CaseFormDialog)

    def __init__(self) -> None:
        super().__init__()
        self._tr = Translator()
        self._cases: list[CaseView] = []
        self._unfinished: list[CaseView] = []
        self._detail: CaseDetail | None = None
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
        self.subject_filter = QLineEdit()
        self.subject_filter.setClearButtonEnabled(True)
        self.subject_filter.textChanged.connect(self._apply_subject)
        self.table = QTableWidget(0, COLUMNS)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.itemSelectionChanged.connect(self._row_picked)
        self._build_detail()
        self.group_box = QGroupBox()
        self.group_table = QTableWidget(4, 5)
        self.group_table.verticalHeader().hide()
        self.group_note = QLabel(wordWrap=True)
        group_layout = QVBoxLayout(self.group_box)
        group_layout.addWidget(self.group_table, 1)
        group_layout.addWidget(self.group_note)

        counts = QHBoxLayout()
        for button in self.count_buttons.values():
            counts.addWidget(button)
        counts.addStretch(1)
        counts.addWidget(self.receive_button)
        filters = QHBoxLayout()
        filters.addWidget(self.state_filter)
        filters.addWidget(self.owner_filter)
        filters.addWidget(self.subject_filter, 1)
        below = QSplitter(Qt.Orientation.Horizontal)
        below.addWidget(self.detail_box)
        below.addWidget(self.group_box)
        below.setStretchFactor(0, 3)
        below.setStretchFactor(1, 2)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(below)
        layout = QVBoxLayout(self)
        layout.addLayout(counts)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)
        self.retranslate(self._tr)

    def _build_detail(self) -> None:
        self.detail_box = QGroupBox()
        self.detail_title = QLabel(wordWrap=True)
        self.detail_title.setObjectName("selectedTitle")
        self.action_buttons = {
            key: QPushButton() for key in ("assign", "answer", "rate", "close", "transfer")
        }
        buttons = QHBoxLayout()
        for key, button in self.action_buttons.items():
            button.setObjectName("secondary" if key in ("close", "transfer") else "primary")
            button.setEnabled(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.action_buttons["assign"].clicked.connect(self.assign)
        self.action_buttons["answer"].clicked.connect(self.answer)
        self.action_buttons["rate"].clicked.connect(self.record_rating)
        self.action_buttons["close"].clicked.connect(self.close_case)
        self.action_buttons["transfer"].clicked.connect(self.transfer)
        self.detail_facts = QLabel(wordWrap=True)
        self.detail_contact = QLabel(wordWrap=True)
        self.detail_history = QLabel(wordWrap=True)
        for label in (self.detail_facts, self.detail_contact, self.detail_history):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.setContentsMargins(0, 0, 0, 0)
        for label in (self.detail_facts, self.detail_contact, self.detail_history):
            inner_layout.addWidget(label)
        inner_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self.detail_box)
        layout.addWidget(self.detail_title)
        layout.addLayout(buttons)
        layout.addWidget(scroll, 1)

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
                tr("Subject"),
                tr("Service"),
                tr("State"),
                tr("Owner"),
                tr("Due"),
                tr("Alert"),
            ]
        )
        self.group_table.setHorizontalHeaderLabels(
            [tr("Part"), tr("Counted"), tr("Good"), tr("Rate"), tr("Points")]
        )
        self.group_note.setText(tr(POINTS_NOTE))
        self.detail_box.setTitle(tr("The selected case"))
        for key, words in (
            ("assign", N_("Assign")),
            ("answer", N_("Answer")),
            ("rate", N_("Record call-back rating")),
            ("close", N_("Close")),
            ("transfer", N_("Transfer")),
        ):
            self.action_buttons[key].setText(tr(words))
        self._show_counts()
        if self._detail is None:
            self.detail_title.setText(tr("Click a case to see it here."))

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
        picked = self._detail.case.id if self._detail else None
        self._cases = cases
        self.table.blockSignals(True)
        self.table.setRowCount(len(cases))
        for row, case in enumerate(cases):
            self._fill_row(row, case)
        self.table.resizeColumnsToContents()
        for column, most in ((2, 360), (3, 300)):
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
            "overdue": N_("⚠ Overdue: {count}"),
            "answered": N_("Answered, waiting to be closed: {count}"),
        }
        for key, button in self.count_buttons.items():
            button.setText(tr(words[key], count=figures[key]))

    def _apply_subject(self, text: str) -> None:
        """Every typed word, accent-insensitive: a desk keyboard often types without diacritics."""
        words = fold(nfc(text)).split()
        for row, case in enumerate(self._cases):
            haystack = fold(f"{case.subject} {case.text} {case.number}")
            self.table.setRowHidden(row, not all(word in haystack for word in words))

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
        tr, case = self._tr, detail.case
        self._detail = detail
        self.detail_title.setText(
            tr("Case {number}: {subject}", number=case.number, subject=case.subject)
        )
        lines = [
            tr(
                "Received {when} ({source}); due {due}.",
                when=f"{case.opened_at:{WHEN}}",
                source=tr(SOURCE_WORDS[case.source]),
                due=f"{case.due_at:{WHEN}}",
            ),
            tr("State: {state}", state=tr(STATE_WORDS[case.state]))
            + (f" — {case.owner_name}" if case.owner_name else "")
            + (f" — ⚠ {alert}" if (alert := alert_words(case, tr)) else ""),
        ]
        concerns = [
            tr("service {name}", name=case.service_name) if case.service_name else "",
            tr("dossier {code}", code=case.dossier_code) if case.dossier_code else "",
            tr("clerk {name}", name=case.about_clerk_name) if case.about_clerk_name else "",
        ]
        if any(concerns):
            lines.append(tr("Concerns: {what}", what="; ".join(c for c in concerns if c)))
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
        if case.transferred_to:
            lines.append(tr("Transferred to {place}", place=case.transferred_to))
        if case.handling_rated is not None:
            lines.append(
                tr(
                    "The citizen's rating of the handling: {face}",
                    face=face_words(case.handling_rated, tr),
                )
            )
        self.detail_facts.setText("\n".join(lines))
        self.detail_contact.setText(self._contact_words(detail))
        self.detail_contact.setVisible(detail.contact is not None)
        names = self.context.names if self.context else {}
        history = [
            f"{e.at:{WHEN}} · {event_words(e, tr, names)}"
            + (f" · {e.clerk_name}" if e.clerk_name else "")
            for e in detail.events
        ]
        self.detail_history.setText(tr("History:") + "\n" + "\n".join(history))
        self._enable_actions(case)

    def _contact_words(self, detail: CaseDetail) -> str:
        tr, contact = self._tr, detail.contact
        if contact is None:
            return ""
        if detail.contact_removed_on is not None:
            kept = tr("removed on {day}", day=f"{detail.contact_removed_on:{DAY}}")
        else:
            months = self.context.contact_months if self.context else 12
            kept = tr("removed {months} months after the case is closed", months=months)
        return tr(
            "Call back: {name}, {phone} ({kept}; managers only).",
            name=contact.name,
            phone=contact.phone,
            kept=kept,
        )

    def _enable_actions(self, case: CaseView) -> None:
        state = case.state
        rateable = case.answered_at is not None and state is not CaseState.TRANSFERRED
        allowed = {
            "assign": state in UNFINISHED,
            "answer": state is CaseState.ASSIGNED,
            "rate": rateable and case.handling_rated is None,
            "close": state is CaseState.ANSWERED,
            "transfer": state in (CaseState.OPEN, CaseState.ASSIGNED),
        }
        for key, button in self.action_buttons.items():
            button.setEnabled(allowed[key])

    @property
    def shown_case(self) -> CaseView | None:
        return self._detail.case if self._detail else None

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
        tr, language = self._tr, self._tr.language
        self.group_box.setTitle(
            tr(
                "Decision 766 satisfaction group, {start} – {end}",
                start=f"{start:{DAY}}",
                end=f"{end:{DAY}}",
            )
        )
        rows = [
            (
                tr(part.title),
                str(part.counted),
                str(part.good),
                "—" if part.rate is None else format_percent(part.rate, language),
                points_text(part.points, 6, language),
            )
            for part in group.parts
        ]
        rows.append((tr("Total"), "", "", "", points_text(group.points, 18, language)))
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                item.setToolTip(value)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if row == len(rows) - 1:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.group_table.setItem(row, column, item)
        self.group_table.resizeColumnsToContents()
        self.group_table.horizontalHeader().setStretchLastSection(True)
        self.group_table.resizeRowsToContents()
