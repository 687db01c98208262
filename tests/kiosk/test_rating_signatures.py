"""The ratings' signatures: someone who can write to the database but holds no station key
cannot add, recompute or register anything that `kiosk verify` and the reports accept — no
earlier head needed — and each finding names the station and the rating's number."""

import uuid
from datetime import timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select, text

from kiosk.answers import RatingInput, Satisfaction
from kiosk.chain import rating_hash, rating_payload
from kiosk.db.models import Rating, StationKey
from kiosk.paths import signing_key_path
from kiosk.services.ratings import RatingService
from kiosk.station_keys import KeyRegistration, StationSigner
from tests.conftest import NOW, run_kiosk
from tests.kiosk.signing import machine_keys, sign_stations


def record(database, clock, station, signer, count):
    service = RatingService(database.factory, station=station, clock=clock, signer=signer)
    for _ in range(count):
        clock.now += timedelta(minutes=2)
        service.record(RatingInput(Satisfaction.SATISFIED, service_code="HT-KS"))


@pytest.fixture
def signed(database, office, clock):
    """Three signed ratings on kiosk-1; returns its signer."""
    signer = sign_stations(database, "kiosk-1")
    record(database, clock, "kiosk-1", signer, 3)
    return signer


def verify(db_url, capsys, *extra):
    code = run_kiosk(["verify", "--db", db_url, "--lang", "en", *extra])
    return code, capsys.readouterr().out


def append_forged(database, signature):
    """A 'very satisfied' rating appended behind the program's back, its hash computed right."""
    with database.factory.begin() as session:
        last = session.scalars(
            select(Rating).where(Rating.station == "kiosk-1").order_by(Rating.station_sequence)
        ).all()[-1]
        forged = Rating(
            station="kiosk-1",
            station_sequence=last.station_sequence + 1,
            created_at=last.created_at + timedelta(minutes=1),
            channel=last.channel,
            service_id=last.service_id,
            scale=last.scale,
            satisfaction=Satisfaction.VERY_SATISFIED,
            reasons=[],
            partial=False,
            prev_hash=last.hash,
            hash="",
            office_id=last.office_id,
        )
        forged.id = uuid.uuid4()
        forged.hash = rating_hash(rating_payload(forged), last.hash)
        forged.signature = signature(forged.hash)
        session.add(forged)
        return forged.id


def test_a_signed_chain_verifies(signed, db_url, capsys):
    code, out = verify(db_url, capsys)
    assert code == 0, out
    assert "3 ratings checked" in out


@pytest.mark.parametrize(
    "signature",
    [
        lambda _hash: None,
        lambda _hash: "ab" * 64,
        lambda hash_: StationSigner(Ed25519PrivateKey.generate()).sign(hash_),
    ],
    ids=["no signature", "garbage", "another key"],
)
def test_an_appended_rating_with_a_correct_hash_is_found_and_named(
    signed, database, db_url, capsys, signature
):
    forged = append_forged(database, signature)
    code, out = verify(db_url, capsys)
    assert code == 3
    assert f"rating {forged} (station kiosk-1, no. 4)" in out
    assert "unsigned" in out or "not signed by the station's registered key" in out


def test_a_rewritten_and_re_signed_chain_with_a_foreign_key_is_found(
    signed, database, db_url, capsys
):
    """Someone with the database and another station's key (or one of their own) edits rating 2
    and recomputes and re-signs everything after it."""
    foreign = StationSigner(Ed25519PrivateKey.generate())
    with database.factory.begin() as session:
        chain = session.scalars(
            select(Rating).where(Rating.station == "kiosk-1").order_by(Rating.station_sequence)
        ).all()
        chain[1].satisfaction = Satisfaction.DISSATISFIED
        prev = chain[0].hash
        for rating in chain[1:]:
            rating.prev_hash = prev
            rating.hash = prev = rating_hash(rating_payload(rating), prev)
            rating.signature = foreign.sign(rating.hash)
        victim = chain[1].id
    code, out = verify(db_url, capsys)
    assert code == 3
    assert f"rating {victim} (station kiosk-1, no. 2)" in out


def test_a_key_registered_behind_the_managers_back_is_found(signed, database, db_url, capsys):
    """Someone with the database registers a key of their own (no office key: a made-up seal)
    and appends ratings it signs."""
    own = StationSigner(Ed25519PrivateKey.generate())
    with database.factory.begin() as session:
        genuine = session.scalars(select(StationKey)).one()
        session.add(
            StationKey(
                office_id=genuine.office_id,
                station="kiosk-1",
                public_key=own.public_hex,
                first_sequence=4,
                registered_at=NOW,
                clerk_id=genuine.clerk_id,
                seal="00" * 32,
            )
        )
    code, out = verify(db_url, capsys)
    assert code == 3  # found before any rating is signed with it
    assert "station kiosk-1 from no. 4 does not carry the office's seal" in out
    append_forged(database, own.sign)
    code, out = verify(db_url, capsys)
    assert code == 3
    assert "station kiosk-1 from no. 4 does not carry the office's seal" in out


def test_a_station_without_a_registered_key_is_reported_unregistered(
    database, office, clock, db_url, capsys
):
    machine_keys()
    record(database, clock, "kiosk-7", None, 2)
    code, out = verify(db_url, capsys)
    assert code == 3
    assert "station kiosk-7 has no registered signing key" in out
    assert "from no. 1" in out and "unsigned" in out


def test_ratings_before_the_key_was_registered_stay_valid_by_hash(
    database, office, clock, db_url, capsys
):
    record(database, clock, "kiosk-1", None, 2)  # before signing began (revision 0010)
    signer = sign_stations(database, "kiosk-1")
    record(database, clock, "kiosk-1", signer, 2)
    with database.factory() as session:
        assert session.scalars(select(StationKey.first_sequence)).one() == 3
    code, out = verify(db_url, capsys)
    assert code == 0, out
    # …but a legacy rating edited in place still breaks its hash.
    with database.engine.begin() as raw:
        raw.execute(
            text("UPDATE ratings SET satisfaction = 'very_satisfied' WHERE station_sequence = 1")
        )
    code, out = verify(db_url, capsys)
    assert code == 3 and "no. 1" in out


def test_without_the_office_key_the_chain_is_not_called_intact(signed, db_url, capsys):
    signing_key_path(None).unlink()
    code, out = verify(db_url, capsys)
    assert code == 3
    assert "NOT FULLY CHECKED" in out and str(signing_key_path(None)) in out


def test_the_seal_covers_every_fact_of_the_key_row(signed, database):
    office_key, _signer = machine_keys()
    with database.factory() as session:
        row = session.scalars(select(StationKey)).one()
    facts = KeyRegistration(
        row.office_id,
        row.station,
        row.public_key,
        row.first_sequence,
        row.registered_at,
        row.clerk_id,
    )
    assert facts.seal_matches(office_key, row.seal)
    for changed in (
        facts.__class__(facts.office_id + 1, *list(facts.__dict__.values())[1:]),
        KeyRegistration(facts.office_id, "kiosk-2", facts.public_key, 1, facts.registered_at, 1),
        KeyRegistration(
            facts.office_id, facts.station, facts.public_key, 2, facts.registered_at, facts.clerk_id
        ),
    ):
        assert not changed.seal_matches(office_key, row.seal)


def test_the_reports_integrity_line_finds_an_appended_rating(
    signed, database, db_url, tmp_path, capsys
):
    from openpyxl import load_workbook

    append_forged(database, lambda _hash: None)
    out = tmp_path / "day.xlsx"
    assert (
        run_kiosk(
            [
                "export",
                "daily",
                "--date",
                "2026-11-23",
                "--db",
                db_url,
                "--lang",
                "en",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    summary = {row[0]: row[1] for row in load_workbook(out)["Summary"].iter_rows(values_only=True)}
    assert "rating no. 4 of station kiosk-1 is not signed" in summary["Rating chain"]
    capsys.readouterr()


def test_a_kiosk_signing_with_an_unregistered_key_tells_staff_at_start(
    database, office, clock, caplog
):
    import logging

    from kiosk.services.kiosk_backend import KioskBackend

    registered = sign_stations(database, "kiosk-1")
    other = StationSigner(Ed25519PrivateKey.generate())
    with caplog.at_level(logging.WARNING, logger="kiosk.keys"):
        KioskBackend(database.factory, station="kiosk-1", clock=clock, signer=registered).start()
        assert caplog.text == ""
        KioskBackend(database.factory, station="kiosk-1", clock=clock, signer=other).start()
    assert "not its registered key" in caplog.text
    assert "kiosk keys register kiosk-1" in caplog.text


def test_a_report_made_without_the_office_key_does_not_call_the_chain_verified(
    signed, db_url, tmp_path, capsys
):
    from openpyxl import load_workbook

    signing_key_path(None).unlink()
    out = tmp_path / "day.xlsx"
    args = ["export", "daily", "--date", "2026-11-23", "--db", db_url, "--lang", "en"]
    assert run_kiosk([*args, "--out", str(out)]) == 0  # the report is still made
    summary = {row[0]: row[1] for row in load_workbook(out)["Summary"].iter_rows(values_only=True)}
    assert summary["Rating chain"].startswith("Rating chain NOT CHECKED")
    assert str(signing_key_path(None)) in summary["Rating chain"]
    capsys.readouterr()
