"""Clerks sign in at a station with their counter number and PIN.

Five wrong PINs for a counter of an office within five minutes lock it for five minutes. Every
attempt is written to the audit log, and committed, before its PIN is checked; it then counts the
attempts since the counter's last success, its own included. Of ten guesses sent at once, the
sixth to be written sees six and is refused unchecked, so at most five PINs are ever checked.
The count comes from the audit log, so a lock survives a restart of the station.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.db.models import AuditEvent, Clerk, Office
from kiosk.errors import InvalidInputError
from kiosk.i18n import N_
from kiosk.pins import pin_matches
from kiosk.services.base import StationUseCases
from kiosk.services.clerks import ClerkView, clerk_view

MAX_FAILURES = 5
LOCK = timedelta(minutes=5)
# An attempt is written as ATTEMPT and then marked with what came of it.
ATTEMPT, FAILED, SUCCEEDED, LOCKED = (
    "sign_in.attempt",
    "sign_in.failed",
    "sign_in",
    "sign_in.locked",
)
# Attempts whose PIN was (or may be about to be) checked: they count towards the lock.
CHECKED = (ATTEMPT, FAILED)


class SignInLockedError(InvalidInputError):
    pass


def lock_subject(office: Office, counter: int) -> str:
    """The lock-out key: one office's counter 1 is not another's."""
    return f"{office.code}:counter:{counter}"


def _attempts_since_success(session: Session, subject: str, now: datetime) -> list[AuditEvent]:
    """The attempts that count, newest first: within LOCK, after the last success."""
    events = session.scalars(
        select(AuditEvent)
        .where(
            AuditEvent.subject == subject,
            AuditEvent.at > now - LOCK,
            AuditEvent.action.in_((*CHECKED, SUCCEEDED)),
        )
        .order_by(AuditEvent.id.desc())
    ).all()
    counted = []
    for event in events:
        if event.action == SUCCEEDED:
            break
        counted.append(event)
    return counted


class SignInService(StationUseCases):
    def sign_in(self, counter: int, pin: str) -> ClerkView:
        now = self._clock()
        with self._factory.begin() as session:
            office = session.get_one(Office, self._office_id(session))
            office_id, subject = office.id, lock_subject(office, counter)
            attempt = AuditEvent(at=now, station=self._station, action=ATTEMPT, subject=subject)
            session.add(attempt)
            session.flush()
            attempt_id = attempt.id
        # Committed: any attempt that counts from now on sees this one.
        with self._factory.begin() as session:
            counted = _attempts_since_success(session, subject, now)
            mine = session.get_one(AuditEvent, attempt_id)
            if len(counted) > MAX_FAILURES:
                mine.action = LOCKED
                others = [event for event in counted if event.id != attempt_id]
                until = others[MAX_FAILURES - 1].at + LOCK
                session.commit()
                raise SignInLockedError(
                    N_("Too many wrong PINs: counter {counter} is locked until {until}."),
                    counter=counter,
                    until=f"{until:%H:%M}",
                )
            clerks = session.scalars(
                select(Clerk).where(
                    Clerk.office_id == office_id, Clerk.counter == counter, Clerk.active.is_(True)
                )
            ).all()
            clerk = next((c for c in clerks if pin_matches(c.pin_hash, pin)), None)
            if clerk is None:
                mine.action = FAILED
                # The failure must be on record even though the sign-in is refused.
                session.commit()
                raise InvalidInputError(
                    N_("Wrong counter number or PIN ({left} tries left)."),
                    left=MAX_FAILURES - len(counted),
                )
            mine.action, mine.clerk_id = SUCCEEDED, clerk.id
            return clerk_view(clerk)
