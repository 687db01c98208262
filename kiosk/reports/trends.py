"""The figures behind the manager's charts for any period: satisfaction day by day, and
satisfaction and timeliness by service and by clerk — each with how many answers it rests on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from kiosk.answers import HAPPY
from kiosk.clock import day_range
from kiosk.db.models import Clerk, Rating, Service
from kiosk.reports.indicators import PeriodReport, Tally, compute, rate
from kiosk.reports.tables import Targets
from kiosk.services.offices import find_office, ratings_of


@dataclass(frozen=True)
class DayPoint:
    day: date
    ratings: int
    satisfied: int

    @property
    def satisfaction_rate(self) -> Decimal | None:
        return rate(self.satisfied, self.ratings)


@dataclass(frozen=True)
class NamedTally:
    name: str
    tally: Tally


@dataclass(frozen=True)
class PeriodTrends:
    start: date
    end: date
    by_day: list[DayPoint]  # every day of the period, zero where nobody rated
    by_service: list[NamedTally]
    by_clerk: list[NamedTally]
    report: PeriodReport
    targets: Targets


def period_trends(
    session: Session, office_code: str | None, start: date, end: date, today: date, language: str
) -> PeriodTrends:
    office = find_office(session, office_code)
    report = compute(session, office.id, start, end, today)
    begin, finish = day_range(start, end)
    day = func.date(Rating.created_at)
    counted = {
        str(row_day): (count, happy)
        for row_day, count, happy in session.execute(
            select(day, func.count(), func.sum(case((Rating.satisfaction.in_(HAPPY), 1), else_=0)))
            .where(
                Rating.created_at >= begin,
                Rating.created_at < finish,
                ratings_of(session, office.id),
            )
            .group_by(day)
        )
    }
    by_day = []
    for offset in range((end - start).days + 1):
        current = start + timedelta(days=offset)
        count, happy = counted.get(current.isoformat(), (0, 0))
        by_day.append(DayPoint(current, count, int(happy or 0)))
    services = {s.id: s for s in session.scalars(select(Service))}
    clerks = {c.id: c for c in session.scalars(select(Clerk))}
    return PeriodTrends(
        start,
        end,
        by_day,
        sorted(
            (
                NamedTally(
                    services[sid].name_vi if language == "vi" else services[sid].name_en, tally
                )
                for sid, tally in report.by_service.items()
            ),
            key=lambda named: -(named.tally.ratings + named.tally.due),
        ),
        sorted(
            (
                NamedTally(f"{clerks[cid].display_name} ({clerks[cid].counter})", tally)
                for cid, tally in report.by_clerk.items()
            ),
            key=lambda named: named.name,
        ),
        report,
        Targets.of(office),
    )


DAY_STEPS = (1, 2, 7, 14)  # 7 and 14 start on a Monday, as a week is read
QUARTER_MONTHS = (1, 4, 7, 10)


def date_ticks(start: date, end: date, most: int) -> list[date]:
    """The days a date axis names: every day, every other day, every week or fortnight, then
    every month or quarter — the finest step giving at most `most` ticks, always evenly spaced."""
    days = (end - start).days + 1
    for step in DAY_STEPS:
        first = start if step < 7 else start + timedelta(days=-start.weekday() % 7)
        ticks = [first + timedelta(days=d) for d in range(0, days - (first - start).days, step)]
        if len(ticks) <= max(1, most):
            return ticks
    months = _month_starts(start, end)
    if len(months) > most:
        months = [day for day in months if day.month in QUARTER_MONTHS]
    return months or [start]


def _month_starts(start: date, end: date) -> list[date]:
    first = start if start.day == 1 else _next_month(start)
    months = []
    while first <= end:
        months.append(first)
        first = _next_month(first)
    return months


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)
