"""Sample files of the provincial one-stop system, written for tests: Form 07 registers (XLSX,
CSV) and the national portal's dossier sync (DVCQG "DongBoHoSoMC" JSON).

A register row is a dict field -> value (see REGISTER_HEADERS for the fields, and
`register_row`); values may be text, numbers, dates or datetimes, written as a spreadsheet
would hold them. A row may also be a plain list of cells, written as it is.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path

# Field -> header, as a provincial system's Form 07 export writes them.
REGISTER_HEADERS: dict[str, str] = {
    "no": "STT",
    "code": "Mã hồ sơ",
    "procedure_code": "Mã TTHC",
    "procedure_name": "Tên thủ tục hành chính",
    "citizen_name": "Chủ hồ sơ",
    "citizen_contact": "Địa chỉ, số điện thoại",
    "received_at": "Ngày tiếp nhận",
    "due_at": "Ngày hẹn trả",
    "returned_at": "Ngày trả kết quả",
    "status": "Trạng thái",
    "notes": "Ghi chú",
}
TITLE = "SỔ THEO DÕI HỒ SƠ"
Row = Mapping[str, object] | Sequence[object]


def register_row(
    code: str,
    procedure: str,
    received: datetime | date | str,
    due: datetime | date | str,
    returned: datetime | date | str | None = None,
    *,
    procedure_name: str = "Đăng ký khai sinh",
    citizen: str | None = "Nguyễn Văn An",
    contact: str | None = "Thôn 2, xã Tân Lập, 0912 345 678",
    status: str | None = None,
    notes: str | None = None,
) -> dict[str, object]:
    return {
        "code": code,
        "procedure_code": procedure,
        "procedure_name": procedure_name,
        "citizen_name": citizen,
        "citizen_contact": contact,
        "received_at": received,
        "due_at": due,
        "returned_at": returned,
        "status": status,
        "notes": notes,
    }


def _cells(row: Row, headers: Mapping[str, str], number: int) -> list[object]:
    if not isinstance(row, Mapping):
        return list(row)
    return [number if field == "no" else row.get(field) for field in headers]


def write_register_xlsx(
    path: Path,
    rows: Iterable[Row],
    headers: Mapping[str, str] = REGISTER_HEADERS,
    *,
    title: str | None = TITLE,
) -> Path:
    """A workbook whose sheet has `title` (and a blank row) above the header when given; dates
    and datetimes are real date cells."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    if title:
        sheet.append([title])
        sheet.append([])
    sheet.append(list(headers.values()))
    for number, row in enumerate(rows, 1):
        sheet.append(_cells(row, headers, number))
    workbook.save(path)
    return path


def _csv_value(value: object) -> object:
    if isinstance(value, datetime):
        return f"{value:%d/%m/%Y %H:%M}"
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    return "" if value is None else value


def write_register_csv(
    path: Path,
    rows: Iterable[Row],
    headers: Mapping[str, str] = REGISTER_HEADERS,
    *,
    bom: bool = True,
    delimiter: str = ";",
    encoding: str = "utf-8",
    title: str | None = None,
) -> Path:
    """Dates as "dd/MM/yyyy HH:mm" (a date alone as "dd/MM/yyyy"), like a Vietnamese Excel."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    if title:
        writer.writerow([title])
    writer.writerow(list(headers.values()))
    for number, row in enumerate(rows, 1):
        writer.writerow([_csv_value(v) for v in _cells(row, headers, number)])
    data = buffer.getvalue().encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom and encoding == "utf-8" else b"") + data)
    return path


def dvcqg_time(moment: datetime | None) -> str:
    return "" if moment is None else f"{moment:%Y%m%d%H%M%S}"


def dvcqg_item(
    code: str,
    procedure: str,
    received: datetime,
    due: datetime,
    returned: datetime | None = None,
    supplements: Sequence[tuple[datetime, datetime]] = (),
    status: str = "4",
    *,
    procedure_name: str = "Đăng ký khai sinh",
    field_code: str = "G09-TP03",
    field_name: str = "Hộ tịch",
    citizen: str = "Nguyễn Văn An",
    phone: str = "0912345678",
    email: str = "an.nguyen@example.vn",
    unit: str = "UBND xã Tân Lập",
    **more: object,
) -> dict[str, object]:
    """One DongBoHoSoMC item; `supplements` are (NgayHenTraTruoc, NgayHenTraMoi) pairs, and
    `due` is the item's NgayHenTra (the current appointment). `more` adds or replaces fields."""
    item: dict[str, object] = {
        "MaHoSo": code,
        "MaTTHC": procedure,
        "TenTTHC": procedure_name,
        "MaLinhVuc": field_code,
        "TenLinhVuc": field_name,
        "SoBienNhan": "",
        "ChuHoSo": citizen,
        "LoaiDoiTuong": "1",
        "MaDoiTuong": "001099012345",
        "Email": email,
        "SoDienThoai": phone,
        "TrichYeuHoSo": procedure_name,
        "NgayTiepNhan": dvcqg_time(received),
        "NgayHenTra": dvcqg_time(due),
        "TrangThaiHoSo": status,
        "NgayTra": dvcqg_time(returned),
        "HinhThuc": "0",
        "DonViXuLy": unit,
        "DanhSachHoSoBoSung": [
            {
                "HoSoBoSungId": str(number),
                "NoiDungBoSung": "Bổ sung giấy tờ",
                "NgayHenTraTruoc": dvcqg_time(before),
                "NgayHenTraMoi": dvcqg_time(after),
            }
            for number, (before, after) in enumerate(supplements, 1)
        ],
    }
    item.update(more)
    return item


def write_dvcqg_json(
    path: Path, items: Iterable[Mapping[str, object]], *, service: str = "DongBoHoSoMC"
) -> Path:
    document = {"service": service, "isUpdating": False, "data": list(items)}
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
    return path
