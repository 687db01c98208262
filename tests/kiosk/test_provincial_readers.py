"""Reading the provincial one-stop system's files: Form 07 registers (XLSX, CSV) with headers
however they are written, the national portal's dossier sync (DVCQG JSON), each bad row named
with its reason in words, and a file that is no register refused as a whole."""

from __future__ import annotations

import json
import unicodedata
from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from kiosk.errors import InvalidInputError
from kiosk.i18n import Translator
from kiosk.provincial.columns import default_columns_path, header_key, load_columns
from kiosk.provincial.moments import dvcqg_moment, sheet_moment
from kiosk.provincial.reading import read_dossier_file
from kiosk.provincial.records import FileFormat
from kiosk.provincial.register import split_contact
from kiosk.service_search import fold
from tests.kiosk.provincial_files import (
    REGISTER_HEADERS,
    dvcqg_item,
    register_row,
    write_dvcqg_json,
    write_register_csv,
    write_register_xlsx,
)

pytestmark = pytest.mark.clock_free  # files are read; no clock is asked

VI, EN = Translator("vi"), Translator("en")
UNIT = "000.00.30.H12"


def code(day: str, sequence: int) -> str:
    return f"{UNIT}-{day}-{sequence:04d}"


def by_code(parsed):
    return {d.code: d for d in parsed.dossiers}


def refusals(parsed, tr=EN):
    return {r.line: r.reason.render(tr) for r in parsed.refused}


def test_hand_written_xlsx_with_title_rows_and_odd_headers_gives_the_dossiers_and_the_bad_row(
    tmp_path,
):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["UBND XÃ TÂN LẬP"])
    sheet.append(["SỔ THEO DÕI HỒ SƠ", None, None, "Tháng 11/2026"])
    sheet.append([])
    sheet.append(
        [
            "NGÀY HẸN TRẢ",
            " mã  hồ sơ ",
            "ten tthc",
            "Mã TTHC:",
            "Cơ quan giải quyết",  # a column the kiosk does not need
            "Chủ Hồ Sơ",
            "Ngày tiếp nhận",
            "Địa chỉ",
            "Số điện thoại",
            "Ngày trả kết quả",
            "TRẠNG THÁI",
        ]
    )
    sheet.append(
        [
            datetime(2026, 11, 25),  # a date cell: the appointment is that day's end
            code("261123", 1),
            "Đăng ký khai sinh",
            "1.001193",
            "UBND xã Tân Lập",
            "Nguyễn Văn An",
            datetime(2026, 11, 23, 8, 15),
            "Thôn 2, xã Tân Lập",
            "0912345678",
            datetime(2026, 11, 24, 10, 5),
            "Đã trả kết quả",
        ]
    )
    sheet.append(
        [
            "27/11/2026 16:30",
            code("261123", 2),
            "Chứng thực bản sao từ bản chính",
            "2.000815",
            None,
            "Trần Thị Bình",
            "23/11/2026 09:40",
            None,
            912345679,  # stored as a number: the leading 0 was lost
            None,
            "Đang xử lý",
        ]
    )
    sheet.append(  # the bad row: appointment before the dossier was received
        ["20/11/2026", code("261123", 3), "Đăng ký kết hôn", "1.000894", None, "Lê Văn Cường"]
        + ["23/11/2026 10:00", None, None, None, None]
    )
    workbook.save(tmp_path / "so-theo-doi.xlsx")

    parsed = read_dossier_file(tmp_path / "so-theo-doi.xlsx")

    assert parsed.format is FileFormat.XLSX
    first, second = by_code(parsed)[code("261123", 1)], by_code(parsed)[code("261123", 2)]
    assert (first.line, first.procedure_code, first.procedure_name) == (
        5,
        "1.001193",
        "Đăng ký khai sinh",
    )
    assert first.citizen_name == "Nguyễn Văn An"
    assert (first.citizen_address, first.citizen_phone) == ("Thôn 2, xã Tân Lập", "0912345678")
    assert first.received_at == datetime(2026, 11, 23, 8, 15)
    assert first.due_at == datetime(2026, 11, 25, 17, 0)
    assert first.returned_at == datetime(2026, 11, 24, 10, 5)
    assert first.status_code == "10"
    assert second.due_at == datetime(2026, 11, 27, 16, 30)
    assert second.citizen_phone == "0912345679"
    assert (second.status_code, second.returned_at) == ("4", None)
    assert [r.line for r in parsed.refused] == [7]
    assert parsed.refused[0].code == code("261123", 3)
    assert "20/11/2026" in refusals(parsed, VI)[7]
    assert refusals(parsed)[7] == (
        "The appointment (20/11/2026) is before the dossier was received (23/11/2026)."
    )
    assert parsed.columns["code"] == "mã  hồ sơ"
    assert parsed.columns["due_at"] == "NGÀY HẸN TRẢ"


def test_csv_with_bom_and_semicolons_is_read(tmp_path):
    rows = [
        register_row(code("261123", 1), "1.001193", datetime(2026, 11, 23, 8, 15), "25/11/2026"),
        register_row(
            code("261123", 2),
            "2.000815",
            "23/11/2026 14:00",
            "24/11/2026 10:00",
            "24/11/2026 09:15",
            procedure_name="Chứng thực chữ ký",
            contact="Số 5 ngõ 12, phường Hà Đông; 024 3825 1234",
            status="Đã trả kết quả",
            notes="=SUM(A1)",  # text, never a formula
        ),
    ]
    path = write_register_csv(tmp_path / "export.csv", rows, bom=True, delimiter=";")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")

    parsed = read_dossier_file(path)

    assert parsed.format is FileFormat.CSV and parsed.refused == () and parsed.encoding is None
    first, second = by_code(parsed)[code("261123", 1)], by_code(parsed)[code("261123", 2)]
    assert first.due_at == datetime(2026, 11, 25, 17, 0)
    assert (first.citizen_address, first.citizen_phone) == ("Thôn 2, xã Tân Lập", "0912 345 678")
    assert second.citizen_address == "Số 5 ngõ 12, phường Hà Đông"
    assert second.citizen_phone == "024 3825 1234"
    assert second.returned_at == datetime(2026, 11, 24, 9, 15)
    assert second.notes == "=SUM(A1)"
    assert [d.line for d in parsed.dossiers] == [2, 3]


@pytest.mark.parametrize("delimiter", [",", "\t"])
def test_csv_separator_is_found_from_the_header(tmp_path, delimiter):
    rows = [register_row(code("261123", 1), "1.001193", "23/11/2026 08:15", "25/11/2026")]
    path = write_register_csv(tmp_path / "r.csv", rows, bom=False, delimiter=delimiter)
    assert by_code(read_dossier_file(path))[code("261123", 1)].citizen_name == "Nguyễn Văn An"


TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def _cp1258(text: str) -> bytes:
    """Vietnamese Windows spells a toned vowel as the vowel and a combining tone mark."""
    out = b""
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            tones = "".join(c for c in parts if c in TONE_MARKS)
            vowel = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            out += (vowel + tones).encode("cp1258")
    return out


def test_csv_that_is_not_utf8_is_read_as_vietnamese_windows_and_says_so(tmp_path):
    text = "Mã hồ sơ;Mã TTHC;Chủ hồ sơ;Ngày tiếp nhận;Ngày hẹn trả\r\n"
    text += f"{code('261123', 1)};1.001193;Nguyễn Thị Hường;23/11/2026 08:15;25/11/2026\r\n"
    (tmp_path / "old.csv").write_bytes(_cp1258(text))

    parsed = read_dossier_file(tmp_path / "old.csv")

    assert parsed.encoding == "cp1258"
    name = parsed.dossiers[0].citizen_name
    assert name == "Nguyễn Thị Hường" and unicodedata.is_normalized("NFC", name)


def test_dvcqg_sync_with_three_dossiers(tmp_path):
    received = datetime(2026, 11, 16, 8, 30)
    items = [
        dvcqg_item(  # returned early
            code("261116", 1),
            "1.001193",
            received,
            datetime(2026, 11, 18, 17, 0),
            returned=datetime(2026, 11, 17, 15, 0),
            status="10",
        ),
        dvcqg_item(  # a supplement moved the appointment, then an apology moved it again
            code("261116", 2),
            "2.000815",
            received,
            datetime(2026, 11, 26, 17, 0),
            supplements=[
                (datetime(2026, 11, 19, 17, 0), datetime(2026, 11, 23, 17, 0)),
                (datetime(2026, 11, 23, 17, 0), datetime(2026, 11, 26, 17, 0)),
            ],
            status="4",
        ),
        dvcqg_item(  # returned late
            code("261116", 3),
            "1.000894",
            received,
            datetime(2026, 11, 19, 17, 0),
            returned=datetime(2026, 11, 21, 9, 0),
            status="10",
            procedure_name="Đăng ký kết hôn",
        ),
    ]
    parsed = read_dossier_file(write_dvcqg_json(tmp_path / "dongbo.json", items))

    assert parsed.format is FileFormat.DVCQG and parsed.refused == ()
    early, again, late = (by_code(parsed)[code("261116", n)] for n in (1, 2, 3))
    assert early.returned_at == datetime(2026, 11, 17, 15, 0) and early.status_code == "10"
    assert (early.field_code, early.field_name) == ("G09-TP03", "Hộ tịch")
    assert again.due_at == datetime(2026, 11, 23, 17, 0)
    assert again.reappointed_due_at == datetime(2026, 11, 26, 17, 0)
    assert late.due_at == datetime(2026, 11, 19, 17, 0)
    assert late.returned_at == datetime(2026, 11, 21, 9, 0)
    assert late.procedure_name == "Đăng ký kết hôn"
    assert early.citizen_phone == "0912345678"
    # No e-mail and no ID number are read.
    assert "example.vn" not in repr(parsed) and "001099012345" not in repr(parsed)


@pytest.mark.parametrize(
    ("supplements", "current", "due", "again"),
    [
        ((), "20261120170000", datetime(2026, 11, 20, 17), None),
        (
            [("20261120170000", "20261124170000")],
            "20261124170000",
            datetime(2026, 11, 24, 17),
            None,
        ),
        (  # the item's NgayHenTra is the current appointment when it disagrees
            [("20261120170000", "20261124170000"), ("20261124170000", "20261126170000")],
            "20261127170000",
            datetime(2026, 11, 24, 17),
            datetime(2026, 11, 27, 17),
        ),
        (  # no NgayHenTra: the last new appointment is the current one
            [("20261120170000", "20261124170000"), ("20261124170000", "20261126170000")],
            "",
            datetime(2026, 11, 24, 17),
            datetime(2026, 11, 26, 17),
        ),
        (  # a supplement entry that moved nothing is no supplement
            [("20261120170000", ""), ("20261120170000", "20261125170000")],
            "20261125170000",
            datetime(2026, 11, 25, 17),
            None,
        ),
        (  # one supplement, then an apology: only NgayHenTra moved again
            [("20261120170000", "20261124170000")],
            "20261127170000",
            datetime(2026, 11, 24, 17),
            datetime(2026, 11, 27, 17),
        ),
        (  # the same day at another hour is the same appointment
            [("20261120170000", "20261124113000")],
            "20261124170000",
            datetime(2026, 11, 24, 17),
            None,
        ),
        (  # dates as .NET writes an unformatted DateTime
            [("2026-11-20T17:00:00", "2026-11-24T17:00:00+07:00")],
            "20261124170000",
            datetime(2026, 11, 24, 17),
            None,
        ),
    ],
)
def test_dvcqg_first_supplement_moves_the_appointment_and_a_later_one_reappoints(
    tmp_path, supplements, current, due, again
):
    item = dvcqg_item(code("261116", 1), "1.001193", datetime(2026, 11, 16, 8), due)
    item["NgayHenTra"] = current
    item["DanhSachHoSoBoSung"] = [
        {"NgayHenTraTruoc": before, "NgayHenTraMoi": after} for before, after in supplements
    ]
    (dossier,) = read_dossier_file(write_dvcqg_json(tmp_path / "s.json", [item])).dossiers
    assert (dossier.due_at, dossier.reappointed_due_at) == (due, again)


@pytest.mark.parametrize(("status", "not_processed"), [("3", True), ("7", True), ("8", True)])
def test_dvcqg_refused_withdrawn_or_stopped_dossiers_are_not_processed(
    tmp_path, status, not_processed
):
    item = dvcqg_item(
        code("261116", 1), "1.001193", datetime(2026, 11, 16, 8), datetime(2026, 11, 18, 17)
    )
    item["TrangThaiHoSo"] = status
    (dossier,) = read_dossier_file(write_dvcqg_json(tmp_path / "s.json", [item])).dossiers
    assert dossier.not_processed is not_processed and dossier.status_code == status


def test_an_office_mapping_file_renames_a_column(tmp_path):
    mapping = json.loads(default_columns_path().read_text("utf-8"))
    mapping["code"] = [*mapping["code"], "Số phiếu hẹn"]
    mapping["due_at"] = [*mapping["due_at"], "Hạn trả (theo phiếu)"]
    office = tmp_path / "cot-cua-xa.json"
    office.write_text(json.dumps(mapping, ensure_ascii=False), "utf-8")
    headers = REGISTER_HEADERS | {"code": "Số phiếu hẹn", "due_at": "Hạn trả (theo phiếu)"}
    rows = [register_row(code("261123", 1), "1.001193", "23/11/2026 08:15", "25/11/2026")]
    path = write_register_xlsx(tmp_path / "r.xlsx", rows, headers)

    with pytest.raises(InvalidInputError) as shipped:
        read_dossier_file(path)
    (dossier,) = read_dossier_file(path, columns=office).dossiers

    assert "no row in its first 30 names the dossier code" in shipped.value.render(EN)
    assert dossier.due_at == datetime(2026, 11, 25, 17, 0)


def test_a_mapping_file_with_an_unknown_field_is_refused_in_words(tmp_path):
    office = tmp_path / "cot.json"
    office.write_text(json.dumps({"ma_ho_so": ["Mã hồ sơ"]}), "utf-8")
    rows = [register_row(code("261123", 1), "1.001193", "23/11/2026 08:15", "25/11/2026")]
    with pytest.raises(InvalidInputError) as error:
        read_dossier_file(write_register_csv(tmp_path / "r.csv", rows), columns=office)
    assert "unknown field 'ma_ho_so'" in error.value.render(EN)


def test_a_file_that_is_not_a_register_is_refused_in_words(tmp_path):
    path = tmp_path / "danh-ba.csv"
    path.write_text("Họ tên;Điện thoại\nNguyễn Văn An;0912345678\n", "utf-8")
    with pytest.raises(InvalidInputError) as error:
        read_dossier_file(path)
    assert error.value.render(EN) == (
        "danh-ba.csv is not a register of dossiers: no row in its first 30 names the dossier "
        "code ('Mã hồ sơ') beside other register columns. Nothing was imported."
    )


def test_a_register_without_a_required_column_is_refused_naming_it(tmp_path):
    procedure = ("procedure_code", "procedure_name")
    headers = {k: v for k, v in REGISTER_HEADERS.items() if k not in procedure}
    rows = [register_row(code("261123", 1), "1.001193", "23/11/2026 08:15", "25/11/2026")]
    with pytest.raises(InvalidInputError) as error:
        read_dossier_file(write_register_xlsx(tmp_path / "r.xlsx", rows, headers))
    assert "has no column 'Mã TTHC'" in error.value.render(EN)


def test_a_register_naming_procedures_without_codes_leaves_the_code_to_the_catalogue(tmp_path):
    headers = {k: v for k, v in REGISTER_HEADERS.items() if k != "procedure_code"}
    rows = [register_row(code("261123", 1), "", "23/11/2026 08:15", "25/11/2026")]
    rows.append(register_row(code("261123", 2), "", "23/11/2026 08:20", "25/11/2026"))
    rows[1]["procedure_name"] = None
    parsed = read_dossier_file(write_register_xlsx(tmp_path / "r.xlsx", rows, headers))
    [dossier] = parsed.dossiers
    assert (dossier.procedure_code, dossier.procedure_name) == ("", "Đăng ký khai sinh")
    [refused] = parsed.refused
    assert refused.reason.render(EN) == "The procedure (Tên thủ tục hành chính) is empty."


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("empty.csv", b"  \n", "is empty"),
        ("broken.json", b'{"service": "DongBoHoSoMC", "data": [', "is not valid JSON"),
        ("other.json", b'{"service": "LayThuTuc", "data": [{}]}', '"LayThuTuc", not the'),
        ("none.json", b'{"service": "DongBoHoSoMC", "data": []}', "lists no dossier"),
        ("list.json", b"[1, 2]", "not a dossier sync"),
        ("fake.xlsx", b"Ma ho so;Ma TTHC\n", "is not an Excel (XLSX) workbook"),
        ("old.xls", b"\xd0\xcf\x11\xe0", "old Excel format"),
    ],
)
def test_a_file_that_cannot_be_read_as_a_whole_says_why(tmp_path, name, content, words):
    (tmp_path / name).write_bytes(content)
    with pytest.raises(InvalidInputError) as error:
        read_dossier_file(tmp_path / name)
    assert words in error.value.render(EN)
    assert error.value.render(VI)  # shown in Vietnamese too, never a traceback


def test_format_is_found_from_the_content_when_the_extension_says_nothing(tmp_path):
    item = dvcqg_item(
        code("261116", 1), "1.001193", datetime(2026, 11, 16, 8), datetime(2026, 11, 18, 17)
    )
    json_file = write_dvcqg_json(tmp_path / "download", [item])
    rows = [register_row(code("261123", 1), "1.001193", "23/11/2026 08:15", "25/11/2026")]
    xlsx_file = write_register_xlsx(tmp_path / "r.xlsx", rows).rename(tmp_path / "export")
    csv_file = write_register_csv(tmp_path / "export.dat", rows)
    assert read_dossier_file(json_file).format is FileFormat.DVCQG
    assert read_dossier_file(xlsx_file).format is FileFormat.XLSX
    assert read_dossier_file(csv_file).format is FileFormat.CSV


LONG_NAME = "Nguyễn " * 20


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"code": None}, "The dossier code (Mã hồ sơ) is empty."),
        ({"procedure_code": " "}, "The procedure code (Mã TTHC) is empty."),
        ({"procedure_code": 1.00119}, "Mã TTHC is stored as a number"),
        (
            {"received_at": "23.11.26"},
            "Ngày tiếp nhận: '23.11.26' is not a date (write it as dd/mm/yyyy",
        ),
        ({"due_at": None}, "Ngày hẹn trả is empty: every dossier needs it."),
        ({"due_at": "25/11/2126"}, "Ngày hẹn trả: 25/11/2126 is not between the years 2000"),
        ({"received_at": "23/11/1999"}, "is not between the years 2000 and 2099"),
        (
            {"returned_at": "22/11/2026 16:00"},
            "Returned (22/11/2026 16:00) before it was received (23/11/2026 08:15).",
        ),
        ({"returned_at": "23/11/2026 08:00"}, "Returned (23/11/2026 08:00) before it was"),
        ({"due_at": "22/11/2026"}, "The appointment (22/11/2026) is before the dossier was"),
        ({"citizen_name": LONG_NAME}, "Chủ hồ sơ is too long: at most 120 characters, not 139."),
        ({"procedure_code": "1" * 41}, "Mã TTHC is too long: at most 40 characters"),
    ],
)
def test_each_bad_row_is_refused_with_its_reason(tmp_path, change, words):
    good = register_row(code("261123", 1), "1.001193", "23/11/2026 08:15", "25/11/2026")
    bad = register_row(code("261123", 2), "1.001193", "23/11/2026 08:15", "25/11/2026") | change
    parsed = read_dossier_file(write_register_xlsx(tmp_path / "r.xlsx", [good, bad]))
    assert [d.code for d in parsed.dossiers] == [code("261123", 1)]
    (refused,) = parsed.refused
    assert refused.line == 5  # title, blank row, header, the good row
    assert words in refused.reason.render(EN)
    assert refused.reason.render(VI)


def test_a_code_twice_in_one_file_refuses_the_second_naming_the_first(tmp_path):
    row = register_row(code("261123", 1), "1.001193", "23/11/2026 08:15", "25/11/2026")
    parsed = read_dossier_file(write_register_csv(tmp_path / "r.csv", [row, row]))
    assert [(r.line, r.code) for r in parsed.refused] == [(3, code("261123", 1))]
    assert refusals(parsed)[3] == (
        f"The dossier code {code('261123', 1)} is also on line 2: a file lists each dossier once."
    )


def test_dvcqg_bad_items_name_the_json_field(tmp_path):
    good = dvcqg_item(
        code("261116", 1), "1.001193", datetime(2026, 11, 16, 8), datetime(2026, 11, 18, 17)
    )
    bad = good | {"MaHoSo": code("261116", 2), "NgayHenTra": "18/11/2026"}
    parsed = read_dossier_file(write_dvcqg_json(tmp_path / "s.json", [good, bad, "?"]))
    assert refusals(parsed) == {
        2: "NgayHenTra: '18/11/2026' is not a date (write it as dd/mm/yyyy or dd/mm/yyyy hh:mm).",
        3: "This entry of the list is not a dossier (an object).",
    }


def test_form_07_two_row_header_and_its_column_numbers_are_read(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["SỔ THEO DÕI HỒ SƠ"])
    sheet.append(
        ["STT", "Mã hồ sơ", "Mã TTHC", "Tên TTHC", "Tên tổ chức, cá nhân"]
        + ["Địa chỉ, số điện thoại", "Cơ quan chủ trì giải quyết", "Nhận và trả kết quả"]
    )
    sheet.append(
        [None] * 7
        + ["Ngày nhận hồ sơ", "Ngày hẹn trả kết quả", "Ngày có kết quả"]
        + ["Ngày trả kết quả", "Phương thức nhận kết quả", "Ký nhận", "Ghi chú"]
    )
    sheet.append([f"({n})" for n in range(1, 15)])
    sheet.append(
        [1, code("261123", 1), "1.001193", "Đăng ký khai sinh", "Phạm Thị Dung"]
        + ["Xóm 3, 0987 654 321", "UBND xã", "23/11/2026 08:15", "25/11/2026", None]
        + ["24/11/2026 15:00", "Trực tiếp", None, "Trả sớm"]
    )
    workbook.save(tmp_path / "mau07.xlsx")

    parsed = read_dossier_file(tmp_path / "mau07.xlsx")

    (dossier,) = parsed.dossiers
    assert parsed.refused == ()
    assert (dossier.line, dossier.citizen_name, dossier.citizen_phone) == (
        5,
        "Phạm Thị Dung",
        "0987 654 321",
    )
    assert dossier.due_at == datetime(2026, 11, 25, 17, 0)
    assert dossier.returned_at == datetime(2026, 11, 24, 15, 0)
    assert dossier.notes == "Trả sớm"


def test_the_headers_of_our_own_register_export_are_known_in_both_languages():
    fields = load_columns()
    ours = {
        "code": "Dossier code",
        "procedure_name": "Procedure",
        "citizen_name": "Citizen",
        "citizen_contact": "Address, phone",
        "received_at": "Received",
        "due_at": "Appointment",
        "returned_at": "Returned",
        "notes": "Notes",
    }
    for tr in (VI, EN):
        assert {field: fields.get(header_key(tr(h))) for field, h in ours.items()} == {
            field: field for field in ours
        }


@pytest.mark.parametrize(
    ("text", "moment"),
    [
        ("23/11/2026", datetime(2026, 11, 23)),
        ("3/1/2026", datetime(2026, 1, 3)),
        ("23-11-2026", datetime(2026, 11, 23)),
        ("23/11/2026 08:15", datetime(2026, 11, 23, 8, 15)),
        ("23/11/2026 08:15:30", datetime(2026, 11, 23, 8, 15, 30)),
        ("08:15 23/11/2026", datetime(2026, 11, 23, 8, 15)),
        ("08h15, 23/11/2026", datetime(2026, 11, 23, 8, 15)),
        ("2026-11-23", datetime(2026, 11, 23)),
        ("2026-11-23 08:15:00", datetime(2026, 11, 23, 8, 15)),
        ("2026-11-23T08:15", datetime(2026, 11, 23, 8, 15)),
        ("'23/11/2026 08:15", datetime(2026, 11, 23, 8, 15)),
    ],
)
def test_the_usual_ways_of_writing_a_date_are_read(text, moment):
    assert sheet_moment(text) == moment


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("Đã trả kết quả", "10"),
        ("đã xử lý xong", "9"),
        ("Dang xu ly", "4"),
        ("Yêu cầu bổ sung", "5"),
        ("Không được tiếp nhận", "3"),
        ("10", "10"),
        ("Chờ ký duyệt", None),
    ],
)
def test_register_status_text_is_read_as_the_dvcqg_code(tmp_path, status, expected):
    row = register_row(
        code("261123", 1), "1.001193", "23/11/2026 08:15", "25/11/2026", status=status
    )
    (dossier,) = read_dossier_file(write_register_csv(tmp_path / "r.csv", [row])).dossiers
    assert dossier.status_code == expected
    assert dossier.not_processed is (expected == "3")


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("Thôn 2, xã Tân Lập, 0912 345 678", ("Thôn 2, xã Tân Lập", "0912 345 678")),
        ("Thôn 2 - 0912.345.678", ("Thôn 2", "0912.345.678")),
        ("Số 12, đường 3/2", ("Số 12, đường 3/2", None)),
        ("0912345678", (None, "0912345678")),
    ],
)
def test_form_07_address_and_phone_column_is_split(text, parts):
    assert split_contact(text) == parts


def _disguised(header: str, choices: list[int]) -> str:
    """`header` with its accents dropped or kept, its case changed, and spaces or punctuation
    put between its characters, as `choices` says."""
    out = []
    for index, char in enumerate(header):
        choice = choices[index % len(choices)]
        if choice & 1:
            char = fold(char) or char
        char = char.upper() if choice & 2 else char.lower()
        out.append(char + [" ", "", ".", "  ", ":", "-", "", ""][(choice >> 2) % 8])
    return "".join(out)


@given(
    st.sampled_from(
        ["Mã hồ sơ", "Mã TTHC", "Tên thủ tục hành chính", "Ngày hẹn trả", "Địa chỉ, số điện thoại"]
    ),
    st.lists(st.integers(min_value=0, max_value=31), min_size=1, max_size=12),
)
def test_header_matching_ignores_accents_case_spacing_and_punctuation(header, choices):
    assert header_key(_disguised(header, choices)) == header_key(header)
    assert load_columns().get(header_key(_disguised(header, choices))) is not None


USUAL_FORMS = ["%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%H:%M %d/%m/%Y", "%Y-%m-%d %H:%M:%S"]


@given(
    st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31, 23, 59)),
    st.sampled_from([*USUAL_FORMS, "%Y-%m-%dT%H:%M"]),
)
def test_a_moment_written_in_any_usual_form_reads_back_the_same(moment, form):
    moment = moment.replace(second=moment.second if "%S" in form else 0, microsecond=0)
    assert sheet_moment(moment.strftime(form)) == moment
    assert dvcqg_moment(moment.strftime("%Y%m%d%H%M%S")) == moment


def test_a_first_row_whose_status_reads_like_a_header_is_still_a_dossier(tmp_path):
    headers = {k: v for k, v in REGISTER_HEADERS.items() if k != "received_at"}
    headers["received_at"] = "Thời điểm nộp"  # not a known header: the sheet lacks one
    row = register_row(code("261123", 1), "1.001193", "23/11/2026 08:15", "25/11/2026")
    row["status"] = "Tiếp nhận"
    with pytest.raises(InvalidInputError) as error:
        read_dossier_file(write_register_csv(tmp_path / "r.csv", [row], headers))
    assert "has no column 'Ngày tiếp nhận'" in error.value.render(EN)


def test_text_is_nfc_and_trimmed_and_a_spreadsheet_apostrophe_is_dropped(tmp_path):
    decomposed = unicodedata.normalize("NFD", "  Nguyễn Thị Hường ")
    row = register_row(
        code("261123", 1), "1.001193", "23/11/2026 08:15", "25/11/2026", citizen=decomposed
    )
    row["citizen_contact"] = "'+84 912 345 678"
    (dossier,) = read_dossier_file(write_register_xlsx(tmp_path / "r.xlsx", [row])).dossiers
    assert dossier.citizen_name == "Nguyễn Thị Hường"
    assert unicodedata.is_normalized("NFC", dossier.citizen_name)
    assert (dossier.citizen_address, dossier.citizen_phone) == (None, "+84 912 345 678")
