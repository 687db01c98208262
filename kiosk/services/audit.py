"""The audit log: every change a clerk or manager makes, written in the change's own transaction."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from kiosk.db.models import AuditEvent


def record_audit(
    session: Session,
    *,
    at: datetime,
    station: str,
    action: str,
    subject: str,
    clerk_id: int | None = None,
    details: dict[str, Any] | None = None,
) -> None:
    session.add(
        AuditEvent(
            at=at,
            station=station,
            clerk_id=clerk_id,
            action=action,
            subject=subject,
            details=details or {},
        )
    )
