"""`kiosk print receipt|apology CODE --out FILE.pdf`, and `kiosk ticket reappoint`."""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.cli.context import CLI_STATION, CliContext
from kiosk.cli.parsing import parse_day
from kiosk.cli.ticket_commands import ticket_data, ticket_text
from kiosk.errors import StorageError
from kiosk.i18n import N_, Translator
from kiosk.paths import signing_key_path
from kiosk.printing.pdf_slip import PAPERS
from kiosk.printing.slips import SlipKind, SlipService
from kiosk.receipt_signing import ReceiptSigner, load_or_create_key
from kiosk.services.tickets import TicketService


def print_slip(ctx: CliContext, args: argparse.Namespace) -> None:
    signer = ReceiptSigner(load_or_create_key(signing_key_path(ctx.settings.signing_key_path)))
    slips = SlipService(
        ctx.database().factory, station=CLI_STATION, office_code=ctx.settings.office_code
    )
    pdf = slips.render(
        SlipKind(args.kind),
        args.code,
        signer=signer,
        paper=PAPERS[args.paper],
        tr=Translator(args.slip_lang or "vi"),
    )
    out = Path(args.out)
    try:
        out.write_bytes(pdf)
    except OSError as error:
        raise StorageError(
            N_("Cannot write {path}: {problem}"), path=out, problem=error.strerror or error
        ) from error
    ctx.emit(
        {"kind": args.kind, "code": args.code, "out": str(out), "bytes": len(pdf)},
        ctx.tr("Written to {path}.", path=out),
    )


def reappoint(ctx: CliContext, args: argparse.Namespace) -> None:
    tickets = TicketService(
        ctx.database().factory, station=CLI_STATION, office_code=ctx.settings.office_code
    )
    view = tickets.reappoint(
        args.code, new_due_day=parse_day(args.to), reason=args.reason, clerk_id=args.clerk
    )
    ctx.emit(ticket_data(view), ticket_text(view, ctx.tr))
