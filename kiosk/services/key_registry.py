"""The stations' public signing keys in the database: registered by a manager, sealed with the
office's receipt key, and read back as the spans `kiosk.chain.verify_station` checks against."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.chain import KeySpan
from kiosk.db.models import ClerkRole, Office, Rating, StationKey
from kiosk.errors import InvalidInputError
from kiosk.i18n import N_
from kiosk.services.audit import record_audit
from kiosk.services.clerks import ClerkView
from kiosk.station_keys import KeyRegistration, fingerprint, signature_verifier

REGISTERED = "station_key.registered"


def registration(row: StationKey) -> KeyRegistration:
    return KeyRegistration(
        row.office_id,
        row.station,
        row.public_key,
        row.first_sequence,
        row.registered_at,
        row.clerk_id,
    )


@dataclass(frozen=True)
class RegisteredKey:
    station: str
    fingerprint: str
    first_sequence: int
    registered_at: datetime
    clerk_id: int
    sealed: bool | None  # None: the office's receipt key was not at hand to check


def register_station_key(
    session: Session,
    office: Office,
    *,
    station: str,
    public_key: str,
    manager: ClerkView,
    office_key: bytes,
    at: datetime,
    acting_station: str,
) -> StationKey:
    """The key signs the station's ratings from its next one on; the ratings before it keep
    whatever key (or none) they had. Registering the station's current key again changes
    nothing."""
    if manager.role is not ClerkRole.MANAGER:
        raise InvalidInputError(N_("Only a manager can register a station's signing key."))
    current = session.scalars(
        select(StationKey)
        .where(StationKey.station == station, StationKey.office_id == office.id)
        .order_by(StationKey.first_sequence.desc())
        .limit(1)
    ).first()
    if current is not None and current.public_key == public_key:
        return current
    last = session.scalar(
        select(func.max(Rating.station_sequence)).where(Rating.station == station)
    )
    facts = KeyRegistration(office.id, station, public_key, (last or 0) + 1, at, manager.id)
    row = StationKey(
        office_id=facts.office_id,
        station=facts.station,
        public_key=facts.public_key,
        first_sequence=facts.first_sequence,
        registered_at=facts.registered_at,
        clerk_id=facts.clerk_id,
        seal=facts.seal(office_key),
    )
    session.add(row)
    record_audit(
        session,
        at=at,
        station=acting_station,
        clerk_id=manager.id,
        action=REGISTERED,
        subject=f"station:{station}",
        details={"fingerprint": fingerprint(public_key), "first_sequence": facts.first_sequence},
    )
    return row


def _office_rows(session: Session, office_id: int | None) -> list[StationKey]:
    query = select(StationKey).order_by(StationKey.station, StationKey.first_sequence)
    if office_id is not None:
        query = query.where(StationKey.office_id == office_id)
    return list(session.scalars(query))


def key_spans(
    session: Session, office_id: int | None, office_key: bytes | None
) -> dict[str, list[KeySpan]]:
    """Each station's registered keys, oldest first. A row whose seal the office's key does not
    verify has no verifier; without the office's key (None) the seals go unchecked."""
    spans: dict[str, list[KeySpan]] = {}
    for row in _office_rows(session, office_id):
        sealed = office_key is None or registration(row).seal_matches(office_key, row.seal)
        verifier = signature_verifier(row.public_key) if sealed else None
        spans.setdefault(row.station, []).append(KeySpan(row.first_sequence, verifier))
    return spans


def registered_keys(
    session: Session, office_id: int | None, office_key: bytes | None
) -> list[RegisteredKey]:
    return [
        RegisteredKey(
            row.station,
            fingerprint(row.public_key),
            row.first_sequence,
            row.registered_at,
            row.clerk_id,
            None if office_key is None else registration(row).seal_matches(office_key, row.seal),
        )
        for row in _office_rows(session, office_id)
    ]


def current_key(session: Session, station: str) -> str | None:
    """The public key the station's next rating must be signed with, if one is registered."""
    return session.scalar(
        select(StationKey.public_key)
        .where(StationKey.station == station)
        .order_by(StationKey.first_sequence.desc())
        .limit(1)
    )
