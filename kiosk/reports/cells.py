"""Cell values that are safe to hand to a spreadsheet.

A citizen's comment that starts with =, +, - or @ would be run as a formula by Excel or
LibreOffice (CSV/formula injection); such text is prefixed with an apostrophe, which
spreadsheets show as plain text. Numbers and dates pass through unchanged: a number cannot
carry a formula, and -3 must stay the number minus three for the manager's own sums.

A CSV cell is read back by spreadsheets that split lines on ";" (Vietnamese Excel), tab or ","
whatever we meant, and some ignore the quotes: so every piece of the text that could start a
cell that way (after a separator, a line break or quotes) is neutralised too.
"""

from __future__ import annotations

import csv
import io
import re
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


# An apostrophe goes before a formula start at the beginning of the text or after anything a
# spreadsheet may split cells at (",", ";", tab, a line break), past the quotes and spaces a
# reader may drop. A tab or CR is both: a break, and a formula start for the next piece.
FORMULA_PLACE = re.compile(r'(^|[,;\t\r\n])([" ]*)(?=[=+\-@\t\r])')


def csv_text(text: str) -> str:
    """`text` with an apostrophe before every character that would start a formula in a cell
    split off at any separator; text without such a place is returned as it was."""
    return FORMULA_PLACE.sub(r"\1\2'", nfc(text))


def csv_cell(value: Cell) -> Cell:
    """The one way a value goes into a CSV file: text neutralised, numbers and dates as is."""
    if value is None:
        return ""
    if isinstance(value, str):
        return csv_text(value)
    if isinstance(value, bool):  # not a number to a spreadsheet either
        return csv_text(str(value))
    return value


# Values a CSV file takes as they are: a row of a province's register has a dozen cells, so the
# exact type is looked up once instead of running csv_cell's checks on each.
AS_THEY_ARE = frozenset({int, float, Decimal, date, datetime})


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> bytes:
    """UTF-8 with a byte-order mark, so Excel on Windows reads the Vietnamese right. Text is
    quoted, numbers are not: a reader splitting on ";" keeps "a;b" whole and -3 a number."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow([csv_cell(h) for h in header])
    kept = AS_THEY_ARE
    writer.writerows(
        [v if type(v) in kept else "" if v is None else csv_cell(v) for v in row] for row in rows
    )
    return buffer.getvalue().encode("utf-8-sig")
