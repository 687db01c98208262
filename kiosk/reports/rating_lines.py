"""Each rating of an office in a period, one line apiece, as the ratings export hands them back
to the provincial system: what was rated, the four Circular 01/2018 indicators, the answer, and
where the rating sits in its station's hash chain.

Nothing here can name the citizen: the query reads no column of the dossier but its code, and
never the rating's free-text comment (a citizen may type a phone number or a name into it).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Text, cast, select
from sqlalchemy.orm import Session

from kiosk.answers import RatingChannel, Satisfaction
from kiosk.clock import day_range
from kiosk.db.models import Dossier, Rating, Service
from kiosk.reports.indicators import (
    conduct_score,
    form_02_counts,
    recorded_contacts_score,
    timing_score,
)
from kiosk.services.offices import ratings_of

# Rows fetched from the database at a time: a province's period holds 100,000 ratings.
BATCH = 2_000


@dataclass(frozen=True)
class RatingLine:
    dossier_code: str | None  # None: a walk-in rating of a service, with no dossier
    procedure_code: str  # the service's code: the national catalogue's MaTTHC
    procedure_name_vi: str
    procedure_name_en: str
    rated_at: datetime  # the office's wall-clock time
    channel: RatingChannel
    scale: int  # the faces the citizen saw: 3 or 5
    satisfaction: Satisfaction
    # Circular 01/2018, each 0/1/2 or None where there is nothing to score (see indicators.py).
    indicator_1: int | None
    indicator_3: int | None  # from the Form 02s recorded, as the report counts it
    indicator_3_asked: int | None  # the citizen's own answer, shown beside it
    indicator_4: int | None
    indicator_7: int | None
    reasons: tuple[str, ...]  # the fixed quick choices (answers.COMPLAINT_REASONS)
    station: str
    sequence: int
    hash: str


def rating_lines(
    session: Session, office_id: int, start: date, end: date, today: date
) -> Iterator[RatingLine]:
    """The office's ratings given from `start` to `end` (Vietnam days, inclusive), oldest first;
    a dossier's timing (indicators 1 and 7) is judged as of `today`, as the report judges it."""
    begin, finish = day_range(start, end)
    issued = form_02_counts()
    query = (
        select(
            Dossier.code,
            Service.code,
            Service.name_vi,
            Service.name_en,
            Rating.created_at,
            Rating.channel,
            Rating.scale,
            Rating.satisfaction,
            timing_score(today),
            recorded_contacts_score(issued),
            Rating.contacts_score,
            Rating.agencies_score,
            conduct_score(today),
            # As text: most lines have no reason, and decoding 100,000 "[]" costs seconds.
            cast(Rating.reasons, Text),
            Rating.station,
            Rating.station_sequence,
            Rating.hash,
        )
        .join(Service, Rating.service_id == Service.id)
        .outerjoin(Dossier, Rating.dossier_id == Dossier.id)
        .outerjoin(issued, issued.c.dossier_id == Rating.dossier_id)
        .where(
            Rating.created_at >= begin,
            Rating.created_at < finish,
            ratings_of(session, office_id),
        )
        .order_by(Rating.created_at, Rating.station, Rating.station_sequence)
        .execution_options(yield_per=BATCH)
    )
    with session.execute(query) as rows:  # closed too when the reader stops early
        for row in rows:
            (code, procedure, name_vi, name_en, at, channel, scale, satisfaction) = row[:8]
            ind1, ind3, ind3_asked, ind4, ind7, reasons, station, sequence, digest = row[8:]
            yield RatingLine(
                dossier_code=code,
                procedure_code=procedure,
                procedure_name_vi=name_vi,
                procedure_name_en=name_en,
                rated_at=at,
                channel=channel,
                scale=scale,
                satisfaction=satisfaction,
                indicator_1=ind1,
                indicator_3=ind3,
                indicator_3_asked=ind3_asked,
                indicator_4=ind4,
                indicator_7=ind7,
                reasons=_reasons(reasons),
                station=station,
                sequence=sequence,
                hash=digest,
            )


def _reasons(stored: str | None) -> tuple[str, ...]:
    if not stored or stored == "[]":
        return ()
    return tuple(json.loads(stored))
