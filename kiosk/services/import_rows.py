"""Each row of a file of the provincial system checked on its own, before it is compared with
what is recorded: a code that fits and is not repeated, a procedure code, the citizen's details
within their columns, and times in order (no return in the future)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime
from functools import cache, lru_cache

from kiosk.db.limits import column_limit
from kiosk.db.models import Dossier
from kiosk.errors import InvalidInputError, KioskError
from kiosk.i18n import N_
from kiosk.provincial.columns import header_key
from kiosk.provincial.records import ImportedDossier, RefusedRow
from kiosk.services.catalogue import clean_code
from kiosk.services.corrections import CLOCK_SKEW
from kiosk.services.dossier_input import checked_citizen, clean_phone
from kiosk.views import CitizenDetails

# A row as checked: the file's row, its code and procedure code cleaned, the citizen's details.
CheckedRow = tuple[ImportedDossier, str, str, CitizenDetails]


def moment_text(value: datetime | None) -> str:
    return f"{value:%H:%M %d/%m/%Y}" if value else "—"


def _row_problem(row: ImportedDossier, now: datetime) -> KioskError | None:
    if row.due_at.date() < row.received_at.date():
        return InvalidInputError(
            N_("The appointment ({due}) is before the dossier was received ({received})."),
            due=moment_text(row.due_at),
            received=moment_text(row.received_at),
        )
    if row.returned_at is not None:
        if row.returned_at < row.received_at:
            return InvalidInputError(
                N_("Returned ({returned}) before it was received ({received})."),
                returned=moment_text(row.returned_at),
                received=moment_text(row.received_at),
            )
        if row.returned_at > now + CLOCK_SKEW:
            return InvalidInputError(
                N_(
                    "The return ({returned}) is in the future: a file cannot record a return "
                    "ahead of time."
                ),
                returned=moment_text(row.returned_at),
            )
    if row.reappointed_due_at is not None and row.reappointed_due_at <= row.due_at:
        return InvalidInputError(
            N_("The new appointment ({again}) is not after the appointment ({due})."),
            again=moment_text(row.reappointed_due_at),
            due=moment_text(row.due_at),
        )
    return None


@cache
def _limits() -> tuple[int, int]:
    return column_limit(Dossier.citizen_name), column_limit(Dossier.citizen_address)


def _citizen(row: ImportedDossier) -> CitizenDetails:
    """As checked_citizen, without its work where the readers did it (NFC, trimmed) and the
    text fits: a province's file has a hundred thousand of them."""
    name_limit, address_limit = _limits()
    name, address = row.citizen_name or None, row.citizen_address or None
    if (name and len(name) > name_limit) or (address and len(address) > address_limit):
        return checked_citizen(CitizenDetails(name, address, row.citizen_phone))
    phone = row.citizen_phone or None
    if phone is not None and not (phone.isdigit() and 8 <= len(phone) <= 15):
        phone = clean_phone(phone)
    return CitizenDetails(name, address, phone)


@lru_cache(maxsize=1024)
def _procedure_code(text: str) -> str:
    return clean_code(text)


def checked_rows(
    dossiers: Iterable[ImportedDossier], now: datetime, refused: list[RefusedRow]
) -> list[CheckedRow]:
    """Each row with its code and procedure code cleaned and its citizen's details checked;
    a row that fails is added to `refused` instead."""
    longest = column_limit(Dossier.code)
    latest_return = now + CLOCK_SKEW
    first_line: dict[str, int] = {}
    checked = []
    for row in dossiers:
        code = row.code.strip().upper()
        try:
            if not code or len(code) > longest:
                raise InvalidInputError(
                    N_("A dossier code has 1 to {longest} characters."), longest=longest
                )
            if code in first_line:
                raise InvalidInputError(
                    N_(
                        "The dossier code {code} is also on line {line}: a file lists each "
                        "dossier once."
                    ),
                    code=code,
                    line=first_line[code],
                )
            first_line[code] = row.line
            procedure = _procedure_code(row.procedure_code)
            citizen = _citizen(row)
            returned, again = row.returned_at, row.reappointed_due_at
            # The usual row passes these comparisons; only another one is looked at closely.
            if not (
                row.received_at <= row.due_at
                and (returned is None or row.received_at <= returned <= latest_return)
                and (again is None or again > row.due_at)
            ):
                problem = _row_problem(row, now)
                if problem is not None:
                    raise problem
        except KioskError as error:
            refused.append(RefusedRow(row.line, code or None, error))
            continue
        checked.append((row, code, procedure, citizen))
    return checked


def by_procedure_name(
    dossiers: Sequence[ImportedDossier],
    catalogue: Iterable[tuple[str, str]],
    refused: list[RefusedRow],
) -> list[ImportedDossier]:
    """Rows of a register that names procedures without their codes (as Form 07 does), each given
    the code of the catalogue's procedure of that name (accents, case and spacing aside); a name
    the catalogue does not have, or has for two procedures, refuses the row."""
    if all(row.procedure_code for row in dossiers):
        return list(dossiers)
    codes: dict[str, str | None] = {}
    for code, name in catalogue:
        key = header_key(name)
        codes[key] = None if codes.get(key, code) != code else code
    named = []
    for row in dossiers:
        if row.procedure_code:
            named.append(row)
            continue
        key = header_key(row.procedure_name)
        found = codes.get(key)
        if found is None:
            message = (
                N_(
                    "The catalogue has two procedures named '{name}': export the register with "
                    "the procedure code ('Mã TTHC')."
                )
                if key in codes
                else N_(
                    "The procedure '{name}' is not in the catalogue under that name: add it "
                    "(kiosk services add) or export the register with the procedure code "
                    "('Mã TTHC')."
                )
            )
            error = InvalidInputError(message, name=row.procedure_name)
            refused.append(RefusedRow(row.line, row.code, error))
            continue
        named.append(replace(row, procedure_code=found))
    return named
