"""`kiosk dossiers import FILE [--format auto|xlsx|csv|dvcqg] [--dry-run] [--json]`: the
dossiers of the provincial one-stop system, from its register export or the DVCQG sync.

The grammar is added from kiosk.cli.parser; the handler loads the database layer only when it
runs (the parser is built on the path of `kiosk run`, which must not load it)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.i18n import Translator

if TYPE_CHECKING:
    from kiosk.cli.context import CliContext
    from kiosk.provincial.records import ImportReport

EXIT_REFUSED = 1
FORMATS = ("auto", "xlsx", "csv", "dvcqg")


def add_import_command(
    sub: argparse._SubParsersAction,  # type: ignore[type-arg]
    tr: Translator,
    common: argparse.ArgumentParser,
) -> None:
    p = sub.add_parser(
        "import",
        parents=[common],
        help=tr("import dossiers from the provincial one-stop system (whole file or nothing)"),
    )
    p.add_argument("file", metavar="FILE", help=tr("a Form 07 register (XLSX, CSV) or DVCQG JSON"))
    p.add_argument(
        "--format", choices=FORMATS, default="auto", help=tr("the file's format (default: auto)")
    )
    p.add_argument("--dry-run", action="store_true", help=tr("check and report, write nothing"))
    p.add_argument("--clerk", type=int, help=tr("the id of the person importing, when known"))
    p.set_defaults(handler="kiosk.cli.import_commands:import_dossiers")


def report_data(report: ImportReport, tr: Translator) -> dict[str, Any]:
    return {
        "file": report.file_name,
        "format": report.format.value,
        "imported": report.imported,
        "dry_run": report.dry_run,
        "previously_imported_at": report.previously_imported_at,
        "created": list(report.created),
        "updated": list(report.updated),
        "unchanged": report.unchanged,
        "refused": [
            {"line": r.line, "code": r.code, "problem": r.reason.render(tr)} for r in report.refused
        ],
        "new_procedures": [
            {
                "code": p.code,
                "name": p.name,
                "field": p.field,
                "processing_days": p.processing_days,
                "confirmed": p.confirmed,
            }
            for p in report.new_procedures
        ],
    }


def import_dossiers(ctx: CliContext, args: argparse.Namespace) -> int:
    """Exit 0 when the file was imported (or would be, on a dry run), 1 when it was refused."""
    from kiosk.provincial.records import FileFormat
    from kiosk.provincial.report_words import report_lines
    from kiosk.services.dossier_import import DossierImportService

    columns = ctx.settings.import_columns
    report = ctx.use_cases(DossierImportService).import_file(
        Path(args.file),
        file_format=None if args.format == "auto" else FileFormat(args.format),
        dry_run=args.dry_run,
        columns=Path(columns) if columns else None,
        clerk_id=args.clerk,
    )
    ctx.emit(report_data(report, ctx.tr), "\n".join(report_lines(report, ctx.tr)))
    return EXIT_REFUSED if report.refused else 0
