"""One export of a period — PDF, XLSX or CSV — as the command line, the manager's window and
the end-of-day schedule all make it: same figures, same file names, same errors."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path

from kiosk.db.session import SessionFactory
from kiosk.errors import StorageError
from kiosk.i18n import N_, Translator
from kiosk.reports.export import Progress, write_csv, write_xlsx
from kiosk.reports.pdf_report import render_report_pdf
from kiosk.reports.tables import build_tables

KINDS = ("pdf", "xlsx", "csv")
# The database's share of the work, for the progress bar; the files take the rest.
READING_SHARE = 0.4


def period_title(start: date, end: date, tr: Translator) -> str:
    if start == end:
        return tr("Report {period}", period=f"{start:%d/%m/%Y}")
    return tr("Report {start} – {end}", start=f"{start:%d/%m/%Y}", end=f"{end:%d/%m/%Y}")


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
) -> list[Path]:
    """Writes `out` (a file for PDF and XLSX, a folder of one file per table for CSV) and
    returns what was written. A file appears whole or not at all."""
    return export_files(factory, office_code, start, end, [(kind, out)], now, tr, progress)


def export_files(
    factory: SessionFactory,
    office_code: str | None,
    start: date,
    end: date,
    outputs: Sequence[tuple[str, Path]],
    now: datetime,
    tr: Translator,
    progress: Progress | None = None,
) -> list[Path]:
    """Several formats of one period, in the order given, from one reading of the tables."""
    report = progress or (lambda share: None)
    report(0.0)
    kinds = {kind for kind, _out in outputs}
    with factory() as session:
        pdf = (
            render_report_pdf(session, office_code, start, end, now.date(), now, tr)
            if "pdf" in kinds
            else b""
        )
        tables = (
            build_tables(session, office_code, start, end, now.date(), tr)
            if kinds - {"pdf"}
            else []
        )
    report(READING_SHARE)
    written: list[Path] = []
    for kind, out in outputs:
        try:
            if kind == "pdf":
                _replace_whole(out, lambda partial: partial.write_bytes(pdf))
                written.append(out)
            elif kind == "xlsx":
                _replace_whole(
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
        except OSError as error:
            raise StorageError(
                N_("Cannot write {path}: {problem}"), path=out, problem=error.strerror or error
            ) from error
    report(1.0)
    return written


def _replace_whole(path: Path, write: Callable[[Path], object]) -> None:
    """Writes beside the target and renames: a full disk never leaves half a report."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    try:
        write(partial)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
