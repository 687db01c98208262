"""Petitions and call-back requests wait in the kiosk's outbox while the shared server is away,
then are forwarded exactly once, after the ratings they refer to; so does a rating of a case's
handling, with its case."""

import sqlite3
import uuid
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from kiosk.answers import RatingInput, Satisfaction
from kiosk.db.case_models import AnswerChannel, CaseContact, CaseSource, FeedbackCase
from kiosk.db.models import Rating
from kiosk.db.open import open_database
from kiosk.kiosk_case import CaseContact as Contact
from kiosk.kiosk_case import CaseRequest, rating_case_id
from kiosk.services.case_desk import CaseDesk
from kiosk.services.kiosk_backend import KioskBackend, QueuedRating
from kiosk.services.outbox import RatingOutbox
from tests.kiosk.signing import add_manager, sign_stations
from tests.postgres_server import PostgresServer

START = datetime(2026, 11, 23, 9, 0)


@pytest.fixture
def server():
    server = PostgresServer()  # its own: this test stops it
    server.start()
    yield server
    server.remove()


def count(database, what):
    with database.factory() as session:
        return session.scalar(select(func.count()).select_from(what))


def test_petitions_and_call_backs_wait_then_are_forwarded_once(server, tmp_path):
    from tests.conftest import seed_small_office

    database = open_database(server.create_database("office"), migrate=True)
    seed_small_office(database)
    manager = add_manager(database)
    signer = sign_stations(database, "kiosk-1")
    desk = CaseDesk(database.factory, station="manager-1", clock=lambda: START)
    answered = desk.open(manager, source=CaseSource.MAIL, subject="Cơ sở vật chất")
    desk.assign(answered.number, 1, manager)
    desk.answer(answered.number, "Đã sửa mái che", AnswerChannel.LETTER, manager)
    outbox = RatingOutbox(tmp_path / "outbox.sqlite3")
    kiosk = KioskBackend(database.factory, station="kiosk-1", outbox=outbox, signer=signer)
    taps = [START + timedelta(minutes=n) for n in range(1, 5)]
    rating_id = uuid.uuid4()

    server.stop()
    unhappy = RatingInput(Satisfaction.DISSATISFIED, service_code="HT-KS", comment="Chờ lâu")
    assert kiosk.record(unhappy, rating_id=rating_id, at=taps[0]) == QueuedRating(rating_id, 1)
    call_back = kiosk.send_case(
        CaseRequest(
            rating_case_id(rating_id), taps[1], Contact("Lê Văn Bình", "0912345678"), rating_id
        )
    )
    assert call_back.queued and call_back.id == rating_case_id(rating_id)
    petition_id = uuid.uuid4()
    petition = kiosk.send_case(
        CaseRequest(petition_id, taps[2], None, subject="Thủ tục, giấy tờ", text="Rườm rà")
    )
    assert (petition.number, petition.due_at) == (None, None)
    handling = RatingInput(Satisfaction.SATISFIED, case_id=answered.id)
    handling_id = uuid.uuid4()
    assert kiosk.record(handling, rating_id=handling_id, at=taps[3]).waiting == 4
    assert kiosk.forward_outbox() == 4  # still away: nothing lost, nothing sent

    server.start()
    assert kiosk.forward_outbox() == 0
    assert kiosk.forward_outbox() == 0  # forwarding again adds nothing
    assert count(database, FeedbackCase) == 3  # the answered one, the call-back's, the petition
    assert count(database, CaseContact) == 1
    with database.factory() as session:
        call_back_case = session.get(FeedbackCase, rating_case_id(rating_id))
        assert call_back_case.rating_id == rating_id and call_back_case.text == "Chờ lâu"
        assert session.get(CaseContact, call_back_case.id).phone == "0912345678"
        walk_in = session.get(FeedbackCase, petition_id)
        # Opened as of the citizen's tap, not of the forwarding: the due date counts from it.
        assert (walk_in.source, walk_in.opened_at, walk_in.text) == (
            CaseSource.KIOSK,
            taps[2],
            "Rườm rà",
        )
        assert session.get(Rating, handling_id).case_id == answered.id
    with sqlite3.connect(outbox.path) as raw:  # nothing refused, nothing left, no contact kept
        assert raw.execute("SELECT count(*) FROM case_outbox").fetchone() == (0,)
        assert raw.execute("SELECT count(*) FROM outbox").fetchone() == (0,)
    database.engine.dispose()


def test_a_call_back_whose_rating_was_refused_is_kept_without_its_contact(server, tmp_path):
    from tests.conftest import seed_small_office

    database = open_database(server.create_database("office"), migrate=True)
    seed_small_office(database)
    outbox = RatingOutbox(tmp_path / "outbox.sqlite3")
    kiosk = KioskBackend(database.factory, station="kiosk-1", outbox=outbox)
    rating_id = uuid.uuid4()
    server.stop()
    # A service the office removed meanwhile: the server refuses the rating, so the call-back
    # has no rating to join.
    gone = RatingInput(Satisfaction.DISSATISFIED, service_code="XX-GONE")
    kiosk.record(gone, rating_id=rating_id, at=START)
    request = CaseRequest(rating_case_id(rating_id), START, Contact("An", "0912345678"), rating_id)
    kiosk.send_case(request)
    server.start()
    assert kiosk.forward_outbox() == 0
    assert count(database, FeedbackCase) == 0
    with sqlite3.connect(outbox.path) as raw:
        [(reason, body)] = raw.execute("SELECT refused, request FROM case_outbox").fetchall()
    assert reason and "0912345678" not in body and "An" not in body
    database.engine.dispose()
