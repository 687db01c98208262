"""The checks every imported row passes, whichever file it came from.

A row that fails is not an exception to the caller: the reader turns the KioskError raised here
into a RefusedRow naming the line, so that the manager sees every bad row of a file at once.
Messages name the column as the file writes it ("Ngày hẹn trả", or "NgayHenTra" in the JSON).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time

from kiosk.db.limits import TEXT_LIMIT, column_limit
from kiosk.db.models import Dossier, Service
from kiosk.errors import InvalidInputError, KioskError
from kiosk.i18n import N_
from kiosk.provincial.moments import NotAMoment, in_supported_years
from kiosk.provincial.records import ImportedDossier
from kiosk.text import nfc

# What the database keeps of each field, declared once by the models' columns.
LIMITS = {
    "code": column_limit(Dossier.code),
    "procedure_code": column_limit(Service.code),
    "procedure_name": column_limit(Service.name_vi),
    "field_name": column_limit(Service.field),
    "citizen_name": column_limit(Dossier.citizen_name),
    "citizen_address": column_limit(Dossier.citizen_address),
    "citizen_phone": column_limit(Dossier.citizen_phone),
    "status_code": column_limit(Dossier.source_status),
    "notes": TEXT_LIMIT,
}


def cell_text(value: object) -> str | None:
    """A cell or JSON value as text: NFC, trimmed, None when blank. A whole number stored as a
    number reads as its digits; the apostrophe a spreadsheet puts before text is dropped."""
    if type(value) is str:
        text = value.strip()
    elif value is None:
        return None
    else:
        text = str(int(value) if isinstance(value, float) and value.is_integer() else value)
    if not text:
        return None
    if not text.isascii():  # ASCII is already NFC: most codes and dates skip the work
        text = nfc(text)
    if text[0] == "'":
        text = text[1:].lstrip()
    return text or None


def phone_text(value: object) -> str | None:
    """A phone as text. A sheet that stored it as a number lost its leading 0 (0912 345 678 is
    912345678): a Vietnamese number never starts with another digit, so the 0 is put back."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        digits = cell_text(value) or ""
        return digits if digits.startswith(("0", "84")) else "0" + digits
    return cell_text(value)


def required_text(value: str | None, message: str, column: str) -> str:
    if value is None:
        raise InvalidInputError(message, column=column)
    return value


def read_moment(
    value: object, column: str, parse: Callable[[object], datetime | None]
) -> datetime | None:
    try:
        moment = parse(value)
    except NotAMoment as bad:
        raise InvalidInputError(
            N_("{column}: '{text}' is not a date (write it as dd/mm/yyyy or dd/mm/yyyy hh:mm)."),
            column=column,
            text=str(bad)[:40],
        ) from None
    if moment is not None and not in_supported_years(moment):
        raise InvalidInputError(
            N_("{column}: {moment} is not between the years 2000 and 2099."),
            column=column,
            moment=f"{moment:%d/%m/%Y}",
        )
    return moment


def required_moment(moment: datetime | None, column: str) -> datetime:
    if moment is None:
        raise InvalidInputError(N_("{column} is empty: every dossier needs it."), column=column)
    return moment


def check_dossier(dossier: ImportedDossier, columns: dict[str, str]) -> None:
    """Raises a KioskError for the first thing wrong with `dossier`; `columns` names each
    field's column as the file writes it."""
    for field, limit in LIMITS.items():
        text = getattr(dossier, field)
        if text is not None and len(text) > limit:
            raise InvalidInputError(
                N_("{column} is too long: at most {limit} characters, not {length}."),
                column=columns.get(field, field),
                limit=limit,
                length=len(text),
            )
    received, due = dossier.received_at, dossier.due_at
    if due.date() < received.date():
        raise InvalidInputError(
            N_("The appointment ({due}) is before the dossier was received ({received})."),
            due=f"{due:%d/%m/%Y}",
            received=f"{received:%d/%m/%Y}",
        )
    again = dossier.reappointed_due_at
    if again is not None and again.date() <= due.date():
        raise InvalidInputError(
            N_("The new appointment ({again}) is not after the appointment ({due})."),
            again=f"{again:%d/%m/%Y}",
            due=f"{due:%d/%m/%Y}",
        )
    returned = dossier.returned_at
    # A date without a time is midnight: only a real time on the same day can be too early.
    if returned is not None and (
        returned.date() < received.date() or (returned.time() != time.min and returned < received)
    ):
        raise InvalidInputError(
            N_("Returned ({returned}) before it was received ({received})."),
            returned=f"{returned:%d/%m/%Y %H:%M}",
            received=f"{received:%d/%m/%Y %H:%M}",
        )


def duplicate(code: str, first_line: int) -> KioskError:
    return InvalidInputError(
        N_("The dossier code {code} is also on line {line}: a file lists each dossier once."),
        code=code,
        line=first_line,
    )
