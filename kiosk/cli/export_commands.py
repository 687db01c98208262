"""`kiosk export daily --date D | --from D1 --to D2 --format pdf|xlsx|csv --out PATH`."""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.cli.context import CliContext
from kiosk.cli.parsing import parse_day
from kiosk.errors import InvalidInputError
from kiosk.i18n import N_
from kiosk.protected_files import kiosk_files
from kiosk.reports.period_export import export_period


def export_daily(ctx: CliContext, args: argparse.Namespace) -> None:
    today = ctx.clock().date()
    if args.date and (args.start or args.end):
        raise InvalidInputError(N_("Give either --date or --from/--to, not both."))
    start = parse_day(args.start or args.date) if (args.start or args.date) else today
    end = parse_day(args.end) if args.end else start
    if end < start:
        raise InvalidInputError(N_("The period ends before it starts."))
    out = Path(args.out)
    if args.format is None:
        args.format = {".pdf": "pdf", ".xlsx": "xlsx"}.get(out.suffix.lower(), "csv")
    written = export_period(
        ctx.database().factory,
        ctx.settings.office_code,
        start,
        end,
        args.format,
        out,
        ctx.clock(),
        ctx.tr,
        protected=kiosk_files(ctx.settings),
    )
    ctx.emit(
        {"files": [str(p) for p in written], "start": start, "end": end},
        "\n".join(ctx.tr("Written to {path}.", path=p) for p in written),
    )
