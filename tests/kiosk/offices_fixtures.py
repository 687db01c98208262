"""Two offices in one database, A and B, each with dossiers (open, due, late, waiting for papers,
returned and rated) and ratings: what the offices-apart tests run every command and screen on.

Everything of B that a station of A must never show is in B_MARKERS; `b_state` is all that B
owns, to compare before and after A's work.

Each office is installed as `kiosk keys init` and `kiosk keys register` leave it: this test's data
directory is a machine of office A (A's receipt key and a station key, registered by A's manager
for A's kiosk and A's paper chain); office B's machine has its own data directory,
`office_b_data_home()`, with B's keys, registered by B's manager for B's kiosk and paper chain.
Every rating is signed by its machine's key."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.answers import RatingChannel, RatingInput, Satisfaction
from kiosk.db.models import (
    Clerk,
    ClerkRole,
    Dossier,
    Office,
    PrintJob,
    PrintKind,
    Rating,
    Station,
    StationKey,
    SupplementRequest,
)
from kiosk.db.open import Database
from kiosk.paths import APP_NAME
from kiosk.services.clerks import add_clerk
from kiosk.services.counter_forms import CounterFormService
from kiosk.services.dossiers import DossierService
from kiosk.services.offices import create_office
from kiosk.services.paper_slips import paper_station
from kiosk.services.print_queue import PrintQueueService
from kiosk.services.ratings import RatingService
from kiosk.services.stations import StationService
from kiosk.station_keys import StationSigner
from kiosk.views import CitizenDetails
from tests.conftest import MutableClock, seed_small_office
from tests.kiosk.signing import machine_keys, sign_stations

A = "000.00.30.H12"  # the conftest's small office, clerks 1 and 2 (PIN 1234)
B = "000.00.31.H12"
B_NAME = "UBND xã Bình Minh"
B_CITIZEN = "Lê Thị Bưởi"
B_CLERK = "Phạm Văn Bắc"
B_COMMENT = "Bình Minh chờ lâu quá"
B_KIOSK = "kiosk-b"
B_MARKERS = (B, B_NAME, B_CITIZEN, B_CLERK, B_COMMENT, B_KIOSK)
A_KIOSK = "kiosk-a"
A_MANAGER_PIN = B_MANAGER_PIN = "9999"


@dataclass(frozen=True)
class OfficeDossiers:
    """An office's dossier codes, by what a test does with them."""

    late: str  # received a week ago, due last week, still out, re-appointed to the 27th
    due_today: str
    open: str  # received now, due in five working days
    waiting: str  # a Form 02 is out: waiting for the citizen's papers
    returned: str  # returned on time and rated at the office's kiosk

    @property
    def codes(self) -> set[str]:
        return {self.late, self.due_today, self.open, self.waiting, self.returned}


@dataclass(frozen=True)
class TwoOffices:
    a: OfficeDossiers
    b: OfficeDossiers


def _add_office_b(database: Database, now: datetime) -> None:
    with database.factory.begin() as session:
        office = create_office(session, code=B, name=B_NAME, at=now, station="test")
        for name, counter, role, pin in (
            (B_CLERK, 1, ClerkRole.CLERK, "5678"),
            ("Đỗ Thị Bé", 0, ClerkRole.MANAGER, B_MANAGER_PIN),
        ):
            add_clerk(
                session,
                office,
                display_name=name,
                counter=counter,
                role=role,
                pin=pin,
                at=now,
                station="test",
            )


def _add_manager_a(database: Database, now: datetime) -> None:
    with database.factory.begin() as session:
        office = session.scalars(select(Office).where(Office.code == A)).one()
        add_clerk(
            session,
            office,
            display_name="Võ Minh Tuấn",
            counter=0,
            role=ClerkRole.MANAGER,
            pin=A_MANAGER_PIN,
            at=now,
            station="test",
        )


def office_b_data_home() -> Path:
    """Office B's machine: its own XDG_DATA_HOME, beside this test's (a machine of office A)."""
    return Path(os.environ["XDG_DATA_HOME"]).parent / "office-b-machine"


def office_b_keys() -> Path:
    """The folder of B's machine's keys: its receipt key and its station key."""
    folder = office_b_data_home() / APP_NAME
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def a_signer() -> StationSigner:
    """The station key of office A's machine (this test's data directory)."""
    return machine_keys()[1]


def b_signer() -> StationSigner:
    return machine_keys(office_b_keys())[1]


def _install_keys(database: Database) -> dict[str, StationSigner]:
    """Each office's machine with its keys, registered by the office's manager for its kiosk
    and its paper chain (what `kiosk keys register KIOSK paper` does)."""
    return {
        A: sign_stations(database, A_KIOSK, paper_station(A), office_code=A),
        B: sign_stations(
            database, B_KIOSK, paper_station(B), office_code=B, folder=office_b_keys()
        ),
    }


def _dossiers(
    database: Database,
    clock: MutableClock,
    office: str,
    citizen: str,
    kiosk: str,
    comment: str,
    signer: StationSigner,
) -> OfficeDossiers:
    now = clock.now
    with database.factory() as session:
        clerk_id = session.scalars(
            select(Clerk.id)
            .join(Office, Clerk.office_id == Office.id)
            .where(Office.code == office, Clerk.role == ClerkRole.CLERK)
            .order_by(Clerk.id)
        ).first()
    dossiers = DossierService(database.factory, station="test", clock=clock, office_code=office)
    forms = CounterFormService(database.factory, station="test", clock=clock, office_code=office)
    person = CitizenDetails(citizen, "Thôn 1", "0912345678")

    def register(service: str, received_at: datetime) -> str:
        with clock.at(received_at):  # dossiers are stamped by the clock
            return dossiers.register(service, clerk_id=clerk_id, citizen=person).code

    late = register("HT-XNHN", now - timedelta(days=7))
    dossiers.reappoint(
        late, new_due_day=date(2026, 11, 27), reason="Chờ xác minh", clerk_id=clerk_id
    )
    due_today = register("HT-KS", now - timedelta(hours=1))
    opened = register("HT-KSL", now - timedelta(minutes=30))
    waiting = register("HT-KSL", now - timedelta(minutes=20))
    forms.request_supplement(
        waiting, missing=["Bản sao CCCD"], reason="Thiếu giấy tờ", clerk_id=clerk_id
    )
    returned = register("HT-KS", now - timedelta(minutes=10))
    with clock.at(now - timedelta(minutes=5)):
        dossiers.return_result(returned, clerk_id=clerk_id)
    ratings = RatingService(
        database.factory, station=kiosk, clock=clock, office_code=office, signer=signer
    )
    ratings.record(RatingInput(Satisfaction.VERY_SATISFIED, dossier_code=returned))
    ratings.record(
        RatingInput(
            Satisfaction.DISSATISFIED,
            service_code="HT-KS",
            comment=comment,
            channel=RatingChannel.KIOSK,
        )
    )
    StationService(database.factory, station=kiosk, clock=clock, office_code=office).report_contact(
        "kiosk"
    )
    # Both offices have a counter called clerk-1 (the command line's print queue): each has a
    # receipt waiting there.
    PrintQueueService(database.factory, station="clerk-1", clock=clock, office_code=office).queue(
        due_today, PrintKind.RECEIPT
    )
    return OfficeDossiers(late, due_today, opened, waiting, returned)


def seed_two_offices(database: Database, clock: MutableClock) -> TwoOffices:
    seed_small_office(database)
    _add_manager_a(database, clock.now)
    _add_office_b(database, clock.now)
    signers = _install_keys(database)
    a = _dossiers(database, clock, A, "Nguyễn Văn An", A_KIOSK, "Nhân viên nhiệt tình", signers[A])
    b = _dossiers(database, clock, B, B_CITIZEN, B_KIOSK, B_COMMENT, signers[B])
    return TwoOffices(a, b)


def _rows(session: Session, query: Any) -> list[tuple[Any, ...]]:
    """Every column of every row, as plain values: equal before and after means unchanged."""
    out = []
    for row in session.scalars(query):
        columns = row.__table__.columns
        out.append(tuple(repr(getattr(row, c.key, None)) for c in columns))
    return sorted(out)


def b_state(database: Database) -> dict[str, list[tuple[Any, ...]]]:
    """All that office B owns."""
    with database.factory() as session:
        office_id = session.scalars(select(Office.id).where(Office.code == B)).one()
        of_b = select(Dossier.id).where(Dossier.office_id == office_id)
        return {
            "office": _rows(session, select(Office).where(Office.id == office_id)),
            "clerks": _rows(session, select(Clerk).where(Clerk.office_id == office_id)),
            "dossiers": _rows(session, select(Dossier).where(Dossier.office_id == office_id)),
            "supplements": _rows(
                session, select(SupplementRequest).where(SupplementRequest.dossier_id.in_(of_b))
            ),
            "ratings": _rows(session, select(Rating).where(Rating.office_id == office_id)),
            "print_jobs": _rows(session, select(PrintJob).where(PrintJob.dossier_id.in_(of_b))),
            "stations": _rows(session, select(Station).where(Station.office_id == office_id)),
            "station_keys": _rows(
                session, select(StationKey).where(StationKey.office_id == office_id)
            ),
        }


def leaks(text: str) -> list[str]:
    """The markers of office B found in `text`."""
    return [marker for marker in B_MARKERS if marker in text]
