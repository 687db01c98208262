"""Each station says it is alive; the manager sees which kiosks have gone quiet."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.dialects import postgresql, sqlite

from kiosk.clock import CONTACT_SECONDS
from kiosk.db.models import Station
from kiosk.services.base import StationUseCases

# Ten missed reports during opening hours is an alert.
SILENT_AFTER = timedelta(seconds=10 * CONTACT_SECONDS)


class StationService(StationUseCases):
    def report_contact(self, kind: str) -> None:
        now = self._clock()
        with self._factory.begin() as session:
            dialect = sqlite if session.get_bind().dialect.name == "sqlite" else postgresql
            statement = dialect.insert(Station).values(
                name=self._station, kind=kind, first_contact_at=now, last_contact_at=now
            )
            session.execute(
                statement.on_conflict_do_update(
                    index_elements=[Station.name],
                    set_={"kind": kind, "last_contact_at": now},
                )
            )
