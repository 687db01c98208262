from datetime import datetime, timedelta

import pytest
from sqlalchemy import select, text

from kiosk.answers import RatingInput, Satisfaction
from kiosk.errors import ConflictError, InvalidInputError
from kiosk.services.dossiers import DossierService
from kiosk.services.ratings import RatingService
from tests.conftest import run_kiosk
from tests.kiosk.signing import sign_stations


@pytest.fixture
def rated(database, office, clock):
    """Five ratings on kiosk-1 (two for dossiers, three walk-ins) and one on kiosk-2."""
    dossiers = DossierService(database.factory, station="test", clock=clock)
    with clock.at(clock.now):
        codes = [dossiers.register("HT-KS", clerk_id=1).code for _ in range(2)]
    signer = sign_stations(database, "kiosk-1", "kiosk-2")
    kiosk1 = RatingService(database.factory, station="kiosk-1", clock=clock, signer=signer)
    kiosk2 = RatingService(database.factory, station="kiosk-2", clock=clock, signer=signer)
    answers = [
        RatingInput(Satisfaction.VERY_SATISFIED, dossier_code=codes[0], contacts_score=2),
        RatingInput(Satisfaction.SATISFIED, dossier_code=codes[1], agencies_score=1),
        RatingInput(
            Satisfaction.DISSATISFIED,
            service_code="HT-XNHN",
            reasons=("slow",),
            comment="Chờ lâu quá",
        ),
        RatingInput(Satisfaction.VERY_SATISFIED, service_code="HT-KS"),
        RatingInput(Satisfaction.SATISFIED, service_code="HT-KS", partial=True),
    ]
    recorded = []
    for answer in answers:
        clock.now += timedelta(minutes=3)
        recorded.append(kiosk1.record(answer))
    kiosk2.record(RatingInput(Satisfaction.SATISFIED, service_code="HT-KS"))
    return recorded


def tamper(database, *statements):
    """Edits the database behind the program's back, as someone with its password would."""
    with database.engine.begin() as raw:
        for statement, params in statements:
            raw.execute(text(statement), params)


def stored_id(database, rating_id):
    """A rating id as the engine stores it: 32 hex digits on SQLite, a native uuid on PostgreSQL."""
    return rating_id.hex if database.engine.dialect.name == "sqlite" else rating_id


def verify(db_url, capsys):
    code = run_kiosk(["verify", "--db", db_url, "--lang", "en"])
    return code, capsys.readouterr()


def test_untouched_chain_verifies(rated, db_url, capsys):
    code, out = verify(db_url, capsys)
    assert code == 0
    assert "6 ratings checked" in out.out


def test_editing_a_score_in_the_database_is_found_and_named(rated, database, db_url, capsys):
    victim = rated[2]
    tamper(
        database,
        (
            "UPDATE ratings SET satisfaction = 'very_satisfied' WHERE id = :id",
            {"id": stored_id(database, victim.id)},
        ),
    )
    code, out = verify(db_url, capsys)
    assert code != 0
    assert str(victim.id) in out.out
    assert "changed after it was recorded" in out.out


def test_deleting_a_rating_is_found(rated, database, db_url, capsys):
    tamper(
        database,
        ("DELETE FROM ratings WHERE id = :id", {"id": stored_id(database, rated[1].id)}),
    )
    code, out = verify(db_url, capsys)
    assert code != 0
    assert str(rated[2].id) in out.out
    assert "missing before" in out.out


def test_inserting_a_rating_in_the_middle_is_found(rated, database, db_url, capsys):
    # Forge a copy of rating 4 as number 4, pushing the genuine 4 and 5 up by one.
    tamper(
        database,
        (
            "UPDATE ratings SET station_sequence = station_sequence + 10 "
            "WHERE station = 'kiosk-1' AND station_sequence >= 4",
            {},
        ),
        (
            "UPDATE ratings SET station_sequence = station_sequence - 9 "
            "WHERE station = 'kiosk-1' AND station_sequence >= 14",
            {},
        ),
        (
            "INSERT INTO ratings (id, station, station_sequence, created_at, channel, ticket_id, "
            "service_id, clerk_id, scale, satisfaction, contacts_score, agencies_score, "
            "conduct_complaint, reasons, comment, partial, office_id, prev_hash, hash) "
            "SELECT 'ffffffffffffffffffffffffffffffff', station, 4, "
            "created_at, channel, ticket_id, service_id, clerk_id, scale, 'very_satisfied', "
            "contacts_score, agencies_score, conduct_complaint, reasons, comment, partial, "
            "office_id, prev_hash, '" + "deadbeef" * 8 + "' FROM ratings WHERE id = :id",
            {"id": stored_id(database, rated[3].id)},
        ),
    )
    code, out = verify(db_url, capsys)
    assert code != 0
    assert "ffffffff-ffff-ffff-ffff-ffffffffffff" in out.out or str(rated[3].id) in out.out


def test_a_dossier_is_rated_once(database, office, clock):
    dossiers = DossierService(database.factory, station="test", clock=clock)
    with clock.at(clock.now):
        code = dossiers.register("HT-KS", clerk_id=1).code
    ratings = RatingService(database.factory, station="kiosk-1", clock=clock)
    ratings.record(RatingInput(Satisfaction.SATISFIED, dossier_code=code))
    with pytest.raises(ConflictError):
        ratings.record(RatingInput(Satisfaction.DISSATISFIED, dossier_code=code))


def test_answers_off_the_office_scale_are_refused(database, office, clock):
    ratings = RatingService(database.factory, station="kiosk-1", clock=clock)
    with pytest.raises(InvalidInputError):
        ratings.record(RatingInput(Satisfaction.NEUTRAL, service_code="HT-KS"))  # 3-face office
    with pytest.raises(InvalidInputError):
        ratings.record(RatingInput(Satisfaction.SATISFIED, service_code="HT-KS", contacts_score=3))
    with pytest.raises(InvalidInputError):
        ratings.record(RatingInput(Satisfaction.SATISFIED))  # no dossier, no service


def test_comment_is_cleaned_but_kept(database, office, clock):
    ratings = RatingService(database.factory, station="kiosk-1", clock=clock)
    recorded = ratings.record(
        RatingInput(
            Satisfaction.DISSATISFIED,
            service_code="HT-KS",
            comment="  Cha\u0301n\x07 qua\u0301\n ",
        )
    )
    from kiosk.db.models import Rating

    with database.factory() as session:
        assert session.get(Rating, recorded.id).comment == "Chán quá"
    assert recorded.created_at == datetime(2026, 11, 23, 9, 30)


def test_a_chain_rewritten_whole_is_caught_by_its_signatures_and_an_earlier_head(
    rated, database, db_url, capsys
):
    """Someone with the database and the code edits a rating and recomputes every hash after
    it: the hashes agree again, but the station's signatures do not, and neither does the head
    an earlier report printed."""
    from kiosk.chain import rating_hash, rating_payload
    from kiosk.db.models import Rating

    head = rated[-1].hash
    with database.factory.begin() as session:
        chain = session.scalars(
            select(Rating).where(Rating.station == "kiosk-1").order_by(Rating.station_sequence)
        ).all()
        chain[2].satisfaction = Satisfaction.VERY_SATISFIED  # the unhappy one, made happy
        prev = chain[1].hash
        for rating in chain[2:]:
            rating.prev_hash = prev
            rating.hash = prev = rating_hash(rating_payload(rating), prev)
    code, out = verify(db_url, capsys)
    assert code == 3  # the hashes agree, the signatures do not: found without any head
    assert "station kiosk-1, no. 3" in out.out and "not signed by the station's" in out.out
    code = run_kiosk(["verify", "--db", db_url, "--lang", "en", "--head", f"kiosk-1:{head}"])
    out = capsys.readouterr().out
    assert code == 3
    assert "REWRITTEN" in out and "kiosk-1" in out and head in out
    assert run_kiosk(["verify", "--db", db_url, "--head", "kiosk-2:not-a-hash"]) != 0
    assert "64 ký tự" in capsys.readouterr().err  # said in Vietnamese, what a head looks like


def verify_chains_heads(database):
    from kiosk.services.ratings import verify_chains

    with database.factory() as session:
        return verify_chains(session).heads


def test_reports_state_at_their_foot_whether_the_chain_verified_with_each_head(
    rated, database, db_url, tmp_path, capsys
):
    import subprocess

    from openpyxl import load_workbook

    heads = verify_chains_heads(database)
    out = tmp_path / "day.pdf"
    args = ["export", "daily", "--date", "2026-11-23", "--db", db_url, "--lang", "en"]
    assert run_kiosk([*args, "--out", str(out)]) == 0
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    plain = " ".join(text.split())
    assert "Rating data checked for integrity: no change or deletion found (6 ratings" in plain
    assert "kiosk verify" not in text  # the reader is told the finding, not a command
    for station, head in heads.items():
        assert f"{station}, no." in text and head in text.replace("\n", "")
    tamper(
        database,
        (
            "UPDATE ratings SET satisfaction = 'very_satisfied' WHERE id = :id",
            {"id": stored_id(database, rated[2].id)},
        ),
    )
    assert run_kiosk([*args, "--out", str(tmp_path / "after.xlsx")]) == 0
    book = load_workbook(tmp_path / "after.xlsx")
    summary = {row[0]: row[1] for row in book["Summary"].iter_rows(values_only=True)}
    assert "rating no. 3 of station kiosk-1 was changed or deleted" in summary["Rating chain"]
    chain_heads = list(book["Chain heads"].iter_rows(min_row=2, values_only=True))
    assert [row[0] for row in chain_heads] == ["kiosk-1", "kiosk-2"]
    capsys.readouterr()


def test_the_fast_payload_of_stored_rows_is_the_ratings_own(rated, database):
    """The reports read rows as the driver gives them; their payload must be the ORM's, on
    either engine, or the check would pass or fail for the wrong reason."""
    from kiosk.chain import STORED_COLUMNS, canonical_json, rating_payload, stored_payload
    from kiosk.db.models import Rating

    with database.factory() as session:
        expected = {str(r.id): rating_payload(r) for r in session.scalars(select(Rating))}
        rows = session.execute(text(f"SELECT {STORED_COLUMNS} FROM ratings")).all()
    assert len(rows) == 6
    for row in rows:
        payload = stored_payload(row)
        # Bytes, not dicts: in Python True == 1, in the hashed JSON they differ.
        assert canonical_json(row.prev_hash, payload) == canonical_json(
            row.prev_hash, expected[payload["id"]]
        )
