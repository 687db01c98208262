"""An import's report in words, for the manager who dropped the file: what was added and changed,
each refused row and why, and the procedures whose processing time the office must confirm.

Also the refusal reason kept for a dossier the provincial system did not process: the official
name of its DVCQG status (kiosk.provincial.statuses), kept as data, as a clerk's typed reason
is kept."""

from __future__ import annotations

from kiosk.i18n import Translator
from kiosk.provincial.records import ImportReport
from kiosk.provincial.statuses import STATUS_NAMES


def stored_status_words(code: str | None) -> str:
    """The refusal reason kept for a dossier the provincial system did not process."""
    name = STATUS_NAMES.get((code or "").strip())
    if name is None:
        return f"TrangThaiHoSo {code}" if code else "Không xử lý trên hệ thống một cửa tỉnh"
    return f"{name} (TrangThaiHoSo {code})"


def _counts(report: ImportReport, tr: Translator) -> str:
    counts = {
        "created": len(report.created),
        "updated": len(report.updated),
        "unchanged": report.unchanged,
    }
    if report.previously_imported_at is not None:
        return tr(
            "This file was already imported at {when}: nothing changed.",
            when=f"{report.previously_imported_at:%H:%M %d/%m/%Y}",
        )
    if report.refused:
        return tr(
            "Nothing was imported: {count} rows refused. Correct them in the provincial system "
            "or the file and import it again.",
            count=len(report.refused),
        )
    if report.dry_run:
        return tr(
            "Dry run, nothing written: {created} dossiers would be added, {updated} changed, "
            "{unchanged} left as they are.",
            **counts,
        )
    return tr(
        "Imported: {created} dossiers added, {updated} changed, {unchanged} left as they are.",
        **counts,
    )


def report_lines(report: ImportReport, tr: Translator) -> list[str]:
    """The report a manager reads, one line each: the file, its counts, every refused row,
    the new procedures."""
    lines = [tr("File {name} ({format}).", name=report.file_name, format=report.format.value)]
    lines.append(_counts(report, tr))
    for refused in report.refused:
        lines.append(
            tr(
                "Line {line} (code {code}): {problem}",
                line=refused.line,
                code=refused.code or "—",
                problem=refused.reason.render(tr),
            )
        )
    for procedure in report.new_procedures:
        days = (
            tr("{days} working days", days=procedure.processing_days)
            if procedure.processing_days
            else tr("same day")
        )
        if procedure.confirmed:
            text = tr(
                "New procedure {code} — {name}: {days}, as the file gives it.",
                code=procedure.code,
                name=procedure.name,
                days=days,
            )
        else:
            text = tr(
                "New procedure {code} — {name}: {days}, guessed from the appointments; confirm "
                "it with 'kiosk services edit {code} --days N'.",
                code=procedure.code,
                name=procedure.name,
                days=days,
            )
        lines.append(text)
    return lines
