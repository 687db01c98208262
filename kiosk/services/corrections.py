"""Times a clerk states instead of the clock's. A receipt, return or re-appointment is stamped by
the clock; a stated time in the past is a *correction*: a manager other than the acting clerk
approves it with a PIN, a reason is given, and it is kept in `timing_corrections` and the audit
log with both times, so the reports can count and list corrected dossiers. A stated time in the
future is refused."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from kiosk.clock import day_range
from kiosk.db.limits import fitted
from kiosk.db.models import Clerk, ClerkRole, Dossier, TimingCorrection
from kiosk.errors import InvalidInputError
from kiosk.i18n import N_
from kiosk.services.base import StationUseCases
from kiosk.services.sign_in import SignInService

# Two machines' clocks may differ a little: a stated time this close to the clock is the clock's.
CLOCK_SKEW = timedelta(minutes=5)
# The receipt window: a dossier is received within the last year, never earlier, even corrected.
RECEIPT_WINDOW = timedelta(days=365)


class TimedEvent(enum.Enum):
    RECEIVED = "received"
    RETURNED = "returned"
    REAPPOINTED = "reappointed"


EVENT_LABELS = {
    TimedEvent.RECEIVED: N_("received"),
    TimedEvent.RETURNED: N_("returned"),
    TimedEvent.REAPPOINTED: N_("re-appointed"),
}


@dataclass(frozen=True)
class ManagerApproval:
    """What the manager gives for a correction: the counter he signs in at, his PIN, the reason."""

    counter: int
    pin: str
    reason: str


@dataclass(frozen=True)
class StatedTime:
    at: datetime
    approval: ManagerApproval | None = None


@dataclass(frozen=True)
class Correction:
    """An approved correction, ready to be recorded with the change it corrects."""

    recorded_at: datetime
    manager_id: int
    reason: str


@dataclass(frozen=True)
class CorrectionView:
    code: str
    event: TimedEvent
    stated_at: datetime
    recorded_at: datetime
    clerk_name: str | None
    manager_name: str
    reason: str


def needs_correction(stated_at: datetime, now: datetime) -> bool:
    """Whether `stated_at` is earlier than the clock (a correction); InvalidInputError if it is
    in the future. Within CLOCK_SKEW of the clock it is the clock's own time."""
    if stated_at > now + CLOCK_SKEW:
        raise InvalidInputError(
            N_("{when} is in the future: a time can be stated only for what has happened."),
            when=f"{stated_at:%H:%M %d/%m/%Y}",
        )
    return stated_at < now - CLOCK_SKEW


def check_receipt_time(received_at: datetime, now: datetime) -> None:
    """Received within the last year: older papers are not this kiosk's to register."""
    if received_at < now - RECEIPT_WINDOW:
        raise InvalidInputError(
            N_("{when} is more than a year ago: a dossier is registered within a year of receipt."),
            when=f"{received_at:%d/%m/%Y}",
        )


class CorrectionService(StationUseCases):
    def approve(
        self, stated: StatedTime | None, *, clerk_id: int | None
    ) -> tuple[datetime, Correction | None]:
        """The time to record and, for a stated time in the past, the approved correction.
        The manager's PIN goes through the sign-in lock-out, so guesses here count there too."""
        now = self._clock()
        if stated is None or not needs_correction(stated.at, now):
            return now, None
        approval = stated.approval
        if approval is None:
            raise InvalidInputError(
                N_(
                    "{when} is in the past: a stated time is a correction, which needs a "
                    "manager (--manager COUNTER, then the PIN) and a reason (--reason)."
                ),
                when=f"{stated.at:%H:%M %d/%m/%Y}",
            )
        reason = fitted(approval.reason, TimingCorrection.reason, N_("Reason"))
        if not reason:
            raise InvalidInputError(N_("Give the reason for the correction (--reason)."))
        signed_in = SignInService(
            self._factory, station=self._station, clock=self._clock, office_code=self._office_code
        ).sign_in(approval.counter, approval.pin)
        if signed_in.role is not ClerkRole.MANAGER:
            raise InvalidInputError(
                N_("Counter {counter} is not a manager's: only a manager approves a correction."),
                counter=approval.counter,
            )
        if signed_in.id == clerk_id:
            raise InvalidInputError(
                N_("A manager cannot approve a correction of his own: ask another manager.")
            )
        return stated.at, Correction(now, signed_in.id, reason)


def record_correction(
    session: Session,
    dossier: Dossier,
    event: TimedEvent,
    stated_at: datetime,
    correction: Correction,
    clerk_id: int | None,
) -> dict[str, str | int]:
    """Keeps the correction beside the dossier; returns what its audit row adds."""
    session.add(
        TimingCorrection(
            dossier_id=dossier.id,
            event=event.value,
            stated_at=stated_at,
            recorded_at=correction.recorded_at,
            clerk_id=clerk_id,
            manager_id=correction.manager_id,
            reason=correction.reason,
        )
    )
    return {
        "stated_at": stated_at.isoformat(),
        "recorded_at": correction.recorded_at.isoformat(),
        "approved_by": correction.manager_id,
        "correction_reason": correction.reason,
    }


def corrections_in(
    session: Session, office_id: int, start: date, end: date
) -> list[CorrectionView]:
    """Corrections stated for the period or made in it, oldest first: a return backdated into
    last month changes last month's figures, so that month's report must list it too."""
    first, after = day_range(start, end)
    stated, recorded = TimingCorrection.stated_at, TimingCorrection.recorded_at
    query = (
        select(TimingCorrection, Dossier.code)
        .join(Dossier, Dossier.id == TimingCorrection.dossier_id)
        .where(
            or_(and_(stated >= first, stated < after), and_(recorded >= first, recorded < after))
        )
        .where(Dossier.office_id == office_id)
        .order_by(TimingCorrection.recorded_at, TimingCorrection.id)
    )
    rows = session.execute(query).all()
    ids = {c.clerk_id for c, _ in rows} | {c.manager_id for c, _ in rows}
    names = {
        clerk.id: clerk.display_name
        for clerk in session.scalars(select(Clerk).where(Clerk.id.in_(ids)))
    }
    return [
        CorrectionView(
            code=code,
            event=TimedEvent(c.event),
            stated_at=c.stated_at,
            recorded_at=c.recorded_at,
            clerk_name=names.get(c.clerk_id) if c.clerk_id is not None else None,
            manager_name=names.get(c.manager_id, ""),
            reason=c.reason,
        )
        for c, code in rows
    ]
