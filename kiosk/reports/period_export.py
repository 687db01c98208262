"""One export of a period — PDF, XLSX or CSV — as the command line, the manager's window and
the end-of-day schedule all make it: same figures, same file names, same errors."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, datetime
from pathlib import Path

from kiosk.atomic_file import write_atomically, write_bytes_atomically
from kiosk.db.session import SessionFactory
from kiosk.formats import day_text
from kiosk.i18n import Translator
from kiosk.protected_files import check_output, check_outputs
from kiosk.reports.case_register import case_tables
from kiosk.reports.export import Progress, csv_paths, write_csv, write_xlsx
from kiosk.reports.figures import period_figures
from kiosk.reports.pdf_report import render_report_pdf
from kiosk.reports.tables import build_tables

KINDS = ("pdf", "xlsx", "csv")
# The database's share of the work, for the progress bar; the files take the rest.
READING_SHARE = 0.4


def period_title(start: date, end: date, tr: Translator) -> str:
    first, last = day_text(start, tr.language), day_text(end, tr.language)
    if start == end:
        return tr("Report {period}", period=first)
    return tr("Report {start} – {end}", start=first, end=last)


def export_period(
    factory: SessionFactory,
    office_code: str | None,
    start: date,
    end: date,
    kind: str,
    out: Path,
    now: datetime,
    tr: Translator,
    progress: Progress | None = None,
    *,
    protected: Collection[Path],
) -> list[Path]:
    """Writes `out` (a file for PDF and XLSX, a folder of one file per table for CSV) and
    returns what was written. A file appears whole or not at all, never over a `protected` one
    (see kiosk.protected_files.kiosk_files)."""
    return export_files(
        factory, office_code, start, end, [(kind, out)], now, tr, progress, protected=protected
    )


def export_files(
    factory: SessionFactory,
    office_code: str | None,
    start: date,
    end: date,
    outputs: Sequence[tuple[str, Path]],
    now: datetime,
    tr: Translator,
    progress: Progress | None = None,
    *,
    protected: Collection[Path],
) -> list[Path]:
    """Several formats of one period, in the order given, from one reading of the tables and
    one computation of the figures."""
    for kind, out in outputs:  # refused before the database is even read
        check_output(out, protected, folder=kind == "csv")
    report = progress or (lambda share: None)
    report(0.0)
    kinds = {kind for kind, _out in outputs}
    with factory() as session:
        figures = period_figures(session, office_code, start, end, now)
        pdf = (
            render_report_pdf(
                session, office_code, start, end, now.date(), now, tr, figures=figures
            )
            if "pdf" in kinds
            else b""
        )
        tables = (
            build_tables(session, office_code, start, end, now.date(), tr, figures=figures)
            + case_tables(
                session, figures.office.id, start, end, figures.now, tr, figures.group_766
            )
            if kinds - {"pdf"}
            else []
        )
    report(READING_SHARE)
    for kind, out in outputs:
        if kind == "csv":
            check_outputs(csv_paths(tables, out), protected)
    written: list[Path] = []
    for kind, out in outputs:
        if kind == "pdf":
            write_bytes_atomically(out, pdf)
            written.append(out)
        elif kind == "xlsx":
            write_atomically(
                out,
                lambda partial: write_xlsx(
                    tables,
                    partial,
                    period_title(start, end, tr),
                    lambda share: report(READING_SHARE + (1 - READING_SHARE) * share),
                ),
            )
            written.append(out)
        else:
            written += write_csv(tables, out)
    report(1.0)
    return written
