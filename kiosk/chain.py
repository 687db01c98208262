"""The ratings' hash chain: each rating's SHA-256 covers its answers and the station's last hash,
and the station's Ed25519 key signs that hash (kiosk.station_keys).

Changing a stored answer breaks that row's hash; deleting or inserting a row breaks the sequence or
the next row's link; appending a row, or recomputing the hashes after a change, needs the
station's private key. `verify_station` walks a station's chain and names the first broken link.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import orjson
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from kiosk.db.models import Rating
from kiosk.errors import KioskError
from kiosk.station_keys import signature_valid

GENESIS_HASH = "0" * 64


def rating_payload(rating: Rating | Any) -> dict[str, Any]:
    """Every recorded answer and fact of a rating, in a form that survives a database round trip."""
    return _with_case(
        rating.case_id,
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


def _with_case(case_id: Any, office_id: int | None, payload: dict[str, Any]) -> dict[str, Any]:
    """The office is covered from revision 0007 on, the case rated from 0013 on (only on a
    case's rating): older ratings' hashes stay as they were."""
    if office_id is not None:
        payload["office_id"] = office_id
    if case_id is not None:
        payload["case_id"] = _uuid_text(case_id)
    return payload


# The ratings columns in the order `stored_payload` reads them (plus the chain's own two).
STORED_COLUMNS = (
    "id, station, station_sequence, created_at, channel, ticket_id, service_id, clerk_id, "
    "scale, satisfaction, contacts_score, agencies_score, conduct_complaint, reasons, comment, "
    "partial, office_id, case_id, prev_hash, hash, signature"
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
        case_id,
        *_chain,
    ) = row
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    if isinstance(reasons, str | bytes):
        reasons = orjson.loads(reasons)
    return _with_case(
        case_id,
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
    # Why the stations' keys could not be checked against the office's seal (its key file is
    # missing or damaged here): the chain is then not proven intact.
    unchecked: KioskError | None = None

    @property
    def ok(self) -> bool:
        return self.broken is None and not self.lost_heads and self.unchecked is None


EDITED = "edited"
MISSING_BEFORE = "missing_before"
LINK_BROKEN = "link_broken"
UNREGISTERED = "unregistered"  # the station has ratings and no registered key
UNSIGNED = "unsigned"  # a rating under a registered key carries no signature
BAD_SIGNATURE = "bad_signature"  # …or one its station's registered key does not verify
FORGED_KEY = "forged_key"  # a registered key whose row the office's key did not seal


@dataclass(frozen=True)
class KeySpan:
    """A station's registered key, from `first_sequence` until the next one; `verifier` is None
    when the row's seal (or the key itself) does not verify."""

    first_sequence: int
    verifier: Ed25519PublicKey | None


# (sequence, id, hash, signature) of the ratings signed under one key, as met in the walk.
_Signed = tuple[int, str, str, str]


def _first_bad_signature(
    station: str, verifier: Ed25519PublicKey, signed: list[_Signed]
) -> BrokenLink | None:
    """One valid signature on the last rating vouches for all before it (its hash covers
    theirs): each of the others is checked only when it does not, to name the first culprit."""
    if not signed or signature_valid(verifier, signed[-1][2], signed[-1][3]):
        return None
    for sequence, rating_id, hash_, signature in signed:
        if not signature_valid(verifier, hash_, signature):
            return BrokenLink(station, sequence, rating_id, BAD_SIGNATURE)
    return None  # unreachable: the last one failed


def verify_station(
    ratings: Iterable[Rating | Any],
    known_heads: Iterable[str] = (),
    *,
    start_sequence: int = 1,
    start_hash: str = GENESIS_HASH,
    payload: Callable[[Any], dict[str, Any]] = rating_payload,
    keys: Sequence[KeySpan] | None = None,
) -> tuple[int, str, BrokenLink | None, set[str]]:
    """Checks one station's ratings (ORM objects or rows with the same columns) in sequence
    order, from `start_sequence` whose predecessor's hash is `start_hash`; returns (checked,
    head, first break, the known heads not met on the way). With `keys` (the station's
    registered keys, oldest first) the signatures are checked too: ratings before the first
    key's first_sequence were recorded before signing began and are checked by hash only."""
    expected_sequence, prev_hash, checked = start_sequence, start_hash, 0
    unmet = set(known_heads)
    span: KeySpan | None = None
    later = list(keys or ())
    signed: list[_Signed] = []
    station = ""
    for rating in ratings:
        station = rating.station
        unmet.discard(rating.hash)
        checked += 1
        link = (rating.station, rating.station_sequence, str(rating.id))
        if rating.station_sequence != expected_sequence:
            return checked, prev_hash, BrokenLink(*link, MISSING_BEFORE), unmet
        if rating.prev_hash != prev_hash:
            return checked, prev_hash, BrokenLink(*link, LINK_BROKEN), unmet
        if rating_hash(payload(rating), rating.prev_hash) != rating.hash:
            return checked, prev_hash, BrokenLink(*link, EDITED), unmet
        if keys is not None:
            if not keys:
                return checked, prev_hash, BrokenLink(*link, UNREGISTERED), unmet
            while later and later[0].first_sequence <= rating.station_sequence:
                if span is not None and span.verifier is not None:
                    broken = _first_bad_signature(station, span.verifier, signed)
                    if broken is not None:
                        return checked, prev_hash, broken, unmet
                span, signed = later.pop(0), []
            if span is not None:
                if span.verifier is None:  # named by the number the forged key starts at
                    forged = BrokenLink(station, span.first_sequence, link[2], FORGED_KEY)
                    return checked, prev_hash, forged, unmet
                if not rating.signature:
                    return checked, prev_hash, BrokenLink(*link, UNSIGNED), unmet
                signed.append((rating.station_sequence, link[2], rating.hash, rating.signature))
        expected_sequence, prev_hash = expected_sequence + 1, rating.hash
    if span is not None and span.verifier is not None and signed:
        broken = _first_bad_signature(station, span.verifier, signed)
        if broken is not None:
            return checked, prev_hash, broken, unmet
    return checked, prev_hash, None, unmet
