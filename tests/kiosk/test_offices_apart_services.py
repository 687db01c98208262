"""Offices apart, below the command line: the kiosk, the boards, comments, alerts, stations and
chains of office A on a database shared with office B; `kiosk demo` beside a real office."""

from __future__ import annotations

import uuid
from datetime import datetime

import pytest
from sqlalchemy import func, select

from kiosk.answers import RatingChannel, RatingInput, Satisfaction
from kiosk.db.models import Dossier, Office, Rating, Service, Station
from kiosk.errors import ConflictError, NotFoundError
from kiosk.reports.glance import day_glance
from kiosk.services.alerts import AlertService
from kiosk.services.clerk_board import ClerkBoardService
from kiosk.services.comments import CommentService
from kiosk.services.gaming import gaming_signals
from kiosk.services.kiosk_backend import KioskBackend
from kiosk.services.offices import find_office
from kiosk.services.paper_slips import PaperSlip, PaperSlipService
from kiosk.services.ratings import RatingService, record_rating, verify_chains
from kiosk.services.stations import StationService
from tests.conftest import run_kiosk
from tests.kiosk.offices_fixtures import (
    A_KIOSK,
    B_CITIZEN,
    B_COMMENT,
    B_KIOSK,
    A,
    B,
    a_signer,
    b_signer,
    b_state,
    office_b_keys,
    seed_two_offices,
)
from tests.kiosk.signing import machine_keys, sign_stations


@pytest.fixture
def two(database, clock):
    return seed_two_offices(database, clock)


def _kiosk(database, clock, station=A_KIOSK):
    """A's kiosk, signing with the key A's manager registered for it."""
    return KioskBackend(
        database.factory, station=station, clock=clock, office_code=A, signer=a_signer()
    )


def test_b_receipt_scanned_or_typed_at_a_kiosk_reads_as_unknown(database, two, clock):
    kiosk = _kiosk(database, clock)
    assert kiosk.lookup(two.a.open).code == two.a.open
    before = b_state(database)
    for typed in (False, True):
        with pytest.raises(NotFoundError):
            kiosk.lookup(two.b.open, typed=typed)
    with pytest.raises(NotFoundError):
        kiosk.record(
            RatingInput(Satisfaction.VERY_SATISFIED, dossier_code=two.b.open),
            rating_id=uuid.uuid4(),
            at=clock.now,
        )
    assert b_state(database) == before


def test_a_station_named_like_one_of_b_is_refused_and_b_chain_is_untouched(database, two, clock):
    before = b_state(database)
    walk_in = RatingInput(Satisfaction.SATISFIED, service_code="HT-KS")
    with pytest.raises(ConflictError) as error:
        RatingService(database.factory, station=B_KIOSK, clock=clock, office_code=A).record(walk_in)
    assert B_KIOSK in str(error.value)
    with pytest.raises(ConflictError):
        StationService(
            database.factory, station=B_KIOSK, clock=clock, office_code=A
        ).report_contact("kiosk")
    assert b_state(database) == before


def test_each_station_reports_for_its_office(database, two):
    with database.factory() as session:
        owners = dict(
            session.execute(
                select(Station.name, Office.code).join(Office, Station.office_id == Office.id)
            ).all()
        )
    assert owners == {A_KIOSK: A, B_KIOSK: B}


def test_paper_slips_of_two_offices_go_to_two_chains_beside_the_old_one(database, two, clock):
    # Slips entered before offices were kept apart are on the one chain "paper", signed with the
    # key A's manager registered for it then ('kiosk keys register paper' named that chain).
    signer = sign_stations(database, "paper", office_code=A)
    with database.factory.begin() as session:
        office = find_office(session, A)
        old = RatingInput(Satisfaction.SATISFIED, service_code="HT-KS", channel=RatingChannel.PAPER)
        at = datetime(2026, 11, 20, 9, 0)
        record_rating(session, office, old, station="paper", at=at, signer=signer)
    # Each office's slips now go to its own chain, signed on its own machine.
    for code, dossier, machine in ((A, two.a.open, a_signer()), (B, two.b.open, b_signer())):
        slip = PaperSlip(
            datetime(2026, 11, 23, 9, 0),
            RatingInput(Satisfaction.SATISFIED, dossier_code=dossier, channel=RatingChannel.PAPER),
        )
        PaperSlipService(
            database.factory, station="cli", clock=clock, office_code=code, signer=machine
        ).enter([slip])
    with database.factory() as session:
        chains = session.execute(
            select(Rating.station, Office.code, func.count())
            .join(Office, Rating.office_id == Office.id)
            .where(Rating.channel == RatingChannel.PAPER)
            .group_by(Rating.station, Office.code)
            .order_by(Rating.station)
        ).all()
        report = verify_chains(session)
        ids = dict(session.execute(select(Office.code, Office.id)).all())
        # Each office's chains, checked against the seals of that office's receipt key.
        of_a = verify_chains(session, office_id=ids[A], office_key=machine_keys()[0])
        of_b = verify_chains(session, office_id=ids[B], office_key=machine_keys(office_b_keys())[0])
    assert [tuple(c) for c in chains] == [
        ("paper", A, 1),
        (f"paper-{A}", A, 1),
        (f"paper-{B}", B, 1),
    ]
    assert report.ok and of_a.ok and of_b.ok
    assert {"paper", f"paper-{A}"} <= set(of_a.heads) and f"paper-{B}" not in of_a.heads
    assert f"paper-{B}" in of_b.heads and not {"paper", f"paper-{A}"} & set(of_b.heads)


def test_clerk_board_and_search_of_a_hold_only_a_dossiers(database, two, clock):
    board = ClerkBoardService(database.factory, station="clerk-1", clock=clock, office_code=A)
    shown = board.board()
    codes = {v.code for v in shown.overdue + shown.due_today + shown.due_next}
    assert codes and codes <= two.a.codes
    assert board.search(B_CITIZEN) == [] and board.search(B) == []
    assert {v.code for v in board.search("2611")} <= two.a.codes


def test_comments_of_a_are_a_own_and_b_comment_cannot_be_followed_up_from_a(database, two, clock):
    comments = CommentService(database.factory, station="manager-1", clock=clock, office_code=A)
    assert [c.comment for c in comments.list()] == ["Nhân viên nhiệt tình"]
    with database.factory() as session:
        b_rating = session.scalars(select(Rating.id).where(Rating.comment == B_COMMENT)).one()
    with pytest.raises(NotFoundError):
        comments.follow_up(b_rating, "Đã gọi lại", clerk_id=None)


def test_alerts_of_a_name_only_a_kiosks(database, two, clock):
    clock.now = datetime(2026, 11, 23, 11, 0)  # both kiosks silent since 9:30
    alerts = AlertService(database.factory, station="manager-1", clock=clock, office_code=A)
    silent = [a.params["station"] for a in alerts.current() if a.kind.startswith("kiosk_silent")]
    assert silent == [A_KIOSK]
    # B's manager still gets B's alert: A's, logged first, does not silence it.
    alerts_b = AlertService(database.factory, station="manager-2", clock=clock, office_code=B)
    assert [a.params["station"] for a in alerts_b.current() if a.kind.startswith("kiosk_")] == [
        B_KIOSK
    ]


def test_manager_glance_counts_a_alone(database, two, clock):
    with database.factory() as session:
        glance = day_glance(session, A, clock.now)
    assert glance.ratings == 2 and glance.received == 4  # today's: B's are not A's


def test_demo_refuses_a_database_with_a_real_office_and_changes_nothing(db_url, database, capsys):
    assert (
        run_kiosk(["office", "init", "--code", B, "--name", "UBND xã Bình Minh", "--db", db_url])
        == 0
    )
    capsys.readouterr()

    def counts():
        with database.factory() as session:
            return [
                session.scalar(select(func.count()).select_from(table))
                for table in (Office, Service, Dossier, Rating)
            ]

    before = counts()
    assert run_kiosk(["demo", "--no-gui", "--db", db_url]) == 1
    error = capsys.readouterr().err
    assert B in error and "Traceback" not in error and len(error.strip().splitlines()) == 1
    assert counts() == before == [1, 0, 0, 0]


def test_codes_typed_at_a_kiosk_are_a_signal_for_a_not_for_b(database, two, clock):
    kiosk = _kiosk(database, clock)
    for code in (two.b.due_today, two.b.open, two.b.waiting):  # B's receipts, one after another
        with pytest.raises(NotFoundError):
            kiosk.lookup(code, typed=True)
    with database.factory() as session:
        ids = dict(session.execute(select(Office.code, Office.id)).all())
        of_a = gaming_signals(session, ids[A], clock.now.date())
        of_b = gaming_signals(session, ids[B], clock.now.date())
    assert [(s.kind, s.station, s.count) for s in of_a] == [("typed_sequence", A_KIOSK, 3)]
    assert of_b == []
