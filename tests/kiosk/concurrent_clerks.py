"""A clerk process for the concurrency tests: registers dossiers as fast as it can."""

from __future__ import annotations

from datetime import datetime

from kiosk.db.open import open_database
from kiosk.services.dossiers import DossierService


def register_many(url: str, clerk_id: int, count: int, received_at: datetime) -> list[str]:
    database = open_database(url)
    # Stamped by the clock: this clerk's clock reads the day the test chose.
    dossiers = DossierService(
        database.factory, station=f"clerk-{clerk_id}", clock=lambda: received_at
    )
    try:
        return [dossiers.register("HT-KS", clerk_id=clerk_id).code for _ in range(count)]
    finally:
        database.engine.dispose()
