"""Clerks and managers of an office."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.db.limits import fitted
from kiosk.db.models import Clerk, ClerkRole, Office
from kiosk.errors import InvalidInputError
from kiosk.i18n import N_
from kiosk.pins import hash_pin
from kiosk.services.audit import record_audit


@dataclass(frozen=True)
class ClerkView:
    id: int
    display_name: str
    counter: int
    role: ClerkRole
    active: bool


def clerk_view(clerk: Clerk) -> ClerkView:
    return ClerkView(clerk.id, clerk.display_name, clerk.counter, clerk.role, clerk.active)


def add_clerk(
    session: Session,
    office: Office,
    *,
    display_name: str,
    counter: int,
    role: ClerkRole,
    pin: str,
    at: datetime,
    station: str,
    by_clerk_id: int | None = None,
) -> Clerk:
    name = fitted(display_name, Clerk.display_name, N_("Clerk's name"))
    if not name:
        raise InvalidInputError(N_("A clerk needs a name."))
    if not 0 <= counter <= 999:
        raise InvalidInputError(N_("A counter number is between 0 and 999."))
    clerk = Clerk(
        office=office, display_name=name, counter=counter, role=role, pin_hash=hash_pin(pin)
    )
    session.add(clerk)
    session.flush()
    record_audit(
        session,
        at=at,
        station=station,
        clerk_id=by_clerk_id,
        action="clerk.add",
        subject=f"clerk:{clerk.id}",
        details={"counter": counter, "role": role.value},
    )
    return clerk


def list_clerks(session: Session, office: Office) -> list[ClerkView]:
    query = select(Clerk).where(Clerk.office_id == office.id).order_by(Clerk.counter, Clerk.id)
    return [clerk_view(c) for c in session.scalars(query)]
