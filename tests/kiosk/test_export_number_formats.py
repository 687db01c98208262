"""Figures in the XLSX and CSV exports as a Vietnamese reader sees them: rates and means are
numbers the manager can sum, shown by the spreadsheet in the reader's own locale ("7,1 %" in a
Vietnamese Excel or LibreOffice); no text cell writes a figure with a decimal point."""

import csv
import io
import re
import tempfile
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from kiosk.answers import RatingInput, Satisfaction
from kiosk.reports.cells import safe_cell
from kiosk.reports.export import write_xlsx
from kiosk.reports.tables import Table
from kiosk.services.dossiers import DossierService
from kiosk.services.ratings import RatingService
from tests.conftest import run_kiosk

DAY = date(2026, 11, 20)  # read on Monday 23/11 (the tests' NOW)
OFFICE_CODE = "000.00.30.H12"  # in every dossier code: an identifier, not a figure
DECIMAL_POINT = re.compile(r"\d\.\d")
RATE_LOOK, WHOLE_RATE_LOOK = '0.0" %"', '0" %"'


@pytest.fixture
def one_in_fourteen(database, office, clock):
    """14 dossiers due on 20/11, one returned on time: an on-time rate of 7.1 %, no early
    one (0 %); three ratings, one satisfied (33.3 %)."""
    dossiers = DossierService(database.factory, station="test", clock=clock)
    codes = []
    for minute in range(14):
        with clock.at(datetime(2026, 11, 20, 8, minute)):
            codes.append(dossiers.register("HT-KS", clerk_id=1).code)
    with clock.at(datetime(2026, 11, 20, 10)):
        dossiers.return_result(codes[0], clerk_id=1)
    kiosk = RatingService(database.factory, station="kiosk-1", clock=clock)
    faces = (Satisfaction.SATISFIED, Satisfaction.DISSATISFIED, Satisfaction.DISSATISFIED)
    for minute, face in enumerate(faces):
        with clock.at(datetime(2026, 11, 20, 11, minute)):
            kiosk.record(RatingInput(satisfaction=face, service_code="HT-KS", contacts_score=1))
    return database


def export(db_url, out, kind):
    argv = ["export", "daily", "--date", f"{DAY:%d/%m/%Y}", "--format", kind, "--out", str(out)]
    assert run_kiosk([*argv, "--db", db_url, "--lang", "vi"]) == 0
    return out


def figures_with_a_point(text):
    return DECIMAL_POINT.findall(text.replace(OFFICE_CODE, ""))


def test_a_vietnamese_xlsx_keeps_rates_as_numbers_shown_with_a_comma(
    one_in_fourteen, db_url, tmp_path
):
    book = load_workbook(export(db_url, tmp_path / "bao-cao.xlsx", "xlsx"))
    summary = {row[0].value: row for row in book["Tổng hợp"].iter_rows(min_row=2)}
    on_time = summary["Tỷ lệ đúng hạn (%)"]
    assert on_time[1].value == pytest.approx(7.1) and on_time[1].data_type == "n"
    assert on_time[1].number_format == RATE_LOOK  # "7,1 %" in a Vietnamese spreadsheet
    assert (on_time[2].value, on_time[2].number_format) == (100, WHOLE_RATE_LOOK)  # the target
    early = summary["Tỷ lệ trước hạn (%)"][1]
    assert (early.value, early.number_format) == (0, WHOLE_RATE_LOOK)  # "0 %", not "0,0 %"
    satisfaction = summary["Tỷ lệ hài lòng (%)"][1]
    assert (satisfaction.value, satisfaction.number_format) == (pytest.approx(33.3), RATE_LOOK)
    indicator_1 = summary["Chỉ số 1 (Thông tư 01/2018)"][1]  # (1·1 + 13·0) / 14
    assert (indicator_1.value, indicator_1.number_format) == (pytest.approx(0.1), "0.0")
    by_service = list(book["Theo thủ tục"].iter_rows())
    column = [cell.value for cell in by_service[0]].index("Tỷ lệ đúng hạn (%)")
    assert by_service[1][column].value == pytest.approx(7.1)
    assert by_service[1][column].number_format == RATE_LOOK
    texts = [
        cell.value
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str)
    ]
    assert [t for t in texts if figures_with_a_point(t)] == []


def test_a_vietnamese_csv_writes_figures_as_numbers_and_no_point_in_its_text(
    one_in_fourteen, db_url, tmp_path
):
    """CSV stays machine-readable: a figure is an unquoted number ("7.1", as every CSV reader
    expects); no quoted text writes one with a decimal point."""
    folder = export(db_url, tmp_path / "csv", "csv")
    cells = []
    for path in sorted(folder.glob("*.csv")):
        text = path.read_text(encoding="utf-8-sig")
        cells += [
            c for row in csv.reader(io.StringIO(text), quoting=csv.QUOTE_NONNUMERIC) for c in row
        ]
        if path.name.startswith("1-"):
            summary = {
                row[0]: row for row in csv.reader(io.StringIO(text), quoting=csv.QUOTE_NONNUMERIC)
            }
    assert summary["Tỷ lệ đúng hạn (%)"][1] == pytest.approx(7.1)  # a number, unquoted
    assert [c for c in cells if isinstance(c, str) and figures_with_a_point(c)] == []


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)
        | st.integers(-(10**6), 10**6),
        min_size=1,
        max_size=4,
    )
)
def test_any_text_and_number_read_back_from_the_xlsx_as_written(values):
    """Whatever a citizen or a clerk typed (ampersands, angle brackets, quotes, edge spaces,
    Vietnamese) comes back from the spreadsheet as written; a formula start gets its '."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bang.xlsx"
        table = Table("Bảng & <thử>", [f"Cột {n}" for n in range(len(values))], [values])
        write_xlsx([table], path, "Tiêu đề & 'thử'")
        sheet = load_workbook(path)["Bảng & <thử>"]
        read = [cell.value for cell in next(sheet.iter_rows(min_row=2))]
    expected = [safe_cell(v) for v in values]
    assert [v if v != "" else None for v in read] == [v if v != "" else None for v in expected]


def test_control_characters_leave_the_xlsx_readable(tmp_path):
    path = tmp_path / "bang.xlsx"
    write_xlsx([Table("A", ["x"], [["chờ\x0blâu\x01"], ["  cách  "]])], path, "")
    rows = [c.value for c in load_workbook(path)["A"]["A"]]
    assert rows[0] == "x" and "chờ" in rows[1] and rows[2] == "  cách  "
