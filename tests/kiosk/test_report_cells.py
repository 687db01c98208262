import csv
import io
import re
from datetime import date

from hypothesis import given, settings
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


SEPARATORS = (",", ";", "\t")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Only a number we wrote may open a cell with "-": the number, then our own separator or the end.
OUR_NUMBER = re.compile(r"-\d+(\.\d+)?(e[-+]?\d+)?(,|\r|$)")
cells = st.one_of(
    st.text(alphabet=st.sampled_from("=+-@\t\r\n,;\" 'aĐ1"), max_size=12),
    st.text(max_size=8),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.decimals(allow_nan=False, allow_infinity=False, places=2),
    st.none(),
)


def cells_as_read(data: bytes, separator: str) -> list[str]:
    """Every cell a spreadsheet splitting on `separator` sees, without the quotes, spaces and
    line breaks it may drop in front (a quote it misreads can carry our own line end along)."""
    reader = csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=separator)
    return [cell.lstrip(' "\r\n') for row in reader for cell in row]


@settings(max_examples=500)
@given(st.lists(st.lists(cells, min_size=1, max_size=5), min_size=1, max_size=4))
def test_no_csv_cell_starts_a_formula_whatever_the_separator(rows):
    data = csv_bytes(["Mã", "Góp ý", "Số"], rows)
    for separator in SEPARATORS:
        for cell in cells_as_read(data, separator):
            assert not cell.startswith(FORMULA_STARTS) or OUR_NUMBER.match(cell), (
                separator,
                cell,
            )


def test_a_semicolon_excel_sees_no_formula_in_a_comment():
    data = csv_bytes(["Góp ý"], [['tốt;=HYPERLINK("http://x";"bấm")'], ["a;\t@SUM(A1)"]])
    assert all(not cell.startswith(("=", "@", "\t")) for cell in cells_as_read(data, ";")), (
        cells_as_read(data, ";")
    )
    # Read as written (commas), the comment is whole and still says what the citizen wrote.
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[1] == ['tốt;\'=HYPERLINK("http://x";"bấm")']
    assert rows[2] == ["a;'\t'@SUM(A1)"]


@given(st.one_of(st.integers(), st.floats(allow_nan=False, allow_infinity=False)))
def test_numbers_stay_numbers_negative_ones_included(number):
    data = csv_bytes(["Số"], [[number]])
    reader = csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    assert list(reader)[1] == [str(number)]  # written bare: a spreadsheet reads the number


def test_a_negative_number_is_not_a_formula_but_negative_text_is_text():
    data = csv_bytes(["a", "b"], [[-3, "-3"]])
    assert data.decode("utf-8-sig").splitlines()[1] == '-3,"\'-3"'
