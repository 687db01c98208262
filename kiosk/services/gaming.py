"""Signs that someone is feeding the kiosk rather than citizens rating it: ratings seconds apart
on one kiosk (a real rating takes longer: a face and three questions), and bursts of "very
satisfied" on one kiosk, named with the clerks whose dossiers they rate. Signals for a manager
to look at, not verdicts: nothing is removed or hidden."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.answers import RatingChannel, Satisfaction
from kiosk.clock import day_range
from kiosk.db.models import Clerk, Rating
from kiosk.services.offices import ratings_of

TOO_FAST = timedelta(seconds=8)  # a face and three answers take longer than this
TOO_FAST_PAIRS = 3  # one quick pair is a hurried citizen; three is a pattern
BURST = timedelta(minutes=3)
BURST_SIZE = 5  # "very satisfied" this many times within BURST on one kiosk


@dataclass(frozen=True)
class GamingSignal:
    kind: str  # "too_fast" | "happy_burst"
    station: str
    count: int
    first: datetime
    last: datetime
    clerks: tuple[str, ...] = ()


def gaming_signals(session: Session, office_id: int, day: date) -> list[GamingSignal]:
    begin, finish = day_range(day, day)
    rows = session.execute(
        select(Rating.station, Rating.created_at, Rating.satisfaction, Clerk.display_name)
        .outerjoin(Clerk, Rating.clerk_id == Clerk.id)
        .where(
            Rating.created_at >= begin,
            Rating.created_at < finish,
            Rating.channel == RatingChannel.KIOSK,
            ratings_of(session, office_id),
        )
        .order_by(Rating.station, Rating.created_at)
    ).all()
    signals: list[GamingSignal] = []
    by_station: dict[str, list[tuple[datetime, Satisfaction, str | None]]] = {}
    for station, at, satisfaction, clerk in rows:
        by_station.setdefault(station, []).append((at, satisfaction, clerk))
    for station, ratings in by_station.items():
        signals += _too_fast(station, ratings)
        signals += _happy_bursts(station, ratings)
    return signals


def _too_fast(
    station: str, ratings: Sequence[tuple[datetime, Satisfaction, str | None]]
) -> list[GamingSignal]:
    quick = [
        (earlier[0], later[0])
        for earlier, later in zip(ratings, ratings[1:], strict=False)
        if later[0] - earlier[0] < TOO_FAST
    ]
    if len(quick) < TOO_FAST_PAIRS:
        return []
    return [GamingSignal("too_fast", station, len(quick), quick[0][0], quick[-1][1])]


def _happy_bursts(
    station: str, ratings: Sequence[tuple[datetime, Satisfaction, str | None]]
) -> list[GamingSignal]:
    happy = [
        (at, clerk)
        for at, satisfaction, clerk in ratings
        if satisfaction is Satisfaction.VERY_SATISFIED
    ]
    signals, start = [], 0
    while start + BURST_SIZE <= len(happy):
        end = start + BURST_SIZE - 1
        if happy[end][0] - happy[start][0] > BURST:
            start += 1
            continue
        while end + 1 < len(happy) and happy[end + 1][0] - happy[start][0] <= BURST:
            end += 1
        burst = happy[start : end + 1]
        clerks = tuple(sorted({clerk for _at, clerk in burst if clerk}))
        signals.append(
            GamingSignal("happy_burst", station, len(burst), burst[0][0], burst[-1][0], clerks)
        )
        start = end + 1
    return signals
