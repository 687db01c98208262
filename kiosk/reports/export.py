"""Writes a period report as XLSX (one sheet per table) or CSV (one UTF-8-BOM file per table)."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from kiosk.reports.cells import csv_bytes, safe_cell
from kiosk.reports.tables import Table

DATE_FORMAT, MOMENT_FORMAT = "DD/MM/YYYY", "HH:MM DD/MM/YYYY"


def _sheet_title(name: str) -> str:
    return re.sub(r"[\[\]:*?/\\]", " ", name)[:31]  # Excel's rules for sheet names


def _width(value: object) -> int:
    if isinstance(value, datetime):
        return len(MOMENT_FORMAT)
    if isinstance(value, date):
        return len(DATE_FORMAT)
    return min(60, len(str(value if value is not None else "")))


def write_xlsx(tables: list[Table], path: Path, title: str) -> None:
    """Streams the rows (openpyxl's write-only mode): a province's day has 100,000 dossiers."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.worksheet import Worksheet

    workbook = Workbook(write_only=True)
    workbook.properties.title = title
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    for table in tables:
        sheet = workbook.create_sheet(_sheet_title(table.name))
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
        sheet.page_setup.fitToWidth = 1
        sheet.print_title_rows = "1:1"
        sheet.freeze_panes = "A2"
        widths = [len(str(h)) for h in table.header]
        for row in table.rows[:2000]:  # enough rows to size the columns
            widths = [max(w, _width(v)) for w, v in zip(widths, row, strict=True)]
        for index, width in enumerate(widths, 1):
            sheet.column_dimensions[get_column_letter(index)].width = width + 2
        header = []
        for text in table.header:
            cell = WriteOnlyCell(sheet, value=safe_cell(text))
            cell.font, cell.alignment = bold, wrap
            header.append(cell)
        sheet.append(header)
        for row in table.rows:
            # Numbers stay numbers, dates real dates: the manager's own formulas must work.
            values = []
            for value in row:
                if isinstance(value, datetime | date):
                    cell = WriteOnlyCell(sheet, value=value)
                    cell.number_format = (
                        MOMENT_FORMAT if isinstance(value, datetime) else DATE_FORMAT
                    )
                    values.append(cell)
                else:
                    values.append(float(value) if isinstance(value, Decimal) else safe_cell(value))
            sheet.append(values)
    workbook.save(path)


def write_csv(tables: list[Table], folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for number, table in enumerate(tables, 1):
        path = (
            folder
            / f"{number}-{re.sub(r'[^0-9A-Za-z]+', '-', table.name).strip('-') or 'table'}.csv"
        )
        path.write_bytes(csv_bytes(table.header, table.rows))
        written.append(path)
    return written
