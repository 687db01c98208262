"""Seeds a realistic commune office: services, clerks, 30 days of dossiers and ratings.

Seeding is idempotent (an office already there is left alone) and deterministic for a given day,
and goes through the same domain functions as the counter, so the demo's dossiers, audit log and
rating chains are exactly what real use would have written.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.answers import RatingChannel, RatingInput, Satisfaction
from kiosk.calendar import WorkingCalendar
from kiosk.db.models import Clerk, ClerkRole, Dossier, Office, Service, ServiceDocument
from kiosk.db.session import SessionFactory
from kiosk.errors import ConflictError
from kiosk.i18n import N_
from kiosk.services import demo_catalog as catalog
from kiosk.services.clerks import add_clerk, clerk_view
from kiosk.services.counter_forms import refuse_dossier, request_supplement, supplement_returned
from kiosk.services.demo_cases import handle_demo_cases
from kiosk.services.demo_checklists import (
    CHECKLISTS,
    MISSING_PAPERS,
    REFUSAL_REASONS,
    SUPPLEMENT_REASONS,
)
from kiosk.services.dossier_changes import reappoint_dossier, register_dossier, return_dossier
from kiosk.services.key_registry import register_station_key
from kiosk.services.offices import create_office, office_calendar
from kiosk.services.paper_slips import PAPER_STATION, paper_station
from kiosk.services.ratings import record_rating
from kiosk.station_keys import StationSigner
from kiosk.status import DossierStatus, dossier_status
from kiosk.views import CitizenDetails, DocumentItem

DAYS = 30
STATION = "demo"
KIOSK_STATIONS = ("kiosk-1", "kiosk-2")
# The stations a demo on one machine opens, all signing with this machine's key.
SIGNING_STATIONS = (*KIOSK_STATIONS, "clerk-1", PAPER_STATION)


@dataclass(frozen=True)
class DemoKeys:
    """This machine's station key and the office's receipt key, made by `kiosk demo` itself."""

    signer: StationSigner
    office_key: bytes


@dataclass(frozen=True)
class DemoSummary:
    created: bool
    office_code: str
    services: int
    clerks: int
    dossiers: int
    ratings: int
    late: int
    reappointed: int


def _random_time(rng: random.Random, day: date) -> datetime:
    # The counter works 7:30–11:30 and 13:30–17:00; mornings are busier.
    if rng.random() < 0.65:
        minutes = rng.randint(7 * 60 + 30, 11 * 60 + 30)
    else:
        minutes = rng.randint(13 * 60 + 30, 16 * 60 + 50)
    return datetime.combine(day, time(minutes // 60, minutes % 60, rng.randint(0, 59)))


def _working_days(calendar: WorkingCalendar, first: date, last: date) -> list[date]:
    days, day = [], first
    while day <= last:
        if calendar.is_working_day(day):
            days.append(day)
        day += timedelta(days=1)
    return days


class _DemoOffice:
    def __init__(self, session: Session, rng: random.Random, now: datetime) -> None:
        self.session, self.rng, self.now = session, rng, now
        self.office = create_office(
            session, **catalog.OFFICE, at=now - timedelta(days=DAYS + 1), station=STATION
        )
        self.services = [
            Service(code=c, name_vi=vi, name_en=en, field=f, processing_days=d)
            for c, vi, en, f, d in catalog.SERVICES
        ]
        for name, value in catalog.FORM_SETTINGS.items():
            setattr(self.office, name, value)
        for service in self.services:
            service.documents = [
                ServiceDocument(position=i, name=name, form=form, count=count)
                for i, (name, form, count) in enumerate(CHECKLISTS.get(service.code, ()), 1)
            ]
        session.add_all(self.services)
        self.clerks = [
            add_clerk(
                session,
                self.office,
                display_name=name,
                counter=counter,
                role=ClerkRole.MANAGER if manager else ClerkRole.CLERK,
                pin=pin,
                at=now - timedelta(days=DAYS + 1),
                station=STATION,
            )
            for name, counter, manager, pin in catalog.CLERKS
        ]
        self.counter_clerks = [c for c in self.clerks if c.role is ClerkRole.CLERK]
        self.calendar = office_calendar(self.office)
        self.ratings: list[tuple[datetime, str, RatingInput]] = []

    def _citizen(self) -> CitizenDetails:
        rng = self.rng
        return CitizenDetails(
            name=rng.choice(catalog.CITIZEN_NAMES),
            address=f"{rng.choice(catalog.STREETS)}, xã Tân Phú",
            phone=f"09{rng.randint(10_000_000, 99_999_999)}",
        )

    def _service(self) -> Service:
        # Same-day civil-status and certification work is most of a commune's day.
        weights = [
            6 if s.processing_days == 0 else 2 if s.processing_days <= 5 else 1
            for s in self.services
        ]
        return self.rng.choices(self.services, weights)[0]

    def receive(self, day: date) -> None:
        for _ in range(self.rng.randint(18, 34)):
            received_at = _random_time(self.rng, day)
            if received_at > self.now:
                continue
            clerk = self.rng.choice(self.counter_clerks)
            service = self._service()
            dossier = register_dossier(
                self.session,
                self.office,
                service_code=service.code,
                clerk=clerk,
                received_at=received_at,
                citizen=self._citizen(),
                station=STATION,
                documents=[DocumentItem(d.name, d.form, d.count) for d in service.documents],
            )
            if self.rng.random() < 0.01:
                refuse_dossier(
                    self.session,
                    dossier,
                    reason=self.rng.choice(REFUSAL_REASONS),
                    clerk_id=clerk.id,
                    at=received_at + timedelta(minutes=10),
                    station=STATION,
                )
                continue
            if service.processing_days >= 3 and self.rng.random() < 0.08:
                self._papers_missing(dossier, clerk)
            self._progress(dossier, clerk)

    def _papers_missing(self, dossier: Dossier, clerk: Clerk) -> None:
        """A Form 02 on the day of receipt, the papers back the next working day."""
        asked = dossier.received_at + timedelta(minutes=15)
        back = datetime.combine(self.calendar.next_working_day(asked.date()), time(9, 0))
        if back > self.now:
            return
        request_supplement(
            self.session,
            dossier,
            missing=self.rng.choice(MISSING_PAPERS),
            reason=self.rng.choice(SUPPLEMENT_REASONS),
            clerk_id=clerk.id,
            at=asked,
            station=STATION,
        )
        self.session.flush()
        supplement_returned(self.session, dossier, clerk_id=clerk.id, at=back, station=STATION)

    def _at_work(self, day: date, after: datetime) -> datetime:
        return max(_random_time(self.rng, day), after + timedelta(minutes=20))

    def _progress(self, dossier: Dossier, clerk: Clerk) -> None:
        rng, due_day, today = self.rng, dossier.due_at.date(), self.now.date()
        start = dossier.received_at
        early_days = [
            d
            for d in _working_days(self.calendar, start.date(), due_day - timedelta(1))
            if d > start.date()
        ]
        draw = rng.random()
        if draw < 0.08 and dossier.service.processing_days >= 2:
            returned = self._late(dossier, clerk)
        elif draw < 0.45 and early_days:
            returned = self._at_work(rng.choice(early_days), start)
        else:
            returned = self._at_work(due_day, start)
        if due_day >= today and rng.random() < 0.6:
            returned = None  # still being processed
        if returned is not None and returned <= self.now:
            return_dossier(self.session, dossier, at=returned, station=STATION, clerk_id=clerk.id)
            if rng.random() < 0.55:
                self._rate_later(dossier, returned)

    def _late(self, dossier: Dossier, clerk: Clerk) -> datetime | None:
        rng, due_day = self.rng, dossier.due_at.date()
        late_day = self.calendar.add_working_days(due_day, rng.randint(1, 3))
        warn_day = max(dossier.received_at.date(), due_day - timedelta(days=1))
        warned_at = datetime.combine(warn_day, time(16, 30))
        if rng.random() < 0.5 and dossier.received_at < warned_at <= self.now:
            reappoint_dossier(
                self.session,
                dossier,
                new_due_day=late_day,
                reason=rng.choice(catalog.REAPPOINTMENT_REASONS),
                at=warned_at,
                station=STATION,
                clerk_id=clerk.id,
            )
        if rng.random() < 0.3:
            return None  # overdue, not returned yet
        return self._at_work(late_day, dossier.received_at)

    def _rate_later(self, dossier: Dossier, returned: datetime) -> None:
        at = returned + timedelta(minutes=self.rng.randint(1, 8))
        status = dossier_status(dossier.due_at, dossier.returned_at, self.now.date())
        self.ratings.append((at, dossier.code, self._answers(dossier.code, None, status)))

    def walk_in_ratings(self, day: date) -> None:
        for _ in range(self.rng.randint(0, 3)):
            at = _random_time(self.rng, day)
            if at <= self.now:
                service = self._service().code
                self.ratings.append((at, "", self._answers(None, service, DossierStatus.ON_TIME)))

    def _answers(self, code: str | None, service: str | None, status: DossierStatus) -> RatingInput:
        rng = self.rng
        happy = (0.75, 0.2) if status is not DossierStatus.LATE else (0.2, 0.4)
        draw = rng.random()
        satisfaction = (
            Satisfaction.VERY_SATISFIED
            if draw < happy[0]
            else Satisfaction.SATISFIED
            if draw < happy[0] + happy[1]
            else Satisfaction.DISSATISFIED
        )
        unhappy = satisfaction is Satisfaction.DISSATISFIED
        partial = rng.random() < 0.05
        reasons: tuple[str, ...] = ()
        comment = None
        if unhappy and not partial:
            reasons = tuple(
                set(
                    rng.choices(
                        (
                            "slow",
                            "unclear_guidance",
                            "many_visits",
                            "impolite",
                            "other",
                            "unofficial_payment",
                        ),
                        (5, 3, 3, 1, 1, 0.2),
                        k=rng.randint(1, 2),
                    )
                )
            )
        if not partial and rng.random() < (0.4 if unhappy else 0.08):
            comment = rng.choice(catalog.UNHAPPY_COMMENTS if unhappy else catalog.HAPPY_COMMENTS)

        def score(weights: tuple[float, float, float]) -> int | None:
            if partial or rng.random() < 0.12:
                return None
            return rng.choices((2, 1, 0), weights)[0]

        return RatingInput(
            satisfaction=satisfaction,
            dossier_code=code,
            service_code=service,
            contacts_score=score((0.8, 0.15, 0.05) if not unhappy else (0.4, 0.35, 0.25)),
            agencies_score=score((0.7, 0.25, 0.05)),
            conduct_complaint=None if partial else (rng.random() < (0.3 if unhappy else 0.01)),
            reasons=reasons,
            comment=comment,
            partial=partial,
            channel=RatingChannel.KIOSK,
        )

    def record_ratings(self, signer: StationSigner | None) -> int:
        # Each kiosk's chain must be written in time order, as the kiosks would have.
        for at, _code, answers in sorted(self.ratings, key=lambda r: r[0]):
            station = self.rng.choice(KIOSK_STATIONS)
            record_rating(self.session, self.office, answers, station=station, at=at, signer=signer)
        return len(self.ratings)


def _register_keys(session: Session, office: Office, keys: DemoKeys, now: datetime) -> None:
    manager = session.scalars(
        select(Clerk).where(Clerk.office_id == office.id, Clerk.role == ClerkRole.MANAGER)
    ).first()
    if manager is None:
        return
    for name in SIGNING_STATIONS:
        station = paper_station(office.code) if name == PAPER_STATION else name
        register_station_key(
            session,
            office,
            station=station,
            public_key=keys.signer.public_hex,
            manager=clerk_view(manager),
            office_key=keys.office_key,
            at=now - timedelta(days=DAYS + 1),
            acting_station=STATION,
        )
        session.flush()


def seed_demo(factory: SessionFactory, now: datetime, keys: DemoKeys | None = None) -> DemoSummary:
    """With `keys`, the demo stations' keys are registered (by the demo's manager) before any
    rating, so that their chains are signed from the first rating on.

    Refuses, changing nothing, a database that holds a real office: the demo's dossiers and
    ratings would sit beside the office's, and its kiosks would extend the office's chains."""
    with factory.begin() as session:
        other = session.scalar(
            select(Office.code).where(Office.code != catalog.OFFICE["code"]).limit(1)
        )
        if other is not None:
            raise ConflictError(
                N_(
                    "This database holds office {code}: the demo needs a database of its own "
                    "(give another one with --db)."
                ),
                code=other,
            )
        existing = session.scalar(select(Office).where(Office.code == catalog.OFFICE["code"]))
        if existing is not None:
            if keys is not None:
                _register_keys(session, existing, keys, now)
            return _summary(session, existing, created=False, now=now)
        demo = _DemoOffice(session, random.Random(now.date().toordinal()), now)
        session.flush()
        if keys is not None:
            _register_keys(session, demo.office, keys, now)
        first = now.date() - timedelta(days=DAYS)
        for day in _working_days(demo.calendar, first, now.date()):
            demo.receive(day)
            demo.walk_in_ratings(day)
        signer = keys.signer if keys is not None else None
        demo.record_ratings(signer)
        session.flush()
        handle_demo_cases(session, demo.office, demo.clerks, demo.calendar, now, demo.rng, signer)
        session.flush()
        return _summary(session, demo.office, created=True, now=now)


def _summary(session: Session, office: Office, *, created: bool, now: datetime) -> DemoSummary:
    from sqlalchemy import func

    from kiosk.db.models import Rating

    dossiers = session.scalars(select(Dossier).where(Dossier.office_id == office.id)).all()
    return DemoSummary(
        created=created,
        office_code=office.code,
        services=session.scalar(select(func.count()).select_from(Service)) or 0,
        clerks=session.scalar(
            select(func.count()).select_from(Clerk).where(Clerk.office_id == office.id)
        )
        or 0,
        dossiers=len(dossiers),
        ratings=session.scalar(
            select(func.count()).select_from(Rating).where(Rating.office_id == office.id)
        )
        or 0,
        late=sum(
            dossier_status(t.due_at, t.returned_at, now.date()) is DossierStatus.LATE
            for t in dossiers
        ),
        reappointed=sum(t.reappointed_at is not None for t in dossiers),
    )
