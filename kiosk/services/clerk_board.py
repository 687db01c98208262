"""The clerk's day at a glance: dossiers due today, due on the next working day, overdue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import func, or_, select
from sqlalchemy.orm import joinedload

from kiosk.db.models import Dossier
from kiosk.services.base import StationUseCases
from kiosk.services.dossiers import dossier_view
from kiosk.services.offices import find_office, office_calendar
from kiosk.text import nfc
from kiosk.views import DossierView


@dataclass(frozen=True)
class Board:
    today: date
    next_working_day: date
    overdue: list[DossierView]
    due_today: list[DossierView]
    due_next: list[DossierView]  # flagged: a delay must be announced a working day ahead


def effective_due(view: DossierView) -> date:
    return (view.reappointed_due_at or view.due_at).date()


class ClerkBoardService(StationUseCases):
    def board(self) -> Board:
        today = self._clock().date()
        with self._factory() as session:
            office = find_office(session, self._office_code)
            next_day = office_calendar(office).next_working_day(today)
            horizon = datetime.combine(next_day, time.max)
            due = func.coalesce(Dossier.reappointed_due_at, Dossier.due_at)
            dossiers = session.scalars(
                select(Dossier)
                .where(
                    Dossier.office_id == office.id, Dossier.returned_at.is_(None), due <= horizon
                )
                .options(joinedload(Dossier.service), joinedload(Dossier.clerk))
                .order_by(due, Dossier.code)
            ).all()
            views = [dossier_view(t, today) for t in dossiers]
        return Board(
            today=today,
            next_working_day=next_day,
            overdue=[v for v in views if effective_due(v) < today],
            due_today=[v for v in views if effective_due(v) == today],
            due_next=[v for v in views if today < effective_due(v) <= next_day],
        )

    def search(self, text: str, limit: int = 50) -> list[DossierView]:
        """Dossiers whose code or citizen's name contains `text`, newest first."""
        needle = f"%{nfc(text).strip()}%"
        today = self._clock().date()
        with self._factory() as session:
            dossiers = session.scalars(
                select(Dossier)
                .where(or_(Dossier.code.ilike(needle), Dossier.citizen_name.ilike(needle)))
                .options(joinedload(Dossier.service), joinedload(Dossier.clerk))
                .order_by(Dossier.received_at.desc())
                .limit(limit)
            ).all()
            return [dossier_view(t, today) for t in dossiers]
