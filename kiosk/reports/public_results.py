"""This month's public results, computed by the same function as every export of a period
(kiosk.reports.indicators.compute): the start screen cannot show a figure the report denies."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from kiosk.reports.indicators import Tally, compute
from kiosk.reports.targets import Targets
from kiosk.services.offices import find_office
from kiosk.services.public_results import MonthResults, month_start


def month_results(session: Session, office_code: str | None, now: datetime) -> MonthResults:
    office = find_office(session, office_code)
    today = now.date()
    first = month_start(today)
    rated = compute(session, office.id, first, today, today).unit
    yesterday = today - timedelta(days=1)
    # On the 1st no appointment day of the month has passed yet.
    settled = Tally()
    if yesterday >= first:
        settled = compute(session, office.id, first, yesterday, today).unit
    targets = Targets.of(office)
    return MonthResults(
        month=first,
        ratings=rated.ratings,
        satisfaction_rate=rated.satisfaction_rate,
        due=settled.due,
        on_time_rate=settled.on_time_rate,
        early_rate=settled.early_rate,
        target_satisfaction=targets.satisfaction,
        target_on_time=targets.on_time,
        target_early=targets.early,
    )
