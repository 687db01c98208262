"""The ratings' hash chain: each rating's SHA-256 covers its answers and the station's last hash.

Changing a stored answer breaks that row's hash; deleting or inserting a row breaks the sequence or
the next row's link. `verify_chain` walks every station's chain and names the first broken link.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import orjson

from kiosk.db.models import Rating

GENESIS_HASH = "0" * 64


def rating_payload(rating: Rating | Any) -> dict[str, Any]:
    """Every recorded answer and fact of a rating, in a form that survives a database round trip."""
    return {
        "id": str(rating.id),
        "station": rating.station,
        "station_sequence": rating.station_sequence,
        "created_at": rating.created_at.isoformat(timespec="microseconds"),
        "channel": rating.channel.value,
        "ticket_id": str(rating.ticket_id) if rating.ticket_id else None,
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
    }


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
        if rating_hash(rating_payload(rating), rating.prev_hash) != rating.hash:
            return checked, prev_hash, BrokenLink(*link, EDITED), unmet
        expected_sequence, prev_hash = expected_sequence + 1, rating.hash
    return checked, prev_hash, None, unmet
