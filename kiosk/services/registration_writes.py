"""A counter registration in as few statements as the database allows, the commonest write of
the office: the day's number and the register entry, the dossier, its audit row and its receipt
job, all in one transaction.

What a registration reads (the office's hours and days off, the service, the clerk) is read once
per station and kept (`StationFacts`). It is never trusted blindly: the number is taken only if
those rows still read as kept, checked inside the counter's own upsert, so a retired service, a
deactivated clerk or a new day off costs one re-read, never a wrong appointment or a number used
up by a refused registration. PostgreSQL then needs two statements (numbers; dossier, audit and
job as one CTE); SQLite, which has no INSERT in a CTE, one per table, each in-process.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import cache
from typing import Any, cast

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Connection,
    Date,
    Executable,
    Integer,
    Table,
    and_,
    bindparam,
    exists,
    func,
    insert,
    literal,
    select,
    true,
)
from sqlalchemy.orm import Session

from kiosk.calendar import WorkingCalendar
from kiosk.db.driver_statements import execute_compiled
from kiosk.db.models import (
    AuditEvent,
    Clerk,
    Dossier,
    DossierCounter,
    DossierSource,
    Office,
    OfficeDayOff,
    PrintJob,
    PrintKind,
    PrintStatus,
    RegisterCounter,
    Service,
)
from kiosk.db.upsert import upsert_dialect
from kiosk.services.offices import find_office, office_calendar
from kiosk.status import dossier_status
from kiosk.views import CitizenDetails, DocumentItem, DossierView


@dataclass(frozen=True)
class OfficeFacts:
    id: int
    code: str
    closing_time: time
    afternoon_cutoff: time
    days_off: frozenset[date]
    calendar: WorkingCalendar


@dataclass(frozen=True)
class ServiceFacts:
    id: int
    code: str
    name_vi: str
    name_en: str
    processing_days: int


@dataclass(frozen=True)
class ClerkFacts:
    id: int
    display_name: str
    counter: int


class StationFacts:
    """The office, services and clerks a station registers with, read once and kept until a
    registration finds them changed (`forget`)."""

    def __init__(self, office_code: str | None) -> None:
        self._office_code = office_code
        self._office: OfficeFacts | None = None
        self._services: dict[str, ServiceFacts] = {}
        self._clerks: dict[int, ClerkFacts] = {}

    def forget(self) -> None:
        self._office = None
        self._services.clear()
        self._clerks.clear()

    def kept(
        self, service_code: str, clerk_id: int | None
    ) -> tuple[OfficeFacts, ServiceFacts, ClerkFacts] | None:
        """All three as kept, or None when one must be read first."""
        service = self._services.get(service_code)
        clerk = self._clerks.get(clerk_id) if clerk_id is not None else None
        if self._office is None or service is None or clerk is None:
            return None
        return self._office, service, clerk

    def office(self, session: Session) -> OfficeFacts:
        if self._office is None:
            office = find_office(session, self._office_code)
            days_off = frozenset(d.day for d in office.days_off)
            self._office = OfficeFacts(
                office.id,
                office.code,
                office.closing_time,
                office.afternoon_cutoff,
                days_off,
                office_calendar(office),  # cached: holidays worked out once a process
            )
        return self._office

    def service(self, code: str, read: Any) -> ServiceFacts:
        """The kept service named `code`, or the one `read()` returns (and raises for)."""
        facts = self._services.get(code)
        if facts is None:
            service: Service = read()
            facts = ServiceFacts(
                service.id, service.code, service.name_vi, service.name_en, service.processing_days
            )
            self._services[code] = facts
        return facts

    def clerk(self, clerk_id: int | None, read: Any) -> ClerkFacts:
        """The kept clerk; with no id, always read: "the office's only clerk" may change."""
        facts = self._clerks.get(clerk_id) if clerk_id is not None else None
        if facts is None:
            clerk: Clerk = read()
            facts = ClerkFacts(clerk.id, clerk.display_name, clerk.counter)
            self._clerks[clerk.id] = facts
        return facts


@dataclass(frozen=True)
class NewDossier:
    """A dossier to write, all checked; the code follows from the number taken."""

    id: uuid.UUID
    received_at: datetime
    due_at: datetime
    citizen: CitizenDetails
    documents: list[dict[str, Any]] | None
    sets: int
    station: str
    print_receipt: bool

    def view(
        self, code: str, entry: int, service: ServiceFacts, clerk: ClerkFacts, today: date
    ) -> DossierView:
        """What the clerk is shown, from what was written: nothing is read back."""
        return DossierView(
            id=self.id,
            code=code,
            service_code=service.code,
            service_name_vi=service.name_vi,
            service_name_en=service.name_en,
            processing_days=service.processing_days,
            clerk_name=clerk.display_name,
            counter=clerk.counter,
            received_at=self.received_at,
            due_at=self.due_at,
            returned_at=None,
            reappointed_due_at=None,
            reappointment_reason=None,
            reappointed_at=None,
            citizen=self.citizen,
            status=dossier_status(self.due_at, None, today),
            documents=tuple(
                DocumentItem(d["name"], d["form"], d["count"]) for d in self.documents or ()
            ),
            sets=self.sets,
            register_entry=entry,
        )


def facts_still_hold(days_off_in_window: bool) -> ColumnElement[bool]:
    """True while the rows a registration was worked out from still read as kept: the office's
    hours, the days off in the window the appointment was counted over (the same ones: as many,
    each of them kept), the service, the clerk. Most windows hold no day off: their check has no
    list of days, so its statement is the same every time."""
    office_id: BindParameter[int] = bindparam("office_id", type_=Integer)
    in_window = and_(
        OfficeDayOff.office_id == office_id,
        OfficeDayOff.day.between(bindparam("first_day"), bindparam("due_day")),
    )
    if days_off_in_window:
        counted = select(func.count()).where(in_window).scalar_subquery()
        kept = (
            select(func.count())
            .where(in_window, OfficeDayOff.day.in_(bindparam("days_off", expanding=True)))
            .scalar_subquery()
        )
        days_off = and_(counted == bindparam("days_off_count"), kept == bindparam("days_off_count"))
    else:
        days_off = ~exists().where(in_window)
    return and_(
        exists().where(
            Office.id == office_id,
            Office.code == bindparam("office_code"),
            Office.closing_time == bindparam("closing_time"),
            Office.afternoon_cutoff == bindparam("afternoon_cutoff"),
        ),
        days_off,
        exists().where(
            Service.id == bindparam("service_id"),
            Service.code == bindparam("service_code"),
            Service.name_vi == bindparam("service_name_vi"),
            Service.name_en == bindparam("service_name_en"),
            Service.processing_days == bindparam("processing_days"),
            Service.active.is_(True),
        ),
        exists().where(
            Clerk.id == bindparam("clerk_id"),
            Clerk.office_id == office_id,
            Clerk.display_name == bindparam("clerk_name"),
            Clerk.counter == bindparam("clerk_counter"),
            Clerk.active.is_(True),
        ),
    )


def guard_values(
    office: OfficeFacts, service: ServiceFacts, clerk: ClerkFacts, first_day: date, due_day: date
) -> dict[str, Any]:
    values = {
        "office_id": office.id,
        "office_code": office.code,
        "closing_time": office.closing_time,
        "afternoon_cutoff": office.afternoon_cutoff,
        "first_day": first_day,
        "due_day": due_day,
        "service_id": service.id,
        "service_code": service.code,
        "service_name_vi": service.name_vi,
        "service_name_en": service.name_en,
        "processing_days": service.processing_days,
        "clerk_id": clerk.id,
        "clerk_name": clerk.display_name,
        "clerk_counter": clerk.counter,
    }
    window = [d for d in office.days_off if first_day <= d <= due_day]
    if window:
        values |= {"days_off": window, "days_off_count": len(window)}
    return values


@cache
def _numbers_statements(dialect_name: str, days_off_in_window: bool) -> tuple[Executable, ...]:
    """The day's number (taken only while the facts hold) and the register entry, each an
    upsert that row-locks its counter until commit, so no two clerks share a number. On
    PostgreSQL the first statement takes both, the entry after the number (one lock order)."""
    dialect = upsert_dialect(dialect_name)
    office_id: BindParameter[int] = bindparam("office_id", type_=Integer)
    day_source = select(office_id, bindparam("day", type_=Date), literal(1)).where(
        facts_still_hold(days_off_in_window)
    )
    sequence = (
        dialect.insert(DossierCounter)
        .from_select(["office_id", "day", "last_sequence"], day_source)
        .on_conflict_do_update(
            index_elements=[DossierCounter.office_id, DossierCounter.day],
            set_={"last_sequence": DossierCounter.last_sequence + 1},
        )
        .returning(DossierCounter.last_sequence)
    )
    entry_values = [office_id, bindparam("year", type_=Integer), literal(1)]
    entry_upsert = dict(
        index_elements=[RegisterCounter.office_id, RegisterCounter.year],
        set_={"last_entry": RegisterCounter.last_entry + 1},
    )
    if dialect_name != "postgresql":
        entry = (
            dialect.insert(RegisterCounter)
            # SQLite reads ON CONFLICT after INSERT … SELECT only when the SELECT has a WHERE.
            .from_select(["office_id", "year", "last_entry"], select(*entry_values).where(true()))
            .on_conflict_do_update(**entry_upsert)
            .returning(RegisterCounter.last_entry)
        )
        return sequence, entry  # SQLite: no INSERT in a CTE
    taken = sequence.cte("taken")
    entry_cte = (
        dialect.insert(RegisterCounter)
        .from_select(["office_id", "year", "last_entry"], select(*entry_values).select_from(taken))
        .on_conflict_do_update(**entry_upsert)
        .returning(RegisterCounter.last_entry)
        .cte("entry")
    )
    both = select(taken.c.last_sequence, entry_cte.c.last_entry)
    return (both.join_from(taken, entry_cte, true()),)


def take_numbers(
    connection: Connection, guard: dict[str, Any], day: date
) -> tuple[int, int] | None:
    """The dossier's number and register entry, or None (nothing taken) when a fact changed."""
    values = guard | {"day": day, "year": day.year}
    numbers: list[int] = []
    for statement in _numbers_statements(connection.dialect.name, "days_off" in guard):
        row = execute_compiled(connection, statement, values).first()
        if row is None:
            return None
        numbers.extend(row)
    sequence, entry = numbers
    return sequence, entry


_DOSSIER_KEYS = (
    "id code office_id service_id clerk_id received_at due_at citizen_name citizen_address "
    "citizen_phone documents sets register_entry source"
).split()
_AUDIT_KEYS = ["at", "clerk_id", "station", "action", "subject", "details"]
_JOB_KEYS = ["kind", "dossier_id", "station", "status", "attempts", "created_at", "updated_at"]


def _prefixed(prefix: str, keys: list[str]) -> dict[str, Any]:
    return {key: bindparam(f"{prefix}_{key}") for key in keys}


@cache
def _row_statements(dialect_name: str, print_receipt: bool) -> tuple[Executable, ...]:
    """The dossier, its audit row and (with a receipt) its print job: one statement of CTEs on
    PostgreSQL, one per table elsewhere."""
    rows = [
        insert(cast(Table, Dossier.__table__)).values(_prefixed("dossier", _DOSSIER_KEYS)),
        insert(cast(Table, AuditEvent.__table__)).values(_prefixed("audit", _AUDIT_KEYS)),
    ]
    if print_receipt:
        job = _prefixed("job", _JOB_KEYS)
        job["ticket_id"] = job.pop("dossier_id")  # the column keeps the first name
        rows.append(insert(cast(Table, PrintJob.__table__)).values(job))
    if dialect_name != "postgresql":
        return tuple(rows)
    *before, last = rows
    return (last.add_cte(*(row.cte(f"row_{n}") for n, row in enumerate(before))),)


def write_rows(
    connection: Connection,
    dossier: NewDossier,
    *,
    code: str,
    entry: int,
    office: OfficeFacts,
    service: ServiceFacts,
    clerk: ClerkFacts,
    audit_details: dict[str, Any],
) -> None:
    values = {
        "dossier_id": dossier.id,
        "dossier_code": code,
        "dossier_office_id": office.id,
        "dossier_service_id": service.id,
        "dossier_clerk_id": clerk.id,
        "dossier_received_at": dossier.received_at,
        "dossier_due_at": dossier.due_at,
        "dossier_citizen_name": dossier.citizen.name,
        "dossier_citizen_address": dossier.citizen.address,
        "dossier_citizen_phone": dossier.citizen.phone,
        "dossier_documents": dossier.documents,
        "dossier_sets": dossier.sets,
        "dossier_register_entry": entry,
        "dossier_source": DossierSource.COUNTER,
        "audit_at": dossier.received_at,
        "audit_clerk_id": clerk.id,
        "audit_station": dossier.station,
        # Audit actions keep the first name: earlier entries of the log use it.
        "audit_action": "ticket.register",
        "audit_subject": code,
        "audit_details": audit_details,
    }
    if dossier.print_receipt:
        values |= {
            "job_kind": PrintKind.RECEIPT,
            "job_dossier_id": dossier.id,
            "job_station": dossier.station,
            "job_status": PrintStatus.QUEUED,
            "job_attempts": 0,
            "job_created_at": dossier.received_at,
            "job_updated_at": dossier.received_at,
        }
    for statement in _row_statements(connection.dialect.name, dossier.print_receipt):
        execute_compiled(connection, statement, values)
