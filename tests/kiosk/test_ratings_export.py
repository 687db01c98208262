"""`kiosk export ratings`: each rating of a period handed back to the provincial system (DVCQG
JSON) or to people (CSV, XLSX), with the indicators as the period report counts them and not a
word of the citizen's."""

import csv
import io
import json
import uuid
import zipfile
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from kiosk.answers import COMPLAINT_REASONS, RatingChannel, RatingInput, Satisfaction
from kiosk.db.models import Dossier, DossierSource, Service
from kiosk.reports.dvcqg_ratings import (
    DVCQG_TIME,
    SATISFACTION_LEVEL,
    dvcqg_bytes,
    dvcqg_document,
    dvcqg_time,
)
from kiosk.reports.indicators import compute, mean_one_decimal
from kiosk.reports.rating_lines import RatingLine
from kiosk.services.counter_forms import CounterFormService
from kiosk.services.dossiers import DossierService
from kiosk.services.offices import find_office
from kiosk.services.ratings import RatingService
from kiosk.views import CitizenDetails
from tests.conftest import run_kiosk

DAY = date(2026, 11, 20)  # a Friday; the files are made on Monday 23/11 at 17:00
TODAY = datetime(2026, 11, 23, 17, 0)
CITIZEN = CitizenDetails(
    name="Kiều Phượng Trinh", address="Xóm Đồng Quýt, xã Tân Phú", phone="0912 345 678"
)
PHONE_DIGITS = "0912345678"
PHONES = (PHONE_DIGITS, "912345678", "0912 345 678", "912 345 678")
PROVINCIAL_CODE = "000.30.31.H12-251120-0042"


def at(day, hour, minute=0):
    return datetime(2026, 11, day, hour, minute)


@pytest.fixture
def rated_day(database, office, clock):
    """Three dossiers due on 20/11 (on time, early, late), all rated that day, two walk-in
    ratings (one on paper), one at 23:30 and one at 00:10 the day after."""
    dossiers = DossierService(database.factory, station="test", clock=clock)
    forms = CounterFormService(database.factory, station="test", clock=clock)

    def dossier(service, received, citizen=CitizenDetails()):
        with clock.at(received):
            return dossiers.register(service, clerk_id=1, citizen=citizen).code

    def form_02(code, asked, back):
        with clock.at(asked):
            forms.request_supplement(code, missing=["Bản sao CCCD"], reason="Thiếu", clerk_id=1)
        with clock.at(back):
            forms.supplement_returned(code, clerk_id=1)

    def returned(code, when):
        with clock.at(when):
            dossiers.return_result(code, clerk_id=1)

    on_time = dossier("HT-KS", at(20, 8), CITIZEN)
    returned(on_time, at(20, 10))
    early = dossier("HT-XNHN", at(17, 9))  # due 20/11
    form_02(early, at(17, 10), at(17, 11))
    returned(early, at(19, 15))
    late = dossier("HT-XNHN", at(17, 9, 10))
    form_02(late, at(17, 10), at(17, 10, 30))
    form_02(late, at(17, 11), at(17, 11, 30))
    returned(late, at(23, 9))

    def rate(when, **answers):
        with clock.at(when):
            RatingService(database.factory, station="kiosk-1", clock=clock).record(
                RatingInput(**answers)
            )

    rate(
        at(20, 10, 5),
        satisfaction=Satisfaction.VERY_SATISFIED,
        dossier_code=on_time,
        contacts_score=2,
        agencies_score=1,
        conduct_complaint=False,
        comment=f"Cán bộ tận tình. Gọi {PHONE_DIGITS} (chị {CITIZEN.name}) nếu cần.",
    )
    rate(
        at(20, 11),
        satisfaction=Satisfaction.SATISFIED,
        dossier_code=early,
        contacts_score=1,
        conduct_complaint=False,
    )
    rate(
        at(20, 12),
        satisfaction=Satisfaction.DISSATISFIED,
        dossier_code=late,
        contacts_score=0,
        agencies_score=0,
        conduct_complaint=True,
        reasons=("slow", "impolite"),
    )
    rate(
        at(20, 13),
        satisfaction=Satisfaction.VERY_SATISFIED,
        service_code="HT-KS",
        contacts_score=2,
        agencies_score=2,
        conduct_complaint=False,
    )
    rate(
        at(20, 14),
        satisfaction=Satisfaction.DISSATISFIED,
        service_code="HT-XNHN",
        contacts_score=1,
        channel=RatingChannel.PAPER,
    )
    rate(at(20, 23, 30), satisfaction=Satisfaction.SATISFIED, service_code="HT-KSL")
    rate(at(21, 0, 10), satisfaction=Satisfaction.SATISFIED, service_code="HT-KSL")
    clock.now = TODAY
    return {"on_time": on_time, "early": early, "late": late}


def export(db_url, tmp_path, name, *options, start="20/11/2026", end="20/11/2026"):
    out = tmp_path / name
    argv = ["export", "ratings", "--from", start, "--to", end, "--out", str(out), "--db", db_url]
    assert run_kiosk([*argv, *options], clock=lambda: TODAY) == 0
    return out


def dvcqg_items(db_url, tmp_path, **period):
    document = json.loads(export(db_url, tmp_path, "danh-gia.json", **period).read_bytes())
    return document


def test_the_dvcqg_file_carries_each_rating_with_the_indicators_of_the_period_report(
    rated_day, database, db_url, tmp_path
):
    document = dvcqg_items(db_url, tmp_path)
    assert document["service"] == "DongBoDanhGiaMC" and document["isUpdating"] is False
    items = document["data"]
    assert len(items) == 6  # 00:10 on 21/11 is the next day's
    by_code = {item["MaHoSo"]: item for item in items if item["MaHoSo"]}
    # Worked out by hand: on time, early after one Form 02, late after two with a complaint.
    on_time, early, late = (by_code[rated_day[k]] for k in ("on_time", "early", "late"))
    assert [on_time[f"ChiSo{n}"] for n in (1, 3, 4, 7)] == [1, 2, 1, 1]
    assert [early[f"ChiSo{n}"] for n in (1, 3, 4, 7)] == [2, 1, None, 2]
    assert [late[f"ChiSo{n}"] for n in (1, 3, 4, 7)] == [0, 0, 0, 0]
    assert (on_time["MaTTHC"], on_time["MaDonVi"]) == ("HT-KS", "000.00.30.H12")
    assert on_time["ThoiGianDanhGia"] == "20261120100500"
    assert (on_time["MucDoHaiLong"], late["MucDoHaiLong"], late["ThangDanhGia"]) == (5, 2, 3)
    assert late["LyDo"] == ["slow", "impolite"]
    # Walk-in ratings come with an empty dossier code and no dossier-based indicator.
    walk_ins = [item for item in items if not item["MaHoSo"]]
    assert [(w["MaTTHC"], w["KenhDanhGia"]) for w in walk_ins] == [
        ("HT-KS", 1),
        ("HT-XNHN", 2),
        ("HT-KSL", 1),
    ]
    assert walk_ins[0]["ChiSo1"] is None and walk_ins[0]["ChiSo3"] is None
    assert walk_ins[0]["ChiSo3TheoTraLoi"] == 2 and walk_ins[0]["ChiSo4"] == 2
    # The period report's means, from the same ratings (every dossier due that day was rated).
    with database.factory() as session:
        unit = compute(session, find_office(session).id, DAY, DAY, TODAY.date()).unit
    for number in (1, 3, 4, 7):
        scores = [item[f"ChiSo{number}"] for item in items if item[f"ChiSo{number}"] is not None]
        assert mean_one_decimal(sum(scores), len(scores)) == unit.indicators[number], number
    asked = [item["ChiSo3TheoTraLoi"] for item in items if item["ChiSo3TheoTraLoi"] is not None]
    assert mean_one_decimal(sum(asked), len(asked)) == unit.indicator_3_asked
    assert len(items) == unit.ratings


def test_each_line_is_traceable_to_its_place_in_the_station_chain(
    rated_day, database, db_url, tmp_path
):
    from kiosk.db.models import Rating

    items = dvcqg_items(db_url, tmp_path)["data"]
    with database.factory() as session:
        chain = {(r.station, r.station_sequence): r.hash for r in session.query(Rating)}
    assert [item["SoThuTu"] for item in items] == [1, 2, 3, 4, 5, 6]
    assert all(chain[(item["TramDanhGia"], item["SoThuTu"])] == item["MaBam"] for item in items)


def test_the_period_is_in_vietnam_days(rated_day, db_url, tmp_path):
    friday = dvcqg_items(db_url, tmp_path)["data"]
    assert friday[-1]["ThoiGianDanhGia"] == "20261120233000"
    saturday = dvcqg_items(db_url, tmp_path, start="21/11/2026", end="21/11/2026")["data"]
    assert [item["ThoiGianDanhGia"] for item in saturday] == ["20261121001000"]
    both = dvcqg_items(db_url, tmp_path, start="2026-11-20", end="2026-11-21")["data"]
    assert len(both) == 7


def _everything_written(path):
    """Every character a reader of the file could see, the workbook's XML included."""
    data = path.read_bytes()
    if path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as book:
            return "".join(book.read(name).decode("utf-8", "replace") for name in book.namelist())
    return data.decode("utf-8-sig")


def test_no_citizen_name_address_phone_or_comment_in_any_format(rated_day, db_url, tmp_path):
    for name in ("danh-gia.json", "danh-gia.csv", "danh-gia.xlsx"):
        text = _everything_written(export(db_url, tmp_path, name))
        assert rated_day["on_time"] in text  # the rated dossier is there …
        for personal in (CITIZEN.name, "Phượng", CITIZEN.address, "Đồng Quýt", *PHONES):
            assert personal not in text, (name, personal)  # … its citizen is not
        assert "tận tình" not in text  # nor the comment, which may hold anything


def test_csv_and_xlsx_speak_the_users_language(rated_day, db_url, tmp_path):
    raw = export(db_url, tmp_path, "danh-gia.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # so Excel reads the Vietnamese right
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    header = rows[0]
    assert header[:4] == ["STT", "Mã hồ sơ", "Mã thủ tục", "Thủ tục hành chính"]
    assert "Chỉ số 1" in header and "Chỉ số 7" in header
    late = next(row for row in rows if row[1] == rated_day["late"])
    assert late[header.index("Chỉ số 1")] == "0"
    assert late[header.index("Mã thủ tục")] == "HT-XNHN"
    book = load_workbook(export(db_url, tmp_path, "danh-gia.xlsx"))
    sheet = book.worksheets[0]
    lines = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(lines) == 6
    assert isinstance(lines[0][4], datetime)  # a real date, for the manager's own formulas
    assert lines[0][7:12] == (1, 2, 2, 1, 1)  # indicators 1, 3, 3 as answered, 4, 7


def test_an_imported_dossier_rated_at_the_kiosk_comes_out_with_its_provincial_code(
    database, office, db_url, tmp_path, clock
):
    with database.factory.begin() as session:
        office_row = find_office(session)
        service = session.query(Service).filter_by(code="HT-KS").one()
        session.add(
            Dossier(
                id=uuid.uuid4(),
                code=PROVINCIAL_CODE,
                office_id=office_row.id,
                service_id=service.id,
                clerk_id=None,
                received_at=at(20, 8),
                due_at=at(20, 17),
                returned_at=at(20, 9),
                source=DossierSource.PROVINCIAL,
                source_status="10",
                imported_at=at(20, 8, 30),
                citizen_name=CITIZEN.name,
            )
        )
    with clock.at(at(20, 9, 5)):
        RatingService(database.factory, station="kiosk-1", clock=clock).record(
            RatingInput(Satisfaction.SATISFIED, dossier_code=PROVINCIAL_CODE, agencies_score=2)
        )
    (item,) = dvcqg_items(db_url, tmp_path)["data"]
    assert (item["MaHoSo"], item["MaTTHC"], item["ChiSo1"], item["ChiSo4"]) == (
        PROVINCIAL_CODE,
        "HT-KS",
        1,
        2,
    )
    assert CITIZEN.name not in json.dumps(item, ensure_ascii=False)


def test_the_format_follows_the_file_name_unless_given(rated_day, db_url, tmp_path):
    json_file = export(db_url, tmp_path, "ra.json")
    assert json.loads(json_file.read_text(encoding="utf-8"))["service"] == "DongBoDanhGiaMC"
    csv_named_txt = export(db_url, tmp_path, "ra.txt", "--format", "csv")
    assert csv_named_txt.read_bytes().startswith(b"\xef\xbb\xbf")


def test_bad_requests_get_one_line_and_leave_the_earlier_file(rated_day, db_url, tmp_path, capsys):
    good = export(db_url, tmp_path, "danh-gia.json")
    before = good.read_bytes()
    base = ["export", "ratings", "--db", db_url, "--out"]
    assert run_kiosk([*base, str(tmp_path / "ra.dat")], clock=lambda: TODAY) != 0
    assert (
        run_kiosk(
            [*base, str(good), "--from", "21/11/2026", "--to", "20/11/2026"], clock=lambda: TODAY
        )
        != 0
    )
    errors = capsys.readouterr().err.strip().splitlines()
    assert len(errors) == 2 and "--format" in errors[0]
    assert "Traceback" not in "".join(errors)
    assert good.read_bytes() == before
    assert not list(tmp_path.glob(".*.partial"))


def test_the_cli_says_how_many_ratings_it_wrote(rated_day, db_url, tmp_path, capsys):
    capsys.readouterr()
    export(db_url, tmp_path, "danh-gia.json", "--json")
    said = json.loads(capsys.readouterr().out)
    assert (said["ratings"], said["format"]) == (6, "dvcqg")


@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31)))
def test_dvcqg_times_read_back_to_the_second(moment):
    assert datetime.strptime(dvcqg_time(moment), DVCQG_TIME) == moment.replace(microsecond=0)
    assert len(dvcqg_time(moment)) == 14


def test_satisfaction_levels_keep_their_order():
    order = [SATISFACTION_LEVEL[s] for s in Satisfaction]  # best first, as the enum lists them
    assert order == sorted(order, reverse=True) and len(set(order)) == len(order)


def test_a_period_without_ratings_gives_an_empty_list(rated_day, db_url, tmp_path):
    document = dvcqg_items(db_url, tmp_path, start="01/12/2026", end="31/12/2026")
    assert document == {"service": "DongBoDanhGiaMC", "isUpdating": False, "data": []}


text = st.text(max_size=30)
lines = st.builds(
    RatingLine,
    dossier_code=st.none() | text,
    procedure_code=text,
    procedure_name_vi=text,
    procedure_name_en=text,
    rated_at=st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31)),
    channel=st.sampled_from(RatingChannel),
    scale=st.sampled_from((3, 5)),
    satisfaction=st.sampled_from(Satisfaction),
    indicator_1=st.none() | st.integers(0, 2),
    indicator_3=st.none() | st.integers(0, 2),
    indicator_3_asked=st.none() | st.integers(0, 2),
    indicator_4=st.none() | st.integers(0, 2),
    indicator_7=st.none() | st.integers(0, 2),
    reasons=st.lists(st.sampled_from(COMPLAINT_REASONS), unique=True).map(tuple),
    station=text,
    sequence=st.integers(1, 10**9),
    hash=st.text("0123456789abcdef", min_size=64, max_size=64),
)


@given(st.lists(lines, max_size=5))
def test_the_dvcqg_file_reads_back_as_the_document_whatever_the_text(lines):
    assert json.loads(dvcqg_bytes(lines, "000.00.30.H12")) == dvcqg_document(lines, "000.00.30.H12")


@pytest.mark.parametrize("name", ["danh-gia.json", "danh-gia.csv", "danh-gia.xlsx"])
def test_a_full_disk_keeps_the_earlier_file_whole(rated_day, db_url, tmp_path, name):
    from tests.kiosk.test_file_output import run_with_file_limit

    out = tmp_path / name
    out.write_bytes(b"the earlier file")
    period = ["--from", "20/11/2026", "--to", "20/11/2026"]
    done = run_with_file_limit(
        512, ["export", "ratings", *period, "--out", str(out), "--db", db_url]
    )
    assert done.returncode == 1, done.stderr
    assert str(out) in done.stderr and "Traceback" not in done.stderr
    assert out.read_bytes() == b"the earlier file"
    assert not list(tmp_path.glob(".*.partial"))


@pytest.mark.sqlite_only
def test_the_export_is_never_written_over_the_database(rated_day, db_url, tmp_path, capsys):
    db_file = tmp_path / "kiosk.sqlite3"
    before = db_file.read_bytes()
    argv = ["export", "ratings", "--format", "dvcqg", "--out", str(db_file), "--db", db_url]
    assert run_kiosk(argv, clock=lambda: TODAY) == 1
    assert "Traceback" not in capsys.readouterr().err
    assert db_file.read_bytes() == before


def test_each_office_hands_back_only_its_own_ratings(database, db_url, clock, tmp_path):
    from tests.kiosk.offices_fixtures import A, B, leaks, seed_two_offices

    two = seed_two_offices(database, clock)
    month = {"start": "01/11/2026", "end": "30/11/2026"}
    for office, mine, theirs in ((A, two.a, two.b), (B, two.b, two.a)):
        for name in (f"{office}.json", f"{office}.csv", f"{office}.xlsx"):
            text = _everything_written(export(db_url, tmp_path, name, "--office", office, **month))
            assert mine.returned in text and theirs.returned not in text, (office, name)
            if office == A:
                assert leaks(text) == [], name
