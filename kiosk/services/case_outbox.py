"""The kiosk's outbox for feedback cases: petitions and call-back requests the central database
could not take yet, in the same file as the ratings' outbox (synchronous=FULL), in tap order.

Each is forwarded exactly once: opening a case with the kiosk-chosen id, or asking again for a
call-back, changes nothing the second time. The contact stays on the kiosk's disk only until the
case is forwarded."""

from __future__ import annotations

import json
import sqlite3
import threading
import uuid
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime

from kiosk.kiosk_case import CaseContact, CaseRequest

SCHEMA = """CREATE TABLE IF NOT EXISTS case_outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id TEXT NOT NULL UNIQUE,
    tapped_at TEXT NOT NULL,
    request TEXT NOT NULL,
    refused TEXT
)"""

Connect = Callable[[], AbstractContextManager[sqlite3.Connection]]


def _to_json(request: CaseRequest) -> str:
    contact = request.contact
    return json.dumps(
        {
            "rating_id": str(request.rating_id) if request.rating_id else None,
            "subject": request.subject,
            "text": request.text,
            "contact": [contact.name, contact.phone] if contact else None,
        },
        ensure_ascii=False,
    )


def _from_json(case_id: str, tapped_at: str, text: str) -> CaseRequest:
    data = json.loads(text)
    contact = data["contact"]
    return CaseRequest(
        uuid.UUID(case_id),
        datetime.fromisoformat(tapped_at),
        CaseContact(*contact) if contact else None,
        rating_id=uuid.UUID(data["rating_id"]) if data["rating_id"] else None,
        subject=data["subject"],
        text=data["text"],
    )


class CaseOutbox:
    def __init__(self, connect: Connect, lock: threading.Lock) -> None:
        self._connect = connect  # the ratings' outbox file, its pragmas and transactions
        self._lock = lock
        with self._connect() as connection:
            connection.execute(SCHEMA)

    def put(self, request: CaseRequest) -> None:
        with self._lock, self._connect() as connection:
            connection.execute(
                "INSERT OR IGNORE INTO case_outbox (case_id, tapped_at, request) VALUES (?, ?, ?)",
                (str(request.case_id), request.at.isoformat(), _to_json(request)),
            )

    def waiting(self) -> list[CaseRequest]:
        """Still to forward, oldest first (those the server refused are not)."""
        with self._lock, self._connect() as connection:
            rows = connection.execute(
                "SELECT case_id, tapped_at, request FROM case_outbox WHERE refused IS NULL "
                "ORDER BY seq"
            ).fetchall()
        return [_from_json(*row) for row in rows]

    def count(self) -> int:
        with self._lock, self._connect() as connection:
            row = connection.execute("SELECT count(*) FROM case_outbox WHERE refused IS NULL")
            return int(row.fetchone()[0])

    def forwarded(self, case_id: uuid.UUID) -> None:
        with self._lock, self._connect() as connection:
            connection.execute("DELETE FROM case_outbox WHERE case_id = ?", (str(case_id),))

    def refused(self, case_id: uuid.UUID, reason: str) -> None:
        """Kept for staff to see, never forwarded again; the contact goes, the request stays."""
        with self._lock, self._connect() as connection:
            connection.execute(
                "UPDATE case_outbox SET refused = ?, request = json_set(request, '$.contact', "
                "json('null')) WHERE case_id = ?",
                (reason, str(case_id)),
            )
