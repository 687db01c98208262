"""Reading the national procedure catalogue's spreadsheet: its headers found however they are
written, its processing times read only where they can be read without guessing."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.catalogue_sheet import parse_processing_days, read_catalogue
from kiosk.errors import InvalidInputError


@pytest.mark.parametrize(
    ("written", "days"),
    [
        ("Trong ngày", 0),
        ("Ngay trong ngày làm việc", 0),
        ("05 ngày làm việc", 5),
        ("5 Ngày làm việc", 5),
        ("15ngày làm việc", 15),
        ("05 (năm) ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 5),
        ("Không quá 03 ngày làm việc", 3),
        ("Trực tiếp: 10 Ngày làm việc; Trực tuyến: 10 Ngày làm việc", 10),
        ("12 ngày LV", 12),
        ("7", 7),
        (20, 20),
        (3.0, 3),
    ],
)
def test_the_common_ways_of_writing_a_processing_time_are_read(written, days):
    assert parse_processing_days(written) == days


@pytest.mark.parametrize(
    ("written", "words"),
    [
        ("30 ngày", "does not say working days"),
        ("04 giờ làm việc", "not in days"),
        ("01 tháng", "not in days"),
        ("Trường hợp 1: 05 ngày làm việc; trường hợp 2: 10 ngày làm việc", "several times"),
        ("Trong ngày hoặc 02 ngày làm việc", "several times"),
        ("Theo quy định", "not a processing time"),
        ("", "not a processing time"),
        (None, "not a processing time"),
        (2.5, "not a whole number"),
        (-1, "not a whole number"),
    ],
)
def test_a_processing_time_that_would_need_a_guess_is_refused_in_words(written, words):
    with pytest.raises(InvalidInputError, match=words):
        parse_processing_days(written)


@given(
    days=st.integers(min_value=0, max_value=250),
    zero_padded=st.booleans(),
    words=st.sampled_from(["ngày làm việc", "Ngày làm việc", "NGÀY LÀM VIỆC", "ngay lam viec"]),
    before=st.sampled_from(["", "Không quá ", "Trong thời hạn ", "Trực tiếp: "]),
    after=st.sampled_from(["", " kể từ ngày nhận đủ hồ sơ hợp lệ", ".", " (trực tuyến)"]),
)
def test_n_working_days_reads_as_n_however_it_is_dressed(days, zero_padded, words, before, after):
    number = f"{days:02d}" if zero_padded else str(days)
    assert parse_processing_days(f"{before}{number} {words}{after}") == days


def write_csv(path, text, encoding="utf-8-sig"):
    path.write_bytes(text.encode(encoding))
    return path


def test_headers_are_found_below_a_title_in_any_order_with_or_without_accents(tmp_path):
    path = write_csv(
        tmp_path / "tthc.csv",
        "Danh mục thủ tục;;;\n"
        "THOI HAN GIAI QUYET;linh vuc;TÊN THỦ TỤC;Mã TTHC\n"
        "05 ngày làm việc;Hộ tịch;Đăng ký kết hôn;1.000894\n",
    )
    sheet = read_catalogue(path)
    [row] = sheet.rows
    assert (row.row, row.code, row.name_vi, row.field, row.processing_days) == (
        3,
        "1.000894",
        "Đăng ký kết hôn",
        "Hộ tịch",
        5,
    )
    assert sheet.headers["code"] == "Mã TTHC"


def test_a_comma_separated_file_with_quoted_cells_is_read(tmp_path):
    path = write_csv(
        tmp_path / "tthc.csv",
        "Mã thủ tục,Tên thủ tục,Lĩnh vực,Thời hạn giải quyết\n"
        '1.001193,"Đăng ký khai sinh, kết hợp cấp thẻ",Hộ tịch,Trong ngày\n',
    )
    [row] = read_catalogue(path).rows
    assert row.name_vi == "Đăng ký khai sinh, kết hợp cấp thẻ" and row.processing_days == 0


def test_an_unterminated_quote_refuses_the_whole_file(tmp_path):
    path = write_csv(
        tmp_path / "tthc.csv",
        "Mã thủ tục;Tên thủ tục;Lĩnh vực;Thời hạn giải quyết\n"
        "1.001193;Đăng ký khai sinh;Hộ tịch;Trong ngày\n"
        '1.000894;"Đăng ký kết hôn;Hộ tịch;05 ngày làm việc\n'
        "2.000986;Trích lục;Hộ tịch;Trong ngày\n",
    )
    with pytest.raises(InvalidInputError, match="line 4: a quoted cell is not closed"):
        read_catalogue(path)


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("tthc.xls", b"\xd0\xcf\x11\xe0", "old Excel format"),
        ("tthc.pdf", b"%PDF", "read from an .xlsx or .csv"),
        ("tthc.csv", b"M\xe3 th\xf9 t\xf9c;T\xean\n", "not UTF-8"),  # a Windows code page
        ("tthc.csv", "Mã thủ tục;Tên thủ tục;Lĩnh vực\n".encode(), "'Thời hạn giải quyết'"),
        ("tthc.csv", "STT;Tên\n1;Khai sinh\n".encode(), "No header row"),
        ("tthc.xlsx", b"not a zip", "Excel (XLSX)"),
    ],
)
def test_a_file_that_is_not_the_catalogue_is_refused_in_words(tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InvalidInputError, match=words.replace("(", r"\(").replace(")", r"\)")):
        read_catalogue(path)
