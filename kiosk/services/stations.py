"""Each station says it is alive; the manager sees which kiosks have gone quiet.

A station works for one office: its first report names the office, and a station of the same
name reporting for another office is refused (two offices' kiosks named alike would otherwise
show up in each other's alerts)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from kiosk.clock import CONTACT_SECONDS
from kiosk.db.models import Office, Station
from kiosk.db.upsert import upsert_dialect
from kiosk.errors import ConflictError
from kiosk.i18n import N_
from kiosk.services.base import StationUseCases

# Ten missed reports during opening hours is an alert.
SILENT_AFTER = timedelta(seconds=10 * CONTACT_SECONDS)


def stations_of(session: Session, office_id: int) -> ColumnElement[bool]:
    """The condition for a station to be the office's. Stations that have not reported since
    revision 0010 have no office: they are the database's only office's, and no one's once it
    has several (their next report names the office)."""
    mine = Station.office_id == office_id
    if session.scalar(select(func.count()).select_from(Office)) == 1:
        return or_(mine, Station.office_id.is_(None))
    return mine


class StationService(StationUseCases):
    def report_contact(self, kind: str) -> None:
        now = self._clock()
        with self._factory.begin() as session:
            office_id = self._office_id(session)
            dialect = upsert_dialect(session.get_bind().dialect.name)
            statement = dialect.insert(Station).values(
                name=self._station,
                kind=kind,
                first_contact_at=now,
                last_contact_at=now,
                office_id=office_id,
            )
            owner = session.execute(
                statement.on_conflict_do_update(
                    index_elements=[Station.name],
                    # A station from before revision 0010 takes the office it reports for.
                    set_={
                        "kind": kind,
                        "last_contact_at": now,
                        "office_id": func.coalesce(Station.office_id, office_id),
                    },
                ).returning(Station.office_id)
            ).scalar_one()
            if owner != office_id:
                raise ConflictError(
                    N_("Station {station} works for another office: give it its own name."),
                    station=self._station,
                )
