"""What a report says about the ratings' hash chain: for each station, the ratings of the period
checked link by link (from the last rating before the period), and the station's head — the
hash of its latest rating — printed in full, so `kiosk verify --head STATION:HASH` can later prove
that nothing up to it was rewritten. Checking the period, not the whole history, keeps a
province's daily export fast; `kiosk verify` walks everything."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from kiosk.chain import GENESIS_HASH, STORED_COLUMNS, BrokenLink, stored_payload, verify_station
from kiosk.clock import day_range
from kiosk.db.models import Rating
from kiosk.services.offices import ratings_of


@dataclass(frozen=True)
class StationSegment:
    station: str
    first: int  # the period's first rating number (0: none in the period)
    last: int  # the station's latest rating number at the end of the period
    head: str  # that rating's hash
    broken: BrokenLink | None


@dataclass(frozen=True)
class PeriodIntegrity:
    segments: list[StationSegment]
    checked: int

    @property
    def ok(self) -> bool:
        return all(segment.broken is None for segment in self.segments)


def period_integrity(session: Session, office_id: int, start: date, end: date) -> PeriodIntegrity:
    """The chains of the office's stations only: another office's are its own report's."""
    begin, finish = day_range(start, end)
    ranges = session.execute(
        select(
            Rating.station,
            func.min(Rating.station_sequence).filter(Rating.created_at >= begin),
            func.max(Rating.station_sequence),
        )
        .where(Rating.created_at < finish, ratings_of(session, office_id))
        .group_by(Rating.station)
        .order_by(Rating.station)
    ).all()
    segments, checked = [], 0
    for station, first, last in ranges:
        if first is None:  # nobody rated on this station in the period: its head still counts
            head = session.scalar(
                select(Rating.hash).where(
                    Rating.station == station, Rating.station_sequence == last
                )
            )
            segments.append(StationSegment(station, 0, last, head or "", None))
            continue
        before = GENESIS_HASH
        if first > 1:
            before = (
                session.scalar(
                    select(Rating.hash).where(
                        Rating.station == station, Rating.station_sequence == first - 1
                    )
                )
                or ""
            )  # a missing predecessor breaks the first link below
        # The driver's own values, not ORM objects: a province's day is 100,000 ratings.
        rows = session.execute(
            text(
                f"SELECT {STORED_COLUMNS} FROM ratings WHERE station = :station "
                "AND station_sequence BETWEEN :first AND :last ORDER BY station_sequence"
            ).execution_options(yield_per=5000),
            {"station": station, "first": first, "last": last},
        )
        count, head, broken, _unmet = verify_station(
            rows, start_sequence=first, start_hash=before, payload=stored_payload
        )
        checked += count
        segments.append(StationSegment(station, first, last, head, broken))
    return PeriodIntegrity(segments, checked)
