"""Paper rating slips entered by the manager: the law allows them beside the kiosk.

They go through the same rules as the kiosk's ratings (one per dossier, the office's scale) on
their own hash chain, one per office (station "paper-OFFICE"; see paper_station), with channel
PAPER so reports show them apart.
A CSV of slips is checked whole before anything is recorded: a typo on row 40 must not leave
rows 1–39 half entered.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime

from kiosk.answers import COMPLAINT_REASONS, RatingChannel, RatingInput, Satisfaction
from kiosk.errors import InvalidInputError, KioskError
from kiosk.i18n import N_
from kiosk.services.base import StationUseCases
from kiosk.services.offices import find_office
from kiosk.services.ratings import record_rating
from kiosk.text import clean_optional

PAPER_STATION = "paper"


def paper_station(office_code: str) -> str:
    """The office's own chain of paper slips. Before offices were kept apart every office's
    slips went to one chain, "paper": its rows stay where they are, verified and counted for
    their office as before; new slips never join it, so two offices never share a chain."""
    return f"{PAPER_STATION}-{office_code}"


COLUMNS = (
    "date",
    "dossier_code",
    "service_code",
    "satisfaction",
    "contacts",
    "agencies",
    "complaint",
    "reasons",
    "comment",
)
YES, NO = {"yes", "có", "1", "true"}, {"no", "không", "0", "false"}


@dataclass(frozen=True)
class PaperSlip:
    at: datetime
    answers: RatingInput


def _score(text: str, column: str, row: int) -> int | None:
    text = text.strip()
    if not text:
        return None
    if text not in ("0", "1", "2"):
        raise InvalidInputError(
            N_("Row {row}, column '{column}': expected 0, 1 or 2."), row=row, column=column
        )
    return int(text)


def parse_slips(text: str) -> list[PaperSlip]:
    """Reads a CSV of slips (a header row with COLUMNS); raises on the first bad row."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    try:
        rows = list(reader)  # read whole first: a malformed line is refused before anything
    except csv.Error as error:
        raise InvalidInputError(
            N_("The file is not a readable CSV (line {line}): {problem}"),
            line=reader.line_num,
            problem=error,
        ) from None
    missing = [c for c in ("date", "satisfaction") if c not in (reader.fieldnames or [])]
    if missing:
        raise InvalidInputError(N_("The file has no '{column}' column."), column=missing[0])
    slips = []
    for row_number, row in enumerate(rows, 2):
        cells = {key: (value or "").strip() for key, value in row.items() if key}

        def cell(name: str, cells: dict[str, str] = cells) -> str:
            return cells.get(name, "")

        try:
            at = datetime.fromisoformat(cell("date"))
            satisfaction = Satisfaction(cell("satisfaction"))
        except ValueError:
            raise InvalidInputError(
                N_("Row {row}: the date or the satisfaction is not valid."), row=row_number
            ) from None
        complaint_text = cell("complaint").lower()
        if complaint_text and complaint_text not in YES | NO:
            raise InvalidInputError(
                N_("Row {row}, column '{column}': expected yes or no."),
                row=row_number,
                column="complaint",
            )
        reasons = tuple(r.strip() for r in cell("reasons").split(";") if r.strip())
        if set(reasons) - set(COMPLAINT_REASONS):
            raise InvalidInputError(N_("Row {row}: unknown reason."), row=row_number)
        slips.append(
            PaperSlip(
                at,
                RatingInput(
                    satisfaction=satisfaction,
                    dossier_code=clean_optional(cell("dossier_code")),
                    service_code=clean_optional(cell("service_code")),
                    contacts_score=_score(cell("contacts"), "contacts", row_number),
                    agencies_score=_score(cell("agencies"), "agencies", row_number),
                    conduct_complaint=None if not complaint_text else complaint_text in YES,
                    reasons=reasons,
                    comment=clean_optional(cell("comment")),
                    channel=RatingChannel.PAPER,
                ),
            )
        )
    return slips


class PaperSlipService(StationUseCases):
    def enter(self, slips: list[PaperSlip]) -> int:
        """Records every slip in one transaction: all of them, or none and the reason."""
        with self._factory.begin() as session:
            office = find_office(session, self._office_code)
            for number, slip in enumerate(slips, 2):
                try:
                    record_rating(
                        session,
                        office,
                        slip.answers,
                        station=paper_station(office.code),
                        at=slip.at,
                    )
                    session.flush()
                except KioskError as error:
                    raise InvalidInputError(
                        N_("Row {row}: {problem}"), row=number, problem=error
                    ) from error
        return len(slips)
