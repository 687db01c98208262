"""Importing the national procedure catalogue: all rows or none, and the same file twice changes
nothing the second time. A row already in the catalogue (same code) gets the file's name, field
and days; a retired service stays retired; an English name typed by hand is kept unless the file
has one (a name that only repeated the Vietnamese follows it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kiosk.catalogue_sheet import CatalogueRow, RefusedRow, read_catalogue
from kiosk.db.models import Service
from kiosk.errors import ConflictError, InvalidInputError, KioskError
from kiosk.i18n import N_
from kiosk.services.audit import record_audit
from kiosk.services.catalogue import ServiceChanges, ServiceDraft, add_service, apply_changes
from kiosk.services.manager_pin import ManagerPin, ManagerUseCases


@dataclass
class ImportReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    refused: list[RefusedRow] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)
    written: bool = False


def _checked_rows(rows: list[CatalogueRow], report: ImportReport) -> list[ServiceDraft]:
    drafts: list[ServiceDraft] = []
    first_row: dict[str, int] = {}
    for row in rows:
        try:
            draft = ServiceDraft.checked(
                code=row.code,
                name_vi=row.name_vi,
                field=row.field,
                processing_days=row.processing_days,
                name_en=row.name_en,
            )
            if draft.code in first_row:
                raise InvalidInputError(
                    N_("code {code} is already on row {row}"),
                    code=draft.code,
                    row=first_row[draft.code],
                )
        except KioskError as problem:
            report.refused.append(RefusedRow(row.row, row.code, problem))
            continue
        first_row[draft.code] = row.row
        # The English name is None when the file has none, so that a typed one is kept.
        drafts.append(draft if row.name_en else _without_english(draft))
    return drafts


def _without_english(draft: ServiceDraft) -> ServiceDraft:
    return ServiceDraft(draft.code, draft.name_vi, draft.field, draft.processing_days, None)


def apply_catalogue(session: Session, drafts: list[ServiceDraft], report: ImportReport) -> None:
    existing = {
        s.code: s
        for s in session.scalars(select(Service).where(Service.code.in_([d.code for d in drafts])))
    }
    for draft in drafts:
        service = existing.get(draft.code)
        if service is None:
            add_service(session, draft)
            report.added.append(draft.code)
            continue
        english = draft.name_en
        if english is None and service.name_en == service.name_vi:
            english = draft.name_vi
        changes = ServiceChanges(
            name_vi=draft.name_vi,
            name_en=english,
            field=draft.field,
            processing_days=draft.processing_days,
        )
        (report.updated if apply_changes(service, changes) else report.unchanged).append(draft.code)


class CatalogueImportService(ManagerUseCases):
    def import_file(
        self, path: Path, *, manager: ManagerPin | None, dry_run: bool = False
    ) -> ImportReport:
        """Reads and checks the whole file first; writes only when no row is refused and this is
        not a dry run (which needs no manager: it changes nothing)."""
        sheet = read_catalogue(path)
        report = ImportReport(refused=list(sheet.refused), headers=sheet.headers)
        drafts = _checked_rows(sheet.rows, report)
        report.refused.sort(key=lambda refused: refused.row)
        if not drafts and not report.refused:
            raise InvalidInputError(N_("{path} lists no procedure."), path=path.name)
        write = not dry_run and not report.refused
        if write and manager is None:
            raise InvalidInputError(N_("A manager's PIN is needed for this change."))
        allowed_by = self._confirm_manager(manager) if write and manager else None
        with self._factory() as session:
            # Applied in a transaction even when nothing is kept, so that a dry run reports
            # exactly what the import would do; closing without commit leaves no trace.
            apply_catalogue(session, drafts, report)
            if allowed_by is None:
                return report
            record_audit(
                session,
                at=self._clock(),
                station=self._station,
                clerk_id=allowed_by.id,
                action="service.import",
                subject=f"file:{path.name}"[:120],
                details={"added": report.added, "updated": report.updated},
            )
            try:
                session.commit()
            except IntegrityError as error:  # a code added elsewhere since the file was read
                raise ConflictError(
                    N_("The catalogue changed while importing: import the file again.")
                ) from error
        report.written = True
        return report
