"""Dossiers: the station's use cases (register, return, re-appoint once, show, list), each in
one transaction."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session

from kiosk.clock import Clock, office_now
from kiosk.db.models import PrintKind
from kiosk.db.session import SessionFactory
from kiosk.dossier_code import format_dossier_code
from kiosk.errors import ConflictError
from kiosk.i18n import N_
from kiosk.services.base import StationUseCases
from kiosk.services.corrections import (
    Correction,
    CorrectionService,
    StatedTime,
    check_receipt_time,
)
from kiosk.services.dossier_changes import (
    reappoint_dossier,
    register_dossier,
    return_dossier,
    with_time,
)
from kiosk.services.dossier_input import checked_citizen, checked_documents
from kiosk.services.dossier_reads import (
    dossier_view,
    dossiers_query,
    find_clerk,
    find_dossier,
    offered_service,
)
from kiosk.services.offices import find_office
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
from kiosk.status import DossierStatus
from kiosk.views import CitizenDetails, DocumentItem, DossierView

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
            due_at = with_time(due_day, office.closing_time)
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
        return dossier.view(code, entry, service, clerk, received_at.date())

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
