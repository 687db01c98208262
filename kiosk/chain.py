"""The ratings' hash chain: each rating's SHA-256 covers its answers and the station's last hash.

Changing a stored answer breaks that row's hash; deleting or inserting a row breaks the sequence or
the next row's link. `verify_chain` walks every station's chain and names the first broken link.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import orjson

from kiosk.db.models import Rating

GENESIS_HASH = "0" * 64


def rating_payload(rating: Rating | Any) -> dict[str, Any]:
    """Every recorded answer and fact of a rating, in a form that survives a database round trip."""
    return _with_office(
        rating.office_id,
        {
            "id": str(rating.id),
            "station": rating.station,
            "station_sequence": rating.station_sequence,
            "created_at": rating.created_at.isoformat(timespec="microseconds"),
            "channel": rating.channel.value,
            # The column and this key keep the first name ("ticket"): it is inside every hash.
            "ticket_id": str(rating.dossier_id) if rating.dossier_id else None,
            "service_id": rating.service_id,
            "clerk_id": rating.clerk_id,
            "scale": rating.scale,
            "satisfaction": rating.satisfaction.value,
            "contacts_score": rating.contacts_score,
            "agencies_score": rating.agencies_score,
            "conduct_complaint": rating.conduct_complaint,
            "reasons": list(rating.reasons),
            "comment": rating.comment,
            "partial": bool(rating.partial),
        },
    )


def _with_office(office_id: int | None, payload: dict[str, Any]) -> dict[str, Any]:
    """The office is covered from revision 0007 on; older ratings' hashes stay as they were."""
    if office_id is not None:
        payload["office_id"] = office_id
    return payload


# The ratings columns in the order `stored_payload` reads them (plus the chain's own two).
STORED_COLUMNS = (
    "id, station, station_sequence, created_at, channel, ticket_id, service_id, clerk_id, "
    "scale, satisfaction, contacts_score, agencies_score, conduct_complaint, reasons, comment, "
    "partial, office_id, prev_hash, hash"
)


def _uuid_text(value: Any) -> str | None:
    """SQLite keeps 32 hex digits, PostgreSQL a uuid: both read as the payload's hyphenated form."""
    if value is None:
        return None
    if isinstance(value, uuid.UUID):
        return str(value)
    text = str(value).lower()
    if len(text) == 32:
        return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"
    return str(uuid.UUID(text))


def stored_payload(row: Any) -> dict[str, Any]:
    """`rating_payload` of a row as the database driver hands it over (a text() query, none of
    SQLAlchemy's type conversions): the same dict, at a fraction of the cost, for checking a
    province's day (tests/kiosk/test_rating_chain.py holds the two equal on both engines)."""
    (
        id_,
        station,
        sequence,
        moment,
        channel,
        dossier_id,
        service_id,
        clerk_id,
        scale,
        satisfaction,
        contacts,
        agencies,
        complaint,
        reasons,
        comment,
        partial,
        office_id,
        *_chain,
    ) = row
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    if isinstance(reasons, str | bytes):
        reasons = orjson.loads(reasons)
    return _with_office(
        office_id,
        {
            "id": _uuid_text(id_),
            "station": station,
            "station_sequence": sequence,
            "created_at": moment.isoformat(timespec="microseconds"),
            "channel": channel,
            "ticket_id": _uuid_text(dossier_id),
            "service_id": service_id,
            "clerk_id": clerk_id,
            "scale": scale,
            "satisfaction": satisfaction,
            "contacts_score": contacts,
            "agencies_score": agencies,
            "conduct_complaint": None if complaint is None else bool(complaint),
            "reasons": list(reasons),
            "comment": comment,
            "partial": bool(partial),
        },
    )


def canonical_json(prev_hash: str, payload: dict[str, Any]) -> bytes:
    """The bytes a rating's hash covers: sorted keys, no spaces, UTF-8 as is. orjson writes
    exactly what json.dumps(sort_keys=True, separators=(",", ":"), ensure_ascii=False) does,
    ten times faster (tests/kiosk/test_chain_encoding.py holds it to that)."""
    return orjson.dumps({"prev": prev_hash, "rating": payload}, option=orjson.OPT_SORT_KEYS)


def rating_hash(payload: dict[str, Any], prev_hash: str) -> str:
    return hashlib.sha256(canonical_json(prev_hash, payload)).hexdigest()


@dataclass(frozen=True)
class BrokenLink:
    station: str
    sequence: int
    rating_id: str
    problem: str  # a message id: see kiosk.cli's verify command


@dataclass(frozen=True)
class ChainReport:
    ratings_checked: int
    heads: dict[str, str]  # station -> hash of its latest rating
    broken: BrokenLink | None
    # Heads printed in earlier reports that are no longer in their station's chain: the history
    # up to them was rewritten (even consistently, hashes recomputed) or removed.
    lost_heads: tuple[tuple[str, str], ...] = ()
    sequences: dict[str, int] | None = None  # station -> number of its latest rating

    @property
    def ok(self) -> bool:
        return self.broken is None and not self.lost_heads


EDITED = "edited"
MISSING_BEFORE = "missing_before"
LINK_BROKEN = "link_broken"


def verify_station(
    ratings: Iterable[Rating | Any],
    known_heads: Iterable[str] = (),
    *,
    start_sequence: int = 1,
    start_hash: str = GENESIS_HASH,
    payload: Callable[[Any], dict[str, Any]] = rating_payload,
) -> tuple[int, str, BrokenLink | None, set[str]]:
    """Checks one station's ratings (ORM objects or rows with the same columns) in sequence
    order, from `start_sequence` whose predecessor's hash is `start_hash`; returns (checked,
    head, first break, the known heads not met on the way)."""
    expected_sequence, prev_hash, checked = start_sequence, start_hash, 0
    unmet = set(known_heads)
    for rating in ratings:
        unmet.discard(rating.hash)
        checked += 1
        link = (rating.station, rating.station_sequence, str(rating.id))
        if rating.station_sequence != expected_sequence:
            return checked, prev_hash, BrokenLink(*link, MISSING_BEFORE), unmet
        if rating.prev_hash != prev_hash:
            return checked, prev_hash, BrokenLink(*link, LINK_BROKEN), unmet
        if rating_hash(payload(rating), rating.prev_hash) != rating.hash:
            return checked, prev_hash, BrokenLink(*link, EDITED), unmet
        expected_sequence, prev_hash = expected_sequence + 1, rating.hash
    return checked, prev_hash, None, unmet
