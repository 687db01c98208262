"""What a manager acts on today, row by row, below the day's figures:

- the dossiers due on the next working day and not yet returned, so that a delay can be
  announced a working day ahead — the DUE_NEXT group of kiosk.services.due_dossiers, the same
  rows the "Due …" figure and the clerk's board count;
- today's unhappy ratings with their reasons — the office's ratings as the figures count them
  (ratings_of) with an unhappy face (kiosk.answers.UNHAPPY);
- each kiosk with when it was last heard of and whether it is silent, as the banner's alert
  says it (kiosk.services.kiosk_contacts).
No contact details: a rating names its dossier's service and clerk, never the citizen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.answers import UNHAPPY, Satisfaction
from kiosk.clock import day_range
from kiosk.db.models import Clerk, Office, Rating, Service
from kiosk.services.due_dossiers import DueDays, DueGroup, due_dossiers
from kiosk.services.kiosk_contacts import KioskContact as KioskContact
from kiosk.services.kiosk_contacts import kiosk_contacts as kiosk_contacts
from kiosk.services.offices import ratings_of


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
