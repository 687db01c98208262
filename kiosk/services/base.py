"""What every use-case class is given: the session factory, who acts, the clock, the office."""

from __future__ import annotations

from kiosk.clock import Clock, office_now
from kiosk.db.session import SessionFactory


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
