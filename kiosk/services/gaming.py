"""Signs that someone is feeding the kiosk rather than citizens rating it: ratings seconds apart
on one kiosk (a real rating takes longer: a face and three questions), and bursts of "very
satisfied" on one kiosk, named with the clerks whose dossiers they rate; dossier codes typed on
one kiosk's keypad one number after another, or with wrong check numbers (someone rating the
neighbours' dossiers). Signals for a manager to look at, not verdicts: nothing is removed or
hidden."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from kiosk.answers import RatingChannel, Satisfaction
from kiosk.clock import day_range
from kiosk.db.models import AuditEvent, Clerk, Office, Rating, Station
from kiosk.dossier_code import DossierCode, split_dossier_code
from kiosk.errors import InvalidInputError
from kiosk.services.offices import ratings_of

TOO_FAST = timedelta(seconds=8)  # a face and three answers take longer than this
TOO_FAST_PAIRS = 3  # one quick pair is a hurried citizen; three is a pattern
BURST = timedelta(minutes=3)
BURST_SIZE = 5  # "very satisfied" this many times within BURST on one kiosk
TYPED_CODE = "kiosk.typed_code"  # the audit action of a code typed on a kiosk's keypad
# Counters hand out a day's numbers in order, so a neighbour's dossier is a number or two away.
# Two close codes can be one family at one counter; three, in half an hour, is someone trying.
TYPED_GAP = 2
TYPED_RUN = 3
TYPED_WINDOW = timedelta(minutes=30)
# One or two wrong check numbers are a misread receipt; three in half an hour are guesses.
WRONG_CHECKS = 3


@dataclass(frozen=True)
class GamingSignal:
    kind: str  # "too_fast" | "happy_burst" | "typed_sequence" | "wrong_checks"
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
    return signals + _typed_code_signals(session, office_id, begin, finish)


TypedCode = tuple[datetime, DossierCode, bool]  # when, which code, check number right


def _typed_code_signals(
    session: Session, office_id: int, begin: datetime, finish: datetime
) -> list[GamingSignal]:
    office_code = session.scalar(select(Office.code).where(Office.id == office_id))
    rows = session.execute(
        select(AuditEvent.station, AuditEvent.at, AuditEvent.subject, AuditEvent.details)
        .where(
            AuditEvent.action == TYPED_CODE,
            AuditEvent.at >= begin,
            AuditEvent.at < finish,
            _typed_at_office(office_id, office_code),
        )
        .order_by(AuditEvent.station, AuditEvent.at, AuditEvent.id)
    ).all()
    by_station: dict[str, list[TypedCode]] = {}
    for station, at, subject, details in rows:
        try:
            code = split_dossier_code(subject)
        except InvalidInputError:
            continue
        check_ok = bool((details or {}).get("check_ok", True))
        by_station.setdefault(station, []).append((at, code, check_ok))
    signals: list[GamingSignal] = []
    for station, typed in by_station.items():
        signals += _typed_sequences(station, typed)
        wrong = [at for at, _code, check_ok in typed if not check_ok]
        signals += [
            GamingSignal("wrong_checks", station, len(run), run[0], run[-1])
            for run in _runs_within(wrong, WRONG_CHECKS, TYPED_WINDOW)
        ]
    return signals


def _typed_at_office(office_id: int, office_code: str | None) -> ColumnElement[bool]:
    """Codes typed at the office's kiosks, whoever's codes they are (guessing at this office's
    kiosk is this office's business), and the office's codes typed at a kiosk no other office
    owns (a kiosk that has not reported since revision 0010)."""
    kiosks_of = select(Station.name).where(Station.office_id == office_id)
    kiosks_of_others = select(Station.name).where(Station.office_id != office_id)
    return or_(
        AuditEvent.station.in_(kiosks_of),
        and_(
            AuditEvent.subject.startswith(f"{office_code}-", autoescape=True),
            AuditEvent.station.not_in(kiosks_of_others),
        ),
    )


def _runs_within(moments: Sequence[datetime], size: int, window: timedelta) -> list[list[datetime]]:
    """Each longest stretch of at least `size` moments whose first and last are within `window`;
    stretches do not overlap."""
    runs, start = [], 0
    while start + size <= len(moments):
        end = start
        while end + 1 < len(moments) and moments[end + 1] - moments[start] <= window:
            end += 1
        if end - start + 1 >= size:
            runs.append(list(moments[start : end + 1]))
            start = end + 1
        else:
            start += 1
    return runs


def _typed_sequences(station: str, typed: Sequence[TypedCode]) -> list[GamingSignal]:
    """TYPED_RUN or more different codes of one receipt day, each at most TYPED_GAP numbers from
    the next, typed within TYPED_WINDOW of the first: one signal per such stretch."""
    signals, start = [], 0
    while start < len(typed):
        window = [t for t in typed[start:] if t[0] - typed[start][0] <= TYPED_WINDOW]
        run = _closest_numbers(window)
        if len(run) >= TYPED_RUN:
            signals.append(GamingSignal("typed_sequence", station, len(run), run[0][0], run[-1][0]))
            last = run[-1][0]
            start = next((i for i in range(start, len(typed)) if typed[i][0] > last), len(typed))
        else:
            start += 1
    return signals


def _closest_numbers(typed: Sequence[TypedCode]) -> list[TypedCode]:
    """The longest chain of different codes of one unit and day whose sequence numbers follow
    each other within TYPED_GAP, in the order they were typed."""
    first_typed: dict[DossierCode, TypedCode] = {}
    for entry in typed:
        first_typed.setdefault(entry[1], entry)  # typing one code again is not another dossier
    by_day: dict[tuple[str, date], list[TypedCode]] = {}
    for entry in first_typed.values():
        by_day.setdefault((entry[1].unit, entry[1].day), []).append(entry)
    best: list[TypedCode] = []
    for entries in by_day.values():
        entries.sort(key=lambda entry: entry[1].sequence)
        chain = entries[:1]
        for entry in entries[1:]:
            if entry[1].sequence - chain[-1][1].sequence > TYPED_GAP:
                chain = []
            chain.append(entry)
            if len(chain) > len(best):
                best = list(chain)
    return sorted(best, key=lambda entry: entry[0])


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
