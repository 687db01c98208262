"""Writes a period report as XLSX (one sheet per table) or CSV (one UTF-8-BOM file per table)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.atomic_file import replacing_together
from kiosk.reports.cells import Cell, csv_bytes, safe_cell
from kiosk.reports.tables import Table

if TYPE_CHECKING:
    from xlsxwriter.format import Format
    from xlsxwriter.workbook import Workbook
    from xlsxwriter.worksheet import Worksheet

DATE_FORMAT, MOMENT_FORMAT = "dd/mm/yyyy", "hh:mm dd/mm/yyyy"
EXCEL_EPOCH = datetime(1899, 12, 30)
# Called with the share done (0–1) every few thousand rows, so a window can show progress.
Progress = Callable[[float], None]
PROGRESS_EVERY = 5_000
PERCENT_MARK = "(%)"


def _sheet_title(name: str) -> str:
    return re.sub(r"[\[\]:*?/\\]", " ", name)[:31]  # Excel's rules for sheet names


def _width(value: object) -> int:
    if isinstance(value, datetime):
        return len(MOMENT_FORMAT)
    if isinstance(value, date):
        return len(DATE_FORMAT)
    return min(60, len(str(value if value is not None else "")))


def _serial(moment: date) -> float:
    """Excel's day number; cheaper than the writer's own conversion on 100,000 rows."""
    if not isinstance(moment, datetime):
        moment = datetime(moment.year, moment.month, moment.day)
    return (moment - EXCEL_EPOCH).total_seconds() / 86_400


def is_rate(label: object) -> bool:
    """A column (by its header) or a summary row (by its first cell) of rates: "… (%)"."""
    return isinstance(label, str) and label.endswith(PERCENT_MARK)


def number_format(value: Decimal, rate: bool) -> str:
    """The spreadsheet's display of a figure: one decimal, none when it is whole ("100 %", not
    "100.0 %"), two for points ("5.57"); the reader's own locale picks "," or "." for it, so a
    Vietnamese Excel or LibreOffice shows "7,1 %". The cell stays a number."""
    places = 0 if value == value.to_integral_value() else min(2, -_exponent(value))
    digits = "0." + "0" * places if places else "0"
    return f'{digits}" %"' if rate else digits


def _exponent(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return exponent if isinstance(exponent, int) else 0


class _Looks:
    """The workbook's cell formats, made once each: XlsxWriter keeps every format it is given."""

    def __init__(self, workbook: Workbook) -> None:
        self.workbook = workbook
        self.header = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top"})
        self.moment = workbook.add_format({"num_format": MOMENT_FORMAT})
        self.day = workbook.add_format({"num_format": DATE_FORMAT})
        self.numbers: dict[str, Format] = {}

    def figure(self, value: Decimal, rate: bool) -> Format:
        shown = number_format(value, rate)
        if shown not in self.numbers:
            self.numbers[shown] = self.workbook.add_format({"num_format": shown})
        return self.numbers[shown]


def write_xlsx(
    tables: list[Table], path: Path, title: str, progress: Progress | None = None
) -> None:
    """Streams the rows to disk (XlsxWriter's constant-memory mode): a province's day has
    100,000 dossiers. Each sheet prints on A4 landscape, one page wide, header repeated.
    Numbers stay numbers, dates real dates: the manager's own formulas must work."""
    import xlsxwriter

    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    workbook.set_properties({"title": title})
    looks = _Looks(workbook)
    total_rows = sum(len(t.rows) for t in tables) or 1
    done = 0
    for table in tables:
        sheet = workbook.add_worksheet(_sheet_title(table.name))
        _lay_out(sheet, table, looks.header)
        write_cell = _cell_writer(sheet, looks, [is_rate(h) for h in table.header])
        for number, row in enumerate(table.rows, 1):
            rate_row = is_rate(row[0]) if row else False
            for column, value in enumerate(row):
                if value is not None:
                    write_cell(number, column, value, rate_row)
            if progress and number % PROGRESS_EVERY == 0:
                progress((done + number) / total_rows)
        done += len(table.rows)
    workbook.close()
    if progress:
        progress(1.0)


def _lay_out(sheet: Worksheet, table: Table, header_look: Format) -> None:
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(0)
    sheet.freeze_panes(1, 0)
    widths = [len(str(h)) for h in table.header]
    for row in table.rows[:2000]:  # enough rows to size the columns
        widths = [max(w, _width(v)) for w, v in zip(widths, row, strict=True)]
    for index, width in enumerate(widths):
        sheet.set_column(index, index, width + 2)
    for column, text in enumerate(table.header):
        sheet.write_string(0, column, str(safe_cell(text)), header_look)


CellWriter = Callable[[int, int, Cell, bool], object]


def _cell_writer(sheet: Worksheet, looks: _Looks, rate_columns: list[bool]) -> CellWriter:
    """One function per type of value, found by the value's exact type: an isinstance chain
    run on each of a million cells costs more than the writing."""
    write_string, write_number = sheet.write_string, sheet.write_number
    moment_look, day_look = looks.moment, looks.day

    def text(row: int, column: int, value: Cell, rate_row: bool) -> object:
        return write_string(row, column, str(safe_cell(value)))

    def whole(row: int, column: int, value: Cell, rate_row: bool) -> object:
        return write_number(row, column, value)

    def figure(row: int, column: int, value: Cell, rate_row: bool) -> object:
        assert isinstance(value, Decimal)
        look = looks.figure(value, rate_row or rate_columns[column])
        return write_number(row, column, float(value), look)

    def moment(row: int, column: int, value: Cell, rate_row: bool) -> object:
        assert isinstance(value, date)
        return write_number(row, column, _serial(value), moment_look)

    def day(row: int, column: int, value: Cell, rate_row: bool) -> object:
        assert isinstance(value, date)
        return write_number(row, column, _serial(value), day_look)

    def other(row: int, column: int, value: Cell, rate_row: bool) -> object:
        if isinstance(value, str):  # a subclass of str, such as a StrEnum
            return text(row, column, value, rate_row)
        return write_number(row, column, float(value))  # type: ignore[arg-type]

    by_type: dict[type, CellWriter] = {
        str: text,
        int: whole,
        float: whole,
        Decimal: figure,
        datetime: moment,
        date: day,
    }

    def write(row: int, column: int, value: Cell, rate_row: bool) -> object:
        return by_type.get(type(value), other)(row, column, value, rate_row)

    return write


def csv_paths(tables: list[Table], folder: Path) -> list[Path]:
    return [
        folder / f"{number}-{re.sub(r'[^0-9A-Za-z]+', '-', table.name).strip('-') or 'table'}.csv"
        for number, table in enumerate(tables, 1)
    ]


def _csv_writer(table: Table) -> Callable[[Path], object]:
    return lambda partial: partial.write_bytes(csv_bytes(table.header, table.rows))


def write_csv(tables: list[Table], folder: Path) -> list[Path]:
    """One file per table; they replace the folder's earlier files together or not at all."""
    paths = csv_paths(tables, folder)
    with replacing_together() as stage:
        for path, table in zip(paths, tables, strict=True):
            stage(path, _csv_writer(table))
    return paths
