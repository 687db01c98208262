"""Dossier codes: `UNIT-YYMMDD-XXXX` (office, receipt date, a sequence that restarts daily)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from kiosk.errors import InvalidInputError
from kiosk.i18n import N_
from kiosk.text import nfc

MAX_SEQUENCE = 9999
_CODE = re.compile(r"(?P<unit>[^-\s]{1,40})-(?P<day>\d{6})-(?P<sequence>\d{4})")


@dataclass(frozen=True)
class DossierCode:
    unit: str
    day: date
    sequence: int

    def __str__(self) -> str:
        return format_dossier_code(self.unit, self.day, self.sequence)


def format_dossier_code(unit: str, day: date, sequence: int) -> str:
    if not 1 <= sequence <= MAX_SEQUENCE:
        raise InvalidInputError(
            N_("The office has used all {max} dossier numbers for {day}."),
            max=MAX_SEQUENCE,
            day=f"{day:%d/%m/%Y}",
        )
    return f"{unit}-{day:%y%m%d}-{sequence:04d}"


def split_dossier_code(text: str) -> DossierCode:
    """Reads a typed or scanned code; tolerant of spaces and case, strict about its shape."""
    cleaned = nfc(text).strip().upper().replace(" ", "")
    match = _CODE.fullmatch(cleaned)
    if match is None:
        raise InvalidInputError(
            N_("'{text}' is not a dossier code (it looks like UNIT-YYMMDD-XXXX)."),
            text=text.strip()[:60],
        )
    digits = match["day"]
    try:
        # YY is this century's year: strptime's %y would read 69–99 as 1969–1999.
        day: date | None = date(2000 + int(digits[:2]), int(digits[2:4]), int(digits[4:]))
    except ValueError:
        day = None
    sequence = int(match["sequence"])
    if day is None or sequence == 0:
        raise InvalidInputError(
            N_("'{text}' is not a dossier code (it looks like UNIT-YYMMDD-XXXX)."),
            text=text.strip()[:60],
        )
    return DossierCode(match["unit"], day, sequence)


def parse_dossier_code(text: str) -> str:
    return str(split_dossier_code(text))
