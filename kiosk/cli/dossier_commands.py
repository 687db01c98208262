"""`kiosk dossier add|return|show|list` (also `kiosk ticket …`, its first name)."""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import sys
from typing import Any

from kiosk.cli.context import CliContext, fmt_moment
from kiosk.cli.parsing import parse_day, parse_moment
from kiosk.errors import InvalidInputError
from kiosk.i18n import N_, Translator
from kiosk.services.corrections import ManagerApproval, StatedTime
from kiosk.services.counter_forms import CounterFormService
from kiosk.services.dossiers import DossierService
from kiosk.status import STATUS_LABELS, DossierStatus
from kiosk.views import CitizenDetails, DocumentItem, DossierView


def _service(ctx: CliContext) -> DossierService:
    return ctx.use_cases(DossierService)


def dossier_data(view: DossierView) -> dict[str, Any]:
    data = dataclasses.asdict(view)
    data["id"] = str(view.id)
    data["status"] = view.status.value
    return data


def dossier_text(view: DossierView, tr: Translator) -> str:
    name = view.service_name_vi if tr.language == "vi" else view.service_name_en
    taken_by = (
        tr("Received through the provincial one-stop system")
        if view.counter is None  # imported: no counter or clerk of ours took it
        else tr("counter {counter}", counter=view.counter) + f", {view.clerk_name}"
    )
    rows = [
        (tr("Dossier code"), view.code),
        (tr("Service"), f"{name} ({view.service_code})"),
        (tr("Received"), f"{fmt_moment(view.received_at, tr.language)} — {taken_by}"),
        (tr("Appointment"), fmt_moment(view.due_at, tr.language)),
    ]
    if view.reappointed_due_at:
        new_due = fmt_moment(view.reappointed_due_at, tr.language)
        rows.append((tr("New appointment"), f"{new_due} ({view.reappointment_reason})"))
    if view.returned_at:
        rows.append((tr("Returned"), fmt_moment(view.returned_at, tr.language)))
    rows.append((tr("Status"), tr(STATUS_LABELS[view.status])))
    return "\n".join(f"{label}: {value}" for label, value in rows)


def parse_document(text: str) -> DocumentItem:
    """'NAME', 'NAME|copy' or 'NAME|original|2': one paper received at the counter."""
    parts = [part.strip() for part in text.split("|")]
    if len(parts) > 3 or (len(parts) == 3 and not parts[2].isdigit()):
        raise InvalidInputError(N_("Write a document as NAME, NAME|copy or NAME|copy|2."))
    form = parts[1] if len(parts) > 1 and parts[1] else "original"
    return DocumentItem(parts[0], form, int(parts[2]) if len(parts) == 3 else 1)


def _manager_pin(tr: Translator) -> str:
    # Read like `kiosk clerks add` reads a PIN: from stdin in scripts, hidden at a terminal.
    if not sys.stdin.isatty():
        return sys.stdin.readline().strip()
    return getpass.getpass(tr("Manager's PIN: "))


def stated_time(ctx: CliContext, text: str | None, args: argparse.Namespace) -> StatedTime | None:
    """The time typed with --received or --at, with the manager's approval when one is named."""
    if text is None:
        if args.manager is not None or args.reason is not None:
            raise InvalidInputError(
                N_("--manager and --reason approve a stated time: give the time too.")
            )
        return None
    moment = parse_moment(text)
    if args.manager is None:
        return StatedTime(moment)
    return StatedTime(
        moment, ManagerApproval(args.manager, _manager_pin(ctx.tr), args.reason or "")
    )


def add(ctx: CliContext, args: argparse.Namespace) -> None:
    view = _service(ctx).register(
        args.service,
        clerk_id=args.clerk,
        stated=stated_time(ctx, args.received, args),
        citizen=CitizenDetails(args.name, args.address, args.phone),
        documents=[parse_document(d) for d in args.document or ()],
        sets=args.sets,
    )
    ctx.emit(dossier_data(view), dossier_text(view, ctx.tr))


def supplemented(ctx: CliContext, args: argparse.Namespace) -> None:
    view = ctx.use_cases(CounterFormService).supplement_returned(args.code, clerk_id=args.clerk)
    ctx.emit(dossier_data(view), dossier_text(view, ctx.tr))


def return_result(ctx: CliContext, args: argparse.Namespace) -> None:
    view = _service(ctx).return_result(
        args.code, clerk_id=args.clerk, stated=stated_time(ctx, args.at, args)
    )
    ctx.emit(dossier_data(view), dossier_text(view, ctx.tr))


def show(ctx: CliContext, args: argparse.Namespace) -> None:
    view = _service(ctx).show(args.code)
    ctx.emit(dossier_data(view), dossier_text(view, ctx.tr))


def list_dossiers(ctx: CliContext, args: argparse.Namespace) -> None:
    views = _service(ctx).list(
        received_on=parse_day(args.date) if args.date else None,
        status=DossierStatus(args.status) if args.status else None,
    )
    tr = ctx.tr
    columns = (
        tr("Dossier code"),
        tr("Service"),
        tr("Received"),
        tr("Appointment"),
        tr("Returned"),
        tr("Status"),
    )
    table = [columns] + [
        (
            v.code,
            v.service_code,
            fmt_moment(v.received_at, tr.language),
            fmt_moment(v.due_at, tr.language),
            fmt_moment(v.returned_at, tr.language),
            tr(STATUS_LABELS[v.status]),
        )
        for v in views
    ]
    widths = [max(len(row[i]) for row in table) for i in range(len(columns))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in table
    ]
    summary = tr("{count} dossiers", count=len(views))
    ctx.emit([dossier_data(v) for v in views], "\n".join([*lines, summary]))
