"""Clerks sign in at a station with their counter number and PIN.

Five wrong PINs for a counter within five minutes lock it for five minutes. The count comes from
the audit log, which records every attempt anyway, so a lock survives a restart of the station.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from kiosk.db.models import AuditEvent, Clerk
from kiosk.errors import InvalidInputError
from kiosk.i18n import N_
from kiosk.pins import pin_matches
from kiosk.services.audit import record_audit
from kiosk.services.base import StationUseCases
from kiosk.services.clerks import ClerkView, clerk_view
from kiosk.services.offices import find_office

MAX_FAILURES = 5
LOCK = timedelta(minutes=5)
FAILED, SUCCEEDED = "sign_in.failed", "sign_in"


class SignInLockedError(InvalidInputError):
    pass


class SignInService(StationUseCases):
    def sign_in(self, counter: int, pin: str) -> ClerkView:
        now = self._clock()
        subject = f"counter:{counter}"
        with self._factory.begin() as session:
            office = find_office(session, self._office_code)
            recent = session.scalars(
                select(AuditEvent)
                .where(
                    AuditEvent.subject == subject,
                    AuditEvent.at > now - LOCK,
                    AuditEvent.action.in_((FAILED, SUCCEEDED)),
                )
                .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
            ).all()
            failures = []
            for event in recent:  # failures since the last success
                if event.action == SUCCEEDED:
                    break
                failures.append(event)
            if len(failures) >= MAX_FAILURES:
                until = failures[MAX_FAILURES - 1].at + LOCK
                raise SignInLockedError(
                    N_("Too many wrong PINs: counter {counter} is locked until {until}."),
                    counter=counter,
                    until=f"{until:%H:%M}",
                )
            clerks = session.scalars(
                select(Clerk).where(
                    Clerk.office_id == office.id, Clerk.counter == counter, Clerk.active.is_(True)
                )
            ).all()
            clerk = next((c for c in clerks if pin_matches(c.pin_hash, pin)), None)
            record_audit(
                session,
                at=now,
                station=self._station,
                clerk_id=clerk.id if clerk else None,
                action=SUCCEEDED if clerk else FAILED,
                subject=subject,
            )
            if clerk is None:
                left = MAX_FAILURES - len(failures) - 1
                # The failure must be on record even though the sign-in is refused.
                session.commit()
                raise InvalidInputError(
                    N_("Wrong counter number or PIN ({left} tries left)."), left=left
                )
            return clerk_view(clerk)
