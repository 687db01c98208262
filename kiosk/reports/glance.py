"""The manager's day at a glance: what came in, what went out, what is due and overdue, and
the official rates beside the office's targets. Today's on-time rate is "so far": the share of
the dossiers due today already returned, which climbs as results go out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from kiosk.db.models import Dossier
from kiosk.reports.indicators import Tally, compute
from kiosk.reports.tables import Targets
from kiosk.services.offices import find_office, office_calendar


@dataclass(frozen=True)
class DayGlance:
    received: int
    returned: int
    due_today: int
    due_today_open: int  # due today and not yet returned
    overdue: int  # not returned, appointment day passed
    due_next: int  # due on the next working day, not yet returned
    next_working_day: datetime
    ratings: int
    unit: Tally
    targets: Targets


def day_glance(session: Session, office_code: str | None, now: datetime) -> DayGlance:
    office = find_office(session, office_code)
    today = now.date()
    report = compute(session, office.id, today, today, today)
    start = datetime.combine(today, time.min)
    next_day = office_calendar(office).next_working_day(today)
    next_start = datetime.combine(next_day, time.min)

    def still_out(*conditions: ColumnElement[bool]) -> int:
        return (
            session.scalar(
                select(func.count())
                .select_from(Dossier)
                .where(Dossier.office_id == office.id, Dossier.returned_at.is_(None), *conditions)
            )
            or 0
        )

    return DayGlance(
        received=report.received,
        returned=report.returned,
        due_today=report.unit.due,
        due_today_open=still_out(
            Dossier.due_at >= start, Dossier.due_at < start + timedelta(days=1)
        ),
        overdue=still_out(Dossier.due_at < start),
        due_next=still_out(
            Dossier.due_at >= next_start, Dossier.due_at < next_start + timedelta(days=1)
        ),
        next_working_day=next_start,
        ratings=report.unit.ratings,
        unit=report.unit,
        targets=Targets.of(office),
    )
