"""A register in an XLSX workbook or a CSV file, found and read into a ParsedFile.

XLSX: the first sheet that has a register header (an export may put a summary sheet first).
CSV: UTF-8 with or without a byte-order mark; a file that is not UTF-8 is read as Vietnamese
Windows (cp1258), or Western (cp1252) if even that fails, and the ParsedFile says which. The
separator is the one of ";", "," and tab under which a register header is found.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from kiosk.errors import InvalidInputError
from kiosk.i18n import N_
from kiosk.provincial.records import FileFormat, ParsedFile
from kiosk.provincial.register import (
    HEADER_ROWS_SEARCHED,
    Row,
    check_required_columns,
    find_header,
    read_register,
    rows_with_header,
)

SEPARATORS = (";", ",", "\t")
NOT_A_REGISTER = N_(
    "{file} is not a register of dossiers: no row in its first {count} names the dossier "
    "code ('Mã hồ sơ') beside other register columns. Nothing was imported."
)


def read_xlsx(path: Path, fields_by_key: dict[str, str]) -> ParsedFile:
    # Opened as a stream: openpyxl refuses a path without an .xlsx extension (a download).
    with path.open("rb") as stream:
        return _read_workbook(stream, path.name, fields_by_key)


def _read_workbook(stream: BinaryIO, file_name: str, fields_by_key: dict[str, str]) -> ParsedFile:
    from zipfile import BadZipFile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(stream, read_only=True, data_only=True)
    except (OSError, BadZipFile, KeyError, ValueError, InvalidFileException) as error:
        raise InvalidInputError(
            N_("{file} cannot be read as an Excel (XLSX) workbook: {problem}"),
            file=file_name,
            problem=error,
        ) from error
    try:
        for sheet in workbook.worksheets:
            rows = enumerate(sheet.iter_rows(values_only=True), 1)
            found = rows_with_header(rows, fields_by_key)
            if found is not None:
                header, below = found
                check_required_columns(header, file_name)
                return read_register(below, header, FileFormat.XLSX)
    finally:
        workbook.close()
    raise InvalidInputError(NOT_A_REGISTER, file=file_name, count=HEADER_ROWS_SEARCHED)


def decode(data: bytes) -> tuple[str, str | None]:
    """The text and, when it was not UTF-8, the encoding it was read with."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    for encoding in ("cp1258", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"  # every byte is a character: never fails


def _csv_rows(text: str, separator: str) -> Iterator[Row]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    for number in itertools.count(1):
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error:
            raise InvalidInputError(
                N_(
                    "Row {row} cannot be read as CSV (a quote opened and never closed?); "
                    "nothing was imported."
                ),
                row=number,
            ) from None
        yield number, cells


def _best_separator(text: str, fields_by_key: dict[str, str]) -> str | None:
    """The separator under which a header names the most register columns."""
    best: tuple[int, str] | None = None
    for separator in SEPARATORS:
        try:
            head = list(itertools.islice(_csv_rows(text, separator), HEADER_ROWS_SEARCHED))
        except InvalidInputError:
            continue
        found = find_header(head, fields_by_key)
        if found is not None and (best is None or len(found[1].positions) > best[0]):
            best = (len(found[1].positions), separator)
    return None if best is None else best[1]


def read_csv(path: Path, data: bytes, fields_by_key: dict[str, str]) -> ParsedFile:
    text, encoding = decode(data)
    separator = _best_separator(text, fields_by_key)
    if separator is None:
        raise InvalidInputError(NOT_A_REGISTER, file=path.name, count=HEADER_ROWS_SEARCHED)
    found = rows_with_header(_csv_rows(text, separator), fields_by_key)
    assert found is not None  # the same rows had a header a moment ago
    header, below = found
    check_required_columns(header, path.name)
    return read_register(below, header, FileFormat.CSV, encoding)
