"""A register sheet (Form 07, "Sổ theo dõi hồ sơ", or a provincial system's export of it) read
into dossiers, from rows of cells whichever file (XLSX or CSV) they came from.

The header row is looked for in the first rows (exports put the office and a title above it);
Form 07 splits "Nhận và trả kết quả" over two header rows, so the row below the header is read
as part of it when it names more columns. Form 07's row of column numbers "(1) (2) (3)…" and
blank rows are passed over.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime

from kiosk.catalogue_sheet import parse_processing_days
from kiosk.errors import InvalidInputError, KioskError
from kiosk.i18n import N_
from kiosk.provincial.checks import (
    cell_text,
    check_dossier,
    duplicate,
    phone_text,
    read_moment,
    required_moment,
    required_text,
)
from kiosk.provincial.columns import REQUIRED, header_key
from kiosk.provincial.moments import END_OF_WORKING_DAY, sheet_moment
from kiosk.provincial.records import FileFormat, ImportedDossier, ParsedFile, RefusedRow
from kiosk.provincial.statuses import NOT_PROCESSED, status_code

HEADER_ROWS_SEARCHED = 30
Row = tuple[int, Sequence[object]]  # the row's number as the spreadsheet shows it, its cells


@dataclass(frozen=True)
class Header:
    rows: int  # how many rows the header takes (Form 07's takes two)
    positions: dict[str, int]  # field -> column index
    labels: dict[str, str]  # field -> the header as the file writes it


def _header_fields(cells: Sequence[object], fields_by_key: dict[str, str]) -> Header:
    positions: dict[str, int] = {}
    labels: dict[str, str] = {}
    for position, cell in enumerate(cells):
        field = fields_by_key.get(header_key(cell))
        if field is not None and field not in positions:
            positions[field] = position
            labels[field] = cell_text(cell) or field
    return Header(1, positions, labels)


def find_header(head: Sequence[Row], fields_by_key: dict[str, str]) -> tuple[int, Header] | None:
    """(index in `head` of the header row, the header), or None when no row names the dossier
    code beside another known column."""
    for index, (_number, cells) in enumerate(head):
        header = _header_fields(cells, fields_by_key)
        if "code" not in header.positions or len(header.positions) < 2:
            continue
        if index + 1 < len(head) and not REQUIRED.keys() <= header.positions.keys():
            below = _header_fields(head[index + 1][1], fields_by_key)
            extra = {f: p for f, p in below.positions.items() if f not in header.positions}
            if extra and "code" not in below.positions:
                labels = header.labels | {f: below.labels[f] for f in extra}
                return index, Header(2, header.positions | extra, labels)
        return index, header
    return None


def check_required_columns(header: Header, file_name: str) -> None:
    missing = [words for field, words in REQUIRED.items() if field not in header.positions]
    if missing:
        raise InvalidInputError(
            N_(
                "{file} has no column {missing}: a register needs the dossier code, the "
                "procedure code, the received date and the appointment. Nothing was imported."
            ),
            file=file_name,
            missing=", ".join(f"'{m}'" for m in missing),
        )


def _is_column_numbers(cells: Sequence[object]) -> bool:
    """Form 07's row "(1) (2) (3) …" under the header."""
    filled = [str(c).strip() for c in cells if c is not None and str(c).strip()]
    return len(filled) >= 3 and all(c.strip("()").isdigit() and len(c) <= 4 for c in filled)


def read_register(
    rows: Iterator[Row], header: Header, file_format: FileFormat, encoding: str | None = None
) -> ParsedFile:
    """Every data row after the header, read or refused; `rows` starts below the header."""
    dossiers: list[ImportedDossier] = []
    refused: list[RefusedRow] = []
    first_line: dict[str, int] = {}
    reader = _RowReader(header)
    for number, cells in rows:
        if not any(c is not None and (not isinstance(c, str) or c.strip()) for c in cells):
            continue
        code = reader.code(cells)
        if code is not None and code[:1] in "(0123456789" and _is_column_numbers(cells):
            continue
        try:
            dossier = reader.dossier(number, code, cells)
            if dossier.code in first_line:
                raise duplicate(dossier.code, first_line[dossier.code])
        except KioskError as problem:
            refused.append(RefusedRow(number, code, problem))
            continue
        first_line[dossier.code] = number
        dossiers.append(dossier)
    return ParsedFile(
        file_format,
        tuple(dossiers),
        tuple(refused),
        columns=dict(header.labels),
        encoding=encoding,
    )


class _RowReader:
    """Turns one row's cells into a checked dossier; the columns are looked up once."""

    def __init__(self, header: Header) -> None:
        self.labels = header.labels
        self.at = header.positions

    def _cell(self, cells: Sequence[object], field: str) -> object:
        position = self.at.get(field)
        return cells[position] if position is not None and position < len(cells) else None

    def code(self, cells: Sequence[object]) -> str | None:
        return cell_text(self._cell(cells, "code"))

    def dossier(self, number: int, code: str | None, cells: Sequence[object]) -> ImportedDossier:
        cell, labels = self._cell, self.labels
        code = required_text(code, N_("The dossier code ({column}) is empty."), labels["code"])
        raw_procedure = cell(cells, "procedure_code")
        if isinstance(raw_procedure, float):
            # 1.001190 stored as a number reads back as 1.00119: the code is lost.
            raise InvalidInputError(
                N_("{column} is stored as a number: format the column as text."),
                column=labels["procedure_code"],
            )
        procedure_code = required_text(
            cell_text(raw_procedure),
            N_("The procedure code ({column}) is empty."),
            labels["procedure_code"],
        )
        received = self._moment(cells, "received_at")
        due = self._moment(cells, "due_at")
        address, phone = self._contact(cells)
        code_of_status = status_code(cell(cells, "status"))
        days = cell(cells, "processing_days")
        dossier = ImportedDossier(
            line=number,
            code=code,
            procedure_code=procedure_code,
            procedure_name=cell_text(cell(cells, "procedure_name")) or procedure_code,
            field_code=cell_text(cell(cells, "field_code")),
            field_name=cell_text(cell(cells, "field_name")),
            citizen_name=cell_text(cell(cells, "citizen_name")),
            citizen_address=address,
            citizen_phone=phone,
            received_at=required_moment(received, labels["received_at"]),
            due_at=required_moment(due, labels["due_at"]),
            reappointed_due_at=self._moment(cells, "reappointed_due_at"),
            returned_at=self._moment(cells, "returned_at"),
            status_code=code_of_status,  # None when the text is no status we know
            processing_days=None if cell_text(days) is None else parse_processing_days(days),
            not_processed=code_of_status in NOT_PROCESSED,
            notes=cell_text(cell(cells, "notes")),
        )
        check_dossier(dossier, labels)
        return dossier

    def _moment(self, cells: Sequence[object], field: str) -> datetime | None:
        if field not in self.at:
            return None
        end = END_OF_WORKING_DAY if field in ("due_at", "reappointed_due_at") else None
        value = self._cell(cells, field)
        if end is None:
            return read_moment(value, self.labels[field], sheet_moment)
        return read_moment(value, self.labels[field], _appointment)

    def _contact(self, cells: Sequence[object]) -> tuple[str | None, str | None]:
        address = cell_text(self._cell(cells, "citizen_address"))
        phone = phone_text(self._cell(cells, "citizen_phone"))
        if "citizen_contact" in self.at:
            both, number = split_contact(cell_text(self._cell(cells, "citizen_contact")))
            address, phone = address or both, phone or number
        return address, phone


def _appointment(value: object) -> datetime | None:
    return sheet_moment(value, time_if_missing=END_OF_WORKING_DAY)


_PHONE_CHARACTERS = frozenset("0123456789 .+-()")


def split_contact(text: str | None) -> tuple[str | None, str | None]:
    """Form 07's "Địa chỉ, số điện thoại" as (address, phone): the phone is the last part after
    a comma, semicolon or dash when that part is a number of at least 8 digits."""
    if text is None:
        return None, None
    for separator in (",", ";", " - ", "-"):
        head, found, tail = text.rpartition(separator)
        tail = tail.strip()
        if found and set(tail) <= _PHONE_CHARACTERS and sum(c.isdigit() for c in tail) >= 8:
            return head.strip(" ,;-") or None, tail
    if set(text) <= _PHONE_CHARACTERS and sum(c.isdigit() for c in text) >= 8:
        return None, text
    return text, None


def rows_with_header(
    rows: Iterable[Row], fields_by_key: dict[str, str]
) -> tuple[Header, Iterator[Row]] | None:
    """The header of `rows` and an iterator over the rows below it; None without a header."""
    iterator = iter(rows)
    head: list[Row] = []
    for row in iterator:
        head.append(row)
        if len(head) == HEADER_ROWS_SEARCHED:
            break
    found = find_header(head, fields_by_key)
    if found is None:
        return None
    index, header = found

    def below() -> Iterator[Row]:
        yield from head[index + header.rows :]
        yield from iterator

    return header, below()
