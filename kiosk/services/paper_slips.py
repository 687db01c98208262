"""Paper rating slips entered by the manager: the law allows them beside the kiosk.

They go through the same rules as the kiosk's ratings (one per dossier, the office's scale) on
their own hash chain, one per office (station "paper-OFFICE"; see paper_station), with channel
PAPER so reports show them apart.
A CSV of slips is checked whole before anything is recorded: a typo on row 40 must not leave
rows 1–39 half entered. Every bad row is named with its reason, and nothing is recorded.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.answers import COMPLAINT_REASONS, RatingChannel, RatingInput, Satisfaction
from kiosk.clock import as_office_time
from kiosk.csv_table import (
    CsvRecord,
    RowsRefusedError,
    in_row_order,
    read_csv_table,
    row_problem,
)
from kiosk.db.models import Rating, StationKey
from kiosk.errors import InvalidInputError, KioskError
from kiosk.i18n import N_
from kiosk.services.base import StationUseCases
from kiosk.services.dossier_reads import find_dossier
from kiosk.services.offices import find_office, ratings_of
from kiosk.services.ratings import record_rating
from kiosk.station_keys import StationSigner
from kiosk.text import clean_optional

PAPER_STATION = "paper"


def paper_station(office_code: str) -> str:
    """The office's own chain of paper slips. Before offices were kept apart every office's
    slips went to one chain, "paper": its rows stay where they are, verified and counted for
    their office as before; new slips never join it, so two offices never share a chain."""
    return f"{PAPER_STATION}-{office_code}"


def legacy_paper_chain_unkeyed(session: Session, office_id: int) -> bool:
    """The shared chain "paper" holds slips of this office and no key covers it yet."""
    slips = session.scalar(
        select(Rating.id)
        .where(Rating.station == PAPER_STATION, ratings_of(session, office_id))
        .limit(1)
    )
    keyed = session.scalar(
        select(StationKey.id).where(StationKey.station == PAPER_STATION).limit(1)
    )
    return slips is not None and keyed is None


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
REQUIRED = ("date", "satisfaction")
YES, NO = {"yes", "có", "1", "true"}, {"no", "không", "0", "false"}
# A slip older than this is refused: ratings count in quarterly and yearly reports already sent.
OLDEST_SLIP = timedelta(days=365)
# ISO (2026-11-27T10:00, with or without a zone) or how Excel in Vietnam writes a time.
LOCAL_FORMATS = ("%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y")


@dataclass(frozen=True)
class PaperSlip:
    at: datetime  # office wall-clock time, as stored and hashed
    answers: RatingInput
    row: int = 0  # the file's row, for refusals


def _score(text: str, column: str) -> int | None:
    if not text:
        return None
    if text not in ("0", "1", "2"):
        raise InvalidInputError(N_("Column '{column}': expected 0, 1 or 2."), column=column)
    return int(text)


def parse_slip_time(text: str) -> datetime:
    """The slip's time as the office's wall clock; a time with an offset or Z is converted."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        for pattern in LOCAL_FORMATS:
            try:
                return datetime.strptime(text, pattern)
            except ValueError:
                continue
        raise InvalidInputError(
            N_("'{text}' is not a date and time (use 2026-11-23T10:00 or 23/11/2026 10:00)."),
            text=text,
        ) from None
    try:
        return as_office_time(moment)
    except OverflowError:  # an offset pushing year 9999 over the edge
        raise InvalidInputError(N_("{when} is not a possible date."), when=text) from None


def _check_when(at: datetime, now: datetime) -> None:
    if at > now:
        raise InvalidInputError(N_("{when} is in the future."), when=f"{at:%H:%M %d/%m/%Y}")
    if at < now - OLDEST_SLIP:
        raise InvalidInputError(
            N_("{when} is more than a year ago: such a slip is no longer entered."),
            when=f"{at:%d/%m/%Y}",
        )


def _satisfaction(text: str) -> Satisfaction:
    try:
        return Satisfaction(text)
    except ValueError:
        raise InvalidInputError(
            N_("Satisfaction '{text}' is not one of: {choices}."),
            text=text,
            choices=", ".join(s.value for s in Satisfaction),
        ) from None


def _slip(record: CsvRecord, now: datetime) -> PaperSlip:
    cell = record.cells.get
    at = parse_slip_time(cell("date", ""))
    _check_when(at, now)
    complaint_text = cell("complaint", "").lower()
    if complaint_text and complaint_text not in YES | NO:
        raise InvalidInputError(N_("Column '{column}': expected yes or no."), column="complaint")
    reasons = tuple(r.strip() for r in cell("reasons", "").split(";") if r.strip())
    unknown = set(reasons) - set(COMPLAINT_REASONS)
    if unknown:
        raise InvalidInputError(N_("Unknown reason: {reason}."), reason=sorted(unknown)[0])
    answers = RatingInput(
        satisfaction=_satisfaction(cell("satisfaction", "")),
        dossier_code=clean_optional(cell("dossier_code", "")),
        service_code=clean_optional(cell("service_code", "")),
        contacts_score=_score(cell("contacts", ""), "contacts"),
        agencies_score=_score(cell("agencies", ""), "agencies"),
        conduct_complaint=None if not complaint_text else complaint_text in YES,
        reasons=reasons,
        comment=clean_optional(cell("comment", "")),
        channel=RatingChannel.PAPER,
    )
    return PaperSlip(at, answers, record.row)


def read_slips(text: str, now: datetime) -> tuple[list[PaperSlip], list[KioskError]]:
    """The slips of a CSV (a header row naming COLUMNS, "date" and "satisfaction" at least)
    dated up to `now`, and a problem naming each row that is not a valid slip."""
    table = read_csv_table(text, required=REQUIRED, known=COLUMNS)
    slips, problems = [], list(table.problems)
    for record in table.records:
        try:
            slips.append(_slip(record, now))
        except KioskError as error:
            problems.append(row_problem(record.row, error))
    return slips, in_row_order(problems)


def parse_slips(text: str, now: datetime) -> list[PaperSlip]:
    """The file's slips, or a refusal naming every bad row."""
    slips, problems = read_slips(text, now)
    if problems:
        raise RowsRefusedError(problems)
    return slips


def _check_after_receipt(session: Session, office_id: int, slip: PaperSlip) -> None:
    if not slip.answers.dossier_code:
        return
    dossier = find_dossier(session, slip.answers.dossier_code, office_id=office_id)
    if slip.at < dossier.received_at:
        raise InvalidInputError(
            N_("The slip is dated before dossier {code} was received ({when})."),
            code=dossier.code,
            when=f"{dossier.received_at:%H:%M %d/%m/%Y}",
        )


class PaperSlipService(StationUseCases):
    """The slips are chained as the office's paper station and signed with the key of the
    machine that enters them (`kiosk keys register paper` registers it for that station)."""

    def __init__(self, *args: Any, signer: StationSigner | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._signer = signer

    def enter_file(self, text: str) -> int:
        """Checks the whole file, then records all of its slips, or none and every reason."""
        slips, problems = read_slips(text, self._clock())
        return self.enter(slips, problems)

    def enter(self, slips: list[PaperSlip], problems: Sequence[KioskError] = ()) -> int:
        """Records every slip in one transaction, unless a slip or one of `problems` (rows
        already refused) is wrong: then none, and a refusal naming each row."""
        problems = list(problems)
        with self._factory.begin() as session:
            office = find_office(session, self._office_code)
            for slip in slips:
                try:
                    _check_after_receipt(session, office.id, slip)
                    record_rating(
                        session,
                        office,
                        slip.answers,
                        station=paper_station(office.code),
                        at=slip.at,
                        signer=self._signer,
                    )
                    session.flush()
                except KioskError as error:
                    problems.append(row_problem(slip.row, error))
            if problems:
                # Leaving the block by this error rolls every slip back.
                raise RowsRefusedError(in_row_order(problems))
        return len(slips)
