"""When each of the office's kiosks was last heard of, and whether it has gone silent: one
definition for the Today tab's list and the banner's alert.

A kiosk is heard of by its minute contact report, or by a rating it sent later. While the office
is open, a kiosk that reports its contact is *silent* when more than SILENT_AFTER (ten missed
reports) of opening hours on working days have passed since: a kiosk switched off at night is no
news, one off since mid-afternoon is news soon after the office opens. Outside opening hours no
kiosk is news; a station known only by its ratings does not report, so its quiet means nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.answers import RatingChannel
from kiosk.calendar import WorkingCalendar
from kiosk.clock import day_range
from kiosk.db.models import Office, Rating, Station
from kiosk.services.offices import chained_ratings_of, office_calendar
from kiosk.services.stations import SILENT_AFTER, stations_of


@dataclass(frozen=True)
class KioskContact:
    station: str
    last_heard: datetime
    silent: bool  # open now, and silent for more than SILENT_AFTER of opening hours


def kiosk_contacts(session: Session, office: Office, now: datetime) -> list[KioskContact]:
    """The office's kiosks: those that report their contact, and any that rated today."""
    reporting: dict[str, datetime] = dict(
        session.execute(
            select(Station.name, Station.last_contact_at).where(
                Station.kind == "kiosk", stations_of(session, office.id)
            )
        ).all()
    )
    heard = dict(reporting)
    begin, _ = day_range(now.date(), now.date())
    rated = session.execute(
        select(Rating.station, func.max(Rating.created_at))
        .where(
            Rating.created_at >= begin,
            Rating.channel == RatingChannel.KIOSK,
            chained_ratings_of(session, office.id),
        )
        .group_by(Rating.station)
    ).all()
    for station, latest in rated:
        heard[station] = max(heard.get(station, latest), latest)
    calendar = office_calendar(office)
    open_now = calendar.is_working_day(now.date()) and (
        office.opening_time <= now.time() <= office.closing_time
    )
    return [
        KioskContact(
            station,
            last,
            silent=open_now
            and station in reporting
            and working_time_between(last, now, office, calendar) > SILENT_AFTER,
        )
        for station, last in sorted(heard.items())
    ]


def working_time_between(
    start: datetime, end: datetime, office: Office, calendar: WorkingCalendar
) -> timedelta:
    """The office's opening hours between two moments, counted up to just past
    SILENT_AFTER (no need to walk back through a kiosk silent for months)."""
    total, day = timedelta(0), start.date()
    while day <= end.date() and total <= SILENT_AFTER:
        if calendar.is_working_day(day):
            opens = max(start, datetime.combine(day, office.opening_time))
            closes = min(end, datetime.combine(day, office.closing_time))
            total += max(closes - opens, timedelta(0))
        day += timedelta(days=1)
    return total
