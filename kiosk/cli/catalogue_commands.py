"""`kiosk services add|edit|retire|import` and `kiosk clerks deactivate|pin`: changes a manager
allows with their PIN.

PINs are never taken from the command line (they would stay in the shell's history). At a
terminal they are asked for; from a pipe, the manager's PIN is the first line of the input and,
for `clerks pin`, the new PIN the second."""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import sys
from pathlib import Path

from kiosk.cli.admin_commands import _read_pin
from kiosk.cli.context import CliContext
from kiosk.errors import InvalidInputError
from kiosk.i18n import N_, Translator
from kiosk.services.catalogue import CatalogueService, ServiceChanges, ServiceDraft
from kiosk.services.catalogue_import import CatalogueImportService, ImportReport
from kiosk.services.manager_pin import ManagerPin
from kiosk.services.staff import StaffService
from kiosk.views import ServiceView

EXIT_REFUSED_ROWS = 1


def _manager(tr: Translator, counter: int) -> ManagerPin:
    if sys.stdin.isatty():
        pin = getpass.getpass(tr("Manager's PIN (counter {counter}): ", counter=counter))
    else:
        pin = sys.stdin.readline().strip()
    return ManagerPin(counter, pin)


def _service_text(tr: Translator, view: ServiceView) -> str:
    days = (
        tr("{days} working days", days=view.processing_days)
        if view.processing_days
        else tr("same day")
    )
    return f"{view.code} — {view.name_vi} ({view.field}, {days})"


def services_add(ctx: CliContext, args: argparse.Namespace) -> None:
    draft = ServiceDraft.checked(
        code=args.code,
        name_vi=args.name_vi,
        name_en=args.name_en,
        field=args.field,
        processing_days=args.days,
    )
    view = ctx.use_cases(CatalogueService).add(_manager(ctx.tr, args.manager), draft)
    ctx.emit(
        dataclasses.asdict(view),
        ctx.tr("Service added: {service}.", service=_service_text(ctx.tr, view)),
    )


def services_edit(ctx: CliContext, args: argparse.Namespace) -> None:
    changes = ServiceChanges(
        name_vi=args.name_vi, name_en=args.name_en, field=args.field, processing_days=args.days
    )
    if changes == ServiceChanges():
        raise InvalidInputError(
            N_("Say what to change: the Vietnamese or English name, field or days.")
        )
    view = ctx.use_cases(CatalogueService).edit(_manager(ctx.tr, args.manager), args.code, changes)
    text = ctx.tr("Service changed: {service}.", service=_service_text(ctx.tr, view))
    if args.days is not None:
        text += " " + ctx.tr("Dossiers already received keep their appointments.")
    ctx.emit(dataclasses.asdict(view), text)


def services_retire(ctx: CliContext, args: argparse.Namespace) -> None:
    view = ctx.use_cases(CatalogueService).set_active(
        _manager(ctx.tr, args.manager), args.code, active=args.restore
    )
    text = (
        ctx.tr("Service {code} is offered again.", code=view.code)
        if view.active
        else ctx.tr(
            "Service {code} is retired: no longer offered, its history kept.", code=view.code
        )
    )
    ctx.emit(dataclasses.asdict(view), text)


def _import_text(tr: Translator, report: ImportReport, dry_run: bool) -> str:
    lines = [
        tr(
            "Columns read: {columns}.",
            columns=", ".join(f"'{header}'" for header in report.headers.values()),
        )
    ]
    for refused in report.refused:
        lines.append(
            tr(
                "Row {row} ({code}) refused: {problem}",
                row=refused.row,
                code=refused.code or "—",
                problem=refused.problem.render(tr),
            )
        )
    counts = {
        "added": len(report.added),
        "updated": len(report.updated),
        "unchanged": len(report.unchanged),
    }
    if report.refused:
        lines.append(
            tr(
                "Nothing was imported: {count} rows refused. Correct them and import the file "
                "again.",
                count=len(report.refused),
            )
        )
    elif dry_run:
        lines.append(
            tr(
                "Dry run, nothing written: {added} would be added, {updated} changed, "
                "{unchanged} left as they are.",
                **counts,
            )
        )
    else:
        lines.append(
            tr(
                "Catalogue imported: {added} added, {updated} changed, {unchanged} left as "
                "they are.",
                **counts,
            )
        )
    return "\n".join(lines)


def services_import(ctx: CliContext, args: argparse.Namespace) -> int:
    if not args.dry_run and args.manager is None:
        raise InvalidInputError(
            N_("Importing needs a manager: add --manager COUNTER (or try --dry-run first).")
        )
    manager = None if args.dry_run else _manager(ctx.tr, args.manager)
    report = ctx.use_cases(CatalogueImportService).import_file(
        Path(args.file), manager=manager, dry_run=args.dry_run
    )
    data = {
        "written": report.written,
        "headers": report.headers,
        "added": report.added,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "refused": [
            {"row": r.row, "code": r.code, "problem": r.problem.render(ctx.tr)}
            for r in report.refused
        ],
    }
    ctx.emit(data, _import_text(ctx.tr, report, args.dry_run))
    return EXIT_REFUSED_ROWS if report.refused else 0


def clerks_deactivate(ctx: CliContext, args: argparse.Namespace) -> None:
    view = ctx.use_cases(StaffService).set_active(
        _manager(ctx.tr, args.manager), args.id, active=args.restore
    )
    text = (
        ctx.tr("{name} can sign in again.", name=view.display_name)
        if view.active
        else ctx.tr(
            "{name} is deactivated: they can no longer sign in; their past work keeps their name.",
            name=view.display_name,
        )
    )
    ctx.emit(dataclasses.asdict(view), text)


def clerks_pin(ctx: CliContext, args: argparse.Namespace) -> None:
    manager = _manager(ctx.tr, args.manager)
    new_pin = _read_pin(ctx.tr)
    view = ctx.use_cases(StaffService).change_pin(manager, args.id, new_pin)
    ctx.emit(
        {"id": view.id, "display_name": view.display_name},
        ctx.tr("{name} has a new PIN.", name=view.display_name),
    )
