"""A dossier's status, derived from its timings and never stored."""

from __future__ import annotations

import enum
from datetime import date, datetime

from kiosk.i18n import N_


class DossierStatus(enum.Enum):
    PROCESSING = "processing"
    EARLY = "early"
    ON_TIME = "on-time"
    LATE = "late"


def dossier_status(due_at: datetime, returned_at: datetime | None, today: date) -> DossierStatus:
    """Early before the appointment day, on time on it, late after it.

    The original appointment decides: a dossier re-appointed with an apology stays late, and one
    not yet returned is late as soon as its appointment day has passed.
    """
    due_day = due_at.date()
    if returned_at is None:
        return DossierStatus.LATE if today > due_day else DossierStatus.PROCESSING
    returned_day = returned_at.date()
    if returned_day < due_day:
        return DossierStatus.EARLY
    if returned_day == due_day:
        return DossierStatus.ON_TIME
    return DossierStatus.LATE


STATUS_LABELS = {
    DossierStatus.PROCESSING: N_("processing"),
    DossierStatus.EARLY: N_("early"),
    DossierStatus.ON_TIME: N_("on time"),
    DossierStatus.LATE: N_("late"),
}

# Quick choices for why a result will be late (the reason on the Form 04 apology letter).
# Since 1 July 2025 local government has two levels, province and commune: no district to wait for.
DELAY_REASONS = (
    N_("Waiting for verification with another agency"),
    N_("Waiting for the opinion of a province-level department"),
    N_("Waiting for the commune People's Committee to verify on site"),
    N_("The signing officer is away on duty"),
    N_("The dossier needs more documents from the citizen"),
)
