"""What a manager acts on today, row by row, below the day's figures:

- the dossiers due on the next working day and not yet returned, so that a delay can be
  announced a working day ahead — the DUE_NEXT group of kiosk.services.due_dossiers, the same
  rows the "Due …" figure and the clerk's board count;
- today's unhappy ratings with their reasons — the office's ratings as the figures count them
  (ratings_of) with an unhappy face (kiosk.answers.UNHAPPY);
- each kiosk with when it was last heard of (its contact report, or a later rating) and whether
  it has been silent for more than a working hour: only time the office is open counts, so a
  kiosk switched off at night is no news, one off since mid-afternoon is news the next morning.
No contact details: a rating names its dossier's service and clerk, never the citizen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.answers import UNHAPPY, RatingChannel, Satisfaction
from kiosk.calendar import WorkingCalendar
from kiosk.clock import day_range
from kiosk.db.models import Clerk, Office, Rating, Service, Station
from kiosk.services.due_dossiers import DueDays, DueGroup, due_dossiers
from kiosk.services.offices import chained_ratings_of, office_calendar, ratings_of
from kiosk.services.stations import stations_of

SILENT_WORKING_TIME = timedelta(hours=1)


@dataclass(frozen=True)
class ServiceName:
    vi: str
    en: str

    def in_language(self, language: str) -> str:
        return self.vi if language == "vi" else self.en


@dataclass(frozen=True)
class DueLine:
    code: str
    service: ServiceName
    clerk: str | None  # None: imported from the provincial system, no clerk of ours
    appointment: datetime  # the appointment in force
    reappointed: bool


@dataclass(frozen=True)
class UnhappyLine:
    at: datetime
    service: ServiceName | None
    clerk: str | None
    satisfaction: Satisfaction
    reasons: tuple[str, ...]
    comment: str | None


@dataclass(frozen=True)
class KioskContact:
    station: str
    last_heard: datetime
    silent: bool  # silent for more than SILENT_WORKING_TIME of office hours


def due_next_lines(session: Session, office: Office, days: DueDays) -> list[DueLine]:
    return [
        DueLine(
            code=dossier.code,
            service=ServiceName(dossier.service.name_vi, dossier.service.name_en),
            clerk=dossier.clerk.display_name if dossier.clerk else None,
            appointment=dossier.reappointed_due_at or dossier.due_at,
            reappointed=dossier.reappointed_due_at is not None,
        )
        for group, dossier in due_dossiers(session, office, days)
        if group is DueGroup.DUE_NEXT
    ]


def unhappy_lines(session: Session, office: Office, today: date) -> list[UnhappyLine]:
    """Today's unhappy ratings, the latest first."""
    begin, finish = day_range(today, today)
    rows = session.execute(
        select(Rating, Service.name_vi, Service.name_en, Clerk.display_name)
        .outerjoin(Service, Rating.service_id == Service.id)
        .outerjoin(Clerk, Rating.clerk_id == Clerk.id)
        .where(
            Rating.created_at >= begin,
            Rating.created_at < finish,
            Rating.satisfaction.in_(UNHAPPY),
            ratings_of(session, office.id),
        )
        .order_by(Rating.created_at.desc(), Rating.station_sequence.desc())
    ).all()
    return [
        UnhappyLine(
            at=rating.created_at,
            service=ServiceName(name_vi, name_en) if name_vi is not None else None,
            clerk=clerk,
            satisfaction=rating.satisfaction,
            reasons=tuple(rating.reasons or ()),
            comment=rating.comment or None,
        )
        for rating, name_vi, name_en, clerk in rows
    ]


def kiosk_contacts(session: Session, office: Office, now: datetime) -> list[KioskContact]:
    """The office's kiosks: those that report their contact, and any that rated today."""
    heard: dict[str, datetime] = dict(
        session.execute(
            select(Station.name, Station.last_contact_at).where(
                Station.kind == "kiosk", stations_of(session, office.id)
            )
        ).all()
    )
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
    return [
        KioskContact(
            station,
            last,
            silent=working_time_between(last, now, office, calendar) > SILENT_WORKING_TIME,
        )
        for station, last in sorted(heard.items())
    ]


def working_time_between(
    start: datetime, end: datetime, office: Office, calendar: WorkingCalendar
) -> timedelta:
    """The office's opening hours between two moments, counted up to just past
    SILENT_WORKING_TIME (no need to walk back through a kiosk silent for months)."""
    total, day = timedelta(0), start.date()
    while day <= end.date() and total <= SILENT_WORKING_TIME:
        if calendar.is_working_day(day):
            opens = max(start, datetime.combine(day, office.opening_time))
            closes = min(end, datetime.combine(day, office.closing_time))
            total += max(closes - opens, timedelta(0))
        day += timedelta(days=1)
    return total
