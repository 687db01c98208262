"""Feedback cases (phản ánh, kiến nghị): opened, assigned, answered, closed or transferred.

Every change is appended to the case's history and never edited away; a case about a clerk is
never given to that clerk; the citizen's contact, kept only when asked for, is removed a set time
after the case is closed.
"""

from __future__ import annotations

import calendar as months
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from kiosk.db.case_models import (
    AnswerChannel,
    CaseContact,
    CaseCounter,
    CaseEvent,
    CaseSource,
    CaseState,
    FeedbackCase,
)
from kiosk.db.limits import fitted
from kiosk.db.models import Clerk, ClerkRole, Office, Rating, Service
from kiosk.errors import ConflictError, InvalidInputError, NotFoundError
from kiosk.i18n import N_
from kiosk.kiosk_case import rating_case_id
from kiosk.services.counters import count_up
from kiosk.services.dossier_input import clean_phone
from kiosk.services.offices import office_calendar

# What a state allows next: an answered case may still be re-assigned if the answer fell short.
NEXT_STATES = {
    CaseState.OPEN: {CaseState.ASSIGNED, CaseState.TRANSFERRED},
    CaseState.ASSIGNED: {CaseState.ASSIGNED, CaseState.ANSWERED, CaseState.TRANSFERRED},
    CaseState.ANSWERED: {CaseState.ASSIGNED, CaseState.CLOSED},
    CaseState.CLOSED: set(),
    CaseState.TRANSFERRED: set(),
}
FINISHED = (CaseState.CLOSED, CaseState.TRANSFERRED)


@dataclass(frozen=True)
class Contact:
    name: str
    phone: str


@dataclass(frozen=True)
class Acting:
    """Who makes a change, from which station, and when."""

    clerk: Clerk | None
    station: str
    at: datetime


def case_number(session: Session, office_id: int, year: int) -> str:
    keys = {"office_id": office_id, "year": year}
    return f"{year}-{count_up(session, CaseCounter, keys, CaseCounter.last_number):04d}"


def case_due(office: Office, opened_at: datetime) -> datetime:
    """The answer is due `case_days` working days after the case is opened, by closing time.

    No national deadline applies to every petition (Decree 20/2008/NĐ-CP as amended by 48/2013
    sets only 5 working days to forward one): 2025 provincial rules give 10 working days
    (Ninh Bình 163/2025/QĐ-CTUBND Art. 19), the default; the national portal measures Decision
    766's "on time" at 15."""
    day = office_calendar(office).add_working_days(opened_at.date(), office.case_days)
    return datetime.combine(day, office.closing_time)


def open_case(
    session: Session,
    office: Office,
    acting: Acting,
    *,
    source: CaseSource,
    subject: str,
    text: str = "",
    contact: Contact | None = None,
    case_id: uuid.UUID | None = None,
    **concerns: Any,
) -> FeedbackCase:
    """`concerns`: rating_id, dossier_id, service_id, about_clerk_id, where known.

    With `case_id` (chosen by the kiosk, so that its outbox can forward it again), opening is
    idempotent: a case already there is returned as it is."""
    if case_id is not None:
        existing = session.get(FeedbackCase, case_id)
        if existing is not None and existing.office_id == office.id:
            return existing
    subject = fitted(subject, FeedbackCase.subject, N_("Subject"))
    if not subject:
        raise InvalidInputError(N_("Say what the feedback is about."))
    case = FeedbackCase(
        id=case_id or uuid.uuid4(),
        office_id=office.id,
        number=case_number(session, office.id, acting.at.year),
        opened_at=acting.at,
        source=source,
        subject=subject,
        text=fitted(text, FeedbackCase.text, N_("Text")),
        due_at=case_due(office, acting.at),
        state=CaseState.OPEN,
        **concerns,
    )
    session.add(case)
    session.flush()
    if contact is not None:
        session.add(_checked_contact(case, contact))
    append_event(session, case, acting, "open", source=source.value, due_at=case.due_at.isoformat())
    return case


def _checked_contact(case: FeedbackCase, contact: Contact) -> CaseContact:
    name = fitted(contact.name, CaseContact.name, N_("Name"))
    phone = clean_phone(contact.phone)
    if not name or phone is None:
        raise InvalidInputError(N_("A call-back needs a name and a phone number."))
    return CaseContact(case_id=case.id, name=name, phone=phone)


def assign_case(session: Session, case: FeedbackCase, owner: Clerk, acting: Acting) -> None:
    _manager(acting)
    if owner.office_id != case.office_id or not owner.active:
        raise NotFoundError(N_("Clerk {id} does not exist."), id=owner.id)
    if owner.id == case.about_clerk_id:
        raise ConflictError(
            N_("Case {number} is about {name}: give it to someone else."),
            number=case.number,
            name=owner.display_name,
        )
    _move(case, CaseState.ASSIGNED)
    case.owner_id = owner.id
    append_event(session, case, acting, "assign", owner_id=owner.id)


def answer_case(
    session: Session, case: FeedbackCase, text: str, channel: AnswerChannel, acting: Acting
) -> None:
    if acting.clerk is None or (
        acting.clerk.id != case.owner_id and acting.clerk.role is not ClerkRole.MANAGER
    ):
        raise ConflictError(N_("Only the case's owner or a manager answers it."))
    answer = fitted(text, FeedbackCase.answer, N_("Answer"))
    if not answer:
        raise InvalidInputError(N_("Write the answer that was given."))
    _move(case, CaseState.ANSWERED)
    case.answer, case.answer_channel, case.answered_at = answer, channel, acting.at
    append_event(session, case, acting, "answer", channel=channel.value, answer=answer)


def close_case(session: Session, case: FeedbackCase, office: Office, acting: Acting) -> None:
    _manager(acting)
    _move(case, CaseState.CLOSED)
    _finish(session, case, office, acting, "close")


def transfer_case(
    session: Session, case: FeedbackCase, office: Office, to: str, acting: Acting
) -> None:
    _manager(acting)
    where = fitted(to, FeedbackCase.transferred_to, N_("Transferred to"))
    if not where:
        raise InvalidInputError(N_("Say where the case was transferred."))
    _move(case, CaseState.TRANSFERRED)
    case.transferred_to = where
    _finish(session, case, office, acting, "transfer", to=where)


def _finish(
    session: Session,
    case: FeedbackCase,
    office: Office,
    acting: Acting,
    action: str,
    **details: Any,
) -> None:
    case.closed_at = acting.at
    contact = session.get(CaseContact, case.id)
    if contact is not None:
        contact.remove_on = months_after(acting.at.date(), office.contact_months)
    append_event(session, case, acting, action, **details)


def months_after(day: date, count: int) -> date:
    """The same day `count` months later (the month's last day when it has no such day)."""
    month_index = day.month - 1 + count
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, months.monthrange(year, month)[1]))


def remove_expired_contacts(session: Session, today: date) -> int:
    """Contacts whose retention has run out are deleted, not hidden: the law keeps no more."""
    expired = list(
        session.scalars(
            select(CaseContact.case_id).where(
                CaseContact.remove_on.is_not(None), CaseContact.remove_on <= today
            )
        )
    )
    if expired:
        session.execute(delete(CaseContact).where(CaseContact.case_id.in_(expired)))
    return len(expired)


def is_overdue(case: FeedbackCase, now: datetime) -> bool:
    """Not answered by its due time (an answer after it is late for good)."""
    answered = case.answered_at
    return (answered or now) > case.due_at


def due_soon(case: FeedbackCase, office: Office, now: datetime) -> bool:
    """Still to be answered and due by the end of the next working day: an alert."""
    if case.state in FINISHED or case.answered_at is not None or is_overdue(case, now):
        return False
    next_day = office_calendar(office).add_working_days(now.date(), 1)
    return case.due_at.date() <= next_day


def history(session: Session, case: FeedbackCase) -> list[CaseEvent]:
    return list(
        session.scalars(
            select(CaseEvent).where(CaseEvent.case_id == case.id).order_by(CaseEvent.id)
        )
    )


def _manager(acting: Acting) -> None:
    if acting.clerk is None or acting.clerk.role is not ClerkRole.MANAGER:
        raise ConflictError(N_("Only a manager assigns, closes or transfers a case."))


def _move(case: FeedbackCase, state: CaseState) -> None:
    if state not in NEXT_STATES[case.state]:
        raise ConflictError(
            N_("Case {number} is {state}: it cannot become {next} now."),
            number=case.number,
            state=case.state.value,
            next=state.value,
        )
    case.state = state


def append_event(
    session: Session, case: FeedbackCase, acting: Acting, action: str, **details: Any
) -> None:
    session.add(
        CaseEvent(
            case_id=case.id,
            at=acting.at,
            clerk_id=acting.clerk.id if acting.clerk else None,
            station=acting.station,
            action=action,
            details=details,
        )
    )


# A case is opened by itself for an unhappy rating that says why, or names a conduct or delay.
CASE_REASONS = ("unofficial_payment", "impolite", "slow")


def rating_needs_a_case(unhappy: bool, comment: str | None, reasons: list[str]) -> bool:
    return (unhappy and bool(comment and comment.strip())) or bool(set(reasons) & set(CASE_REASONS))


def open_rating_case(
    session: Session,
    office: Office,
    rating: Rating,
    acting: Acting,
    *,
    contact: Contact | None = None,
    case_id: uuid.UUID | None = None,
) -> FeedbackCase:
    """The case of an unhappy rating: about its service, dossier and clerk; the comment is its
    text and the service's name its subject (the reasons stay on the rating it refers to)."""
    service = session.get(Service, rating.service_id) if rating.service_id else None
    return open_case(
        session,
        office,
        acting,
        source=CaseSource.RATING,
        subject=service.name_vi if service else "-",
        text=rating.comment or "",
        contact=contact,
        case_id=case_id or rating_case_id(rating.id),
        rating_id=rating.id,
        dossier_id=rating.dossier_id,
        service_id=rating.service_id,
        about_clerk_id=rating.clerk_id,
    )


def request_call_back(
    session: Session,
    office: Office,
    rating_id: uuid.UUID,
    contact: Contact,
    acting: Acting,
    *,
    case_id: uuid.UUID | None = None,
) -> FeedbackCase:
    """The citizen asked, after an unhappy rating, to be contacted: the rating's case (opened
    now if the rating did not open one) gets the contact. Asking again changes nothing."""
    rating = session.get(Rating, rating_id)
    if rating is None or rating.office_id != office.id:
        raise NotFoundError(N_("There is no rating {id}."), id=rating_id)
    case = session.scalar(select(FeedbackCase).where(FeedbackCase.rating_id == rating_id))
    if case is None:
        return open_rating_case(session, office, rating, acting, contact=contact, case_id=case_id)
    if session.get(CaseContact, case.id) is None:
        session.add(_checked_contact(case, contact))
        append_event(session, case, acting, "call_back_asked")
    return case


def find_case(session: Session, office_id: int, reference: uuid.UUID | str) -> FeedbackCase:
    """By id (a slip's QR) or number ("2026-0007")."""
    if isinstance(reference, uuid.UUID):
        case = session.get(FeedbackCase, reference)
    else:
        case = session.scalar(
            select(FeedbackCase).where(
                FeedbackCase.office_id == office_id, FeedbackCase.number == reference.strip()
            )
        )
    if case is None or case.office_id != office_id:
        raise NotFoundError(N_("There is no case {number}."), number=str(reference))
    return case


def handling_rating(session: Session, case: FeedbackCase) -> Rating | None:
    return session.scalar(select(Rating).where(Rating.case_id == case.id))


def case_to_rate(session: Session, office: Office, case_id: uuid.UUID) -> FeedbackCase:
    """A case whose handling the citizen may rate now: answered, and not rated yet."""
    case = find_case(session, office.id, case_id)
    if case.answered_at is None or case.state is CaseState.TRANSFERRED:
        raise ConflictError(
            N_("Case {number} has no answer yet: its handling can be rated once it is answered."),
            number=case.number,
        )
    if handling_rating(session, case) is not None:
        raise ConflictError(
            N_("The handling of case {number} has already been rated."), number=case.number
        )
    return case


def note_handling_rated(
    session: Session, case: FeedbackCase, acting: Acting, **details: Any
) -> None:
    append_event(session, case, acting, "rate", **details)
