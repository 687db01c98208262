from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from kiosk.answers import RatingChannel, RatingInput, Satisfaction
from kiosk.csv_table import RowsRefusedError, read_csv_table
from kiosk.db.models import Rating
from kiosk.errors import InvalidInputError
from kiosk.services.dossiers import DossierService
from kiosk.services.paper_slips import COLUMNS, paper_station, parse_slips
from kiosk.services.ratings import RatingService
from tests.conftest import NOW, MutableClock, run_kiosk
from tests.kiosk.signing import sign_stations

HEADER = "date,dossier_code,service_code,satisfaction,contacts,agencies,complaint,reasons,comment\n"
# The manager enters the day's slips in the afternoon.
AFTERNOON = MutableClock(datetime(2026, 11, 23, 17, 0))


@pytest.fixture
def office(office, database):
    sign_stations(database, paper_station(office))  # this machine's key signs the paper chain
    return office


@pytest.fixture
def code(database, office, clock):
    return (
        DossierService(database.factory, station="test", clock=clock)
        .register("HT-KS", clerk_id=1)
        .code
    )


def enter(slips, db_url, clock=AFTERNOON):
    return run_kiosk(["ratings", "paper", "--file", str(slips), "--db", db_url], clock=clock)


def ratings(database):
    with database.factory() as session:
        return session.scalars(select(Rating).order_by(Rating.station_sequence)).all()


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
    assert enter(slips, db_url) == 0
    assert "2" in capsys.readouterr().out
    rows = ratings(database)
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
    assert enter(slips, db_url) == 1
    assert "Dòng 3" in capsys.readouterr().err  # the row number, counting the header as row 1
    assert ratings(database) == []
    slips.write_text(
        HEADER
        + f"2026-11-23T10:00,{code},,satisfied,,,,,\n"
        + f"2026-11-23T10:01,{code},,satisfied,,,,,\n",
        encoding="utf-8",
    )
    assert enter(slips, db_url) == 1
    assert "Dòng 3: Hồ sơ" in capsys.readouterr().err  # one dossier, one rating
    assert ratings(database) == []


def test_an_unclosed_quote_on_row_3_of_5_enters_nothing_and_names_row_3(
    database, office, db_url, tmp_path, capsys
):
    slips = tmp_path / "phieu.csv"
    slips.write_text(
        HEADER
        + "2026-11-23T10:00,,HT-KS,satisfied,,,,,tốt\n"
        + '2026-11-23T10:01,,HT-KS,satisfied,,,,,"chưa đóng ngoặc\n'
        + "2026-11-23T10:02,,HT-KS,satisfied,,,,,\n"
        + "2026-11-23T10:03,,HT-KS,satisfied,,,,,\n",
        encoding="utf-8",
    )
    assert enter(slips, db_url) == 1
    err = capsys.readouterr().err
    assert "Dòng 3" in err and '"' in err, err
    assert ratings(database) == []


def test_every_bad_row_is_named_with_its_reason(database, code, db_url, tmp_path, capsys):
    slips = tmp_path / "phieu.csv"
    slips.write_text(
        HEADER
        + "2026-11-23T10:00,,HT-KS,satisfied,,,,,\n"  # good
        + "2026-11-24T10:00,,HT-KS,satisfied,,,,,\n"  # tomorrow
        + "2025-11-01T10:00,,HT-KS,satisfied,,,,,\n"  # over a year ago
        + f"2026-11-23T08:00,{code},,satisfied,,,,,\n"  # before the dossier's receipt (09:30)
        + "2026-11-23T10:00,,HT-KS,satisfied,,\n"  # fields missing
        + "hôm qua,,HT-KS,satisfied,,,,,\n",
        encoding="utf-8",
    )
    assert enter(slips, db_url) == 1
    err = capsys.readouterr().err
    assert "Dòng 2" not in err
    for row in range(3, 8):
        assert f"Dòng {row}" in err, err
    assert ratings(database) == []
    # The rows read, the dossier's receipt is checked against the database: still nothing.
    slips.write_text(HEADER + f"2026-11-23T08:00,{code},,satisfied,,,,,\n", encoding="utf-8")
    assert enter(slips, db_url) == 1
    assert "Dòng 2" in capsys.readouterr().err
    assert ratings(database) == []


def test_a_slip_time_with_an_offset_is_stored_in_office_time_and_the_chain_verifies(
    database, code, db_url, tmp_path, capsys
):
    slips = tmp_path / "phieu.csv"
    slips.write_text(
        HEADER
        + f"2026-11-23T10:00+07:00,{code},,satisfied,,,,,\n"
        + "2026-11-23T03:30Z,,HT-KS,satisfied,,,,,\n",
        encoding="utf-8",
    )
    assert enter(slips, db_url) == 0
    assert [r.created_at for r in ratings(database)] == [
        datetime(2026, 11, 23, 10, 0),
        datetime(2026, 11, 23, 10, 30),
    ]
    assert run_kiosk(["verify", "--db", db_url]) == 0
    assert run_kiosk(["verify", "--db", db_url]) == 0  # and stays intact


def test_a_zoned_time_reaching_record_rating_is_stored_as_hashed(database, office, db_url):
    from zoneinfo import ZoneInfo

    signer = sign_stations(database, "kiosk-1")
    service = RatingService(
        database.factory, station="kiosk-1", clock=MutableClock(NOW), signer=signer
    )
    tapped = datetime(2026, 11, 23, 2, 15, 30, 123456, tzinfo=ZoneInfo("UTC"))
    service.record(RatingInput(Satisfaction.SATISFIED, service_code="HT-KS"), at=tapped)
    assert ratings(database)[0].created_at == datetime(2026, 11, 23, 9, 15, 30, 123456)
    assert service.verify().ok


@pytest.mark.parametrize("separator", [";", "\t"])
def test_a_file_saved_by_vietnamese_excel_is_read(database, office, db_url, tmp_path, separator):
    slips = tmp_path / "phieu.csv"
    rows = [COLUMNS, ["23/11/2026 10:00", "", "HT-KS", "satisfied", "", "", "", "", 'a;b, "c"']]
    slips.write_text(
        "\ufeff"
        + "\r\n".join(
            separator.join('"' + c.replace('"', '""') + '"' if c else c for c in row)
            for row in rows
        )
        + "\r\n;;;;;;;;\r\n".replace(";", separator),  # the blank row Excel leaves
        encoding="utf-8",
    )
    assert enter(slips, db_url) == 0
    assert [r.comment for r in ratings(database)] == ['a;b, "c"']


def test_unknown_and_repeated_columns_are_refused_by_name():
    with pytest.raises(InvalidInputError, match="satisfation"):
        parse_slips("date,satisfation\n2026-11-23T10:00,satisfied\n", NOW)
    with pytest.raises(InvalidInputError, match="date"):
        parse_slips("date,date,satisfaction\n", NOW)


# Cells of any text a spreadsheet may write: separators, quotes and line breaks included.
ANY_CELL = st.text(st.sampled_from(' ,;\t\n"aĐ1='), max_size=8)


@settings(max_examples=200)
@given(
    st.sampled_from([",", ";", "\t"]),
    st.sampled_from(["all", "minimal"]),
    st.lists(st.lists(ANY_CELL, min_size=3, max_size=3), max_size=5),
)
def test_any_quoted_file_is_read_back_cell_for_cell_whatever_the_separator(
    separator, quoting, rows
):
    import csv
    import io

    buffer = io.StringIO()
    quote = csv.QUOTE_ALL if quoting == "all" else csv.QUOTE_MINIMAL
    writer = csv.writer(buffer, delimiter=separator, quoting=quote)
    writer.writerow(["date", "satisfaction", "comment"])
    writer.writerows(rows)
    table = read_csv_table(buffer.getvalue(), required=("date", "satisfaction"), known=COLUMNS)
    assert table.separator == separator
    kept = [row for row in rows if any(c.strip() for c in row)]
    assert [list(r.cells.values()) for r in table.records] == [
        [c.strip() for c in row] for row in kept
    ]


@given(st.integers(2, 6))
def test_a_row_with_a_quote_left_open_is_named_whatever_its_place(row):
    lines = [HEADER.strip()] + ["2026-11-23T10:00,,HT-KS,satisfied,,,,,x"] * 5
    lines[row - 1] = lines[row - 1][:-1] + '"x'
    with pytest.raises(RowsRefusedError) as refused:
        parse_slips("\n".join(lines) + "\n", NOW + timedelta(hours=8))
    assert [p.params["row"] for p in refused.value.problems] == [row]


def test_rows_are_numbered_as_the_spreadsheet_shows_them():
    text = (
        HEADER
        + '2026-11-23T10:00,,HT-KS,satisfied,,,,,"một góp ý\nhai dòng"\n'
        + "2026-11-23T10:01,,HT-KS,satisfied,9,,,,\n"
    )
    with pytest.raises(RowsRefusedError) as refused:
        parse_slips(text, NOW + timedelta(hours=8))
    assert [p.params["row"] for p in refused.value.problems] == [3]
