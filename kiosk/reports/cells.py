"""Cell values that are safe to hand to a spreadsheet.

A citizen's comment that starts with =, +, - or @ would be run as a formula by Excel or
LibreOffice (CSV/formula injection); such text is prefixed with an apostrophe, which
spreadsheets show as plain text. Numbers and dates pass through unchanged.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal

from kiosk.text import nfc

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
Cell = str | int | float | Decimal | date | datetime | None


def safe_cell(value: Cell) -> Cell:
    if isinstance(value, str):
        text = nfc(value)
        return "'" + text if text.startswith(FORMULA_STARTS) else text
    return value


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> bytes:
    """UTF-8 with a byte-order mark, so Excel on Windows reads the Vietnamese right."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow(["" if v is None else safe_cell(v) for v in row])
    return buffer.getvalue().encode("utf-8-sig")
