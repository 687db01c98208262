"""A feedback case as the citizen's kiosk handles it: plain values, no database, no Qt.

The kiosk chooses a case's id itself (a call-back's is its rating's case id), so the slip's QR
is right even when the case waits in the kiosk's outbox and has no number yet.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import uuid  # loads platform: not on the kiosk's way to its first frame


def rating_case_id(rating_id: uuid.UUID) -> uuid.UUID:
    """A rating's case has an id known before it exists: a kiosk that takes a call-back request
    while the server is away prints a slip whose QR finds the case once both are forwarded."""
    import uuid

    return uuid.uuid5(rating_id, "case")


@dataclass(frozen=True)
class CaseContact:
    """Who to call back. Kept only to forward it: never shown again at the kiosk."""

    name: str
    phone: str


@dataclass(frozen=True)
class CaseRequest:
    """A petition typed at the kiosk, or a call-back asked for after an unhappy rating."""

    case_id: uuid.UUID
    at: datetime
    contact: CaseContact | None
    rating_id: uuid.UUID | None = None  # a call-back: the rating it follows
    subject: str = ""  # a petition's
    text: str = ""

    @property
    def call_back(self) -> bool:
        return self.rating_id is not None


@dataclass(frozen=True)
class KioskCase:
    """What the slip screen shows. No number nor due date while it waits in the outbox."""

    id: uuid.UUID
    number: str | None
    due_at: datetime | None
    contact_given: bool

    @property
    def queued(self) -> bool:
        return self.number is None


@dataclass(frozen=True)
class CaseToRate:
    """A case whose handling the citizen, with its slip, may rate now."""

    id: uuid.UUID
    number: str
    subject: str
