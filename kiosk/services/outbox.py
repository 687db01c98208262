"""A kiosk's outbox: ratings the central database could not take yet, kept on the kiosk's own
disk (a small SQLite file, synchronous=FULL) in the order the citizens tapped, until they can be
forwarded — each exactly once, since a rating's UUID makes forwarding idempotent."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, time
from pathlib import Path

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from kiosk.answers import RatingChannel, RatingInput, Satisfaction
from kiosk.services.case_outbox import CaseOutbox
from kiosk.views import OfficeView, ServiceView

TIME_FIELDS = ("opening_time", "closing_time", "afternoon_cutoff")

SCHEMA = (
    """CREATE TABLE IF NOT EXISTS outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        rating_id TEXT NOT NULL UNIQUE,
        tapped_at TEXT NOT NULL,
        answers TEXT NOT NULL,
        refused TEXT
    )""",
    # The office and its services as last read: a kiosk that starts while the server is away
    # can still take walk-in ratings.
    "CREATE TABLE IF NOT EXISTS last_start (id INTEGER PRIMARY KEY CHECK (id = 1), body TEXT)",
)


@dataclass(frozen=True)
class OutboxItem:
    rating_id: uuid.UUID
    at: datetime
    answers: RatingInput


def central_unreachable(error: BaseException) -> bool:
    """The server is away (refused, dropped, timed out), as opposed to refusing the rating."""
    if isinstance(error, OperationalError | InterfaceError):
        return True
    return isinstance(error, DBAPIError) and error.connection_invalidated


def _to_json(answers: RatingInput) -> str:
    return json.dumps(
        {
            "satisfaction": answers.satisfaction.value,
            "ticket_code": answers.dossier_code,
            "service_code": answers.service_code,
            "contacts_score": answers.contacts_score,
            "agencies_score": answers.agencies_score,
            "conduct_complaint": answers.conduct_complaint,
            "reasons": list(answers.reasons),
            "comment": answers.comment,
            "partial": answers.partial,
            "channel": answers.channel.value,
            "case_id": str(answers.case_id) if answers.case_id else None,
        },
        ensure_ascii=False,
    )


def _from_json(text: str) -> RatingInput:
    data = json.loads(text)
    return RatingInput(
        Satisfaction(data["satisfaction"]),
        dossier_code=data["ticket_code"],
        service_code=data["service_code"],
        contacts_score=data["contacts_score"],
        agencies_score=data["agencies_score"],
        conduct_complaint=data["conduct_complaint"],
        reasons=tuple(data["reasons"]),
        comment=data["comment"],
        partial=data["partial"],
        channel=RatingChannel(data["channel"]),
        # Rating a case's handling; absent from what a kiosk queued before cases existed.
        case_id=uuid.UUID(data["case_id"]) if data.get("case_id") else None,
    )


class RatingOutbox:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()
        with self._connect() as connection:
            connection.execute("PRAGMA journal_mode=WAL")
            for statement in SCHEMA:
                connection.execute(statement)
        # Petitions and call-back requests, beside the ratings they may refer to.
        self.cases = CaseOutbox(self._connect, self._lock)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        connection = sqlite3.connect(self.path, timeout=10)
        try:
            connection.execute("PRAGMA synchronous=FULL")  # a power cut keeps what was thanked for
            with connection:  # one transaction, committed on leaving
                yield connection
        finally:
            connection.close()

    def put(self, rating_id: uuid.UUID, at: datetime, answers: RatingInput) -> None:
        with self._lock, self._connect() as connection:
            connection.execute(
                "INSERT OR IGNORE INTO outbox (rating_id, tapped_at, answers) VALUES (?, ?, ?)",
                (str(rating_id), at.isoformat(), _to_json(answers)),
            )

    def waiting(self) -> list[OutboxItem]:
        """What is still to forward, oldest first (ratings the server refused are not)."""
        with self._lock, self._connect() as connection:
            rows = connection.execute(
                "SELECT rating_id, tapped_at, answers FROM outbox WHERE refused IS NULL "
                "ORDER BY seq"
            ).fetchall()
        return [
            OutboxItem(uuid.UUID(r), datetime.fromisoformat(t), _from_json(a)) for r, t, a in rows
        ]

    def count(self) -> int:
        with self._lock, self._connect() as connection:
            return int(
                connection.execute("SELECT count(*) FROM outbox WHERE refused IS NULL").fetchone()[
                    0
                ]
            )

    def forwarded(self, rating_id: uuid.UUID) -> None:
        with self._lock, self._connect() as connection:
            connection.execute("DELETE FROM outbox WHERE rating_id = ?", (str(rating_id),))

    def refused(self, rating_id: uuid.UUID, reason: str) -> None:
        """The server said no (say, the dossier was rated meanwhile at another kiosk): kept on
        the kiosk for staff to see, never forwarded again, never silently dropped."""
        with self._lock, self._connect() as connection:
            connection.execute(
                "UPDATE outbox SET refused = ? WHERE rating_id = ?", (reason, str(rating_id))
            )

    def remember_start(self, office: OfficeView, services: list[ServiceView]) -> None:
        body = {
            "office": {
                **dataclasses.asdict(office),
                **{k: getattr(office, k).isoformat() for k in TIME_FIELDS},
            },
            "services": [dataclasses.asdict(service) for service in services],
        }
        with self._lock, self._connect() as connection:
            connection.execute(
                "INSERT OR REPLACE INTO last_start (id, body) VALUES (1, ?)",
                (json.dumps(body, ensure_ascii=False),),
            )

    def last_start(self) -> tuple[OfficeView, list[ServiceView]] | None:
        with self._lock, self._connect() as connection:
            row = connection.execute("SELECT body FROM last_start WHERE id = 1").fetchone()
        if row is None:
            return None
        body = json.loads(row[0])
        office = body["office"]
        for key in TIME_FIELDS:
            office[key] = time.fromisoformat(office[key])
        return OfficeView(**office), [ServiceView(**s) for s in body["services"]]
