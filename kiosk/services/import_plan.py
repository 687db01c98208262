"""What importing a file of the provincial system would change, worked out before anything is
written: the dossiers to add, the ones whose appointment, re-appointment, return or status
changed, the procedures to create, and every row refused or in conflict with what is recorded.

The rules that keep an import from polishing a figure live here: the procedure and the received
time of a dossier never change; a return once recorded is never moved or removed, nor is a
re-appointment removed; a returned dossier's appointment stays; a return cannot be in the future;
a dossier late already cannot be withdrawn out of the figures; another office's dossier and one
registered at our own counter are not the file's to change."""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Row

from kiosk.calendar import WorkingCalendar
from kiosk.db.limits import column_limit, fitted_optional
from kiosk.db.models import Dossier, DossierSource, Service
from kiosk.errors import ConflictError, InvalidInputError, KioskError
from kiosk.i18n import N_
from kiosk.provincial.records import ImportedDossier, NewProcedure, RefusedRow
from kiosk.provincial.report_words import stored_status_words
from kiosk.services.catalogue import (
    MAX_PROCESSING_DAYS,
    check_processing_days,
    clean_code,
    clean_name_en,
    clean_name_vi,
)
from kiosk.services.corrections import CLOCK_SKEW
from kiosk.services.dossier_input import checked_citizen
from kiosk.views import CitizenDetails

# The columns an import may change on a dossier it added before, in one fixed set so that all
# the updates go to the database in one executemany.
CHANGEABLE = (
    "due_at",
    "reappointed_due_at",
    "reappointed_at",
    "reappointment_reason",
    "returned_at",
    "source_status",
    "refused_at",
    "refusal_reason",
)
# What the audit keeps of a change: the columns that say how the dossier stands.
AUDITED = ("due_at", "reappointed_due_at", "returned_at", "source_status", "refused_at")


@dataclass(frozen=True)
class KnownService:
    id: int
    code: str


@dataclass(frozen=True)
class DossierUpdate:
    id: uuid.UUID
    code: str
    values: dict[str, Any]  # every CHANGEABLE column, as it will be
    before: dict[str, Any]  # the AUDITED columns that change, as they were
    after: dict[str, Any]


@dataclass
class ImportPlan:
    inserts: list[dict[str, Any]] = field(default_factory=list)
    # Rows of procedures the import creates: their service_id is filled in once they exist.
    waiting_for_service: list[tuple[dict[str, Any], str]] = field(default_factory=list)
    updates: list[DossierUpdate] = field(default_factory=list)
    unchanged: int = 0
    refused: list[RefusedRow] = field(default_factory=list)
    new_procedures: dict[str, NewProcedure] = field(default_factory=dict)
    new_services: list[dict[str, Any]] = field(default_factory=list)


def _moment(value: datetime | None) -> str:
    return f"{value:%H:%M %d/%m/%Y}" if value else "—"


def _row_problem(row: ImportedDossier, now: datetime) -> KioskError | None:
    if row.due_at.date() < row.received_at.date():
        return InvalidInputError(
            N_("the appointment {due} is before the receipt {received}"),
            due=_moment(row.due_at),
            received=_moment(row.received_at),
        )
    if row.returned_at is not None:
        if row.returned_at < row.received_at:
            return InvalidInputError(
                N_("the result is returned ({returned}) before it was received ({received})"),
                returned=_moment(row.returned_at),
                received=_moment(row.received_at),
            )
        if row.returned_at > now + CLOCK_SKEW:
            return InvalidInputError(
                N_("the return {returned} is in the future"), returned=_moment(row.returned_at)
            )
    if row.reappointed_due_at is not None and row.reappointed_due_at <= row.due_at:
        return InvalidInputError(
            N_("the new appointment {new} is not after the first one {due}"),
            new=_moment(row.reappointed_due_at),
            due=_moment(row.due_at),
        )
    return None


def _wanted(row: ImportedDossier) -> dict[str, Any]:
    """The columns that follow the file, as the file says they are."""
    return {
        "due_at": row.due_at,
        "reappointed_due_at": row.reappointed_due_at,
        "returned_at": row.returned_at,
        "source_status": row.status_code,
        "refused_at": row.received_at if row.not_processed else None,
        "refusal_reason": stored_status_words(row.status_code) if row.not_processed else None,
    }


def _conflict(
    row: ImportedDossier, code: str, known: Row[Any], service_code: str, office_id: int, now: Any
) -> KioskError | None:
    """Why the file may not change what is recorded of this dossier, or None."""
    if known.office_id != office_id:
        return ConflictError(N_("dossier {code} belongs to another office"), code=code)
    if known.source != DossierSource.PROVINCIAL:
        return ConflictError(
            N_("dossier {code} was registered at our own counter, not imported"), code=code
        )
    if known.service_code != service_code:
        return ConflictError(
            N_("the procedure changed from {before} to {after}"),
            before=known.service_code,
            after=service_code,
        )
    if known.received_at != row.received_at:
        return ConflictError(
            N_("the received time changed from {before} to {after}"),
            before=_moment(known.received_at),
            after=_moment(row.received_at),
        )
    if known.returned_at is not None and known.returned_at != row.returned_at:
        return ConflictError(
            N_("the return recorded at {before} cannot change to {after}"),
            before=_moment(known.returned_at),
            after=_moment(row.returned_at),
        )
    if known.returned_at is not None and known.due_at != row.due_at:
        return ConflictError(
            N_("the appointment of a returned dossier cannot change ({before} to {after})"),
            before=_moment(known.due_at),
            after=_moment(row.due_at),
        )
    if known.reappointed_due_at is not None and row.reappointed_due_at is None:
        return ConflictError(
            N_("the new appointment {before} recorded for it is missing from the file"),
            before=_moment(known.reappointed_due_at),
        )
    withdrawn_now = row.not_processed and known.refused_at is None
    if withdrawn_now and known.returned_at is None and known.due_at.date() < now.date():
        return ConflictError(
            N_("it is late since {due}: it cannot leave the figures as not processed now"),
            due=_moment(known.due_at),
        )
    return None


def _guessed_days(rows: Iterable[ImportedDossier], calendar: WorkingCalendar) -> int:
    """The processing time most of the file's dossiers of a procedure were given."""
    guesses = Counter(
        min(
            calendar.working_days_between(row.received_at.date(), row.due_at.date()),
            MAX_PROCESSING_DAYS,
        )
        for row in rows
    )
    best = max(guesses.values())
    return min(days for days, count in guesses.items() if count == best)


def _new_procedure(
    code: str, rows: list[ImportedDossier], calendar: WorkingCalendar
) -> tuple[NewProcedure, dict[str, Any]]:
    first = rows[0]
    name = clean_name_vi(first.procedure_name)
    field_name = fitted_optional(first.field_name, Service.field, N_("Field")) or ""
    given = next((row.processing_days for row in rows if row.processing_days is not None), None)
    days = check_processing_days(given) if given is not None else _guessed_days(rows, calendar)
    procedure = NewProcedure(code, name, field_name, days, confirmed=given is not None)
    values = {
        "code": code,
        "name_vi": name,
        "name_en": clean_name_en(None, name),
        "field": field_name,
        "processing_days": days,
        "days_confirmed": given is not None,
        "active": True,
    }
    return procedure, values


def checked_rows(
    dossiers: Iterable[ImportedDossier], now: datetime, refused: list[RefusedRow]
) -> list[tuple[ImportedDossier, str, str, CitizenDetails]]:
    """Each row with its code and procedure code cleaned and its citizen's details checked;
    a row that fails is added to `refused` instead."""
    longest = column_limit(Dossier.code)
    first_line: dict[str, int] = {}
    checked = []
    for row in dossiers:
        code = row.code.strip().upper()
        try:
            if not code or len(code) > longest:
                raise InvalidInputError(
                    N_("a dossier code has 1 to {longest} characters"), longest=longest
                )
            if code in first_line:
                raise InvalidInputError(
                    N_("dossier {code} is already on line {line}"), code=code, line=first_line[code]
                )
            first_line[code] = row.line
            procedure = clean_code(row.procedure_code)
            citizen = checked_citizen(
                CitizenDetails(row.citizen_name, row.citizen_address, row.citizen_phone)
            )
            problem = _row_problem(row, now)
            if problem is not None:
                raise problem
        except KioskError as error:
            refused.append(RefusedRow(row.line, code or None, error))
            continue
        checked.append((row, code, procedure, citizen))
    return checked


def make_plan(
    rows: list[tuple[ImportedDossier, str, str, CitizenDetails]],
    *,
    known_dossiers: Mapping[str, Row[Any]],
    services: Mapping[str, KnownService],
    office_id: int,
    calendar: WorkingCalendar,
    now: datetime,
    refused: list[RefusedRow],
) -> ImportPlan:
    plan = ImportPlan(refused=refused)
    unknown: dict[str, list[ImportedDossier]] = {}
    for row, _code, procedure, _citizen in rows:
        if procedure not in services:
            unknown.setdefault(procedure, []).append(row)
    for procedure, its_rows in unknown.items():
        try:
            new, values = _new_procedure(procedure, its_rows, calendar)
        except KioskError as error:
            plan.refused.append(RefusedRow(its_rows[0].line, its_rows[0].code, error))
            continue
        plan.new_procedures[procedure] = new
        plan.new_services.append(values)
    for row, code, procedure, citizen in rows:
        known = known_dossiers.get(code)
        if known is None:
            _plan_insert(plan, row, code, procedure, citizen, services, office_id, now)
            continue
        problem = _conflict(row, code, known, procedure, office_id, now)
        if problem is not None:
            plan.refused.append(RefusedRow(row.line, code, problem))
            continue
        _plan_update(plan, row, code, known, now)
    plan.refused.sort(key=lambda refused_row: refused_row.line)
    return plan


def _plan_insert(
    plan: ImportPlan,
    row: ImportedDossier,
    code: str,
    procedure: str,
    citizen: CitizenDetails,
    services: Mapping[str, KnownService],
    office_id: int,
    now: datetime,
) -> None:
    service = services.get(procedure)
    values = {
        "id": uuid.uuid4(),
        "code": code,
        "office_id": office_id,
        "service_id": service.id if service else None,
        "clerk_id": None,
        "received_at": row.received_at,
        "reappointed_at": now if row.reappointed_due_at else None,
        "reappointment_reason": _reappointment_reason(row),
        "citizen_name": citizen.name,
        "citizen_address": citizen.address,
        "citizen_phone": citizen.phone,
        "documents": None,
        "sets": 1,
        "register_entry": None,
        "source": DossierSource.PROVINCIAL,
        "imported_at": now,
        **_wanted(row),
    }
    plan.inserts.append(values)
    if service is None:
        plan.waiting_for_service.append((values, procedure))


def _reappointment_reason(row: ImportedDossier) -> str | None:
    if row.reappointed_due_at is None:
        return None
    return fitted_optional(row.notes, Dossier.reappointment_reason, N_("Reason"))


def _plan_update(
    plan: ImportPlan, row: ImportedDossier, code: str, known: Row[Any], now: datetime
) -> None:
    wanted = _wanted(row)
    changed = [column for column, value in wanted.items() if getattr(known, column) != value]
    if not changed:
        plan.unchanged += 1
        return
    values = {column: getattr(known, column) for column in CHANGEABLE} | wanted
    if known.reappointed_due_at is None and row.reappointed_due_at is not None:
        values["reappointed_at"] = now
        values["reappointment_reason"] = _reappointment_reason(row)
    audited = [column for column in AUDITED if column in changed]
    plan.updates.append(
        DossierUpdate(
            id=known.id,
            code=code,
            values=values,
            before={column: _json_value(getattr(known, column)) for column in audited},
            after={column: _json_value(wanted[column]) for column in audited},
        )
    )


def _json_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value
