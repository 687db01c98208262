"""The end-of-day export: once the office's export time has passed, the day's PDF, XLSX and
CSV files are written to the export folder — once a day, whoever is or is not at the screen."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime, time
from pathlib import Path

from kiosk.db.session import SessionFactory
from kiosk.errors import InvalidInputError
from kiosk.i18n import N_, Translator
from kiosk.reports.period_export import export_files


def parse_export_time(text: str) -> time:
    try:
        return time.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInputError(
            N_("Setting '{key}' must be a time like 17:30, not {value!r}."),
            key="export_time",
            value=text,
        ) from None


def day_stem(folder: Path, day: date) -> Path:
    return folder / f"bao-cao-{day:%Y-%m-%d}"


def export_is_due(now: datetime, export_time: time, folder: Path) -> bool:
    return (
        now.time() >= export_time and not day_stem(folder, now.date()).with_suffix(".pdf").exists()
    )


def write_day_exports(
    factory: SessionFactory,
    office_code: str | None,
    day: date,
    folder: Path,
    now: datetime,
    tr: Translator,
    *,
    protected: Collection[Path],
) -> list[Path]:
    stem = day_stem(folder, day)
    # The PDF goes last: its presence is what marks the day as exported.
    outputs = [
        ("xlsx", stem.with_suffix(".xlsx")),
        ("csv", stem),
        ("pdf", stem.with_suffix(".pdf")),
    ]
    return export_files(factory, office_code, day, day, outputs, now, tr, protected=protected)
