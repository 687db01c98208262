"""What the citizen's kiosk asks of the database: the office, its services, a dossier, a save."""

from __future__ import annotations

import logging
import threading
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from kiosk.answers import RatingInput
from kiosk.db.case_models import CaseSource
from kiosk.db.models import ClerkRole, DossierSource, Rating
from kiosk.errors import InvalidInputError, KioskError, NotFoundError
from kiosk.i18n import N_
from kiosk.kiosk_case import CaseRequest, CaseToRate, KioskCase
from kiosk.receipt_payload import NEEDS_PROOF, NOT_ON_KIOSK
from kiosk.services.audit import record_audit
from kiosk.services.base import StationUseCases
from kiosk.services.dossier_reads import find_dossier
from kiosk.services.gaming import TYPED_CODE
from kiosk.services.key_registry import current_key
from kiosk.services.offices import find_office, list_services, office_view
from kiosk.services.outbox import RatingOutbox, central_unreachable
from kiosk.services.ratings import RatingService, RecordedRating
from kiosk.services.sign_in import SignInService
from kiosk.services.stations import StationService
from kiosk.station_keys import StationSigner, fingerprint
from kiosk.status import dossier_status
from kiosk.views import DossierInfo, OfficeView, ServiceView

if TYPE_CHECKING:
    from kiosk.services.public_results import MonthResults, MonthResultsReader


log = logging.getLogger("kiosk.keys")
# The audit action of a bare dossier code scanned at a kiosk (a provincial receipt's barcode).
BARE_CODE = "kiosk.bare_code"
# A slip printed while the kiosk was cut off, scanned before its case was forwarded.
CASE_NOT_HERE_YET = N_(
    "This feedback has not reached the office's records yet. Please try again later, or ask "
    "at the counter."
)


@dataclass(frozen=True)
class QueuedRating:
    """The central database was away: the rating is safe in the kiosk's outbox."""

    id: uuid.UUID
    waiting: int  # ratings in the outbox, this one included


@dataclass(frozen=True)
class KioskStart:
    office: OfficeView
    services: list[ServiceView]
    outbox_waiting: int = 0  # ratings left on this kiosk's disk by an earlier outage


class KioskBackend(StationUseCases):
    def __init__(
        self,
        *args: Any,
        outbox: RatingOutbox | None = None,
        month_results: MonthResultsReader | None = None,
        signer: StationSigner | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._outbox = outbox
        # Signs every rating this kiosk records, also those forwarded later from its outbox.
        self._signer = signer
        # Handed in: the figures are the reports' own, a layer above this one.
        self._month_results = month_results
        self._forwarding = threading.Lock()  # one forwarder at a time keeps the order

    def start(self) -> KioskStart:
        try:
            self.report_contact()
        except SQLAlchemyError:
            pass  # a database that cannot be written now must not keep the kiosk from starting
        with self._factory() as session:
            office = find_office(session, self._office_code)
            office_and_services = office_view(office), list_services(session)
            registered = current_key(session, self._station)
        if self._signer is not None and registered != self._signer.public_hex:
            # Its ratings are still taken and signed, but `kiosk verify` will not accept them
            # until a manager registers this key: staff read why in the log.
            log.warning(
                "Station %s signs with key %s, which is not its registered key: a manager runs "
                "'kiosk keys register %s --counter N' on this machine.",
                self._station,
                fingerprint(self._signer.public_hex),
                self._station,
            )
        if self._outbox is not None:
            self._outbox.remember_start(*office_and_services)
        return KioskStart(*office_and_services, outbox_waiting=self.forward_outbox())

    def start_offline(self) -> KioskStart | None:
        """The office and services as last read, when the server cannot be reached now."""
        if self._outbox is None or (last := self._outbox.last_start()) is None:
            return None
        return KioskStart(*last, outbox_waiting=self._outbox_count())

    def allow_exit(self, counter: int, pin: str) -> None:
        """A manager's counter and PIN let staff leave the locked kiosk (audited); anything else
        raises, in words. Wrong PINs count towards the counter's lock-out like any sign-in."""
        sign_in = SignInService(
            self._factory, station=self._station, clock=self._clock, office_code=self._office_code
        )
        person = sign_in.sign_in(counter, pin)
        if person.role is not ClerkRole.MANAGER:
            raise InvalidInputError(N_("Only a manager can leave the kiosk."))
        with self._factory.begin() as session:
            record_audit(
                session,
                at=self._clock(),
                station=self._station,
                clerk_id=person.id,
                action="kiosk.exit",
                subject=f"station:{self._station}",
            )

    def report_contact(self) -> None:
        """Every minute: the manager is told when a kiosk goes quiet during opening hours."""
        StationService(
            self._factory, station=self._station, clock=self._clock, office_code=self._office_code
        ).report_contact("kiosk")

    def public_results(self) -> MonthResults | None:
        """This month's office-wide results for the start screen; None when not wired."""
        if self._month_results is None:
            return None
        with self._factory() as session:
            return self._month_results(session, self._office_code, self._clock())

    def note_typed_code(self, code: str, *, check_ok: bool) -> None:
        """Audits a code typed on the keypad (never the check number itself): codes tried one
        after another, or wrong checks, are a gaming signal (kiosk.services.gaming)."""
        with self._factory.begin() as session:
            record_audit(
                session,
                at=self._clock(),
                station=self._station,
                action=TYPED_CODE,
                subject=code,
                details={"check_ok": check_ok},
            )

    def lookup(self, code: str, *, typed: bool = False, bare: bool = False) -> DossierInfo:
        """`typed`: on the keypad, with a right check number; audited before the look-up, so
        that codes that do not exist are noted too. `bare`: scanned without our signature (a
        provincial receipt): it opens only a dossier imported from the provincial system, and
        is audited too, as nothing proves the citizen holds that receipt."""
        if typed:
            self.note_typed_code(code, check_ok=True)
        if bare:
            self._note_bare_code(code)
        with self._factory() as session:
            # Another office's receipt reads as unknown here: this kiosk rates its own office.
            try:
                dossier = find_dossier(session, code, office_id=self._office_id(session))
            except NotFoundError:
                if bare:
                    raise NotFoundError(NOT_ON_KIOSK) from None
                raise
            if bare and dossier.source is not DossierSource.PROVINCIAL:
                # Our counter's codes are sequential: without the QR's signature or the check
                # number, a neighbour's code would open a dossier that is not the citizen's.
                raise InvalidInputError(NEEDS_PROOF)
            rated = session.scalar(select(Rating.id).where(Rating.dossier_id == dossier.id))
            return DossierInfo(
                code=dossier.code,
                service_code=dossier.service.code,
                service_name_vi=dossier.service.name_vi,
                service_name_en=dossier.service.name_en,
                counter=dossier.clerk.counter if dossier.clerk else None,
                status=dossier_status(dossier.due_at, dossier.returned_at, self._clock().date()),
                due_at=dossier.due_at,
                returned_at=dossier.returned_at,
                reappointed_due_at=dossier.reappointed_due_at,
                reappointment_reason=dossier.reappointment_reason,
                already_rated=rated is not None,
            )

    def _note_bare_code(self, code: str) -> None:
        with self._factory.begin() as session:
            record_audit(
                session, at=self._clock(), station=self._station, action=BARE_CODE, subject=code
            )

    def record(
        self, answers: RatingInput, *, rating_id: uuid.UUID, at: datetime
    ) -> RecordedRating | QueuedRating:
        """Saves centrally; with an outbox, a server that cannot be reached is no failure:
        the rating waits on the kiosk's disk, behind any older ones, so the order holds."""
        if self._outbox is None:
            return self._record_centrally(answers, rating_id, at)
        with self._forwarding:
            if self._forward_waiting():
                try:
                    return self._record_centrally(answers, rating_id, at)
                except Exception as error:
                    if not central_unreachable(error):
                        raise
            self._outbox.put(rating_id, at, answers)
            return QueuedRating(rating_id, self._outbox_count())

    def send_case(self, request: CaseRequest) -> KioskCase:
        """A petition or a call-back request: opened centrally with the kiosk's case id, or,
        the server being away, kept in the outbox behind the ratings it may refer to."""
        if self._outbox is None:
            return self._case_centrally(request)
        with self._forwarding:
            if self._forward_waiting():
                try:
                    return self._case_centrally(request)
                except Exception as error:
                    if not central_unreachable(error):
                        raise
            self._outbox.cases.put(request)
            return KioskCase(request.case_id, None, None, request.contact is not None)

    def case_to_rate(self, case_id: uuid.UUID) -> CaseToRate:
        """The case of a scanned slip, when its handling may be rated now; else why not."""
        with self._factory() as session:
            office = find_office(session, self._office_code)
            from kiosk.services.cases import case_to_rate  # rarely needed: not on the way to ready

            try:
                case = case_to_rate(session, office, case_id)
            except NotFoundError:
                raise NotFoundError(CASE_NOT_HERE_YET) from None
            return CaseToRate(case.id, case.number, case.subject)

    def forward_outbox(self) -> int:
        """Sends what waits, oldest first; returns how many still wait."""
        if self._outbox is None:
            return 0
        with self._forwarding:
            self._forward_waiting()
            return self._outbox_count()

    def _outbox_count(self) -> int:
        assert self._outbox is not None
        return self._outbox.count() + self._outbox.cases.count()

    def _forward_waiting(self) -> bool:
        """True when the outbox is empty afterwards (the server took everything). The ratings
        go first: a call-back request refers to its rating."""
        return self._forward_ratings() and self._forward_cases()

    def _forward_cases(self) -> bool:
        assert self._outbox is not None
        for request in self._outbox.cases.waiting():
            try:
                self._case_centrally(request)
            except KioskError as refusal:  # e.g. its rating was refused, so no case to join
                self._outbox.cases.refused(request.case_id, str(refusal))
            except Exception as error:
                if central_unreachable(error):
                    return False
                raise
            else:
                self._outbox.cases.forwarded(request.case_id)
        return True

    def _case_centrally(self, request: CaseRequest) -> KioskCase:
        # The case desk (and PostgreSQL's upsert with it) loads with the first case, not at start.
        from kiosk.services.case_desk import CaseDesk
        from kiosk.services.cases import Contact

        # Opened as of the citizen's tap, also when forwarded later: the due date counts from it.
        desk = CaseDesk(
            self._factory,
            station=self._station,
            clock=lambda: request.at,
            office_code=self._office_code,
        )
        contact = request.contact
        wanted = Contact(contact.name, contact.phone) if contact else None
        if request.rating_id is not None and wanted is not None:
            view = desk.call_back(request.rating_id, wanted, case_id=request.case_id)
        else:
            view = desk.open(
                None,
                source=CaseSource.KIOSK,
                subject=request.subject,
                text=request.text,
                contact=wanted,
                case_id=request.case_id,
            )
        return KioskCase(view.id, view.number, view.due_at, contact is not None)

    def _forward_ratings(self) -> bool:
        assert self._outbox is not None
        for item in self._outbox.waiting():
            try:
                self._record_centrally(item.answers, item.rating_id, item.at)
            except KioskError as refusal:  # e.g. the dossier was rated at another kiosk
                self._outbox.refused(item.rating_id, str(refusal))
            except Exception as error:
                if central_unreachable(error):
                    return False
                raise
            else:
                self._outbox.forwarded(item.rating_id)
        return True

    def _record_centrally(
        self, answers: RatingInput, rating_id: uuid.UUID, at: datetime
    ) -> RecordedRating:
        ratings = RatingService(
            self._factory,
            station=self._station,
            clock=self._clock,
            office_code=self._office_code,
            signer=self._signer,
        )
        return ratings.record(answers, rating_id=rating_id, at=at)
