"""Clerks and managers of an office: added, listed, deactivated, given a new PIN."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from kiosk.db.limits import fitted
from kiosk.db.models import Clerk, ClerkRole, Office
from kiosk.errors import ConflictError, InvalidInputError, NotFoundError
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


def list_clerks(
    session: Session, office: Office, *, include_inactive: bool = True
) -> list[ClerkView]:
    query = select(Clerk).where(Clerk.office_id == office.id).order_by(Clerk.counter, Clerk.id)
    if not include_inactive:
        query = query.where(Clerk.active.is_(True))
    return [clerk_view(c) for c in session.scalars(query)]


def office_clerk(session: Session, office: Office, clerk_id: int) -> Clerk:
    clerk = session.get(Clerk, clerk_id)
    if clerk is None or clerk.office_id != office.id:
        raise NotFoundError(N_("Clerk {id} does not exist."), id=clerk_id)
    return clerk


def set_clerk_active(
    session: Session,
    office: Office,
    clerk_id: int,
    *,
    active: bool,
    by_manager_id: int,
    at: datetime,
    station: str,
) -> Clerk:
    """Deactivates (or restores) a clerk: a deactivated one cannot sign in and is offered by no
    picker, but keeps their name on the dossiers and ratings already recorded. Audited."""
    # A write before the check: it locks the office's row on PostgreSQL and starts SQLite's
    # write transaction, so that two managers deactivating each other at the same moment are
    # served one after the other, and the second sees the first's change.
    session.execute(
        update(Office)
        .where(Office.id == office.id)
        .values(name=Office.name)
        .execution_options(synchronize_session=False)
    )
    clerk = office_clerk(session, office, clerk_id)
    if clerk.active == active:
        message = (
            N_("{name} is already active.") if active else N_("{name} is already deactivated.")
        )
        raise ConflictError(message, name=clerk.display_name)
    if not active and clerk.role is ClerkRole.MANAGER:
        other_managers = session.scalar(
            select(func.count())
            .select_from(Clerk)
            .where(
                Clerk.office_id == office.id,
                Clerk.role == ClerkRole.MANAGER,
                Clerk.active.is_(True),
                Clerk.id != clerk.id,
            )
        )
        if not other_managers:
            raise ConflictError(
                N_(
                    "{name} is the office's last active manager: add another manager "
                    "before deactivating them."
                ),
                name=clerk.display_name,
            )
    clerk.active = active
    record_audit(
        session,
        at=at,
        station=station,
        clerk_id=by_manager_id,
        action="clerk.restore" if active else "clerk.deactivate",
        subject=f"clerk:{clerk.id}",
        details={"counter": clerk.counter, "role": clerk.role.value},
    )
    return clerk


def change_pin(
    session: Session,
    office: Office,
    clerk_id: int,
    new_pin: str,
    *,
    by_manager_id: int,
    at: datetime,
    station: str,
) -> Clerk:
    """Gives a clerk a new PIN, stored only as its hash; the audit says who and when, never
    the PIN."""
    clerk = office_clerk(session, office, clerk_id)
    if not clerk.active:
        raise ConflictError(
            N_("{name} is deactivated: restore them before changing their PIN."),
            name=clerk.display_name,
        )
    clerk.pin_hash = hash_pin(new_pin)
    record_audit(
        session,
        at=at,
        station=station,
        clerk_id=by_manager_id,
        action="clerk.pin",
        subject=f"clerk:{clerk.id}",
    )
    return clerk
