"""The feedback cases (phản ánh, kiến nghị) opened in a period and the three Decision 766 parts,
as rows for the XLSX and CSV exports (the PDF lays the same rows out in case_register_pdf).

Never in these rows: the citizen's contact (kept apart, for a manager's eyes only) and the case's
free text or answer — a citizen may type a phone number or an address into them, so they stay in
the manager's station, as the ratings export leaves the comments out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, aliased

from kiosk.answers import FACE_WORDS, Satisfaction
from kiosk.case_words import CHANNEL_WORDS, SCORING_NOTE, SOURCE_WORDS, STATE_WORDS
from kiosk.clock import day_range
from kiosk.db.case_models import CaseState, FeedbackCase
from kiosk.db.models import Clerk, Rating, Service
from kiosk.i18n import N_, Translator
from kiosk.reports.cells import Cell
from kiosk.reports.decision_766 import Group766
from kiosk.reports.tables import Table
from kiosk.services.cases import is_overdue

GROUP_POINTS = 18
# Answered on time, as the Decision 766 part judges it.
ON_TIME, LATE, NOT_DUE_YET = N_("Yes"), N_("No"), N_("not due yet")
NOT_COUNTED = N_("not counted")  # transferred: the State column says where to
POINTS_NOTE = SCORING_NOTE
LEFT_OUT_NOTE = N_(
    "The text of each case, its answer and the citizen's contact are not in this register: "
    "read them in the manager's station."
)


@dataclass(frozen=True)
class CaseLine:
    """One case of the register, in the words of the export's language."""

    number: str
    opened_at: datetime
    source: str
    subject: str
    service: str | None
    about_clerk: str | None
    state: str
    owner: str | None
    due_at: datetime
    answered_at: datetime | None
    answer_channel: str | None
    on_time: str
    handling_rated: str

    @property
    def cells(self) -> list[Cell]:
        return [
            self.number,
            self.opened_at,
            self.source,
            self.subject,
            self.service,
            self.about_clerk,
            self.state,
            self.owner,
            self.due_at,
            self.answered_at,
            self.answer_channel,
            self.on_time,
            self.handling_rated,
        ]


def register_header(tr: Translator) -> list[str]:
    return [
        tr("Case number"),
        tr("Opened"),
        tr("How it came"),
        tr("Subject"),
        tr("Service"),
        tr("About clerk"),
        tr("State"),
        tr("Handled by"),
        tr("Answer due"),
        tr("Answered at"),
        tr("Answered how"),
        tr("Answered on time"),
        tr("Handling rated"),
    ]


def _on_time(case: FeedbackCase, judged_at: datetime) -> str:
    """The same judgement as the Decision 766 part: late once the due time passed unanswered."""
    if case.state is CaseState.TRANSFERRED:
        return NOT_COUNTED
    if is_overdue(case, judged_at):
        return LATE
    return ON_TIME if case.answered_at is not None else NOT_DUE_YET


def opened_cases_query(
    office_id: int, begin: datetime, finish: datetime
) -> Select[*tuple[Any, ...]]:
    """The cases opened between two moments with the names the register shows, oldest first."""
    about, owner = aliased(Clerk), aliased(Clerk)
    return (
        select(
            FeedbackCase,
            Service.name_vi,
            Service.name_en,
            about.display_name,
            owner.display_name,
            Rating.satisfaction,
        )
        .outerjoin(Service, Service.id == FeedbackCase.service_id)
        .outerjoin(about, about.id == FeedbackCase.about_clerk_id)
        .outerjoin(owner, owner.id == FeedbackCase.owner_id)
        .outerjoin(Rating, Rating.case_id == FeedbackCase.id)
        .where(
            FeedbackCase.office_id == office_id,
            FeedbackCase.opened_at >= begin,
            FeedbackCase.opened_at < finish,
        )
        .order_by(FeedbackCase.opened_at, FeedbackCase.number)
    )


def case_lines(
    session: Session, office_id: int, start: date, end: date, now: datetime, tr: Translator
) -> list[CaseLine]:
    """The cases opened in the period (the ones the Decision 766 parts count), oldest first."""
    begin, finish = day_range(start, end)
    judged_at = min(now, finish)
    rows = session.execute(opened_cases_query(office_id, begin, finish)).all()
    return [
        CaseLine(
            number=case.number,
            opened_at=case.opened_at,
            source=tr(SOURCE_WORDS[case.source]),
            subject=case.subject,
            service=name_vi if tr.language == "vi" else name_en,
            about_clerk=about_name,
            state=_state(case, tr),
            owner=owner_name,
            due_at=case.due_at,
            answered_at=case.answered_at,
            answer_channel=tr(CHANNEL_WORDS[case.answer_channel]) if case.answer_channel else None,
            on_time=tr(_on_time(case, judged_at)),
            handling_rated=_rated(satisfaction, tr),
        )
        for case, name_vi, name_en, about_name, owner_name, satisfaction in rows
    ]


def _state(case: FeedbackCase, tr: Translator) -> str:
    if case.state is CaseState.TRANSFERRED and case.transferred_to:
        return tr("Transferred to {to}", to=case.transferred_to)
    return tr(STATE_WORDS[case.state])


def _rated(satisfaction: Satisfaction | None, tr: Translator) -> str:
    return tr("not rated") if satisfaction is None else tr(FACE_WORDS[satisfaction])


def part_notes(group: Group766, tr: Translator) -> list[str]:
    """How each part was counted, in the words of the report's other "From" notes."""
    dossiers, on_time, satisfied = group.parts
    return [
        tr(
            "{part} of {whole} dossiers due neither late, unsatisfied nor complained about",
            part=dossiers.good,
            whole=dossiers.counted,
        ),
        tr(
            "{part} of {whole} cases answered by their due time or not yet due (transferred "
            "ones left out)",
            part=on_time.good,
            whole=on_time.counted,
        ),
        tr(
            "{part} of {whole} cases neither late nor rated unsatisfied (not rated counts as "
            "satisfied)",
            part=satisfied.good,
            whole=satisfied.counted,
        ),
    ]


def group_header(tr: Translator) -> list[str]:
    return [
        tr("Part"),
        tr("Counted"),
        tr("Good"),
        tr("Rate (%)"),
        tr("Points"),
        tr("Out of"),
        tr("From"),
    ]


def group_rows(group: Group766, tr: Translator) -> list[list[Cell]]:
    rows: list[list[Cell]] = [
        [tr(part.title), part.counted, part.good, part.rate, part.points, 6, note]
        for part, note in zip(group.parts, part_notes(group, tr), strict=True)
    ]
    rows.append([tr("Total"), None, None, None, group.points, GROUP_POINTS, tr(POINTS_NOTE)])
    return rows


def case_tables(
    session: Session,
    office_id: int,
    start: date,
    end: date,
    now: datetime,
    tr: Translator,
    group: Group766,
) -> list[Table]:
    """The case register and the Decision 766 group (as the period's figures hold it), after
    the period report's other tables."""
    lines = case_lines(session, office_id, start, end, now, tr)
    return [
        Table(tr("Feedback cases"), register_header(tr), [line.cells for line in lines]),
        Table(tr("Decision 766 group"), group_header(tr), group_rows(group, tr)),
    ]
