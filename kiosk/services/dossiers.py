"""Dossiers: register, return, re-appoint (once), look up and list."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, Select, select
from sqlalchemy.orm import Session, joinedload

from kiosk.clock import Clock, office_now
from kiosk.db.limits import fitted
from kiosk.db.models import (
    Clerk,
    Dossier,
    DossierCounter,
    DossierSource,
    Office,
    PrintKind,
    RegisterCounter,
    Service,
)
from kiosk.db.session import SessionFactory
from kiosk.dossier_code import format_dossier_code, parse_dossier_code
from kiosk.errors import ConflictError, InvalidInputError, NotFoundError
from kiosk.i18n import N_
from kiosk.services.audit import record_audit
from kiosk.services.base import StationUseCases
from kiosk.services.corrections import (
    Correction,
    CorrectionService,
    StatedTime,
    TimedEvent,
    check_receipt_time,
    record_correction,
)
from kiosk.services.counters import count_up
from kiosk.services.dossier_input import checked_citizen, checked_documents
from kiosk.services.offices import find_office, find_service, office_calendar
from kiosk.services.print_jobs import enqueue
from kiosk.services.registration_writes import (
    ClerkFacts,
    NewDossier,
    OfficeFacts,
    ServiceFacts,
    StationFacts,
    guard_values,
    take_numbers,
    write_rows,
)
from kiosk.status import DossierStatus, dossier_status
from kiosk.views import CitizenDetails, DocumentItem, DossierView, SupplementView

# A new appointment is a working day from today up to a year ahead: a later one is a typo.
MAX_REAPPOINTMENT = timedelta(days=366)


def dossier_view(dossier: Dossier, today: date) -> DossierView:
    return DossierView(
        id=dossier.id,
        code=dossier.code,
        service_code=dossier.service.code,
        service_name_vi=dossier.service.name_vi,
        service_name_en=dossier.service.name_en,
        processing_days=dossier.service.processing_days,
        clerk_name=dossier.clerk.display_name if dossier.clerk else "",
        counter=dossier.clerk.counter if dossier.clerk else None,
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


def _next_sequence(session: Session, office_id: int, day: date) -> int:
    """The next XXXX of a dossier code, for the office and day."""
    keys = {"office_id": office_id, "day": day}
    return count_up(session, DossierCounter, keys, DossierCounter.last_sequence)


def _next_register_entry(session: Session, office_id: int, year: int) -> int:
    """The dossier's line in the office's register for the year (Form 07), numbered from 1."""
    keys = {"office_id": office_id, "year": year}
    return count_up(session, RegisterCounter, keys, RegisterCounter.last_entry)


def _with_time(day: date, at: time) -> datetime:
    return datetime.combine(day, at)


def find_clerk(session: Session, office_id: int, clerk_id: int | None) -> Clerk:
    if clerk_id is not None:
        clerk = session.get(Clerk, clerk_id)
        if clerk is None or clerk.office_id != office_id or not clerk.active:
            raise NotFoundError(N_("Clerk {id} does not exist."), id=clerk_id)
        return clerk
    clerks = session.scalars(
        select(Clerk).where(Clerk.office_id == office_id, Clerk.active.is_(True)).limit(2)
    ).all()
    if len(clerks) != 1:
        raise InvalidInputError(
            N_("Say which clerk received the dossier (--clerk, see 'kiosk clerks list').")
        )
    return clerks[0]


def offered_service(session: Session, service_code: str) -> Service:
    service = find_service(session, service_code)
    if not service.active:
        raise InvalidInputError(N_("Service {code} is no longer offered."), code=service.code)
    return service


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
        due_at=_with_time(due_day, office.closing_time),
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


CHANGED_WHILE_REGISTERING = N_(
    "The office's services or clerks changed during the registration: register it again."
)


class DossierService(StationUseCases):
    """The dossier use cases, each in one transaction, for the command line and the screens."""

    def __init__(
        self,
        factory: SessionFactory,
        *,
        station: str,
        clock: Clock = office_now,
        office_code: str | None = None,
    ) -> None:
        super().__init__(factory, station=station, clock=clock, office_code=office_code)
        self._facts = StationFacts(office_code)
        self._known_engine: Engine | None = None

    def _engine(self) -> Engine:
        """The engine of the factory's sessions: a registration runs on its connection, without
        a Session's bookkeeping unless something must be read (see register)."""
        if self._known_engine is None:
            with self._factory() as session:
                self._known_engine = session.get_bind().engine
        return self._known_engine

    def _acting_clerk_id(self, clerk_id: int | None) -> int:
        with self._factory() as session:
            return find_clerk(session, self._office_id(session), clerk_id).id

    def _timing(
        self, stated: StatedTime | None, clerk_id: int | None
    ) -> tuple[datetime, Correction | None]:
        """The time to record: the clock's, or a stated one (a correction when in the past)."""
        if stated is None:
            return self._clock(), None
        corrections = CorrectionService(
            self._factory, station=self._station, clock=self._clock, office_code=self._office_code
        )
        return corrections.approve(stated, clerk_id=self._acting_clerk_id(clerk_id))

    def register(
        self,
        service_code: str,
        *,
        clerk_id: int | None = None,
        stated: StatedTime | None = None,
        citizen: CitizenDetails = CitizenDetails(),
        print_receipt: bool = False,
        documents: Sequence[DocumentItem] = (),
        sets: int = 1,
    ) -> DossierView:
        """Registers the dossier, received now unless a manager approves a `stated` time; with
        `print_receipt`, its receipt is queued in the same transaction, so a dossier never
        exists without its receipt job, nor a job without it."""
        # Everything that can be refused is checked before a number is taken (the service and
        # the clerk with it): a refused registration must not use up a dossier number.
        citizen = checked_citizen(citizen)
        rows = checked_documents(documents, sets) or None
        if stated is not None:
            check_receipt_time(stated.at, self._clock())  # before the manager's PIN is tried
        received_at, correction = self._timing(stated, clerk_id)
        if correction is not None:
            return self._register_corrected(
                service_code, clerk_id, received_at, correction, citizen, print_receipt,
                documents, sets,
            )  # fmt: skip
        # One transaction: the dossier, its audit row and its receipt job commit with their
        # number, and a registration that fails leaves no gap. The counters' rows stay locked
        # from the number to the commit: on PostgreSQL one more statement and the commit, as
        # long as the separate transaction for the number this replaces held them.
        with self._engine().begin() as connection:
            for _ in range(3):
                office, service, clerk = self._kept_facts(connection, service_code, clerk_id)
                day = received_at.date()
                due_day = office.calendar.due_date(received_at, service.processing_days)
                guard = guard_values(office, service, clerk, day, due_day)
                numbers = take_numbers(connection, guard, day)
                if numbers is not None:
                    break
                self._facts.forget()  # something changed since it was read: read it again
            else:
                raise ConflictError(CHANGED_WHILE_REGISTERING)
            sequence, entry = numbers
            code = format_dossier_code(office.code, day, sequence)
            due_at = _with_time(due_day, office.closing_time)
            dossier = NewDossier(
                id=uuid.uuid4(),
                received_at=received_at,
                due_at=due_at,
                citizen=citizen,
                documents=rows,
                sets=sets,
                station=self._station,
                print_receipt=print_receipt,
            )
            write_rows(
                connection,
                dossier,
                code=code,
                entry=entry,
                office=office,
                service=service,
                clerk=clerk,
                audit_details={"service": service.code, "due_at": due_at.isoformat()},
            )
        return dossier.view(code, entry, service, clerk, self._clock().date())

    def _kept_facts(
        self, connection: Connection, service_code: str, clerk_id: int | None
    ) -> tuple[OfficeFacts, ServiceFacts, ClerkFacts]:
        """The office, service and clerk as kept, each read (and refused) only when not kept."""
        kept = self._facts.kept(service_code, clerk_id)
        if kept is not None:
            return kept
        with Session(bind=connection) as session:  # reads in the registration's transaction
            office = self._facts.office(session)
            service = self._facts.service(
                service_code, lambda: offered_service(session, service_code)
            )
            clerk = self._facts.clerk(clerk_id, lambda: find_clerk(session, office.id, clerk_id))
        return office, service, clerk

    def _register_corrected(
        self,
        service_code: str,
        clerk_id: int | None,
        received_at: datetime,
        correction: Correction,
        citizen: CitizenDetails,
        print_receipt: bool,
        documents: Sequence[DocumentItem],
        sets: int,
    ) -> DossierView:
        """A registration at a stated time a manager approved: rare, so written the plain way."""
        with self._factory.begin() as session:
            office = find_office(session, self._office_code)
            service = offered_service(session, service_code)
            clerk = find_clerk(session, office.id, clerk_id)
            dossier = register_dossier(
                session,
                office,
                service_code=service.code,
                clerk=clerk,
                received_at=received_at,
                citizen=citizen,
                station=self._station,
                documents=documents,
                sets=sets,
                correction=correction,
            )
            if print_receipt:
                enqueue(
                    session,
                    dossier,
                    PrintKind.RECEIPT,
                    station=self._station,
                    at=correction.recorded_at,
                )
            session.flush()
            return dossier_view(dossier, self._clock().date())

    def return_result(
        self, code: str, *, clerk_id: int | None = None, stated: StatedTime | None = None
    ) -> DossierView:
        """Records the return now, or at a `stated` time a manager approves."""
        at, correction = self._timing(stated, clerk_id)
        with self._factory.begin() as session:
            clerk = find_clerk(session, self._office_id(session), clerk_id)
            dossier = find_dossier(session, code, office_id=self._office_id(session))
            return_dossier(
                session,
                dossier,
                at=at,
                station=self._station,
                clerk_id=clerk.id,
                correction=correction,
            )
            return dossier_view(dossier, self._clock().date())

    def reappoint(
        self, code: str, *, new_due_day: date, reason: str, clerk_id: int | None = None
    ) -> DossierView:
        with self._factory.begin() as session:
            clerk = find_clerk(session, self._office_id(session), clerk_id)
            dossier = find_dossier(session, code, office_id=self._office_id(session))
            reappoint_dossier(
                session,
                dossier,
                new_due_day=new_due_day,
                reason=reason,
                at=self._clock(),
                station=self._station,
                clerk_id=clerk.id,
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
