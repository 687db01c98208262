"""The clerk's day at a glance: dossiers due today, due on the next working day, overdue.

The groups are kiosk.services.due_dossiers's, the same the manager's glance counts. The board
is the whole office's (a clerk covers a colleague's dossiers); one clerk's share of it adds up
to it with the others' and the imported dossiers'."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import joinedload

from kiosk.db.models import Dossier
from kiosk.services.base import StationUseCases
from kiosk.services.dossier_reads import dossier_view
from kiosk.services.due_dossiers import DueGroup, due_days, due_dossiers
from kiosk.services.offices import find_office
from kiosk.text import nfc
from kiosk.views import DossierView


@dataclass(frozen=True)
class Board:
    today: date
    next_working_day: date
    overdue: list[DossierView]
    due_today: list[DossierView]
    due_next: list[DossierView]  # flagged: a delay must be announced a working day ahead
    clerk_id: int | None = None  # whose dossiers: None for the whole office


def effective_due(view: DossierView) -> date:
    """The appointment in force: the new one after a re-appointment."""
    return (view.reappointed_due_at or view.due_at).date()


class ClerkBoardService(StationUseCases):
    def board(self, clerk_id: int | None = None) -> Board:
        """The office's board, or with `clerk_id` that clerk's own dossiers on it."""
        today = self._clock().date()
        with self._factory() as session:
            office = find_office(session, self._office_code)
            days = due_days(office, today)
            grouped = [
                (group, dossier_view(d, today))
                for group, d in due_dossiers(session, office, days)
                if clerk_id is None or d.clerk_id == clerk_id
            ]

        def of(wanted: DueGroup) -> list[DossierView]:
            return [view for group, view in grouped if group is wanted]

        return Board(
            today=today,
            next_working_day=days.next_working_day,
            overdue=of(DueGroup.OVERDUE),
            due_today=of(DueGroup.DUE_TODAY),
            due_next=of(DueGroup.DUE_NEXT),
            clerk_id=clerk_id,
        )

    def search(self, text: str, limit: int = 50) -> list[DossierView]:
        """Dossiers whose code or citizen's name contains `text`, newest first."""
        needle = f"%{nfc(text).strip()}%"
        today = self._clock().date()
        with self._factory() as session:
            office = find_office(session, self._office_code)
            dossiers = session.scalars(
                select(Dossier)
                .where(
                    Dossier.office_id == office.id,
                    or_(Dossier.code.ilike(needle), Dossier.citizen_name.ilike(needle)),
                )
                .options(joinedload(Dossier.service), joinedload(Dossier.clerk))
                .order_by(Dossier.received_at.desc())
                .limit(limit)
            ).all()
            return [dossier_view(t, today) for t in dossiers]
