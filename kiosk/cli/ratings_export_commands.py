"""`kiosk export ratings --from D1 --to D2 --format dvcqg|csv|xlsx --out FILE`.

The grammar is added to the `export` group from parser.py; the work is imported only when the
command runs (parser.py is on the path of `kiosk run`, the database layer is not).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.i18n import Translator

if TYPE_CHECKING:
    from kiosk.cli.context import CliContext


def add_ratings_export(
    sub: argparse._SubParsersAction,  # type: ignore[type-arg]
    tr: Translator,
    common: argparse.ArgumentParser,
) -> None:
    p = sub.add_parser(
        "ratings",
        parents=[common],
        help=tr("each rating of a period, for the provincial system (no personal data)"),
    )
    p.add_argument("--from", dest="start", help=tr("first day of a period"))
    p.add_argument("--to", dest="end", help=tr("last day of a period"))
    p.add_argument(
        "--format",
        choices=("dvcqg", "csv", "xlsx"),
        help=tr("default: from the file's extension (.json: dvcqg)"),
    )
    p.add_argument("--out", required=True, help=tr("the file to write"))
    p.set_defaults(handler="kiosk.cli.ratings_export_commands:export_ratings_command")


def export_ratings_command(ctx: CliContext, args: argparse.Namespace) -> None:
    from kiosk.cli.parsing import parse_day
    from kiosk.errors import InvalidInputError
    from kiosk.i18n import N_
    from kiosk.protected_files import kiosk_files
    from kiosk.reports.ratings_export import FORMAT_OF_SUFFIX, export_ratings

    now = ctx.clock()
    start = parse_day(args.start) if args.start else now.date()
    end = parse_day(args.end) if args.end else start
    if end < start:
        raise InvalidInputError(N_("The period ends before it starts."))
    out = Path(args.out)
    kind = args.format or FORMAT_OF_SUFFIX.get(out.suffix.lower())
    if kind is None:
        raise InvalidInputError(
            N_(
                "Say which format to write with --format (dvcqg, csv or xlsx): {name} does not "
                "end in .json, .csv or .xlsx."
            ),
            name=out.name,
        )
    count = export_ratings(
        ctx.database().factory,
        ctx.settings.office_code,
        start,
        end,
        kind,
        out,
        now,
        ctx.tr,
        protected=kiosk_files(ctx.settings),
    )
    ctx.emit(
        {"file": str(out), "format": kind, "ratings": count, "start": start, "end": end},
        ctx.tr("{count} ratings written to {path}.", count=count, path=out),
    )
