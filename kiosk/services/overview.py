"""What a station shows first: its office and the services on offer."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.db.open import open_database
from kiosk.services.offices import find_office, list_services, office_view
from kiosk.views import OfficeView, ServiceView


@dataclass(frozen=True)
class StationOverview:
    office: OfficeView
    services: list[ServiceView]


def load_overview(database_url: str | None, office_code: str | None) -> StationOverview:
    """Opens (and, for the embedded default, migrates) the database and reads the office."""
    database = open_database(database_url)
    try:
        with database.factory() as session:
            office = find_office(session, office_code)
            return StationOverview(office_view(office), list_services(session))
    finally:
        database.engine.dispose()
