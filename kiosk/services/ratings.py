"""Recording citizens' ratings (append-only, hash-chained and signed per station) and verifying
the chains.

Which key signs what: a kiosk signs its own ratings with its machine's station key, also those it
forwards later from its outbox (they are chained and signed when the central database takes
them); the clerk station signs the walk-in ratings it takes; paper slips (station
"paper-OFFICE") are signed by the key of the machine that enters them, registered for that station.
"""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.answers import COMPLAINT_REASONS, MAX_COMMENT, SCALE_LEVELS, UNHAPPY, RatingInput
from kiosk.chain import (
    FORGED_KEY,
    GENESIS_HASH,
    BrokenLink,
    ChainReport,
    KeySpan,
    rating_hash,
    rating_payload,
    verify_station,
)
from kiosk.clock import as_office_time
from kiosk.db.models import Office, Rating
from kiosk.errors import ConflictError, InvalidInputError, KioskError
from kiosk.i18n import N_
from kiosk.services.base import StationUseCases
from kiosk.services.cases import (
    Acting,
    case_to_rate,
    note_handling_rated,
    open_rating_case,
    rating_needs_a_case,
)
from kiosk.services.dossier_reads import find_dossier
from kiosk.services.key_registry import key_spans
from kiosk.services.offices import chained_ratings_of, find_office, find_service
from kiosk.station_keys import StationSigner


@dataclass(frozen=True)
class RecordedRating:
    id: uuid.UUID
    station: str
    station_sequence: int
    created_at: datetime
    hash: str


def recorded(rating: Rating) -> RecordedRating:
    return RecordedRating(
        rating.id, rating.station, rating.station_sequence, rating.created_at, rating.hash
    )


def clean_comment(text: str | None) -> str | None:
    """NFC, no control characters but line breaks, at most MAX_COMMENT characters."""
    if text is None:
        return None
    text = unicodedata.normalize("NFC", text)
    text = "".join(c for c in text if c == "\n" or unicodedata.category(c) != "Cc").strip()
    return text[:MAX_COMMENT] or None


def _check_score(value: int | None, name: str) -> None:
    if value is not None and value not in (0, 1, 2):
        raise InvalidInputError(N_("Answer '{name}' must be 0, 1 or 2."), name=name)


def record_rating(
    session: Session,
    office: Office,
    answers: RatingInput,
    *,
    station: str,
    at: datetime,
    signer: StationSigner | None,
    rating_id: uuid.UUID | None = None,
) -> Rating:
    """Chains and signs the rating; without a signer it is recorded unsigned, and `kiosk verify`
    reports it (the screens take no rating without a usable key)."""
    # The one door to the chain: what is hashed below is exactly what the database keeps.
    at = as_office_time(at)
    if answers.satisfaction not in SCALE_LEVELS[office.rating_scale]:
        raise InvalidInputError(N_("That answer is not on this office's rating scale."))
    _check_score(answers.contacts_score, "contacts")
    _check_score(answers.agencies_score, "agencies")
    unknown = set(answers.reasons) - set(COMPLAINT_REASONS)
    if unknown:
        raise InvalidInputError(N_("Unknown reason: {reason}."), reason=sorted(unknown)[0])
    dossier, case = None, None
    if answers.case_id is not None:
        case = case_to_rate(session, office, answers.case_id)
        service_id, clerk_id = case.service_id, None  # the handling is rated, not the clerk
    elif answers.dossier_code:
        dossier = find_dossier(
            session, answers.dossier_code, office_id=office.id, with_service_and_clerk=False
        )
    if dossier is not None:
        already = session.scalar(select(Rating.id).where(Rating.dossier_id == dossier.id))
        if already is not None:
            raise ConflictError(N_("Dossier {code} has already been rated."), code=dossier.code)
        service_id, clerk_id = dossier.service_id, dossier.clerk_id
    elif case is None and answers.service_code:
        service_id, clerk_id = find_service(session, answers.service_code).id, None
    elif case is None:
        raise InvalidInputError(N_("Choose the service you are rating."))

    last = session.execute(
        select(Rating.station_sequence, Rating.hash, Rating.office_id)
        .where(Rating.station == station)
        .order_by(Rating.station_sequence.desc())
        .limit(1)
    ).first()
    if last and last.office_id not in (None, office.id):
        # A chain is one station's of one office: two offices' kiosks named alike must not
        # write into each other's chain (nor count in each other's figures).
        raise ConflictError(
            N_("Station {station} works for another office: give it its own name."),
            station=station,
        )
    sequence, prev_hash = (last[0] + 1, last[1]) if last else (1, GENESIS_HASH)
    rating = Rating(
        id=rating_id or uuid.uuid4(),
        station=station,
        station_sequence=sequence,
        created_at=at,
        channel=answers.channel,
        dossier_id=dossier.id if dossier else None,
        service_id=service_id,
        clerk_id=clerk_id,
        scale=office.rating_scale,
        satisfaction=answers.satisfaction,
        contacts_score=answers.contacts_score,
        agencies_score=answers.agencies_score,
        conduct_complaint=answers.conduct_complaint,
        reasons=list(dict.fromkeys(answers.reasons)),
        comment=clean_comment(answers.comment),
        partial=answers.partial,
        prev_hash=prev_hash,
        hash="",
        office_id=office.id,
        case_id=case.id if case else None,
    )
    rating.hash = rating_hash(rating_payload(rating), prev_hash)
    rating.signature = signer.sign(rating.hash) if signer is not None else None
    session.add(rating)
    if case is not None:
        note_handling_rated(
            session, case, Acting(None, station, at), satisfaction=answers.satisfaction.value
        )
    elif rating_needs_a_case(answers.satisfaction in UNHAPPY, rating.comment, rating.reasons):
        session.flush()  # the case refers to the rating
        open_rating_case(session, office, rating, Acting(None, station, at))
    return rating


def verify_chains(
    session: Session,
    known_heads: Iterable[tuple[str, str]] = (),
    *,
    office_id: int | None = None,
    office_key: bytes | None = None,
    office_key_problem: KioskError | None = None,
) -> ChainReport:
    """Walks every station's chain (of the office, when given) and checks its signatures against
    the keys the office's receipt key sealed; `known_heads` are (station, hash) pairs printed in
    earlier reports, each of which must still be in its station's chain. Without the receipt
    key the seals go unchecked and the report says so (`office_key_problem`)."""
    wanted: dict[str, set[str]] = {}
    for station, head in known_heads:
        wanted.setdefault(station, set()).add(head)
    query = select(Rating.station).distinct().order_by(Rating.station)
    if office_id is not None:
        query = query.where(chained_ratings_of(session, office_id))
    stations = session.scalars(query).all()
    if office_id is not None:
        _heads_of_office(session, set(wanted) - set(stations))
    spans = key_spans(session, office_id, office_key)
    checked_total, heads, sequences = 0, {}, {}
    lost = [
        (station, head)
        for station in sorted(set(wanted) - set(stations))
        for head in sorted(wanted[station])
    ]
    unchecked = None if office_key is not None else office_key_problem
    for station in stations:
        # Closed even when the walk stops at a broken link: an open cursor would keep an old
        # view of the database on its pooled connection.
        with closing(
            session.scalars(
                select(Rating)
                .where(Rating.station == station)
                .order_by(Rating.station_sequence)
                .execution_options(yield_per=500)
            )
        ) as ratings:
            checked, head, broken, unmet = verify_station(
                ratings, wanted.get(station, ()), keys=spans.get(station, [])
            )
        checked_total += checked
        heads[station], sequences[station] = head, checked
        lost += [(station, h) for h in sorted(unmet)]
        if broken is not None:
            return ChainReport(checked_total, heads, broken, tuple(lost), sequences, unchecked)
    broken = _unused_forged_key(spans, sequences)
    return ChainReport(checked_total, heads, broken, tuple(lost), sequences, unchecked)


def _unused_forged_key(
    spans: dict[str, list[KeySpan]], sequences: dict[str, int]
) -> BrokenLink | None:
    """A key row without a valid seal that no rating reached yet is a forgery all the same."""
    for station, station_spans in sorted(spans.items()):
        for span in station_spans:
            if span.verifier is None and span.first_sequence > sequences.get(station, 0):
                return BrokenLink(station, span.first_sequence, "", FORGED_KEY)
    return None


def _heads_of_office(session: Session, stations: set[str]) -> None:
    """A head given for a station that is another office's is a mistake, not a lost chain."""
    for station in sorted(stations):
        if session.scalar(select(Rating.id).where(Rating.station == station).limit(1)):
            raise InvalidInputError(
                N_("Station {station} is not one of this office's."), station=station
            )


class RatingService(StationUseCases):
    def __init__(self, *args: Any, signer: StationSigner | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._signer = signer

    def record(
        self,
        answers: RatingInput,
        *,
        rating_id: uuid.UUID | None = None,
        at: datetime | None = None,
    ) -> RecordedRating:
        """Returns only after the commit: what the citizen is thanked for is on disk.

        With `rating_id`, recording is idempotent: a retry of a rating that did reach the
        database returns it instead of adding it twice. `at` is when the citizen tapped.
        """
        with self._factory.begin() as session:
            if rating_id is not None:
                existing = session.get(Rating, rating_id)
                if existing is not None:
                    return recorded(existing)
            office = find_office(session, self._office_code)
            rating = record_rating(
                session,
                office,
                answers,
                station=self._station,
                at=at or self._clock(),
                signer=self._signer,
                rating_id=rating_id,
            )
        return recorded(rating)

    def verify(self) -> ChainReport:
        with self._factory() as session:
            return verify_chains(session, office_id=self._office_id(session))
