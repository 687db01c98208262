"""`kiosk print case-slip NUMBER [--out FILE.pdf] [--paper a5|80mm]`: a feedback case's slip,
to the counter's printer or to a PDF file.

The grammar is added from kiosk.cli.parser; the handler loads the database and the renderers only
when it runs (the parser is built on the path of `kiosk run`, which must not load them)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.errors import InvalidInputError
from kiosk.i18n import LANGUAGES, N_, Translator

if TYPE_CHECKING:
    from kiosk.cli.context import CliContext
    from kiosk.printing.printers import Printer

PAPER_NAMES = ("a5", "80mm")  # kiosk.printing.pdf_slip.PAPERS, without loading reportlab


def add_case_slip_command(
    sub: argparse._SubParsersAction,  # type: ignore[type-arg]
    tr: Translator,
    common: argparse.ArgumentParser,
) -> None:
    p = sub.add_parser(
        "case-slip", parents=[common], help=tr("print a feedback case's slip, with its QR code")
    )
    p.add_argument("number", help=tr("the case number, as 2026-0007"))
    p.add_argument("--out", metavar="FILE.pdf", help=tr("write a PDF instead of printing"))
    p.add_argument(
        "--paper", choices=PAPER_NAMES, help=tr("a5 or 80mm (default: a5, or the printer's)")
    )
    p.add_argument("--slip-lang", choices=LANGUAGES, help=tr("language on paper (default vi)"))
    p.add_argument("--clerk", type=int, required=True, help=tr("the clerk printing it"))
    p.set_defaults(handler="kiosk.cli.case_slip_commands:print_slip")


def _printer(ctx: CliContext, paper: str | None) -> Printer:
    """The counter's printer; `--paper` overrides the paper its setting names."""
    from kiosk.printing.printers import printer_from_setting

    printer = printer_from_setting(ctx.settings.printer, paper or ctx.settings.printer_paper)
    if printer is None:
        raise InvalidInputError(
            N_("No printer is set up (setting 'printer'): use --out FILE.pdf, or set one.")
        )
    return printer


def print_slip(ctx: CliContext, args: argparse.Namespace) -> None:
    from kiosk.atomic_file import write_bytes_atomically
    from kiosk.case_qr import CaseQrSigner
    from kiosk.paths import signing_key_path
    from kiosk.printing.case_slip import case_slip_pdf, print_case_slip
    from kiosk.printing.pdf_slip import PAPERS
    from kiosk.protected_files import check_output, kiosk_files
    from kiosk.receipt_signing import load_receipt_key
    from kiosk.services.case_slips import CaseSlipService

    out = Path(args.out) if args.out else None
    if out is not None:
        check_output(out, kiosk_files(ctx.settings))  # before anything else: a wrong path is a typo
    printer = None if out is not None else _printer(ctx, args.paper)
    # The QR is the slip's point: without the office's key it is refused, naming the key file.
    signer = CaseQrSigner(load_receipt_key(signing_key_path(ctx.settings.signing_key_path)))
    slip = ctx.use_cases(CaseSlipService).slip(args.number, args.clerk, signer=signer)
    tr = Translator(args.slip_lang or "vi")
    if out is not None:
        paper = args.paper or "a5"
        pdf = case_slip_pdf(slip, PAPERS[paper], tr)
        write_bytes_atomically(out, pdf)
        ctx.emit(
            {"number": slip.number, "paper": paper, "out": str(out), "bytes": len(pdf)},
            ctx.tr("Written to {path}.", path=out),
        )
    elif printer is not None:
        # Straight to the printer: a case slip is not in the dossiers' print queue, so a printer
        # that is down says so now, and the command is run again.
        print_case_slip(printer, slip, tr)
        ctx.emit(
            {"number": slip.number, "printer": printer.description},
            ctx.tr("{code}: printed.", code=slip.number),
        )
