"""The case register and the three Decision 766 parts in `kiosk export daily` as PDF, XLSX and
CSV, on both engines: the same figures as office_group_766 in every format, only the period's
cases, and never a citizen's contact nor the text they typed."""

import csv
import io
import subprocess
import zipfile
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from kiosk.answers import FACE_WORDS, RatingInput, Satisfaction
from kiosk.db.case_models import CaseSource
from kiosk.i18n import Translator
from kiosk.reports.case_register import LEFT_OUT_NOTE
from kiosk.reports.decision_766 import CASES_ON_TIME, CASES_SATISFIED, DOSSIERS, office_group_766
from kiosk.services.case_desk import CaseDesk
from kiosk.services.cases import Contact
from kiosk.services.offices import find_office
from kiosk.services.ratings import RatingService
from tests.conftest import run_kiosk
from tests.kiosk.signing import sign_stations
from tests.kiosk.test_case_walk import three_cases

MONDAY = datetime(2026, 11, 23, 9, 30)
HUONG, DUC, MANAGER = 1, 2, 3
tr = Translator("vi")  # the command's language; the words come from the catalogue


def desks(database, clock):
    signer = sign_stations(database, "kiosk-1", "manager-1")
    kiosk = RatingService(database.factory, station="kiosk-1", clock=clock, signer=signer)
    desk = CaseDesk(database.factory, station="manager-1", clock=clock, signer=signer)
    return kiosk, desk


def hand_example(database, clock) -> list[str]:
    """test_case_walk's 3 cases: 2 answered on time, 1 late; handling rated satisfied,
    unsatisfied, and not at all (the late one)."""
    _kiosk, desk, ids = three_cases(database, clock)
    return [desk.show(i, MANAGER).case.number for i in ids]


def export(db_url, clock, out: Path, kind: str, start: date, end: date) -> Path:
    period = ["--from", f"{start:%d/%m/%Y}", "--to", f"{end:%d/%m/%Y}"]
    argv = ["export", "daily", *period, "--format", kind, "--out", str(out), "--db", db_url]
    assert run_kiosk(argv, clock=clock) == 0
    return out


def pdf_text(path: Path) -> str:
    run = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return " ".join(run.stdout.split())


def csv_rows(folder: Path, number: int) -> list[list[str]]:
    path = next(folder.glob(f"{number}-*.csv"))
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def every_format(db_url, clock, tmp_path, start, end) -> tuple[str, object, Path]:
    pdf = export(db_url, clock, tmp_path / "bao-cao.pdf", "pdf", start, end)
    xlsx = export(db_url, clock, tmp_path / "bao-cao.xlsx", "xlsx", start, end)
    folder = export(db_url, clock, tmp_path / "csv", "csv", start, end)
    return pdf_text(pdf), load_workbook(xlsx), folder


def test_the_hand_example_comes_out_the_same_in_pdf_xlsx_and_csv(
    database, office, manager, clock, db_url, tmp_path
):
    numbers = hand_example(database, clock)
    start, end = date(2026, 11, 1), date(2026, 12, 31)
    with database.factory() as session:
        group = office_group_766(session, find_office(session).id, start, end, clock.now)
    on_time, satisfied = group.cases_on_time, group.cases_satisfied
    assert (on_time.counted, on_time.good, on_time.rate, on_time.points) == (
        3,
        2,
        Decimal("66.7"),
        Decimal("4.00"),
    )
    assert (satisfied.good, satisfied.rate, satisfied.points) == (
        1,
        Decimal("33.3"),
        Decimal("2.00"),
    )
    assert group.points == Decimal("6.00")  # no dossier due: 0 for that part
    text, book, folder = every_format(db_url, clock, tmp_path, start, end)

    assert tr("Feedback cases ({count})", count=3) in text
    assert all(number in text for number in numbers)
    # Each part's title, then its count, good ones, rate and points (a long title wraps).
    # On paper in Vietnamese: a decimal comma (the figures' data in XLSX/CSV stay numbers).
    assert tr(CASES_ON_TIME) in text and "3 2 66,7 % 4,00 / 6" in text
    assert "3 1 33,3 % 2,00 / 6" in text and "66.7" not in text
    assert f"{tr('Total')} 6,00 / 18" in text
    assert "Cổng Dịch vụ công quốc gia" in text or "National Public Service Portal" in text

    *_, register_sheet, group_sheet = book.worksheets
    parts = {row[0]: row[1:6] for row in group_sheet.iter_rows(min_row=2, values_only=True)}
    assert parts[tr(CASES_ON_TIME)] == (3, 2, 66.7, 4.0, 6)
    assert parts[tr(CASES_SATISFIED)] == (3, 1, 33.3, 2.0, 6)
    assert parts[tr(DOSSIERS)] == (0, 0, None, 0.0, 6)
    assert parts[tr("Total")] == (None, None, None, 6.0, 18)
    register = list(register_sheet.iter_rows(min_row=2, values_only=True))
    assert [row[0] for row in register] == numbers
    assert register[0][1] == MONDAY and isinstance(register[0][8], datetime)
    assert [row[11] for row in register] == [tr("Yes"), tr("Yes"), tr("No")]
    assert [row[12] for row in register] == [
        tr(FACE_WORDS[Satisfaction.SATISFIED]),
        tr(FACE_WORDS[Satisfaction.DISSATISFIED]),
        tr("not rated"),
    ]
    assert [row[7] for row in register] == ["Trần Văn Đức"] * 3

    group_csv = {row[0]: row[1:6] for row in csv_rows(folder, 8)[1:]}
    assert group_csv[tr(CASES_ON_TIME)] == ["3", "2", "66.7", "4.00", "6"]
    assert group_csv[tr(CASES_SATISFIED)] == ["3", "1", "33.3", "2.00", "6"]
    assert group_csv[tr("Total")][3:] == ["6.00", "18"]
    assert [row[0] for row in csv_rows(folder, 7)[1:]] == numbers


def test_a_citizens_contact_and_text_are_in_no_export(
    database, office, manager, clock, db_url, tmp_path
):
    kiosk, desk = desks(database, clock)
    clock.now = MONDAY
    typed = desk.open(
        MANAGER,
        source=CaseSource.PHONE,
        subject="Thái độ cán bộ",
        text="Xin gọi lại cho Phạm Thị Lan, số 0987654321",
        contact=Contact("Phạm Thị Lan", "0987654321"),
        about_clerk_id=HUONG,
    )
    rating = kiosk.record(
        RatingInput(
            Satisfaction.DISSATISFIED,
            service_code="HT-KS",
            comment="Chờ quá lâu mà không ai giải thích",
        )
    )
    called = desk.call_back(rating.id, Contact("Lê Văn Bình", "0912345678"))
    text, _book, folder = every_format(db_url, clock, tmp_path, MONDAY.date(), MONDAY.date())

    files = {
        "pdf": text.encode(),
        "csv": b"".join(path.read_bytes() for path in sorted(folder.glob("*.csv"))),
    }
    with zipfile.ZipFile(tmp_path / "bao-cao.xlsx") as xlsx:
        files["xlsx"] = b"".join(xlsx.read(name) for name in xlsx.namelist())
    for kind, content in files.items():
        for secret in ("Phạm Thị Lan", "0987654321", "Lê Văn Bình", "0912345678"):
            assert secret.encode() not in content, (kind, secret)
    for kind in ("pdf", "csv", "xlsx"):  # the cases themselves are there
        assert typed.number.encode() in files[kind] and called.number.encode() in files[kind]
    assert tr(LEFT_OUT_NOTE) in text  # the reader is told where the text and contact are
    for kind in ("csv", "xlsx"):  # and the clerk they are about (the PDF may wrap the name)
        assert "Nguyễn Thị Hương".encode() in files[kind], kind


def test_only_the_cases_opened_in_the_period_are_listed_and_counted(
    database, office, manager, clock, db_url, tmp_path
):
    _kiosk, desk = desks(database, clock)
    clock.now = MONDAY - timedelta(days=3)
    before = desk.open(MANAGER, source=CaseSource.MAIL, subject="Kiến nghị gửi qua bưu điện")
    clock.now = MONDAY
    inside = desk.open(MANAGER, source=CaseSource.IN_PERSON, subject="Kiến nghị tại quầy")
    clock.now = MONDAY + timedelta(days=1)
    after = desk.open(MANAGER, source=CaseSource.PHONE, subject="Kiến nghị qua điện thoại")
    text, book, folder = every_format(db_url, clock, tmp_path, MONDAY.date(), MONDAY.date())

    assert inside.number in text
    assert before.number not in text and after.number not in text
    *_, register_sheet, group_sheet = book.worksheets
    listed = list(register_sheet.iter_rows(min_row=2, values_only=True))
    assert [(row[0], row[11]) for row in listed] == [(inside.number, tr("not due yet"))]
    parts = {row[0]: row[1] for row in group_sheet.iter_rows(min_row=2, values_only=True)}
    assert parts[tr(CASES_ON_TIME)] == 1
    assert [row[0] for row in csv_rows(folder, 7)[1:]] == [inside.number]
