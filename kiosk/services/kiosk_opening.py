"""Opening the citizen's kiosk: the database, the outbox when the database is a shared server,
and the office and its services. A kiosk on a shared server that cannot be reached at start
still opens, from the office and services it last read, and keeps its ratings in the outbox."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.config import Settings, named_for
from kiosk.db.open import open_database
from kiosk.db.session import make_engine, make_session_factory
from kiosk.errors import StorageError
from kiosk.paths import default_database_url, user_data_dir
from kiosk.services.kiosk_backend import KioskBackend, KioskStart
from kiosk.services.outbox import RatingOutbox
from kiosk.station_keys import StationSigner

if TYPE_CHECKING:
    from kiosk.services.public_results import MonthResultsReader


def outbox_for(url: str, station: str) -> RatingOutbox | None:
    """On the embedded SQLite file the kiosk is the database: the in-memory retry suffices."""
    if url.startswith("sqlite"):
        return None
    return RatingOutbox(user_data_dir() / f"outbox-{station}.sqlite3")


def open_kiosk(
    settings: Settings,
    month_results: MonthResultsReader | None = None,
    signer: StationSigner | None = None,
) -> tuple[KioskBackend, KioskStart]:
    settings = named_for(settings, "kiosk")
    url = settings.database_url or default_database_url()
    outbox = outbox_for(url, settings.station_name)
    station, office = settings.station_name, settings.office_code
    try:
        database = open_database(url)
    except StorageError:
        if outbox is None:
            raise
        # Unchecked schema, lazy connection: the outbox forwards once the server answers.
        factory = make_session_factory(make_engine(url))
        backend = KioskBackend(
            factory,
            station=station,
            office_code=office,
            outbox=outbox,
            month_results=month_results,
            signer=signer,
        )
        offline = backend.start_offline()
        if offline is None:
            raise
        return backend, offline
    backend = KioskBackend(
        database.factory,
        station=station,
        office_code=office,
        outbox=outbox,
        month_results=month_results,
        signer=signer,
    )
    return backend, backend.start()
