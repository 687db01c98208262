"""The counter's two other answers to a citizen (Circular 03/2025): Form 02, asking for missing
or incomplete papers, and Form 03, refusing a dossier. Both are recorded and audited.

While a dossier waits for the citizen after its first Form 02, the office's clock stops: when the
papers come back, the appointment moves by the working days waited. A second Form 02 stops
nothing (the law counts asking twice against the office), and each one lowers indicator 3.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.orm import Session

from kiosk.db.models import Dossier, SupplementRequest
from kiosk.errors import ConflictError, InvalidInputError
from kiosk.i18n import N_
from kiosk.services.audit import record_audit
from kiosk.services.base import StationUseCases
from kiosk.services.dossier_changes import kept_here
from kiosk.services.dossier_reads import dossier_view, find_clerk, find_dossier
from kiosk.services.offices import office_calendar
from kiosk.text import nfc
from kiosk.views import DossierView

MAX_LINE = 300


def _still_open(dossier: Dossier) -> None:
    """Form 02 and Form 03 are for a dossier the office still holds."""
    kept_here(dossier)
    if dossier.refused_at is not None:
        raise ConflictError(
            N_("Dossier {code} was refused on {when}."),
            code=dossier.code,
            when=f"{dossier.refused_at:%d/%m/%Y}",
        )
    if dossier.returned_at is not None:
        raise ConflictError(N_("Dossier {code} has already been returned."), code=dossier.code)


def _clean_reason(reason: str) -> str:
    reason = nfc(reason).strip()
    if not reason:
        raise InvalidInputError(N_("Give the reason."))
    return reason[: MAX_LINE * 3]


def waiting_supplement(dossier: Dossier) -> SupplementRequest | None:
    """The Form 02 whose papers the citizen has not brought yet, if any."""
    return next((s for s in dossier.supplements if s.returned_at is None), None)


def request_supplement(
    session: Session,
    dossier: Dossier,
    *,
    missing: Sequence[str],
    reason: str,
    clerk_id: int | None,
    at: datetime,
    station: str,
) -> SupplementRequest:
    _still_open(dossier)
    due = dossier.reappointed_due_at or dossier.due_at
    if at.date() > due.date():
        # Otherwise a Form 02 written after the fact would move a late dossier's appointment.
        raise ConflictError(
            N_(
                "Dossier {code} is past its appointment: papers can no longer be asked for; "
                "apologise and re-appoint it (Form 04)."
            ),
            code=dossier.code,
        )
    if waiting_supplement(dossier) is not None:
        raise ConflictError(
            N_("Dossier {code} is already waiting for the citizen's papers."), code=dossier.code
        )
    lines = [line[:MAX_LINE] for line in (nfc(m).strip() for m in missing) if line]
    if not lines:
        raise InvalidInputError(N_("Say what the citizen must bring or complete."))
    clerk = find_clerk(session, dossier.office.id, clerk_id)
    request = SupplementRequest(
        dossier=dossier,
        number=len(dossier.supplements) + 1,
        issued_at=at,
        clerk_id=clerk.id,
        missing=lines,
        reason=_clean_reason(reason),
    )
    session.add(request)
    record_audit(
        session,
        at=at,
        station=station,
        clerk_id=clerk.id,
        action="ticket.supplement",
        subject=dossier.code,
        details={"number": request.number, "missing": lines, "reason": request.reason},
    )
    return request


def supplement_returned(
    session: Session, dossier: Dossier, *, clerk_id: int | None, at: datetime, station: str
) -> None:
    kept_here(dossier)
    request = waiting_supplement(dossier)
    if request is None:
        raise ConflictError(N_("Dossier {code} is not waiting for any papers."), code=dossier.code)
    if at < request.issued_at:
        raise InvalidInputError(N_("The papers cannot come back before they were asked for."))
    request.returned_at = at
    details: dict[str, object] = {"number": request.number}
    if request.number == 1:
        calendar = office_calendar(dossier.office)
        waited = calendar.working_days_between(request.issued_at.date(), at.date())
        if waited:
            due_day = calendar.add_working_days(dossier.due_at.date(), waited)
            details |= {"due_at_before": dossier.due_at.isoformat(), "working_days": waited}
            dossier.due_at = datetime.combine(due_day, dossier.due_at.time())
    record_audit(
        session,
        at=at,
        station=station,
        clerk_id=clerk_id,
        action="ticket.supplement_returned",
        subject=dossier.code,
        details=details,
    )


def refuse_dossier(
    session: Session,
    dossier: Dossier,
    *,
    reason: str,
    clerk_id: int | None,
    at: datetime,
    station: str,
) -> None:
    _still_open(dossier)
    dossier.refused_at = at
    dossier.refusal_reason = _clean_reason(reason)
    record_audit(
        session,
        at=at,
        station=station,
        clerk_id=clerk_id,
        action="ticket.refuse",
        subject=dossier.code,
        details={"reason": dossier.refusal_reason},
    )


class CounterFormService(StationUseCases):
    """Form 02 and Form 03 from the desk and the command line, each in one transaction."""

    def request_supplement(
        self, code: str, *, missing: Sequence[str], reason: str, clerk_id: int | None = None
    ) -> DossierView:
        with self._factory.begin() as session:
            dossier = self._dossier(session, code)
            request_supplement(
                session,
                dossier,
                missing=missing,
                reason=reason,
                clerk_id=clerk_id,
                at=self._clock(),
                station=self._station,
            )
            session.flush()
            return dossier_view(dossier, self._clock().date())

    def supplement_returned(self, code: str, *, clerk_id: int | None = None) -> DossierView:
        with self._factory.begin() as session:
            dossier = self._dossier(session, code)
            supplement_returned(
                session, dossier, clerk_id=clerk_id, at=self._clock(), station=self._station
            )
            return dossier_view(dossier, self._clock().date())

    def refuse(self, code: str, *, reason: str, clerk_id: int | None = None) -> DossierView:
        with self._factory.begin() as session:
            dossier = self._dossier(session, code)
            refuse_dossier(
                session,
                dossier,
                reason=reason,
                clerk_id=clerk_id,
                at=self._clock(),
                station=self._station,
            )
            return dossier_view(dossier, self._clock().date())

    def _dossier(self, session: Session, code: str) -> Dossier:
        return find_dossier(session, code, office_id=self._office_id(session))
