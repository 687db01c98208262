"""A dossier's status, derived from its timings and never stored."""

from __future__ import annotations

import enum
from datetime import date, datetime

from kiosk.i18n import N_


class TicketStatus(enum.Enum):
    PROCESSING = "processing"
    EARLY = "early"
    ON_TIME = "on-time"
    LATE = "late"


def ticket_status(due_at: datetime, returned_at: datetime | None, today: date) -> TicketStatus:
    """Early before the appointment day, on time on it, late after it.

    The original appointment decides: a dossier re-appointed with an apology stays late, and one
    not yet returned is late as soon as its appointment day has passed.
    """
    due_day = due_at.date()
    if returned_at is None:
        return TicketStatus.LATE if today > due_day else TicketStatus.PROCESSING
    returned_day = returned_at.date()
    if returned_day < due_day:
        return TicketStatus.EARLY
    if returned_day == due_day:
        return TicketStatus.ON_TIME
    return TicketStatus.LATE


STATUS_LABELS = {
    TicketStatus.PROCESSING: N_("processing"),
    TicketStatus.EARLY: N_("early"),
    TicketStatus.ON_TIME: N_("on time"),
    TicketStatus.LATE: N_("late"),
}
