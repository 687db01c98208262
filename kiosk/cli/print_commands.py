"""`kiosk print receipt|apology CODE [--out FILE.pdf]`, `kiosk print pending|retry`, and
`kiosk dossier reappoint`."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from kiosk.atomic_file import write_bytes_atomically
from kiosk.cli.context import CliContext
from kiosk.cli.dossier_commands import dossier_data, dossier_text
from kiosk.cli.parsing import parse_day
from kiosk.config import named_for
from kiosk.db.models import PrintKind, PrintStatus
from kiosk.errors import InvalidInputError
from kiosk.i18n import N_, Translator
from kiosk.key_files import KeyFileError
from kiosk.paths import signing_key_path
from kiosk.printing.pdf_slip import PAPERS
from kiosk.printing.printers import Printer, printer_from_setting
from kiosk.protected_files import check_output, kiosk_files
from kiosk.receipt_signing import ReceiptSigner, UnavailableReceiptSigner, load_receipt_key
from kiosk.services.counter_forms import CounterFormService
from kiosk.services.dossiers import DossierService
from kiosk.services.print_queue import PrintJobView, PrintQueueService
from kiosk.services.slips import SlipService


def _signer(ctx: CliContext) -> ReceiptSigner:
    """Without the office's key only what carries a QR or check number fails (saying which file
    and what to run); an apology or a refusal prints all the same."""
    try:
        return ReceiptSigner(load_receipt_key(signing_key_path(ctx.settings.signing_key_path)))
    except KeyFileError as problem:
        return UnavailableReceiptSigner(problem)


def _printer(ctx: CliContext) -> Printer:
    printer = printer_from_setting(ctx.settings.printer, ctx.settings.printer_paper)
    if printer is None:
        raise InvalidInputError(
            N_("No printer is set up (setting 'printer'): use --out FILE.pdf, or set one.")
        )
    return printer


def _queue(ctx: CliContext) -> PrintQueueService:
    # The queue of the counter this machine serves: a clerk station's, unless one is named.
    station = named_for(ctx.settings, "clerk").station_name
    return ctx.use_cases(PrintQueueService, station=station)


def _job_text(job: PrintJobView, tr: Translator) -> str:
    if job.status is PrintStatus.PRINTED:
        return tr("{code}: printed.", code=job.code)
    return tr(
        "{code}: waiting to print ({problem}).",
        code=job.code,
        problem=job.last_error or tr("not tried yet"),
    )


def _emit_jobs(ctx: CliContext, jobs: list[PrintJobView]) -> int:
    ctx.emit(
        [dataclasses.asdict(job) for job in jobs],
        "\n".join(_job_text(job, ctx.tr) for job in jobs) or ctx.tr("Nothing to print."),
    )
    return 0 if all(job.status is PrintStatus.PRINTED for job in jobs) else 4


def _issue(ctx: CliContext, args: argparse.Namespace) -> None:
    """Form 02 and Form 03 are issued as they are printed, when their content is given."""
    forms = ctx.use_cases(CounterFormService)
    if args.kind == "supplement" and (args.missing or args.reason):
        forms.request_supplement(
            args.code, missing=args.missing or [], reason=args.reason or "", clerk_id=args.clerk
        )
    elif args.kind == "refusal" and args.reason:
        forms.refuse(args.code, reason=args.reason, clerk_id=args.clerk)


def print_slip(ctx: CliContext, args: argparse.Namespace) -> int:
    _issue(ctx, args)
    if args.out is None:
        # Through the counter's printer and its queue: kept for retry if the printer is down.
        printer = _printer(ctx)
        queue = _queue(ctx)
        queue.queue(args.code, PrintKind(args.kind))
        return _emit_jobs(
            ctx, queue.process(printer, _signer(ctx), Translator(args.slip_lang or "vi"))
        )
    return _write_slip(ctx, args)


def retry(ctx: CliContext, _args: argparse.Namespace) -> int:
    return _emit_jobs(ctx, _queue(ctx).process(_printer(ctx), _signer(ctx), Translator("vi")))


def pending(ctx: CliContext, _args: argparse.Namespace) -> int:
    jobs = _queue(ctx).pending()
    ctx.emit(
        [dataclasses.asdict(job) for job in jobs],
        "\n".join(_job_text(job, ctx.tr) for job in jobs) or ctx.tr("Nothing to print."),
    )
    return 0


def _write_slip(ctx: CliContext, args: argparse.Namespace) -> int:
    out = Path(args.out)
    check_output(out, kiosk_files(ctx.settings))  # before anything else: a wrong path is a typo
    signer = _signer(ctx)
    slips = ctx.use_cases(SlipService)
    pdf = slips.render(
        PrintKind(args.kind),
        args.code,
        signer=signer,
        paper=PAPERS[args.paper],
        tr=Translator(args.slip_lang or "vi"),
    )
    write_bytes_atomically(out, pdf)
    ctx.emit(
        {"kind": args.kind, "code": args.code, "out": str(out), "bytes": len(pdf)},
        ctx.tr("Written to {path}.", path=out),
    )
    return 0


def reappoint(ctx: CliContext, args: argparse.Namespace) -> None:
    dossiers = ctx.use_cases(DossierService)
    view = dossiers.reappoint(
        args.code, new_due_day=parse_day(args.to), reason=args.reason, clerk_id=args.clerk
    )
    ctx.emit(dossier_data(view), dossier_text(view, ctx.tr))
