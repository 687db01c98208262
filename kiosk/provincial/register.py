"""A register sheet (Form 07, "Sổ theo dõi hồ sơ", or a provincial system's export of it) read
into dossiers, from rows of cells whichever file (XLSX or CSV) they came from.

The header row is looked for in the first rows (exports put the office and a title above it);
Form 07 splits "Nhận và trả kết quả" over two header rows, so the row below the header is read
as part of it when it names more columns. Form 07's row of column numbers "(1) (2) (3)…" and
blank rows are passed over.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
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
from kiosk.provincial.columns import FIELDS, REQUIRED, header_key
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
            cells_below = head[index + 1][1]
            below = _header_fields(cells_below, fields_by_key)
            extra = {f: p for f, p in below.positions.items() if f not in header.positions}
            # The lower header row leaves the code column empty; a data row never does (a
            # status "Tiếp nhận" in the first row must not be taken for a header).
            code_at = header.positions["code"]
            under_code = cells_below[code_at] if code_at < len(cells_below) else None
            if extra and cell_text(under_code) is None:
                labels = header.labels | {f: below.labels[f] for f in extra}
                return index, Header(2, header.positions | extra, labels)
        return index, header
    return None


def check_required_columns(header: Header, file_name: str) -> None:
    named = set(header.positions)
    # Form 07 itself names the procedure without its code: the catalogue then knows the code.
    if "procedure_name" in named:
        named.add("procedure_code")
    missing = [words for field, words in REQUIRED.items() if field not in named]
    if missing:
        raise InvalidInputError(
            N_(
                "{file} has no column {missing}: a register needs the dossier code, the "
                "procedure (its code or its name), the received date and the appointment. "
                "Nothing was imported."
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
        row = reader.padded(cells)
        code = cell_text(row[reader.code_at])
        if code is None:
            if not any(c is not None and (not isinstance(c, str) or c.strip()) for c in cells):
                continue
        elif code[-1] in ")0123456789" and len(code) <= 4 and _is_column_numbers(cells):
            continue
        try:
            dossier = reader.dossier(number, code, row)
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
    """Turns one row's cells into a checked dossier. A province sends 100,000 rows: each field's
    column is found once, and a row is padded so that a missing column reads as an empty cell."""

    def __init__(self, header: Header) -> None:
        self.labels = header.labels
        self.width = max(header.positions.values()) + 1
        # A field without a column reads the None the padding puts at `width`.
        self.at = {field: header.positions.get(field, self.width) for field in FIELDS}
        self.code_at = self.at["code"]
        self.has = header.positions.keys()

    def padded(self, cells: Sequence[object]) -> Sequence[object]:
        if len(cells) > self.width:
            return cells
        return [*cells, *([None] * (self.width + 1 - len(cells)))]

    def dossier(self, number: int, code: str | None, row: Sequence[object]) -> ImportedDossier:
        at, labels = self.at, self.labels
        code = required_text(code, N_("The dossier code ({column}) is empty."), labels["code"])
        procedure_code = self._procedure_code(row)
        received = read_moment(row[at["received_at"]], labels["received_at"], sheet_moment)
        due = read_moment(row[at["due_at"]], labels["due_at"], appointment_moment)
        address, phone = self._contact(row)
        code_of_status = status_code(row[at["status"]])
        days = row[at["processing_days"]]
        dossier = ImportedDossier(
            line=number,
            code=code,
            procedure_code=procedure_code,
            procedure_name=cell_text(row[at["procedure_name"]]) or procedure_code,
            field_code=cell_text(row[at["field_code"]]),
            field_name=cell_text(row[at["field_name"]]),
            citizen_name=cell_text(row[at["citizen_name"]]),
            citizen_address=address,
            citizen_phone=phone,
            received_at=required_moment(received, labels["received_at"]),
            due_at=required_moment(due, labels["due_at"]),
            reappointed_due_at=self._moment(row, "reappointed_due_at", appointment_moment),
            returned_at=self._moment(row, "returned_at", sheet_moment),
            status_code=code_of_status,  # None when the text is no status we know
            processing_days=None if cell_text(days) is None else parse_processing_days(days),
            not_processed=code_of_status in NOT_PROCESSED,
            notes=cell_text(row[at["notes"]]),
        )
        check_dossier(dossier, labels)
        return dossier

    def _procedure_code(self, row: Sequence[object]) -> str:
        if "procedure_code" not in self.has:
            # Form 07 names the procedure without its code: "" asks the import to find the
            # catalogue's procedure of that name.
            required_text(
                cell_text(row[self.at["procedure_name"]]),
                N_("The procedure ({column}) is empty."),
                self.labels["procedure_name"],
            )
            return ""
        raw = row[self.at["procedure_code"]]
        if isinstance(raw, float):
            # 1.001190 stored as a number reads back as 1.00119: the code is lost.
            raise InvalidInputError(
                N_("{column} is stored as a number: format the column as text."),
                column=self.labels["procedure_code"],
            )
        return required_text(
            cell_text(raw),
            N_("The procedure code ({column}) is empty."),
            self.labels["procedure_code"],
        )

    def _moment(
        self, row: Sequence[object], field: str, parse: Callable[[object], datetime | None]
    ) -> datetime | None:
        if field not in self.has:
            return None
        return read_moment(row[self.at[field]], self.labels[field], parse)

    def _contact(self, row: Sequence[object]) -> tuple[str | None, str | None]:
        address = cell_text(row[self.at["citizen_address"]])
        phone = phone_text(row[self.at["citizen_phone"]])
        if "citizen_contact" in self.has:
            both, number = split_contact(cell_text(row[self.at["citizen_contact"]]))
            address, phone = address or both, phone or number
        return address, phone


def appointment_moment(value: object) -> datetime | None:
    return sheet_moment(value, time_if_missing=END_OF_WORKING_DAY)


# Deleting what a phone number is written with leaves only its digits.
_PHONE_PUNCTUATION = str.maketrans("", "", " .+-()")


def _is_phone(text: str) -> bool:
    digits = text.translate(_PHONE_PUNCTUATION)
    return len(digits) >= 8 and digits.isdigit()


def split_contact(text: str | None) -> tuple[str | None, str | None]:
    """Form 07's "Địa chỉ, số điện thoại" as (address, phone): the phone is the last part after
    a comma, semicolon or dash when that part is a number of at least 8 digits."""
    if text is None:
        return None, None
    for separator in (",", ";", " - ", "-"):
        head, found, tail = text.rpartition(separator)
        tail = tail.strip()
        if found and _is_phone(tail):
            return head.strip(" ,;-") or None, tail
    if _is_phone(text):
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
