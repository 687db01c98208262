"""The manager's day at a glance: what came in, what went out, what is due and overdue, and
the official rates beside the office's targets. Today's on-time rate is "so far": the share of
the dossiers due today already returned, which climbs as results go out. What is still out
(due today, overdue, due next) is counted by kiosk.services.due_dossiers, as the clerk's board.
Below the figures, the rows a manager acts on today (kiosk.reports.today_lists)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time

from sqlalchemy.orm import Session

from kiosk.reports.indicators import Tally, compute
from kiosk.reports.tables import Targets
from kiosk.reports.today_lists import (
    DueLine,
    KioskContact,
    UnhappyLine,
    due_next_lines,
    kiosk_contacts,
    unhappy_lines,
)
from kiosk.services.due_dossiers import due_counts
from kiosk.services.offices import find_office


@dataclass(frozen=True)
class DayGlance:
    received: int
    returned: int
    due_today: int
    due_today_open: int  # due today and not yet returned
    overdue: int  # not returned, the appointment in force has passed
    due_next: int  # due by the next working day, not yet returned
    next_working_day: datetime
    ratings: int
    unit: Tally
    targets: Targets
    due_next_list: list[DueLine]  # the `due_next` dossiers, one by one
    unhappy_today: list[UnhappyLine]
    kiosks: list[KioskContact]
    now: datetime


def day_glance(session: Session, office_code: str | None, now: datetime) -> DayGlance:
    office = find_office(session, office_code)
    today = now.date()
    report = compute(session, office.id, today, today, today)
    owed = due_counts(session, office, today)
    return DayGlance(
        received=report.received,
        returned=report.returned,
        due_today=report.unit.due,
        due_today_open=owed.due_today,
        overdue=owed.overdue,
        due_next=owed.due_next,
        next_working_day=datetime.combine(owed.days.next_working_day, time.min),
        ratings=report.unit.ratings,
        unit=report.unit,
        targets=Targets.of(office),
        due_next_list=due_next_lines(session, office, owed.days),
        unhappy_today=unhappy_lines(session, office, today),
        kiosks=kiosk_contacts(session, office, now),
        now=now,
    )
