"""What every use-case class is given: the session factory, who acts, the clock, the office."""

from __future__ import annotations

from sqlalchemy.orm import Session

from kiosk.clock import Clock, office_now
from kiosk.db.session import SessionFactory
from kiosk.services.offices import find_office


class StationUseCases:
    """Each public method of a subclass is one transaction, committed before it returns."""

    def __init__(
        self,
        factory: SessionFactory,
        *,
        station: str,
        clock: Clock = office_now,
        office_code: str | None = None,
    ) -> None:
        self._factory = factory
        self._station = station
        self._clock = clock
        self._office_code = office_code
        self._known_office_id: int | None = None

    def _office_id(self, session: Session) -> int:
        """The id of the office this station works for: every query and change is limited to
        it. An office's id never changes, so it is looked up once per station."""
        if self._known_office_id is None:
            self._known_office_id = find_office(session, self._office_code).id
        return self._known_office_id
