"""The feedback cases as each station sees them, one transaction per call.

Who sees what: a manager every case of the office and, in `show` only, the citizen's contact;
a clerk only the cases given to them (never one about them, never a contact); the kiosk opens
cases and asks for call-backs, and sees nothing. Expired contacts are removed before any read.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.answers import RatingChannel, RatingInput, Satisfaction
from kiosk.db.case_models import (
    AnswerChannel,
    CaseContact,
    CaseSource,
    CaseState,
    FeedbackCase,
)
from kiosk.db.models import Clerk, ClerkRole, Dossier, Office, Service
from kiosk.errors import NotFoundError
from kiosk.i18n import N_
from kiosk.services import cases
from kiosk.services.base import StationUseCases
from kiosk.services.cases import Acting, Contact
from kiosk.services.dossier_reads import find_clerk, find_dossier
from kiosk.services.offices import find_office, find_service
from kiosk.services.ratings import record_rating
from kiosk.station_keys import StationSigner


@dataclass(frozen=True)
class CaseView:
    id: uuid.UUID
    number: str
    opened_at: datetime
    source: CaseSource
    subject: str
    text: str
    state: CaseState
    due_at: datetime
    overdue: bool  # not answered by its due time (now, or for good)
    due_soon: bool  # still to answer and due by the end of the next working day
    owner_id: int | None
    owner_name: str | None
    about_clerk_id: int | None
    about_clerk_name: str | None
    service_name: str | None
    dossier_code: str | None
    answer: str | None
    answer_channel: AnswerChannel | None
    answered_at: datetime | None
    closed_at: datetime | None
    transferred_to: str | None
    handling_rated: Satisfaction | None  # the citizen's rating of the handling, once given


@dataclass(frozen=True)
class CaseEventView:
    at: datetime
    action: str  # open, assign, answer, close, transfer, call_back_asked, call_back, rate
    clerk_name: str | None
    station: str
    details: dict[str, Any]


@dataclass(frozen=True)
class CaseDetail:
    case: CaseView
    events: list[CaseEventView]
    contact: Contact | None  # a manager's view only
    contact_removed_on: date | None


def _view(session: Session, case: FeedbackCase, office: Office, now: datetime) -> CaseView:
    def clerk_name(clerk_id: int | None) -> str | None:
        clerk = session.get(Clerk, clerk_id) if clerk_id else None
        return clerk.display_name if clerk else None

    service = session.get(Service, case.service_id) if case.service_id else None
    dossier = session.get(Dossier, case.dossier_id) if case.dossier_id else None
    rating = cases.handling_rating(session, case)
    return CaseView(
        case.id,
        case.number,
        case.opened_at,
        case.source,
        case.subject,
        case.text,
        case.state,
        case.due_at,
        cases.is_overdue(case, now) and case.state is not CaseState.TRANSFERRED,
        cases.due_soon(case, office, now),
        case.owner_id,
        clerk_name(case.owner_id),
        case.about_clerk_id,
        clerk_name(case.about_clerk_id),
        service.name_vi if service else None,
        dossier.code if dossier else None,
        case.answer,
        case.answer_channel,
        case.answered_at,
        case.closed_at,
        case.transferred_to,
        rating.satisfaction if rating else None,
    )


class CaseDesk(StationUseCases):
    def __init__(self, *args: Any, signer: StationSigner | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._signer = signer  # signs the handling ratings staff record from a call-back

    # -- reading -------------------------------------------------------------------------

    def list(
        self,
        viewer_id: int,
        *,
        states: tuple[CaseState, ...] = (),
        owner_id: int | None = None,
        subject: str | None = None,
        alerts_only: bool = False,
        opened_from: date | None = None,
        opened_to: date | None = None,
    ) -> list[CaseView]:
        """Newest first. `alerts_only`: overdue or due within a working day, still to answer."""
        now = self._clock()
        with self._factory.begin() as session:
            office, viewer = self._context(session, viewer_id)
            query = select(FeedbackCase).where(FeedbackCase.office_id == office.id)
            if viewer.role is not ClerkRole.MANAGER:
                query = query.where(
                    FeedbackCase.owner_id == viewer.id,
                    FeedbackCase.about_clerk_id.is_distinct_from(viewer.id),
                )
            if states:
                query = query.where(FeedbackCase.state.in_(states))
            if owner_id is not None:
                query = query.where(FeedbackCase.owner_id == owner_id)
            if opened_from is not None:
                query = query.where(FeedbackCase.opened_at >= datetime.combine(opened_from, _MIN))
            if opened_to is not None:
                query = query.where(FeedbackCase.opened_at < _day_after(opened_to))
            found = session.scalars(query.order_by(FeedbackCase.opened_at.desc())).all()
            views = [_view(session, case, office, now) for case in found]
        if subject:
            wanted = subject.casefold().strip()
            views = [v for v in views if wanted in v.subject.casefold()]
        if alerts_only:
            views = [v for v in views if v.answered_at is None and (v.overdue or v.due_soon)]
        return views

    def show(self, reference: uuid.UUID | str, viewer_id: int) -> CaseDetail:
        now = self._clock()
        with self._factory.begin() as session:
            office, viewer = self._context(session, viewer_id)
            case = self._visible(session, office, viewer, reference)
            contact_row = session.get(CaseContact, case.id)
            manager = viewer.role is ClerkRole.MANAGER
            events = [
                CaseEventView(
                    e.at,
                    e.action,
                    find_clerk(session, office.id, e.clerk_id).display_name if e.clerk_id else None,
                    e.station,
                    dict(e.details),
                )
                for e in cases.history(session, case)
            ]
            return CaseDetail(
                _view(session, case, office, now),
                events,
                Contact(contact_row.name, contact_row.phone) if contact_row and manager else None,
                contact_row.remove_on if contact_row and manager else None,
            )

    # -- changes -------------------------------------------------------------------------

    def open(
        self,
        viewer_id: int | None,
        *,
        source: CaseSource,
        subject: str,
        text: str = "",
        contact: Contact | None = None,
        dossier_code: str | None = None,
        service_code: str | None = None,
        about_clerk_id: int | None = None,
        case_id: uuid.UUID | None = None,
    ) -> CaseView:
        """By staff (a petition on paper, by phone or mail) or, with no viewer, at the kiosk."""
        now = self._clock()
        with self._factory.begin() as session:
            office = find_office(session, self._office_code)
            clerk = find_clerk(session, office.id, viewer_id) if viewer_id else None
            concerns: dict[str, Any] = {}
            if dossier_code:
                dossier = find_dossier(session, dossier_code, office_id=office.id)
                concerns |= {
                    "dossier_id": dossier.id,
                    "service_id": dossier.service_id,
                    "about_clerk_id": dossier.clerk_id,
                }
            elif service_code:
                concerns["service_id"] = find_service(session, service_code).id
            if about_clerk_id is not None:
                concerns["about_clerk_id"] = find_clerk(session, office.id, about_clerk_id).id
            case = cases.open_case(
                session,
                office,
                Acting(clerk, self._station, now),
                source=source,
                subject=subject,
                text=text,
                contact=contact,
                case_id=case_id,
                **concerns,
            )
            return _view(session, case, office, now)

    def call_back(
        self, rating_id: uuid.UUID, contact: Contact, *, case_id: uuid.UUID | None = None
    ) -> CaseView:
        """The citizen's request, after an unhappy rating, to be contacted (at the kiosk)."""
        now = self._clock()
        with self._factory.begin() as session:
            office = find_office(session, self._office_code)
            acting = Acting(None, self._station, now)
            case = cases.request_call_back(
                session, office, rating_id, contact, acting, case_id=case_id
            )
            return _view(session, case, office, now)

    def assign(self, reference: uuid.UUID | str, owner_id: int, viewer_id: int) -> CaseView:
        return self._change(
            reference,
            viewer_id,
            lambda s, o, c, a: cases.assign_case(s, c, find_clerk(s, o.id, owner_id), a),
        )

    def answer(
        self, reference: uuid.UUID | str, text: str, channel: AnswerChannel, viewer_id: int
    ) -> CaseView:
        return self._change(
            reference, viewer_id, lambda s, o, c, a: cases.answer_case(s, c, text, channel, a)
        )

    def close(self, reference: uuid.UUID | str, viewer_id: int) -> CaseView:
        return self._change(reference, viewer_id, lambda s, o, c, a: cases.close_case(s, c, o, a))

    def transfer(self, reference: uuid.UUID | str, to: str, viewer_id: int) -> CaseView:
        return self._change(
            reference, viewer_id, lambda s, o, c, a: cases.transfer_case(s, c, o, to, a)
        )

    def rate(
        self,
        reference: uuid.UUID | str,
        satisfaction: Satisfaction,
        viewer_id: int,
        *,
        called_at: datetime | None = None,
    ) -> CaseView:
        """The citizen's rating of the handling, taken by staff on a call-back: chained and
        signed at this station like any rating; who called and when go into the history."""

        def rate(session: Session, office: Office, case: FeedbackCase, acting: Acting) -> None:
            answers = RatingInput(satisfaction, channel=RatingChannel.PHONE, case_id=case.id)
            record_rating(
                session, office, answers, station=self._station, at=acting.at, signer=self._signer
            )
            called = (called_at or acting.at).isoformat()
            cases.append_event(session, case, acting, "call_back", called_at=called)

        return self._change(reference, viewer_id, rate)

    # -- shared --------------------------------------------------------------------------

    def _context(self, session: Session, viewer_id: int) -> tuple[Office, Clerk]:
        office = find_office(session, self._office_code)
        cases.remove_expired_contacts(session, self._clock().date())
        return office, find_clerk(session, office.id, viewer_id)

    def _visible(
        self, session: Session, office: Office, viewer: Clerk, reference: uuid.UUID | str
    ) -> FeedbackCase:
        case = cases.find_case(session, office.id, reference)
        mine = case.owner_id == viewer.id and case.about_clerk_id != viewer.id
        if viewer.role is not ClerkRole.MANAGER and not mine:
            raise NotFoundError(N_("There is no case {number}."), number=str(reference))
        return case

    def _change(self, reference: uuid.UUID | str, viewer_id: int, change: Any) -> CaseView:
        now = self._clock()
        with self._factory.begin() as session:
            office, viewer = self._context(session, viewer_id)
            case = self._visible(session, office, viewer, reference)
            change(session, office, case, Acting(viewer, self._station, now))
            session.flush()
            return _view(session, case, office, now)


_MIN = datetime.min.time()


def _day_after(day: date) -> datetime:
    return datetime.combine(day + timedelta(days=1), _MIN)
