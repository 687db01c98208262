import pytest
from sqlalchemy import select

from kiosk.answers import RatingChannel
from kiosk.db.models import Rating
from kiosk.services.dossiers import DossierService
from tests.conftest import run_kiosk

HEADER = "date,dossier_code,service_code,satisfaction,contacts,agencies,complaint,reasons,comment\n"


@pytest.fixture
def code(database, office, clock):
    return (
        DossierService(database.factory, station="test", clock=clock)
        .register("HT-KS", clerk_id=1)
        .code
    )


def test_a_batch_of_paper_slips_is_entered_on_its_own_chain(
    database, code, db_url, tmp_path, capsys
):
    slips = tmp_path / "phieu.csv"
    slips.write_text(
        "\ufeff"
        + HEADER
        + f"2026-11-23T10:00,{code},,very_satisfied,2,1,không,,Rất hài lòng\n"
        + "2026-11-23T10:05,,HT-XNHN,dissatisfied,0,,có,slow;many_visits,=1+1 chậm\n",
        encoding="utf-8",
    )
    assert run_kiosk(["ratings", "paper", "--file", str(slips), "--db", db_url]) == 0
    assert "2" in capsys.readouterr().out
    with database.factory() as session:
        rows = session.scalars(select(Rating).order_by(Rating.station_sequence)).all()
    assert [r.channel for r in rows] == [RatingChannel.PAPER] * 2
    assert [r.station for r in rows] == ["paper-000.00.30.H12", "paper-000.00.30.H12"]
    assert rows[0].conduct_complaint is False and rows[1].conduct_complaint is True
    assert rows[1].reasons == ["slow", "many_visits"] and rows[1].comment == "=1+1 chậm"
    assert run_kiosk(["verify", "--db", db_url]) == 0


def test_a_bad_row_enters_nothing_and_is_named(database, code, db_url, tmp_path, capsys):
    slips = tmp_path / "phieu.csv"
    slips.write_text(
        HEADER
        + f"2026-11-23T10:00,{code},,satisfied,,,,,\n"
        + "2026-11-23T10:05,,HT-KS,satisfied,5,,,,\n",
        encoding="utf-8",
    )
    assert run_kiosk(["ratings", "paper", "--file", str(slips), "--db", db_url]) == 1
    assert "3" in capsys.readouterr().err  # the row number, counting the header as row 1
    with database.factory() as session:
        assert session.scalars(select(Rating)).all() == []
    slips.write_text(
        HEADER
        + f"2026-11-23T10:00,{code},,satisfied,,,,,\n"
        + f"2026-11-23T10:01,{code},,satisfied,,,,,\n",
        encoding="utf-8",
    )
    assert run_kiosk(["ratings", "paper", "--file", str(slips), "--db", db_url]) == 1
    assert "đã được đánh giá" in capsys.readouterr().err  # one dossier, one rating
    with database.factory() as session:
        assert session.scalars(select(Rating)).all() == []
