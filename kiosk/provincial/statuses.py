"""The DVCQG dossier status codes (TrangThaiHoSo), and a register's status text read as one.

Codes as the national portal's dossier sync uses them (see the README, "Working with the
provincial system", for the sources): 1 new (registered online), 2 received, 3 not received
(refused), 4 processing, 5 supplement requested, 6 financial obligation requested, 7 withdrawn
by the citizen, 8 stopped, 9 processed, 10 result returned.
"""

from __future__ import annotations

from functools import lru_cache

from kiosk.provincial.columns import header_key

STATUS_NAMES = {
    "1": "Mới đăng ký",
    "2": "Được tiếp nhận",
    "3": "Không được tiếp nhận",
    "4": "Đang xử lý",
    "5": "Yêu cầu bổ sung giấy tờ",
    "6": "Yêu cầu thực hiện nghĩa vụ tài chính",
    "7": "Công dân yêu cầu rút hồ sơ",
    "8": "Dừng xử lý",
    "9": "Đã xử lý xong",
    "10": "Đã trả kết quả",
}
# Refused, withdrawn or stopped: the office will never return a result, so it is not judged late.
NOT_PROCESSED = frozenset({"3", "7", "8"})

# Other ways registers write a status, besides the names above (folded like headers).
_OTHER_NAMES = {
    "moi": "1",
    "datiepnhan": "2",
    "tiepnhan": "2",
    "tuchoitiepnhan": "3",
    "tuchoi": "3",
    "khongtiepnhan": "3",
    "dangthuly": "4",
    "danggiaiquyet": "4",
    "dangxulyhoso": "4",
    "yeucaubosung": "5",
    "chobosung": "5",
    "bosunghoso": "5",
    "yeucaubosunghoso": "5",
    "chothuchiennghiavutaichinh": "6",
    "ruthoso": "7",
    "darut": "7",
    "dungxulyhoso": "8",
    "dacoketqua": "9",
    "chotraketqua": "9",
    "datra": "10",
    "hoanthanh": "10",
    "datrakq": "10",
}
_BY_TEXT = {header_key(name): code for code, name in STATUS_NAMES.items()} | _OTHER_NAMES


@lru_cache(maxsize=256)  # a register repeats a handful of statuses over 100,000 rows
def status_code(text: object) -> str | None:
    """The DVCQG code of a status as a register writes it ("Đã trả kết quả", "10"), or None
    when it is not recognisable: a status is informative, the dates decide."""
    key = header_key(text)
    if not key:
        return None
    if key in STATUS_NAMES:
        return key
    return _BY_TEXT.get(key)
