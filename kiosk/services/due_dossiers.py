"""What a counter still owes, by when: overdue, due today, due by the next working day.

One definition for the clerk's board and the manager's glance, so that the two never disagree:

- *owed*: not returned, and not refused at the counter (Form 03);
- by the *appointment in force*: the new one after a re-appointment, else the first. A
  re-appointed dossier stays *late* in the statistics (kiosk.status), but the work is due on the
  day the apology letter promised;
- *overdue*: that appointment's day has passed; *due today*: it is today; *due next*: after today,
  up to the end of the next working day (a day off in between included, so nothing falls through).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session, joinedload

from kiosk.db.models import Dossier, Office
from kiosk.services.offices import office_calendar


class DueGroup(enum.Enum):
    OVERDUE = "overdue"
    DUE_TODAY = "due_today"
    DUE_NEXT = "due_next"


@dataclass(frozen=True)
class DueDays:
    today: date
    next_working_day: date

    @property
    def today_starts(self) -> datetime:
        return datetime.combine(self.today, time.min)

    @property
    def tomorrow_starts(self) -> datetime:
        return self.today_starts + timedelta(days=1)

    @property
    def horizon(self) -> datetime:
        """The end of the next working day: nothing due later is on the board."""
        return datetime.combine(self.next_working_day, time.min) + timedelta(days=1)


@dataclass(frozen=True)
class DueCounts:
    days: DueDays
    overdue: int
    due_today: int
    due_next: int


def due_days(office: Office, today: date) -> DueDays:
    return DueDays(today, office_calendar(office).next_working_day(today))


def appointment_in_force() -> ColumnElement[datetime]:
    return func.coalesce(Dossier.reappointed_due_at, Dossier.due_at)


def _owed_by_horizon(office: Office, days: DueDays) -> list[ColumnElement[bool]]:
    return [
        Dossier.office_id == office.id,
        Dossier.returned_at.is_(None),
        Dossier.refused_at.is_(None),
        appointment_in_force() < days.horizon,
    ]


def _group(days: DueDays) -> ColumnElement[str]:
    due = appointment_in_force()
    return case(
        (due < days.today_starts, DueGroup.OVERDUE.value),
        (due < days.tomorrow_starts, DueGroup.DUE_TODAY.value),
        else_=DueGroup.DUE_NEXT.value,
    )


def due_dossiers(session: Session, office: Office, days: DueDays) -> list[tuple[DueGroup, Dossier]]:
    """The dossiers owed by the end of the next working day, soonest appointment first."""
    due = appointment_in_force()
    rows = session.execute(
        select(_group(days), Dossier)
        .where(*_owed_by_horizon(office, days))
        .options(joinedload(Dossier.service), joinedload(Dossier.clerk))
        .order_by(due, Dossier.code)
    ).all()
    return [(DueGroup(group), dossier) for group, dossier in rows]


def due_counts(session: Session, office: Office, today: date) -> DueCounts:
    days = due_days(office, today)
    # Grouped over a subquery: PostgreSQL would not see that a CASE with bound parameters in
    # the select list is the same as the one in GROUP BY.
    owed = select(_group(days).label("due_group")).where(*_owed_by_horizon(office, days)).subquery()
    rows = session.execute(select(owed.c.due_group, func.count()).group_by(owed.c.due_group))
    counts: dict[str, int] = {group: count for group, count in rows}
    return DueCounts(
        days=days,
        overdue=counts.get(DueGroup.OVERDUE.value, 0),
        due_today=counts.get(DueGroup.DUE_TODAY.value, 0),
        due_next=counts.get(DueGroup.DUE_NEXT.value, 0),
    )
