"""Reading a CSV file an office prepared by hand (Excel, LibreOffice, a text editor), whole and
strictly, before any of it is used.

The separator is found from the header row, whose column names we know: "," as written by most
tools, ";" as Excel writes in Vietnam, or a tab. A byte-order mark is dropped, quoted fields may
hold separators and line breaks. A quote left open would otherwise swallow every later row into
one field and the import would "succeed" with rows missing: here it is an error naming the row
where the quote opened, and so is a row with more or fewer fields than the header.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Collection, Iterator
from dataclasses import dataclass

from kiosk.errors import InvalidInputError, KioskError
from kiosk.i18n import N_, Translator

SEPARATORS = (",", ";", "\t")
# A refusal lists this many bad rows, then says how many more there are.
ROWS_SHOWN = 20


class RowsRefusedError(InvalidInputError):
    """Some rows of a file are wrong: each is named with its reason, nothing was recorded."""

    def __init__(self, problems: list[KioskError]) -> None:
        super().__init__(N_("Nothing was recorded. Correct these rows and try again:"))
        self.problems = problems

    def __str__(self) -> str:
        return "\n".join([self.message] + [str(p) for p in self.problems])

    def render(self, tr: Translator) -> str:
        lines = [tr(self.message)] + ["  " + p.render(tr) for p in self.problems[:ROWS_SHOWN]]
        if len(self.problems) > ROWS_SHOWN:
            lines.append("  " + tr("… and {count} more.", count=len(self.problems) - ROWS_SHOWN))
        return "\n".join(lines)


def row_problem(row: int, problem: KioskError) -> KioskError:
    return InvalidInputError(N_("Row {row}: {problem}"), row=row, problem=problem)


def in_row_order(problems: list[KioskError]) -> list[KioskError]:
    return sorted(problems, key=lambda problem: int(str(problem.params.get("row", 0))))


@dataclass(frozen=True)
class CsvRecord:
    row: int  # as a spreadsheet numbers it, the header being row 1
    cells: dict[str, str]  # column -> text, stripped


@dataclass(frozen=True)
class CsvTable:
    separator: str
    records: list[CsvRecord]
    problems: list[KioskError]  # rows left out: their field count is not the header's


def _header_cells(line: str, separator: str) -> list[str]:
    return [cell.strip().lower() for cell in next(csv.reader([line], delimiter=separator), [])]


def find_separator(first_line: str, required: Collection[str]) -> str:
    """The separator that splits the header into the most known columns, required ones first."""
    scored = [
        (sum(name in _header_cells(first_line, sep) for name in required), sep)
        for sep in SEPARATORS
    ]
    best, separator = max(scored, key=lambda pair: pair[0])
    if best == 0:
        raise InvalidInputError(
            N_(
                "The first row must name the columns, separated by commas, semicolons or "
                "tabs: {columns}."
            ),
            columns=", ".join(required),
        )
    return separator


def _check_header(header: list[str], required: Collection[str], known: Collection[str]) -> None:
    for name in header:
        if name not in known:
            raise InvalidInputError(
                N_("Unknown column '{column}' (the columns are: {columns})."),
                column=name,
                columns=", ".join(known),
            )
        if header.count(name) > 1:
            raise InvalidInputError(N_("Column '{column}' appears twice."), column=name)
    for name in required:
        if name not in header:
            raise InvalidInputError(N_("The file has no '{column}' column."), column=name)


def _csv_problem(error: csv.Error) -> KioskError:
    text = str(error)
    if "unexpected end of data" in text:
        return InvalidInputError(N_('A quote (") is opened and never closed.'))
    if "expected after" in text:
        return InvalidInputError(
            N_('Text follows a closing quote ("): a quote inside a field is written twice ("").')
        )
    return InvalidInputError(N_("This row cannot be read as CSV."))


def _records(text: str, separator: str) -> Iterator[tuple[int, list[str]]]:
    """(row number, fields) of each record, numbered as a spreadsheet shows them (a comment
    on three lines is one row); raises RowsRefusedError at a broken one."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    for row in itertools.count(1):
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise RowsRefusedError([row_problem(row, _csv_problem(error))]) from None
        yield row, fields


def read_csv_table(text: str, *, required: Collection[str], known: Collection[str]) -> CsvTable:
    """Every record of `text` under its header's names, and a problem for each row whose field
    count is wrong; all-blank rows (Excel leaves them at the end) are skipped. Raises at a row
    that is not CSV at all (what follows it cannot be told apart), naming the earlier problems
    too."""
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise InvalidInputError(N_("The file is empty."))
    separator = find_separator(text.splitlines()[0], required)
    records = _records(text, separator)
    header = [cell.strip().lower() for cell in next(records)[1]]
    _check_header(header, required, known)
    problems: list[KioskError] = []
    rows: list[CsvRecord] = []
    try:
        for row, fields in records:
            if not any(field.strip() for field in fields):
                continue
            if len(fields) != len(header):
                problems.append(
                    row_problem(
                        row,
                        InvalidInputError(
                            N_("{count} fields, but the header has {expected}."),
                            count=len(fields),
                            expected=len(header),
                        ),
                    )
                )
                continue
            cells = {name: field.strip() for name, field in zip(header, fields, strict=True)}
            rows.append(CsvRecord(row, cells))
    except RowsRefusedError as broken:
        raise RowsRefusedError(problems + broken.problems) from None
    return CsvTable(separator, rows, problems)
