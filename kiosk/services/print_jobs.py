"""Adding a print job, inside the transaction of the change it prints."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from kiosk.db.models import Dossier, PrintJob, PrintKind, PrintStatus


def enqueue(
    session: Session, dossier: Dossier, kind: PrintKind, *, station: str, at: datetime
) -> PrintJob:
    job = PrintJob(
        kind=kind,
        dossier_id=dossier.id,
        station=station,
        status=PrintStatus.QUEUED,
        attempts=0,
        created_at=at,
        updated_at=at,
    )
    session.add(job)
    return job
