"""The ratings as JSON for the provincial one-stop system, in the shape of the national portal's
dossier sync (DongBoHoSoMC): {"service": …, "isUpdating": …, "data": [ … ]}, field names in
Vietnamese PascalCase without accents, times as yyyyMMddHHmmss in Vietnam time.

No published rating sync of the portal gives its fields, so the service name carries our own
"MC" suffix and every field is documented in the README ("Handing ratings back").
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from kiosk.answers import RatingChannel, Satisfaction
from kiosk.reports.rating_lines import RatingLine

SERVICE = "DongBoDanhGiaMC"
DVCQG_TIME = "%Y%m%d%H%M%S"
# MucDoHaiLong: 5 is the best on either scale, so a three-face answer reads the same way.
SATISFACTION_LEVEL = {
    Satisfaction.VERY_SATISFIED: 5,
    Satisfaction.SATISFIED: 4,
    Satisfaction.NEUTRAL: 3,
    Satisfaction.DISSATISFIED: 2,
    Satisfaction.VERY_DISSATISFIED: 1,
}
# 3 (a call-back) never reaches the file today: a case's handling rating is not a service's.
CHANNEL_CODE = {RatingChannel.KIOSK: 1, RatingChannel.PAPER: 2, RatingChannel.PHONE: 3}


def dvcqg_time(moment: datetime) -> str:
    return moment.strftime(DVCQG_TIME)


def dvcqg_item(line: RatingLine, office_code: str) -> dict[str, Any]:
    return {
        "MaHoSo": line.dossier_code or "",
        "MaTTHC": line.procedure_code,
        "TenTTHC": line.procedure_name_vi,
        "MaDonVi": office_code,
        "ThoiGianDanhGia": dvcqg_time(line.rated_at),
        "KenhDanhGia": CHANNEL_CODE[line.channel],
        "ThangDanhGia": line.scale,
        "MucDoHaiLong": SATISFACTION_LEVEL[line.satisfaction],
        "ChiSo1": line.indicator_1,
        "ChiSo3": line.indicator_3,
        "ChiSo3TheoTraLoi": line.indicator_3_asked,
        "ChiSo4": line.indicator_4,
        "ChiSo7": line.indicator_7,
        "LyDo": list(line.reasons),
        "TramDanhGia": line.station,
        "SoThuTu": line.sequence,
        "MaBam": line.hash,
    }


def dvcqg_document(lines: Iterable[RatingLine], office_code: str) -> dict[str, Any]:
    # Ratings never change (each is chained): a line sent twice is the same line, so this is
    # never an update of earlier data; a receiver recognises a line by TramDanhGia + SoThuTu.
    return {
        "service": SERVICE,
        "isUpdating": False,
        "data": [dvcqg_item(line, office_code) for line in lines],
    }


def dvcqg_bytes(lines: Iterable[RatingLine], office_code: str) -> bytes:
    """The document with one rating a line: half the size of an indented one (a province's day
    is 100,000 ratings) and still easy to read or compare line by line."""
    document = dvcqg_document(lines, office_code)
    items = ",\n".join(_compact(item) for item in document.pop("data"))
    head = _compact(document)[:-1]
    data = f"[\n{items}\n]" if items else "[]"
    return f'{head},"data":{data}}}\n'.encode()


def _compact(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
