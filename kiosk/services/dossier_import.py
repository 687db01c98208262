"""Importing the dossiers of the provincial one-stop system into this office: each file whole or
not at all, the same file twice changes nothing, and every import is recorded and audited.

Everything is read, checked and worked out (kiosk.services.import_rows, import_plan), and the
new rows converted for the driver (kiosk.db.bulk), before the one write transaction, which only
inserts and updates in bulk: a province-sized file holds SQLite's write lock for about a second,
so the kiosk keeps rating meanwhile. The same bytes imported again change nothing: the report
says when they were imported (ImportReport.previously_imported_at) and counts as imported."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Row, Table, bindparam, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from kiosk.db.bulk import PreparedInsert
from kiosk.db.models import AuditEvent, Dossier, DossierImport, Office, Service
from kiosk.errors import ConflictError, InvalidInputError
from kiosk.i18n import N_
from kiosk.provincial.collector import collector_paused
from kiosk.provincial.reading import read_dossier_file
from kiosk.provincial.records import FileFormat, ImportReport, ParsedFile
from kiosk.services.base import StationUseCases
from kiosk.services.dossier_reads import find_clerk
from kiosk.services.import_plan import (
    CHANGEABLE,
    ImportPlan,
    make_plan,
)
from kiosk.services.import_rows import by_procedure_name, checked_rows
from kiosk.services.offices import office_calendar

# Codes looked up per query: well under SQLite's and PostgreSQL's limits on bound parameters.
LOOKUP_CHUNK = 2000

# The tables themselves: bulk work goes through Core, with no ORM object per row.
TICKETS = cast(Table, Dossier.__table__)
SERVICES = cast(Table, Service.__table__)
IMPORTS = cast(Table, DossierImport.__table__)
AUDIT = cast(Table, AuditEvent.__table__)


def _chunks(items: Sequence[str], size: int = LOOKUP_CHUNK) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _known_dossiers(
    session: Session, codes: Sequence[str], *, lock: bool = False
) -> dict[str, Row[Any]]:
    """What is recorded of the dossiers with these codes, whichever office they belong to."""
    columns = [
        TICKETS.c.id,
        TICKETS.c.code,
        TICKETS.c.office_id,
        TICKETS.c.source,
        TICKETS.c.received_at,
        *(TICKETS.c[column] for column in CHANGEABLE),
        SERVICES.c.code.label("service_code"),
    ]
    known: dict[str, Row[Any]] = {}
    for chunk in _chunks(codes):
        query = (
            select(*columns)
            .join(SERVICES, SERVICES.c.id == TICKETS.c.service_id)
            .where(TICKETS.c.code.in_(chunk))
        )
        if lock:
            query = query.with_for_update(of=TICKETS)
        known.update((row.code, row) for row in session.execute(query))
    return known


class DossierImportService(StationUseCases):
    def import_file(
        self,
        path: Path,
        *,
        file_format: FileFormat | None = None,
        dry_run: bool = False,
        columns: Path | None = None,
        clerk_id: int | None = None,
    ) -> ImportReport:
        """Reads the file (its format guessed unless given), then imports it as import_parsed."""
        try:
            content = path.read_bytes()
        except OSError as error:
            raise InvalidInputError(
                N_("Cannot read {file}: {problem}"), file=path.name, problem=error.strerror or error
            ) from error
        with collector_paused():
            parsed = read_dossier_file(path, file_format, columns)
            return self.import_parsed(
                parsed,
                file_name=path.name,
                digest=hashlib.sha256(content).hexdigest(),
                dry_run=dry_run,
                clerk_id=clerk_id,
            )

    def import_parsed(
        self,
        parsed: ParsedFile,
        *,
        file_name: str,
        digest: str,
        dry_run: bool = False,
        clerk_id: int | None = None,
    ) -> ImportReport:
        with collector_paused():
            return self._import(parsed, file_name, digest, dry_run, clerk_id)

    def _import(
        self,
        parsed: ParsedFile,
        file_name: str,
        digest: str,
        dry_run: bool,
        clerk_id: int | None,
    ) -> ImportReport:
        now = self._clock()
        with self._factory() as session:
            office_id = self._office_id(session)
            dialect = session.get_bind().dialect
            before = session.scalar(
                select(DossierImport.imported_at)
                .where(DossierImport.office_id == office_id, DossierImport.digest == digest)
                .order_by(DossierImport.imported_at)
                .limit(1)
            )
            if before is not None:
                return self._report(
                    parsed, file_name, dry_run, ImportPlan(unchanged=len(parsed.dossiers)), before
                )
            if not parsed.dossiers and not parsed.refused:
                raise InvalidInputError(N_("{file} lists no dossier."), file=file_name)
            if clerk_id is not None:
                find_clerk(session, office_id, clerk_id)
            refused = list(parsed.refused)
            named = list(parsed.dossiers)
            if not all(row.procedure_code for row in named):
                # Fetched whole: a result left unread would keep this pooled connection reading
                # an old snapshot, and the next transaction on it could never write.
                catalogue = session.execute(select(SERVICES.c.code, SERVICES.c.name_vi)).all()
                named = by_procedure_name(named, catalogue, refused)
            rows = checked_rows(named, now, refused)
            office = session.scalars(
                select(Office).where(Office.id == office_id).options(selectinload(Office.days_off))
            ).one()
            service_ids = {
                code: service_id
                for service_id, code in session.execute(select(SERVICES.c.id, SERVICES.c.code))
            }
            plan = make_plan(
                rows,
                known_dossiers=_known_dossiers(session, [code for _, code, _, _ in rows]),
                service_ids=service_ids,
                office_id=office_id,
                calendar=office_calendar(office),
                now=now,
                refused=refused,
            )
        if plan.refused or dry_run:
            return self._report(parsed, file_name, dry_run, plan)
        inserts = PreparedInsert(TICKETS, plan.inserts, dialect)
        self._write(plan, inserts, parsed, file_name=file_name, digest=digest, clerk_id=clerk_id)
        return self._report(parsed, file_name, dry_run, plan)

    def _report(
        self,
        parsed: ParsedFile,
        file_name: str,
        dry_run: bool,
        plan: ImportPlan,
        previously: datetime | None = None,
    ) -> ImportReport:
        return ImportReport(
            file_name=file_name,
            format=parsed.format,
            imported=not dry_run and not plan.refused,
            dry_run=dry_run,
            created=tuple(values["code"] for values in plan.inserts),
            updated=tuple(update.code for update in plan.updates),
            unchanged=plan.unchanged,
            refused=tuple(plan.refused),
            new_procedures=tuple(plan.new_procedures.values()),
            previously_imported_at=previously,
        )

    def _write(
        self,
        plan: ImportPlan,
        inserts: PreparedInsert,
        parsed: ParsedFile,
        *,
        file_name: str,
        digest: str,
        clerk_id: int | None,
    ) -> None:
        now = self._clock()
        try:
            with self._factory.begin() as session:
                office_id = self._office_id(session)
                self._check_unchanged_since_read(session, plan)
                new_ids = {
                    values["code"]: session.execute(
                        insert(SERVICES).values(values).returning(SERVICES.c.id)
                    ).scalar_one()
                    for values in plan.new_services
                }
                for row, code in plan.waiting_for_service:
                    inserts.set_value(row, "service_id", new_ids[code])
                inserts.run(session.connection())
                if plan.updates:
                    self._apply_updates(session, plan, now, clerk_id)
                counts = {
                    "created": len(plan.inserts),
                    "updated": len(plan.updates),
                    "unchanged": plan.unchanged,
                }
                session.execute(
                    insert(IMPORTS).values(
                        office_id=office_id,
                        imported_at=now,
                        file_name=file_name[:255],
                        digest=digest,
                        format=parsed.format.value,
                        station=self._station,
                        clerk_id=clerk_id,
                        **counts,
                    )
                )
                details: dict[str, Any] = {
                    "file": file_name,
                    "digest": digest,
                    "format": parsed.format.value,
                }
                details |= counts | {"new_procedures": list(plan.new_procedures)}
                self._audit(
                    session, [("dossiers.import", f"file:{file_name}"[:120], details)], clerk_id
                )
        except IntegrityError as error:  # a dossier or procedure added elsewhere since the read
            raise ConflictError(
                N_("The dossiers changed while importing {name}: import it again."),
                name=file_name,
            ) from error

    def _check_unchanged_since_read(self, session: Session, plan: ImportPlan) -> None:
        """The dossiers to update, locked, still as they were read: otherwise another import
        changed them meanwhile, and this one is refused rather than undo that one."""
        if not plan.updates:
            return
        now_known = _known_dossiers(session, [u.code for u in plan.updates], lock=True)
        for change in plan.updates:
            row = now_known.get(change.code)
            if row is None or any(
                _as_json(getattr(row, column)) != value for column, value in change.before.items()
            ):
                raise ConflictError(
                    N_("The dossiers changed while importing: import the file again.")
                )

    def _apply_updates(
        self, session: Session, plan: ImportPlan, now: datetime, clerk_id: int | None
    ) -> None:
        statement = (
            update(TICKETS)
            .where(TICKETS.c.id == bindparam("dossier_id"))
            .values({column: bindparam(column) for column in (*CHANGEABLE, "imported_at")})
        )
        session.execute(
            statement,
            [
                {"dossier_id": change.id, **change.values, "imported_at": now}
                for change in plan.updates
            ],
        )
        self._audit(
            session,
            [
                (
                    "dossier.import-update",
                    change.code,
                    {"before": change.before, "after": change.after},
                )
                for change in plan.updates
            ],
            clerk_id,
        )

    def _audit(
        self,
        session: Session,
        events: list[tuple[str, str, dict[str, Any]]],
        clerk_id: int | None,
    ) -> None:
        session.execute(
            insert(AUDIT),
            [
                {
                    "at": self._clock(),
                    "station": self._station,
                    "clerk_id": clerk_id,
                    "action": action,
                    "subject": subject,
                    "details": details,
                }
                for action, subject, details in events
            ],
        )


def _as_json(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value
