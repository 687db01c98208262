"""Writes a period report as XLSX (one sheet per table) or CSV (one UTF-8-BOM file per table)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from kiosk.atomic_file import replacing_together
from kiosk.reports.cells import csv_bytes, safe_cell
from kiosk.reports.tables import Table
from kiosk.reports.xlsx_file import Styles, Workbook, text_xml

DATE_FORMAT, MOMENT_FORMAT = "dd/mm/yyyy", "hh:mm dd/mm/yyyy"
EXCEL_EPOCH = datetime(1899, 12, 30)
# Called with the share done (0–1) every few thousand rows, so a window can show progress.
Progress = Callable[[float], None]
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


def write_xlsx(
    tables: list[Table], path: Path, title: str, progress: Progress | None = None
) -> None:
    """One sheet per table, streamed to disk: a province's day has 100,000 dossiers. Each sheet
    prints on A4 landscape, one page wide, header repeated. Numbers stay numbers, dates real
    dates: the manager's own formulas must work."""
    total_rows = sum(len(t.rows) for t in tables) or 1
    done = 0
    with Workbook(path, title) as workbook:
        for table in tables:
            widths = [len(str(h)) for h in table.header]
            for row in table.rows[:2000]:  # enough rows to size the columns
                widths = [max(w, _width(v)) for w, v in zip(widths, row, strict=True)]

            def rows_done(count: int, before: int = done) -> None:
                if progress:
                    progress((before + count) / total_rows)

            workbook.add_sheet(
                _sheet_title(table.name),
                [str(safe_cell(h)) for h in table.header],
                widths,
                table.rows,
                _cell_xml(workbook.styles, [is_rate(h) for h in table.header]),
                rows_done,
            )
            done += len(table.rows)
    if progress:
        progress(1.0)


CellXml = Callable[[int, object, Sequence[object]], "tuple[int, str] | None"]


def _cell_xml(styles: Styles, rate_columns: list[bool]) -> CellXml:
    """One function per type of value, found by the value's exact type: an isinstance chain
    run on each of a million cells costs more than the writing."""
    moment_look, day_look = styles.number(MOMENT_FORMAT), styles.number(DATE_FORMAT)

    def text(column: int, value: object, row: Sequence[object]) -> tuple[int, str]:
        return 0, text_xml(str(safe_cell(value)))  # type: ignore[arg-type]

    def whole(column: int, value: object, row: Sequence[object]) -> tuple[int, str]:
        return 0, f'"><v>{value!r}</v></c>'

    def figure(column: int, value: object, row: Sequence[object]) -> tuple[int, str]:
        assert isinstance(value, Decimal)
        rate = rate_columns[column] or (bool(row) and is_rate(row[0]))
        return styles.number(number_format(value, rate)), f'"><v>{float(value)!r}</v></c>'

    def moment(column: int, value: object, row: Sequence[object]) -> tuple[int, str]:
        assert isinstance(value, date)
        return moment_look, f'"><v>{_serial(value)!r}</v></c>'

    def day(column: int, value: object, row: Sequence[object]) -> tuple[int, str]:
        assert isinstance(value, date)
        return day_look, f'"><v>{_serial(value)!r}</v></c>'

    def other(column: int, value: object, row: Sequence[object]) -> tuple[int, str]:
        if isinstance(value, str):  # a subclass of str, such as a StrEnum
            return text(column, value, row)
        return 0, f'"><v>{float(value)!r}</v></c>'  # type: ignore[arg-type]

    by_type: dict[type, CellXml] = {
        str: text,
        int: whole,
        float: whole,
        Decimal: figure,
        datetime: moment,
        date: day,
    }

    def cell(column: int, value: object, row: Sequence[object]) -> tuple[int, str] | None:
        return by_type.get(type(value), other)(column, value, row)

    return cell


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
