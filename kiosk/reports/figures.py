"""A period's figures, computed once per export and handed to every format written from them:
the PDF, the XLSX and the CSV of one export then cannot disagree, and a province's day is read
once, not once a format."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from kiosk.db.models import Office
from kiosk.reports.decision_766 import Group766, group_766
from kiosk.reports.indicators import PeriodReport, compute
from kiosk.reports.integrity import PeriodIntegrity, period_integrity
from kiosk.reports.targets import Targets
from kiosk.services.corrections import CorrectionView, corrections_in
from kiosk.services.due_dossiers import DueCounts, due_counts
from kiosk.services.offices import find_office


@dataclass(frozen=True)
class PeriodFigures:
    office: Office
    start: date
    end: date
    now: datetime  # when the figures were taken: "late" and "overdue now" are judged then
    report: PeriodReport  # dossiers due in the period, ratings, indicators
    targets: Targets
    integrity: PeriodIntegrity
    corrections: list[CorrectionView]
    overdue_now: DueCounts  # the office's dossiers owed at `now`, whatever their period
    group_766: Group766


def period_figures(
    session: Session, office_code: str | None, start: date, end: date, now: datetime
) -> PeriodFigures:
    office = find_office(session, office_code)
    report = compute(session, office.id, start, end, now.date())
    return PeriodFigures(
        office=office,
        start=start,
        end=end,
        now=now,
        report=report,
        targets=Targets.of(office),
        integrity=period_integrity(session, start, end, office.id),
        corrections=corrections_in(session, office.id, start, end),
        overdue_now=due_counts(session, office, now.date()),
        group_766=group_766(session, office.id, start, end, now, report.unit),
    )
