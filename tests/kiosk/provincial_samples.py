"""Exports of the provincial one-stop system as an office would drop them into the watched
folder: the DVCQG sync JSON with three dossiers, a register CSV (BOM, ';') with or without a bad
row."""

import json
from pathlib import Path

DVCQG_CODES = (
    "000.00.30.H12-261120-0001",
    "000.00.30.H12-261120-0002",
    "000.00.30.H12-261120-0003",
)


def write_dvcqg_json(path: Path) -> Path:
    items = [
        {
            "MaHoSo": code,
            "MaTTHC": "1.001193",
            "TenTTHC": "Thủ tục đăng ký khai sinh",
            "MaLinhVuc": "HT",
            "TenLinhVuc": "Hộ tịch",
            "ChuHoSo": "Nguyễn Văn An",
            "SoDienThoai": "0912345678",
            "Email": "",
            "NgayTiepNhan": f"2026112008{minute:02d}00",
            "NgayHenTra": "20261125170000",
            "NgayTra": "",
            "TrangThaiHoSo": "2",
            "DonViXuLy": "UBND xã Tân Phú",
            "DanhSachHoSoBoSung": [],
        }
        for minute, code in enumerate(DVCQG_CODES)
    ]
    sync = {"service": "DongBoHoSoMC", "isUpdating": False, "data": items}
    path.write_text(json.dumps(sync, ensure_ascii=False), encoding="utf-8")
    return path


REGISTER_HEADER = (
    "STT;Mã hồ sơ;Mã thủ tục;Tên thủ tục;Lĩnh vực;Tên người nộp;Địa chỉ;Số điện thoại;"
    "Ngày tiếp nhận;Ngày hẹn trả;Ngày trả kết quả;Trạng thái;Ghi chú"
)


def write_register_csv(path: Path, *, bad_row: bool = False) -> Path:
    """Two good rows (lines 2 and 3 of the sheet); with `bad_row`, line 4 has no received time."""
    rows = [
        "1;H12.30-261120-0101;1.001193;Thủ tục đăng ký khai sinh;Hộ tịch;Trần Thị Bình;"
        "Thôn 1;0912000001;20/11/2026 08:00;25/11/2026 17:00;;Đang giải quyết;",
        "2;H12.30-261120-0102;1.001193;Thủ tục đăng ký khai sinh;Hộ tịch;Lê Văn Cường;"
        "Thôn 2;0912000002;20/11/2026 08:10;25/11/2026 17:00;;Đang giải quyết;",
    ]
    if bad_row:
        rows.append(
            "3;H12.30-261120-0103;1.001193;Thủ tục đăng ký khai sinh;Hộ tịch;Phạm Thị Dung;"
            "Thôn 3;0912000003;;25/11/2026 17:00;;Đang giải quyết;"
        )
    text = "\r\n".join([REGISTER_HEADER, *rows]) + "\r\n"
    path.write_bytes(text.encode("utf-8-sig"))
    return path
