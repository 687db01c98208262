"""What the kiosk tells a citizen about their dossier's progress, in the words of the forms:
the appointment, and when it was missed, the apology, the original date and the new one.

Qt-free, so the dossier and thank-you screens, and a test, read the same sentences."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kiosk.i18n import N_, Translator
from kiosk.status import STATUS_LABELS, DossierStatus
from kiosk.views import DossierInfo

APOLOGY = N_("We sincerely apologise: your result was not ready by the appointment.")


@dataclass(frozen=True)
class Progress:
    late: bool  # drawn as a warning; anything else is drawn plainly
    status: str  # "Status: on time"
    lines: tuple[str, ...]  # dates and the apology, one sentence a line


def when(moment: datetime) -> str:
    return f"{moment:%H:%M} {moment:%d/%m/%Y}"


def dossier_progress(dossier: DossierInfo, tr: Translator) -> Progress:
    status = tr("Status: {status}", status=tr(STATUS_LABELS[dossier.status]))
    late = dossier.status is DossierStatus.LATE
    lines: list[str] = []
    if late:
        lines.append(tr(APOLOGY))
        lines.append(tr("Original appointment: {when}", when=when(dossier.due_at)))
    if dossier.returned_at is not None:
        lines.append(tr("Result returned on {when}", when=f"{dossier.returned_at:%d/%m/%Y}"))
    elif dossier.reappointed_due_at is not None:
        lines.append(tr("New appointment: {when}", when=when(dossier.reappointed_due_at)))
    elif not late:
        lines.append(tr("Appointment: {when}", when=when(dossier.due_at)))
    return Progress(late=late, status=status, lines=tuple(lines))


def appointment_reminder(dossier: DossierInfo, tr: Translator) -> str:
    """For a dossier still open: when to come back for the result; empty once returned."""
    if dossier.returned_at is not None:
        return ""
    due = dossier.reappointed_due_at or dossier.due_at
    return tr("Please come back for your result at {when}.", when=when(due))
