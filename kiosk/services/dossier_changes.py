"""Dossier changes written through the ORM session: a registration the plain way (a manager's
correction, the demo, an import), a return and the one re-appointment. The station's everyday
registration takes the short path in registration_writes."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy.orm import Session

from kiosk.db.limits import fitted
from kiosk.db.models import Clerk, Dossier, DossierCounter, DossierSource, Office, RegisterCounter
from kiosk.dossier_code import format_dossier_code
from kiosk.errors import ConflictError, InvalidInputError
from kiosk.i18n import N_
from kiosk.services.audit import record_audit
from kiosk.services.corrections import Correction, TimedEvent, record_correction
from kiosk.services.counters import count_up
from kiosk.services.dossier_input import checked_citizen, checked_documents
from kiosk.services.dossier_reads import offered_service
from kiosk.services.offices import office_calendar
from kiosk.views import CitizenDetails, DocumentItem

# A new appointment is a working day from today up to a year ahead: a later one is a typo.
MAX_REAPPOINTMENT = timedelta(days=366)


def with_time(day: date, at: time) -> datetime:
    return datetime.combine(day, at)


def _next_sequence(session: Session, office_id: int, day: date) -> int:
    """The next XXXX of a dossier code, for the office and day."""
    keys = {"office_id": office_id, "day": day}
    return count_up(session, DossierCounter, keys, DossierCounter.last_sequence)


def _next_register_entry(session: Session, office_id: int, year: int) -> int:
    """The dossier's line in the office's register for the year (Form 07), numbered from 1."""
    keys = {"office_id": office_id, "year": year}
    return count_up(session, RegisterCounter, keys, RegisterCounter.last_entry)


def register_dossier(
    session: Session,
    office: Office,
    *,
    service_code: str,
    clerk: Clerk,
    received_at: datetime,
    citizen: CitizenDetails = CitizenDetails(),
    station: str,
    sequence: int | None = None,
    documents: Sequence[DocumentItem] = (),
    sets: int = 1,
    register_entry: int | None = None,
    correction: Correction | None = None,
) -> Dossier:
    """`sequence` and `register_entry`, when given, were taken beforehand in their own short
    transaction (see DossierService.register). With `correction`, `received_at` is a stated
    time a manager approved."""
    citizen = checked_citizen(citizen)
    service = offered_service(session, service_code)
    due_day = office_calendar(office).due_date(received_at, service.processing_days)
    if sequence is None:
        sequence = _next_sequence(session, office.id, received_at.date())
    if register_entry is None:
        register_entry = _next_register_entry(session, office.id, received_at.year)
    dossier = Dossier(
        id=uuid.uuid4(),
        code=format_dossier_code(office.code, received_at.date(), sequence),
        office=office,
        service=service,
        clerk=clerk,
        received_at=received_at,
        due_at=with_time(due_day, office.closing_time),
        citizen_name=citizen.name,
        citizen_address=citizen.address,
        citizen_phone=citizen.phone,
        documents=checked_documents(documents, sets) or None,
        sets=sets,
        register_entry=register_entry,
    )
    session.add(dossier)
    details: dict[str, Any] = {"service": service.code, "due_at": dossier.due_at.isoformat()}
    if correction is not None:
        session.flush()  # the correction refers to the dossier's row
        details |= record_correction(
            session, dossier, TimedEvent.RECEIVED, received_at, correction, clerk.id
        )
    record_audit(
        session,
        at=correction.recorded_at if correction else received_at,
        station=station,
        clerk_id=clerk.id,
        # Audit actions keep the first name: earlier entries of the log use it.
        action="ticket.register",
        subject=dossier.code,
        details=details,
    )
    return dossier


def kept_here(dossier: Dossier) -> None:
    """An imported dossier is handled in the provincial system: a change made here would be
    overwritten or contradicted by its next import, so it is recorded there and imported again."""
    if dossier.source is DossierSource.PROVINCIAL:
        raise ConflictError(
            N_(
                "Dossier {code} is handled in the provincial one-stop system: record this there; "
                "the next import brings it here."
            ),
            code=dossier.code,
        )


def _not_refused(dossier: Dossier) -> None:
    if dossier.refused_at is not None:
        raise ConflictError(
            N_("Dossier {code} was refused on {when}."),
            code=dossier.code,
            when=f"{dossier.refused_at:%d/%m/%Y}",
        )


def return_dossier(
    session: Session,
    dossier: Dossier,
    *,
    at: datetime,
    station: str,
    clerk_id: int | None = None,
    correction: Correction | None = None,
) -> None:
    """With `correction`, `at` is a stated time a manager approved."""
    kept_here(dossier)
    _not_refused(dossier)
    if dossier.returned_at is not None:
        raise ConflictError(
            N_("Dossier {code} was already returned on {when}."),
            code=dossier.code,
            when=f"{dossier.returned_at:%d/%m/%Y %H:%M}",
        )
    if at < dossier.received_at:
        raise InvalidInputError(N_("A result cannot be returned before it was received."))
    dossier.returned_at = at
    details = (
        record_correction(session, dossier, TimedEvent.RETURNED, at, correction, clerk_id)
        if correction
        else None
    )
    record_audit(
        session,
        at=correction.recorded_at if correction else at,
        station=station,
        clerk_id=clerk_id,
        action="ticket.return",
        subject=dossier.code,
        details=details,
    )


def reappoint_dossier(
    session: Session,
    dossier: Dossier,
    *,
    new_due_day: date,
    reason: str,
    at: datetime,
    station: str,
    clerk_id: int | None = None,
) -> None:
    """The one re-appointment the law allows, with the reason for the apology letter."""
    kept_here(dossier)
    _not_refused(dossier)
    if dossier.reappointed_at is not None:
        raise ConflictError(
            N_("Dossier {code} was already re-appointed once; the law allows no second time."),
            code=dossier.code,
        )
    if dossier.returned_at is not None:
        raise ConflictError(N_("Dossier {code} has already been returned."), code=dossier.code)
    reason = fitted(reason, Dossier.reappointment_reason, N_("Reason"))
    if not reason:
        raise InvalidInputError(N_("Give the reason for the delay."))
    if new_due_day <= dossier.due_at.date():
        raise InvalidInputError(N_("The new appointment must be after the original one."))
    if new_due_day < at.date():
        raise InvalidInputError(N_("The new appointment cannot be in the past."))
    if new_due_day > (at + MAX_REAPPOINTMENT).date():
        raise InvalidInputError(
            N_("The new appointment must be within a year, not on {day}."),
            day=f"{new_due_day:%d/%m/%Y}",
        )
    calendar = office_calendar(dossier.office)
    if not calendar.is_working_day(new_due_day):
        raise InvalidInputError(N_("{day} is not a working day."), day=f"{new_due_day:%d/%m/%Y}")
    dossier.reappointed_due_at = with_time(new_due_day, dossier.office.closing_time)
    dossier.reappointment_reason = reason
    dossier.reappointed_at = at
    record_audit(
        session,
        at=at,
        station=station,
        clerk_id=clerk_id,
        action="ticket.reappoint",
        subject=dossier.code,
        details={"new_due_at": dossier.reappointed_due_at.isoformat(), "reason": reason},
    )
