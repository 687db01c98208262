"""A kiosk on a shared PostgreSQL server keeps rating while the server is down, then forwards
every rating exactly once, in the order they were given, with its hash chain intact."""

import uuid
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from kiosk.answers import RatingInput, Satisfaction
from kiosk.db.models import Rating
from kiosk.db.open import open_database
from kiosk.services.dossiers import DossierService
from kiosk.services.kiosk_backend import KioskBackend, QueuedRating
from kiosk.services.outbox import RatingOutbox
from kiosk.services.ratings import RatingService, RecordedRating, verify_chains
from tests.kiosk.signing import machine_keys, sign_stations
from tests.postgres_server import PostgresServer

START = datetime(2026, 11, 23, 9, 0)


@pytest.fixture
def server():
    server = PostgresServer()  # its own: this test stops it
    server.start()
    yield server
    server.remove()


def test_ratings_wait_on_the_kiosk_while_the_server_is_down(server, tmp_path):
    from tests.conftest import seed_small_office

    database = open_database(server.create_database("office"), migrate=True)
    seed_small_office(database)
    signer = sign_stations(database, "kiosk-1", "kiosk-2")
    code = DossierService(database.factory, station="clerk-1").register("HT-KS", clerk_id=1).code
    outbox = RatingOutbox(tmp_path / "outbox.sqlite3")
    # The kiosk's key signs what it forwards later too: the chain is signed end to end.
    kiosk = KioskBackend(database.factory, station="kiosk-1", outbox=outbox, signer=signer)
    taps = [START + timedelta(minutes=n) for n in range(6)]
    ids = [uuid.uuid4() for _ in taps]

    def rate(n, **answers):
        answers.setdefault("service_code", "HT-KS")
        return kiosk.record(
            RatingInput(Satisfaction.SATISFIED, **answers), rating_id=ids[n], at=taps[n]
        )

    assert isinstance(rate(0), RecordedRating)
    server.stop()
    assert [rate(n) for n in (1, 2)] == [QueuedRating(ids[1], 1), QueuedRating(ids[2], 2)]
    assert rate(3, dossier_code=code, service_code=None).waiting == 3
    assert kiosk.forward_outbox() == 3  # still down: nothing lost, nothing sent
    server.start()
    # Meanwhile the same dossier was rated at another kiosk, which reached the server first.
    RatingService(database.factory, station="kiosk-2", signer=signer).record(
        RatingInput(Satisfaction.DISSATISFIED, dossier_code=code)
    )
    assert isinstance(rate(4), RecordedRating)  # forwards the outbox first, then itself
    assert kiosk.forward_outbox() == 0
    assert kiosk.forward_outbox() == 0  # forwarding again adds nothing
    with database.factory() as session:
        mine = session.scalars(
            select(Rating).where(Rating.station == "kiosk-1").order_by(Rating.station_sequence)
        ).all()
        assert [r.id for r in mine] == [ids[0], ids[1], ids[2], ids[4]]  # in tap order, once
        assert [r.created_at for r in mine] == [taps[0], taps[1], taps[2], taps[4]]
        assert all(r.signature for r in mine)
        office_key, _signer = machine_keys()
        assert verify_chains(session, office_key=office_key).ok
    # The refused rating is kept on the kiosk with the server's reason, not forwarded again.
    import sqlite3

    with sqlite3.connect(outbox.path) as raw:
        [(refused_id, reason)] = raw.execute(
            "SELECT rating_id, refused FROM outbox WHERE refused IS NOT NULL"
        ).fetchall()
    assert refused_id == str(ids[3]) and code in reason
    database.engine.dispose()


def test_a_kiosk_started_while_the_server_is_away_opens_from_what_it_last_read(server):
    from kiosk.config import Settings
    from kiosk.errors import StorageError
    from kiosk.services.kiosk_opening import open_kiosk
    from tests.conftest import seed_small_office

    url = server.create_database("office")
    database = open_database(url, migrate=True)
    seed_small_office(database)
    settings = Settings(database_url=url, station_name="kiosk-sanh")
    server.stop()
    with pytest.raises(StorageError):  # never reached the server: nothing to open from
        open_kiosk(settings)
    server.start()
    _backend, online = open_kiosk(settings)
    server.stop()
    backend, offline = open_kiosk(settings)  # the server is away at start
    assert (offline.office, offline.services) == (online.office, online.services)
    rating_id = uuid.uuid4()
    queued = backend.record(
        RatingInput(Satisfaction.SATISFIED, service_code="HT-KS"), rating_id=rating_id, at=START
    )
    assert queued == QueuedRating(rating_id, 1)
    server.start()
    assert backend.forward_outbox() == 0
    with database.factory() as session:
        assert session.get(Rating, rating_id).station == "kiosk-sanh"
    database.engine.dispose()
