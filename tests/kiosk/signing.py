"""Keys for tests: the office's receipt key and this machine's station key in the test's own
data directory (XDG_DATA_HOME is per test), and the station key registered by a manager."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from kiosk.db.models import Clerk, ClerkRole
from kiosk.db.open import Database
from kiosk.paths import signing_key_path, station_key_path
from kiosk.receipt_signing import create_receipt_key, load_receipt_key
from kiosk.services.clerks import add_clerk, clerk_view
from kiosk.services.key_registry import register_station_key
from kiosk.services.offices import find_office
from kiosk.station_keys import StationSigner, create_station_signer, load_station_signer
from tests.conftest import NOW

MANAGER_COUNTER, MANAGER_PIN = 9, "9999"


def machine_keys(folder: Path | None = None) -> tuple[bytes, StationSigner]:
    """The two key files (made when missing) in the data directory, or in `folder`."""
    receipt, station = signing_key_path(None), station_key_path(None)
    if folder is not None:
        receipt, station = folder / receipt.name, folder / station.name
    office_key = load_receipt_key(receipt) if receipt.exists() else create_receipt_key(receipt)
    signer = load_station_signer(station) if station.exists() else create_station_signer(station)
    return office_key, signer


def add_manager(database: Database, office_code: str | None = None) -> int:
    with database.factory.begin() as session:
        office = find_office(session, office_code)
        manager = session.scalars(
            select(Clerk).where(Clerk.office_id == office.id, Clerk.role == ClerkRole.MANAGER)
        ).first()
        if manager is None:
            manager = add_clerk(
                session,
                office,
                display_name="Lê Văn Quản",
                counter=MANAGER_COUNTER,
                role=ClerkRole.MANAGER,
                pin=MANAGER_PIN,
                at=NOW,
                station="test",
            )
            session.flush()
        return manager.id


def sign_stations(
    database: Database,
    *stations: str,
    office_code: str | None = None,
    folder: Path | None = None,
) -> StationSigner:
    """This machine's key, registered for `stations` by the office's manager."""
    office_key, signer = machine_keys(folder)
    add_manager(database, office_code)
    with database.factory.begin() as session:
        office = find_office(session, office_code)
        manager = session.scalars(
            select(Clerk).where(Clerk.office_id == office.id, Clerk.role == ClerkRole.MANAGER)
        ).one()
        for station in stations:
            register_station_key(
                session,
                office,
                station=station,
                public_key=signer.public_hex,
                manager=clerk_view(manager),
                office_key=office_key,
                at=NOW,
                acting_station="test",
            )
            session.flush()
    return signer
