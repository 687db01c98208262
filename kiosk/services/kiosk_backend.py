"""What the citizen's kiosk asks of the database: the office, its services, a dossier, a save."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from kiosk.answers import RatingInput
from kiosk.db.models import Rating
from kiosk.services.base import StationUseCases
from kiosk.services.offices import find_office, list_services, office_view
from kiosk.services.ratings import RatingService, RecordedRating
from kiosk.services.stations import StationService
from kiosk.services.tickets import find_ticket
from kiosk.status import ticket_status
from kiosk.views import DossierInfo, OfficeView, ServiceView


@dataclass(frozen=True)
class KioskStart:
    office: OfficeView
    services: list[ServiceView]


class KioskBackend(StationUseCases):
    def start(self) -> KioskStart:
        self.report_contact()
        with self._factory() as session:
            office = find_office(session, self._office_code)
            return KioskStart(office_view(office), list_services(session))

    def report_contact(self) -> None:
        """Every minute: the manager is told when a kiosk goes quiet during opening hours."""
        StationService(
            self._factory, station=self._station, clock=self._clock, office_code=self._office_code
        ).report_contact("kiosk")

    def lookup(self, code: str) -> DossierInfo:
        with self._factory() as session:
            ticket = find_ticket(session, code)
            rated = session.scalar(select(Rating.id).where(Rating.ticket_id == ticket.id))
            return DossierInfo(
                code=ticket.code,
                service_code=ticket.service.code,
                service_name_vi=ticket.service.name_vi,
                service_name_en=ticket.service.name_en,
                counter=ticket.clerk.counter,
                status=ticket_status(ticket.due_at, ticket.returned_at, self._clock().date()),
                due_at=ticket.due_at,
                returned_at=ticket.returned_at,
                reappointed_due_at=ticket.reappointed_due_at,
                reappointment_reason=ticket.reappointment_reason,
                already_rated=rated is not None,
            )

    def record(self, answers: RatingInput, *, rating_id: uuid.UUID, at: datetime) -> RecordedRating:
        ratings = RatingService(
            self._factory, station=self._station, clock=self._clock, office_code=self._office_code
        )
        return ratings.record(answers, rating_id=rating_id, at=at)
