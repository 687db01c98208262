"""`kiosk export ratings`: the office's ratings of a period handed back to the provincial system
(JSON in the shape of the national portal's sync) or to people (CSV, XLSX), one line a rating.

Written the way every export is: whole or not at all (kiosk.atomic_file), never over one of the
kiosk's own files, and without a word of the citizen's: no name, address, phone or comment.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, datetime
from pathlib import Path

from kiosk.answers import COMPLAINT_WORDS, FACE_WORDS, RatingChannel
from kiosk.atomic_file import write_atomically, write_bytes_atomically
from kiosk.db.session import SessionFactory
from kiosk.errors import InvalidInputError
from kiosk.formats import day_text
from kiosk.i18n import N_, Translator
from kiosk.protected_files import check_output
from kiosk.reports.cells import Cell, csv_bytes
from kiosk.reports.dvcqg_ratings import dvcqg_bytes
from kiosk.reports.export import write_xlsx
from kiosk.reports.rating_lines import RatingLine, rating_lines
from kiosk.reports.tables import Table
from kiosk.services.offices import find_office

RATING_FORMATS = ("dvcqg", "csv", "xlsx")
FORMAT_OF_SUFFIX = {".json": "dvcqg", ".csv": "csv", ".xlsx": "xlsx"}
CHANNEL_WORDS = {
    RatingChannel.KIOSK: N_("Kiosk"),
    RatingChannel.PAPER: N_("Paper slip"),
    RatingChannel.PHONE: N_("Phone call-back"),
}


def ratings_title(start: date, end: date, tr: Translator) -> str:
    first, last = day_text(start, tr.language), day_text(end, tr.language)
    if start == end:
        return tr("Ratings of {period}", period=first)
    return tr("Ratings {start} – {end}", start=first, end=last)


def ratings_header(tr: Translator) -> list[str]:
    return [
        tr("No."),
        tr("Dossier code"),
        tr("Procedure code"),
        tr("Procedure"),
        tr("Rated at"),
        tr("Channel"),
        tr("Satisfaction"),
        tr("Indicator 1"),
        tr("Indicator 3"),
        tr("Indicator 3 as answered"),
        tr("Indicator 4"),
        tr("Indicator 7"),
        tr("Reasons"),
        tr("Station"),
        tr("No. at the station"),
        tr("Rating hash (SHA-256)"),
    ]


class RowWords:
    """The words of the people's formats, looked up once per export rather than once a line."""

    def __init__(self, tr: Translator) -> None:
        self.vietnamese = tr.language == "vi"
        self.channel = {channel: tr(words) for channel, words in CHANNEL_WORDS.items()}
        self.face = {face: tr(words) for face, words in FACE_WORDS.items()}
        self.reason = {reason: tr(words) for reason, words in COMPLAINT_WORDS.items()}


def ratings_row(number: int, line: RatingLine, words: RowWords) -> list[Cell]:
    procedure = line.procedure_name_vi if words.vietnamese else line.procedure_name_en
    reasons = "; ".join(words.reason[r] for r in line.reasons if r in words.reason)
    return [
        number,
        line.dossier_code,  # empty for a walk-in rating of a service
        line.procedure_code,
        procedure,
        line.rated_at,
        words.channel[line.channel],
        words.face[line.satisfaction],
        line.indicator_1,
        line.indicator_3,
        line.indicator_3_asked,
        line.indicator_4,
        line.indicator_7,
        reasons or None,
        line.station,
        line.sequence,
        line.hash,
    ]


def ratings_table(lines: Sequence[RatingLine], tr: Translator) -> Table:
    words = RowWords(tr)
    rows = [ratings_row(number, line, words) for number, line in enumerate(lines, 1)]
    return Table(tr("Ratings"), ratings_header(tr), rows)


def export_ratings(
    factory: SessionFactory,
    office_code: str | None,
    start: date,
    end: date,
    kind: str,
    out: Path,
    now: datetime,
    tr: Translator,
    *,
    protected: Collection[Path],
) -> int:
    """Writes the ratings given from `start` to `end` (Vietnam days, inclusive) to `out` as
    `kind` (dvcqg, csv or xlsx); returns how many. Indicators 1 and 7 judge a dossier's timing
    as of `now`, as the period report read at `now` does."""
    if kind not in RATING_FORMATS:
        raise InvalidInputError(
            N_("Unknown format '{kind}' (the formats are: {formats})."),
            kind=kind,
            formats=", ".join(RATING_FORMATS),
        )
    check_output(out, protected)  # refused before the database is even read
    with factory() as session:
        office = find_office(session, office_code)
        lines = list(rating_lines(session, office.id, start, end, now.date()))
        unit = office.code
    if kind == "dvcqg":
        write_bytes_atomically(out, dvcqg_bytes(lines, unit))
    elif kind == "csv":
        table = ratings_table(lines, tr)
        write_bytes_atomically(out, csv_bytes(table.header, table.rows))
    else:
        table = ratings_table(lines, tr)
        title = ratings_title(start, end, tr)
        write_atomically(out, lambda partial: write_xlsx([table], partial, title))
    return len(lines)
