"""Reading the national procedure catalogue's spreadsheet (Cơ sở dữ liệu quốc gia về thủ tục
hành chính, csdl.dichvucong.gov.vn / dichvucong.gov.vn), as XLSX or CSV.

Headers are found tolerantly: in any of the first rows (exports put a title above them), in any
order, with or without accents and whatever the case. A processing time is read from the
catalogue's free text ("05 ngày làm việc", "Trong ngày"); a row whose time cannot be read
without guessing (calendar days, hours, months, two different times) is reported, not read."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kiosk.errors import InvalidInputError, KioskError
from kiosk.i18n import N_
from kiosk.service_search import fold
from kiosk.text import nfc

HEADER_ROWS_SEARCHED = 20
MAX_ROWS = 20_000

# What each column may be called, folded (no accents, lower case, words only).
COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "code": ("ma thu tuc", "ma tthc", "ma thu tuc hanh chinh", "ma so thu tuc", "ma so", "ma"),
    "name_vi": ("ten thu tuc", "ten tthc", "ten thu tuc hanh chinh", "thu tuc hanh chinh", "ten"),
    "name_en": ("ten tieng anh", "ten thu tuc tieng anh", "english name", "name en"),
    "field": ("linh vuc", "linh vuc thuc hien", "ten linh vuc"),
    "days": ("thoi han giai quyet", "thoi gian giai quyet", "thoi han"),
    "level": ("cap thuc hien",),
}
REQUIRED = ("code", "name_vi", "field", "days")
# The header each required column is asked for by, as the catalogue writes it.
HEADER_WORDS = {
    "code": "Mã thủ tục",
    "name_vi": "Tên thủ tục",
    "field": "Lĩnh vực",
    "days": "Thời hạn giải quyết",
}


@dataclass(frozen=True)
class CatalogueRow:
    row: int  # as the spreadsheet numbers it
    code: str
    name_vi: str
    name_en: str | None
    field: str
    processing_days: int


@dataclass(frozen=True)
class RefusedRow:
    row: int
    code: str
    problem: KioskError


@dataclass(frozen=True)
class CatalogueSheet:
    rows: list[CatalogueRow]
    refused: list[RefusedRow]
    headers: dict[str, str]  # column key -> the header as the file writes it


def _folded_words(text: str) -> str:
    return " ".join(re.sub(r"[^0-9a-z]+", " ", fold(nfc(text))).split())


def _column_key(header: object) -> str | None:
    name = _folded_words(str(header or ""))
    for key, names in COLUMN_NAMES.items():
        if name in names:
            return key
    # "Thời hạn giải quyết (ngày)" and the like: a known name of two words or more, then more.
    for key, names in COLUMN_NAMES.items():
        if any(" " in known and name.startswith(known + " ") for known in names):
            return key
    return None


# "05 ngày làm việc", "10 ngày LV", "04 giờ", "01 tháng" (folded).
_TIME = re.compile(r"(\d+) (ngay lam viec|ngay lv|ngay|gio lam viec|gio|thang|nam)\b")


def parse_processing_days(value: object) -> int:
    """Working days from the catalogue's "Thời hạn giải quyết", or an error that says why not."""
    if isinstance(value, bool):
        value = str(value)
    if isinstance(value, int | float):
        if value != int(value) or value < 0:
            raise InvalidInputError(
                N_("'{text}' is not a whole number of working days."), text=value
            )
        return int(value)
    text = " ".join(nfc(str(value or "")).split())
    # "05 (năm) ngày": the number in words, in brackets, says nothing the digits do not.
    folded = _folded_words(re.sub(r"\([^)]*\)", " ", text))
    folded = re.sub(r"(\d)([a-z])", r"\1 \2", folded)  # "15ngày" as "15 ngày"
    if folded.isdigit():
        return int(folded)
    days: set[int] = set()
    for number, unit in _TIME.findall(folded):
        if unit in ("ngay lam viec", "ngay lv"):
            days.add(int(number))
        elif unit == "ngay":
            raise InvalidInputError(
                N_(
                    "'{text}' does not say working days: write it as "
                    "'N ngày làm việc' if that is what is meant."
                ),
                text=text[:80],
            )
        else:
            raise InvalidInputError(
                N_("'{text}' is not in days: the kiosk counts whole working days."),
                text=text[:80],
            )
    if re.search(r"\btrong ngay\b", folded):
        days.add(0)
    if len(days) > 1:
        raise InvalidInputError(
            N_("'{text}' gives several times: write the one the counter promises."),
            text=text[:80],
        )
    if not days:
        raise InvalidInputError(
            N_(
                "'{text}' is not a processing time the kiosk can read "
                "(for example '05 ngày làm việc' or 'Trong ngày')."
            ),
            text=text[:80],
        )
    return days.pop()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value == int(value):
        value = int(value)
    return " ".join(nfc(str(value)).split())


def _xlsx_rows(path: Path) -> Iterator[tuple[int, list[object]]]:
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (OSError, BadZipFile, KeyError, ValueError) as error:
        raise InvalidInputError(
            N_("Cannot read {path} as an Excel (XLSX) file: {problem}"), path=path, problem=error
        ) from error
    try:
        sheet = workbook.active
        if sheet is None:
            return
        for number, row in enumerate(sheet.iter_rows(values_only=True), 1):
            yield number, list(row)
    finally:
        workbook.close()


def _csv_rows(path: Path) -> Iterator[tuple[int, list[object]]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise InvalidInputError(
            N_("Cannot read {path}: {problem}"), path=path, problem=error
        ) from error
    except UnicodeDecodeError as error:
        raise InvalidInputError(
            N_("{path} is not UTF-8 text: save it again as 'CSV UTF-8'."), path=path
        ) from error
    try:
        dialect: type[csv.Dialect] | str = csv.Sniffer().sniff(text[:8192], delimiters=",;\t")
    except csv.Error:
        dialect = "excel"
    reader = csv.reader(text.splitlines(keepends=True), dialect, strict=True)
    try:
        for row in reader:
            yield reader.line_num, list(row)
    except csv.Error as error:
        raise InvalidInputError(
            N_(
                "{path}, line {line}: a quoted cell is not closed (or the line cannot be "
                "read); nothing was imported."
            ),
            path=path.name,
            line=reader.line_num,
        ) from error


def _file_rows(path: Path) -> list[tuple[int, list[object]]]:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        rows = list(_xlsx_rows(path))
    elif suffix in (".csv", ".txt"):
        rows = list(_csv_rows(path))
    elif suffix == ".xls":
        raise InvalidInputError(
            N_("{path} is in the old Excel format: save it as .xlsx or CSV first."),
            path=path.name,
        )
    else:
        raise InvalidInputError(
            N_("{path}: the catalogue is read from an .xlsx or .csv file."), path=path.name
        )
    if len(rows) > MAX_ROWS:
        raise InvalidInputError(
            N_("{path} has more than {most} rows: is it the procedure catalogue?"),
            path=path.name,
            most=MAX_ROWS,
        )
    return rows


def _header_row(
    rows: list[tuple[int, list[object]]], path: Path
) -> tuple[int, dict[str, int], dict[str, str]]:
    for index, (_number, cells) in enumerate(rows[:HEADER_ROWS_SEARCHED]):
        columns: dict[str, int] = {}
        headers: dict[str, str] = {}
        for position, cell in enumerate(cells):
            key = _column_key(cell)
            if key is not None and key not in columns:
                columns[key] = position
                headers[key] = _cell_text(cell)
        if "code" in columns and "name_vi" in columns:
            missing = [HEADER_WORDS[key] for key in REQUIRED if key not in columns]
            if missing:
                raise InvalidInputError(
                    N_("{path} has no column {missing}; nothing was imported."),
                    path=path.name,
                    missing=", ".join(f"'{m}'" for m in missing),
                )
            return index, columns, headers
    raise InvalidInputError(
        N_(
            "No header row with 'Mã thủ tục' and 'Tên thủ tục' in the first {count} rows "
            "of {path}; nothing was imported."
        ),
        count=HEADER_ROWS_SEARCHED,
        path=path.name,
    )


def read_catalogue(path: Path) -> CatalogueSheet:
    """Every row of the file, read or refused with its reason; nothing is written anywhere."""
    rows = _file_rows(path)
    header_index, columns, headers = _header_row(rows, path)
    read: list[CatalogueRow] = []
    refused: list[RefusedRow] = []
    for number, cells in rows[header_index + 1 :]:

        def cell(key: str, cells: list[object] = cells) -> object:
            position = columns.get(key)
            return cells[position] if position is not None and position < len(cells) else None

        raw_code, days = cell("code"), cell("days")
        code = _cell_text(raw_code)
        if not code and not _cell_text(days):
            continue  # a blank line or a heading ("I. Lĩnh vực Hộ tịch") between groups
        try:
            if not code:
                raise InvalidInputError(N_("the row has no procedure code"))
            if isinstance(raw_code, float):
                # 1.001190 stored as a number reads back as 1.00119: the code is lost.
                raise InvalidInputError(
                    N_("the code is stored as a number: format the column as text")
                )
            read.append(
                CatalogueRow(
                    row=number,
                    code=code,
                    name_vi=_cell_text(cell("name_vi")),
                    name_en=_cell_text(cell("name_en")) or None,
                    field=_cell_text(cell("field")),
                    processing_days=parse_processing_days(days),
                )
            )
        except KioskError as problem:
            refused.append(RefusedRow(number, code, problem))
    return CatalogueSheet(read, refused, headers)
