"""What a report says about the ratings' hash chain: for each station, the ratings of the period
checked link by link (from the last rating before the period), and the station's head — the
hash of its latest rating — printed in full, so `kiosk verify --head STATION:HASH` can later prove
that nothing up to it was rewritten. Checking the period, not the whole history, keeps a
province's daily export fast; `kiosk verify` walks everything.

The signatures are checked against the stations' registered keys, whose seals need the office's
receipt key: the caller hands it over, or it is read from this machine's settings; without it the
period is reported as not fully checked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from kiosk.chain import GENESIS_HASH, STORED_COLUMNS, BrokenLink, stored_payload, verify_station
from kiosk.clock import day_range
from kiosk.db.models import Rating
from kiosk.errors import KioskError
from kiosk.receipt_signing import machine_receipt_key
from kiosk.services.key_registry import key_spans
from kiosk.services.offices import chained_ratings_of


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
    unchecked: KioskError | None = None  # why the keys' seals could not be checked

    @property
    def ok(self) -> bool:
        return self.unchecked is None and all(s.broken is None for s in self.segments)


def period_integrity(
    session: Session,
    start: date,
    end: date,
    office_id: int | None = None,
    office_key: bytes | None = None,
) -> PeriodIntegrity:
    unchecked: KioskError | None = None
    if office_key is None:
        try:
            office_key = machine_receipt_key()
        except KioskError as problem:
            unchecked = problem
    spans = key_spans(session, office_id, office_key)
    begin, finish = day_range(start, end)
    query = select(
        Rating.station,
        func.min(Rating.station_sequence).filter(Rating.created_at >= begin),
        func.max(Rating.station_sequence),
    ).where(Rating.created_at < finish)
    if office_id is not None:  # the office's stations only: another's are its own report's
        query = query.where(chained_ratings_of(session, office_id))
    ranges = session.execute(query.group_by(Rating.station).order_by(Rating.station)).all()
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
        # The driver's own values, not ORM objects: a province's day is 100,000 ratings. The
        # cursor is closed even when the walk stops at a broken link: left open, it would keep
        # an old view of the database on its pooled connection for whoever uses it next.
        with session.execute(
            text(
                f"SELECT {STORED_COLUMNS} FROM ratings WHERE station = :station "
                "AND station_sequence BETWEEN :first AND :last ORDER BY station_sequence"
            ).execution_options(yield_per=5000),
            {"station": station, "first": first, "last": last},
        ) as rows:
            count, head, broken, _unmet = verify_station(
                rows,
                start_sequence=first,
                start_hash=before,
                payload=stored_payload,
                keys=spans.get(station, []),
            )
        checked += count
        segments.append(StationSegment(station, first, last, head, broken))
    return PeriodIntegrity(segments, checked, unchecked)
