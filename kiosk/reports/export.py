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


def write_xlsx(tables: list[Table], path: Path, title: str) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    workbook.remove(workbook.active)
    workbook.properties.title = title
    for table in tables:
        sheet = workbook.create_sheet(_sheet_title(table.name))
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.fitToWidth = 1
        sheet.print_title_rows = "1:1"
        sheet.append([safe_cell(h) for h in table.header])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for row in table.rows:
            # Numbers stay numbers, dates real dates: the manager's own formulas must work.
            sheet.append([float(v) if isinstance(v, Decimal) else safe_cell(v) for v in row])
        widths = [len(str(h)) for h in table.header]
        for row in sheet.iter_rows(min_row=2):
            for index, cell in enumerate(row):
                if isinstance(cell.value, datetime):
                    cell.number_format = MOMENT_FORMAT
                elif isinstance(cell.value, date):
                    cell.number_format = DATE_FORMAT
                widths[index] = max(widths[index], min(60, len(str(cell.value or ""))))
        for index, width in enumerate(widths, 1):
            sheet.column_dimensions[get_column_letter(index)].width = width + 2
        sheet.freeze_panes = "A2"
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
