"""Dossiers: register, return, re-appoint (once), look up and list."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, joinedload

from kiosk.db.models import Clerk, Dossier, DossierCounter, Office, PrintKind, RegisterCounter
from kiosk.dossier_code import format_dossier_code, parse_dossier_code
from kiosk.errors import ConflictError, InvalidInputError, NotFoundError
from kiosk.i18n import N_
from kiosk.services.audit import record_audit
from kiosk.services.base import StationUseCases
from kiosk.services.offices import find_office, find_service, office_calendar
from kiosk.services.print_jobs import enqueue
from kiosk.status import DossierStatus, dossier_status
from kiosk.text import clean_optional, nfc
from kiosk.views import CitizenDetails, DocumentItem, DossierView, SupplementView

DOCUMENT_FORMS = ("original", "copy")
MAX_SETS = 99


def dossier_view(dossier: Dossier, today: date) -> DossierView:
    return DossierView(
        id=dossier.id,
        code=dossier.code,
        service_code=dossier.service.code,
        service_name_vi=dossier.service.name_vi,
        service_name_en=dossier.service.name_en,
        processing_days=dossier.service.processing_days,
        clerk_name=dossier.clerk.display_name,
        counter=dossier.clerk.counter,
        received_at=dossier.received_at,
        due_at=dossier.due_at,
        returned_at=dossier.returned_at,
        reappointed_due_at=dossier.reappointed_due_at,
        reappointment_reason=dossier.reappointment_reason,
        reappointed_at=dossier.reappointed_at,
        citizen=CitizenDetails(
            dossier.citizen_name, dossier.citizen_address, dossier.citizen_phone
        ),
        status=dossier_status(dossier.due_at, dossier.returned_at, today),
        documents=tuple(
            DocumentItem(item["name"], item.get("form", "original"), int(item.get("count", 1)))
            for item in dossier.documents or ()
        ),
        sets=dossier.sets,
        register_entry=dossier.register_entry,
        supplements=tuple(
            SupplementView(
                number=request.number,
                issued_at=request.issued_at,
                missing=tuple(request.missing),
                reason=request.reason,
                clerk_name=request.clerk.display_name,
                returned_at=request.returned_at,
            )
            for request in dossier.supplements
        ),
        refused_at=dossier.refused_at,
        refusal_reason=dossier.refusal_reason,
    )


def _count_up(session: Session, counter: Any, keys: dict[str, Any], last: Any) -> int:
    """The counter's next number in one statement: the upsert row-locks the counter's row, so
    concurrent clerks never share a number. (DossierService.register takes numbers in a
    transaction of their own; see there.)"""
    dialect = sqlite if session.get_bind().dialect.name == "sqlite" else postgresql
    statement = dialect.insert(counter).values(**keys, **{last.key: 1})
    return int(
        session.execute(
            statement.on_conflict_do_update(
                index_elements=[getattr(counter, key) for key in keys],
                set_={last.key: last + 1},
            ).returning(last)
        ).scalar_one()
    )


def _next_sequence(session: Session, office_id: int, day: date) -> int:
    """The next XXXX of a dossier code, for the office and day."""
    keys = {"office_id": office_id, "day": day}
    return _count_up(session, DossierCounter, keys, DossierCounter.last_sequence)


def _next_register_entry(session: Session, office_id: int, year: int) -> int:
    """The dossier's line in the office's register for the year (Form 07), numbered from 1."""
    keys = {"office_id": office_id, "year": year}
    return _count_up(session, RegisterCounter, keys, RegisterCounter.last_entry)


def _documents(items: Sequence[DocumentItem], sets: int) -> list[dict[str, Any]]:
    if not 1 <= sets <= MAX_SETS:
        raise InvalidInputError(N_("The number of sets must be from 1 to {most}."), most=MAX_SETS)
    documents = []
    for item in items:
        name = nfc(item.name).strip()
        if not name:
            continue
        if item.form not in DOCUMENT_FORMS or not 1 <= item.count <= MAX_SETS:
            raise InvalidInputError(N_("Document {name} is not described right."), name=name)
        documents.append({"name": name[:300], "form": item.form, "count": item.count})
    return documents


def _with_time(day: date, at: time) -> datetime:
    return datetime.combine(day, at)


def _clean_phone(phone: str | None) -> str | None:
    phone = clean_optional(phone)
    if phone is None:
        return None
    digits = phone.replace(" ", "").replace(".", "").replace("-", "")
    if not (digits.lstrip("+").isdigit() and 8 <= len(digits) <= 15):
        raise InvalidInputError(N_("Phone number {phone} is not valid."), phone=phone)
    return digits


def find_clerk(session: Session, office: Office, clerk_id: int | None) -> Clerk:
    if clerk_id is not None:
        clerk = session.get(Clerk, clerk_id)
        if clerk is None or clerk.office_id != office.id or not clerk.active:
            raise NotFoundError(N_("Clerk {id} does not exist."), id=clerk_id)
        return clerk
    clerks = session.scalars(
        select(Clerk).where(Clerk.office_id == office.id, Clerk.active.is_(True)).limit(2)
    ).all()
    if len(clerks) != 1:
        raise InvalidInputError(
            N_("Say which clerk received the dossier (--clerk, see 'kiosk clerks list').")
        )
    return clerks[0]


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
) -> Dossier:
    """`sequence` and `register_entry`, when given, were taken beforehand in their own short
    transaction (see DossierService.register)."""
    service = find_service(session, service_code)
    if not service.active:
        raise InvalidInputError(N_("Service {code} is no longer offered."), code=service.code)
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
        due_at=_with_time(due_day, office.closing_time),
        citizen_name=clean_optional(citizen.name),
        citizen_address=clean_optional(citizen.address),
        citizen_phone=_clean_phone(citizen.phone),
        documents=_documents(documents, sets) or None,
        sets=sets,
        register_entry=register_entry,
    )
    session.add(dossier)
    record_audit(
        session,
        at=received_at,
        station=station,
        clerk_id=clerk.id,
        # Audit actions keep the first name: earlier entries of the log use it.
        action="ticket.register",
        subject=dossier.code,
        details={"service": service.code, "due_at": dossier.due_at.isoformat()},
    )
    return dossier


def find_dossier(session: Session, code: str, *, office_id: int) -> Dossier:
    """The office's dossier with `code`. Another office's dossier reads as unknown: a station
    neither shows nor changes what is not its office's."""
    cleaned = parse_dossier_code(code)
    dossier = session.scalar(
        select(Dossier)
        .where(Dossier.code == cleaned, Dossier.office_id == office_id)
        .options(joinedload(Dossier.service), joinedload(Dossier.clerk))
    )
    if dossier is None:
        raise NotFoundError(N_("Dossier {code} was not found."), code=cleaned)
    return dossier


def _not_refused(dossier: Dossier) -> None:
    if dossier.refused_at is not None:
        raise ConflictError(
            N_("Dossier {code} was refused on {when}."),
            code=dossier.code,
            when=f"{dossier.refused_at:%d/%m/%Y}",
        )


def return_dossier(
    session: Session, dossier: Dossier, *, at: datetime, station: str, clerk_id: int | None = None
) -> None:
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
    record_audit(
        session,
        at=at,
        station=station,
        clerk_id=clerk_id,
        action="ticket.return",
        subject=dossier.code,
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
    _not_refused(dossier)
    if dossier.reappointed_at is not None:
        raise ConflictError(
            N_("Dossier {code} was already re-appointed once; the law allows no second time."),
            code=dossier.code,
        )
    if dossier.returned_at is not None:
        raise ConflictError(N_("Dossier {code} has already been returned."), code=dossier.code)
    reason = nfc(reason).strip()
    if not reason:
        raise InvalidInputError(N_("Give the reason for the delay."))
    if new_due_day <= dossier.due_at.date():
        raise InvalidInputError(N_("The new appointment must be after the original one."))
    calendar = office_calendar(dossier.office)
    if not calendar.is_working_day(new_due_day):
        raise InvalidInputError(N_("{day} is not a working day."), day=f"{new_due_day:%d/%m/%Y}")
    dossier.reappointed_due_at = _with_time(new_due_day, dossier.office.closing_time)
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


def dossiers_query(office_id: int, received_on: date | None = None) -> Select[Dossier]:
    query = (
        select(Dossier)
        .where(Dossier.office_id == office_id)
        .options(joinedload(Dossier.service), joinedload(Dossier.clerk))
    )
    if received_on is not None:
        start = datetime.combine(received_on, time.min)
        query = query.where(
            Dossier.received_at >= start, Dossier.received_at < start + timedelta(days=1)
        )
    return query.order_by(Dossier.received_at)


class DossierService(StationUseCases):
    """The dossier use cases, each in one transaction, for the command line and the screens."""

    def register(
        self,
        service_code: str,
        *,
        clerk_id: int | None = None,
        received_at: datetime | None = None,
        citizen: CitizenDetails = CitizenDetails(),
        print_receipt: bool = False,
        documents: Sequence[DocumentItem] = (),
        sets: int = 1,
    ) -> DossierView:
        """Registers the dossier; with `print_receipt`, its receipt is queued in the same
        transaction, so a dossier never exists without its receipt job, nor a job without it."""
        received_at = received_at or self._clock()
        # The day's number is taken in its own short transaction: the counter's row lock is
        # held for one statement, not for the whole registration, so twenty clerks do not queue
        # behind each other. A registration that then fails leaves a gap, never a duplicate.
        with self._factory.begin() as session:
            office_id = self._office_id(session)
            sequence = _next_sequence(session, office_id, received_at.date())
            entry = _next_register_entry(session, office_id, received_at.year)
        with self._factory.begin() as session:
            office = find_office(session, self._office_code)
            dossier = register_dossier(
                session,
                office,
                service_code=service_code,
                clerk=find_clerk(session, office, clerk_id),
                received_at=received_at,
                citizen=citizen,
                station=self._station,
                sequence=sequence,
                documents=documents,
                sets=sets,
                register_entry=entry,
            )
            if print_receipt:
                enqueue(
                    session,
                    dossier,
                    PrintKind.RECEIPT,
                    station=self._station,
                    at=dossier.received_at,
                )
            session.flush()
            return dossier_view(dossier, self._clock().date())

    def return_result(
        self, code: str, *, at: datetime | None = None, clerk_id: int | None = None
    ) -> DossierView:
        with self._factory.begin() as session:
            dossier = find_dossier(session, code, office_id=self._office_id(session))
            return_dossier(
                session, dossier, at=at or self._clock(), station=self._station, clerk_id=clerk_id
            )
            return dossier_view(dossier, self._clock().date())

    def reappoint(
        self, code: str, *, new_due_day: date, reason: str, clerk_id: int | None = None
    ) -> DossierView:
        with self._factory.begin() as session:
            dossier = find_dossier(session, code, office_id=self._office_id(session))
            reappoint_dossier(
                session,
                dossier,
                new_due_day=new_due_day,
                reason=reason,
                at=self._clock(),
                station=self._station,
                clerk_id=clerk_id,
            )
            return dossier_view(dossier, self._clock().date())

    def show(self, code: str) -> DossierView:
        with self._factory() as session:
            dossier = find_dossier(session, code, office_id=self._office_id(session))
            return dossier_view(dossier, self._clock().date())

    def list(
        self, *, received_on: date | None = None, status: DossierStatus | None = None
    ) -> list[DossierView]:
        today = self._clock().date()
        with self._factory() as session:
            views = [
                dossier_view(t, today)
                for t in session.scalars(dossiers_query(self._office_id(session), received_on))
            ]
        return [v for v in views if status is None or v.status is status]
