import csv
import io
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from kiosk.reports.cells import csv_bytes, safe_cell


def test_comment_that_looks_like_a_formula_stays_text():
    assert safe_cell('=HYPERLINK("http://x","bấm")') == '\'=HYPERLINK("http://x","bấm")'
    assert safe_cell("-1+1") == "'-1+1"
    assert safe_cell("@SUM(A1)") == "'@SUM(A1)"
    assert safe_cell("Cán bộ tận tình") == "Cán bộ tận tình"
    assert safe_cell(-3) == -3  # numbers stay numbers


def test_csv_opens_in_excel_with_vietnamese_intact():
    data = csv_bytes(
        ["Mã hồ sơ", "Góp ý", "Ngày"],
        [["000.00.30.H12-261123-0001", "=1+1 rất tốt", date(2026, 11, 23)]],
    )
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows == [
        ["Mã hồ sơ", "Góp ý", "Ngày"],
        ["000.00.30.H12-261123-0001", "'=1+1 rất tốt", "2026-11-23"],
    ]


@given(st.text())
def test_no_text_cell_can_start_a_formula(text):
    cell = safe_cell(text)
    assert not cell.startswith(("=", "+", "-", "@"))
