"""`kiosk export daily --date D | --from D1 --to D2 --format pdf|xlsx|csv --out PATH`."""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.cli.context import CliContext
from kiosk.cli.parsing import parse_day
from kiosk.clock import office_now
from kiosk.errors import InvalidInputError, StorageError
from kiosk.i18n import N_
from kiosk.reports.export import write_csv, write_xlsx
from kiosk.reports.pdf_report import render_report_pdf
from kiosk.reports.tables import build_tables


def export_daily(ctx: CliContext, args: argparse.Namespace) -> None:
    today = office_now().date()
    if args.date and (args.start or args.end):
        raise InvalidInputError(N_("Give either --date or --from/--to, not both."))
    start = parse_day(args.start or args.date) if (args.start or args.date) else today
    end = parse_day(args.end) if args.end else start
    if end < start:
        raise InvalidInputError(N_("The period ends before it starts."))
    tr = ctx.tr
    out = Path(args.out)
    if args.format is None:
        args.format = {".pdf": "pdf", ".xlsx": "xlsx"}.get(out.suffix.lower(), "csv")
    with ctx.database().factory() as session:
        if args.format == "pdf":
            pdf = render_report_pdf(
                session, ctx.settings.office_code, start, end, today, office_now(), tr
            )
        else:
            tables = build_tables(session, ctx.settings.office_code, start, end, today, tr)
    title = tr("Report {start} – {end}", start=f"{start:%d/%m/%Y}", end=f"{end:%d/%m/%Y}")
    try:
        if args.format == "pdf":
            out.write_bytes(pdf)
            written = [out]
        elif args.format == "xlsx":
            write_xlsx(tables, out, title)
            written = [out]
        else:
            written = write_csv(tables, out)
    except OSError as error:
        raise StorageError(
            N_("Cannot write {path}: {problem}"), path=out, problem=error.strerror or error
        ) from error
    ctx.emit(
        {"files": [str(p) for p in written], "start": start, "end": end},
        "\n".join(tr("Written to {path}.", path=p) for p in written),
    )
