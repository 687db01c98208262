"""Writes a period report as XLSX (one sheet per table) or CSV (one UTF-8-BOM file per table)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from kiosk.atomic_file import replacing_together
from kiosk.reports.cells import csv_bytes, safe_cell
from kiosk.reports.tables import Table

DATE_FORMAT, MOMENT_FORMAT = "dd/mm/yyyy", "hh:mm dd/mm/yyyy"
EXCEL_EPOCH = datetime(1899, 12, 30)
# Called with the share done (0–1) every few thousand rows, so a window can show progress.
Progress = Callable[[float], None]
PROGRESS_EVERY = 5_000


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


def write_xlsx(
    tables: list[Table], path: Path, title: str, progress: Progress | None = None
) -> None:
    """Streams the rows to disk (XlsxWriter's constant-memory mode): a province's day has
    100,000 dossiers. Each sheet prints on A4 landscape, one page wide, header repeated."""
    import xlsxwriter

    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    workbook.set_properties({"title": title})
    header_look = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    moment_look = workbook.add_format({"num_format": MOMENT_FORMAT})
    date_look = workbook.add_format({"num_format": DATE_FORMAT})
    total_rows = sum(len(t.rows) for t in tables) or 1
    done = 0
    for table in tables:
        sheet = workbook.add_worksheet(_sheet_title(table.name))
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
        write_string, write_number = sheet.write_string, sheet.write_number
        for number, row in enumerate(table.rows, 1):
            # Numbers stay numbers, dates real dates: the manager's own formulas must work.
            for column, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, str):
                    write_string(number, column, str(safe_cell(value)))
                elif isinstance(value, datetime):
                    write_number(number, column, _serial(value), moment_look)
                elif isinstance(value, date):
                    write_number(number, column, _serial(value), date_look)
                else:
                    write_number(number, column, float(value))
            if progress and number % PROGRESS_EVERY == 0:
                progress((done + number) / total_rows)
        done += len(table.rows)
    workbook.close()
    if progress:
        progress(1.0)


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
