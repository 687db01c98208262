"""Engines and session factories for SQLite (one kiosk) and PostgreSQL (an office of stations)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

SessionFactory = sessionmaker[Session]


def _tune_sqlite(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets the kiosk read while a clerk writes; FULL makes a commit survive a power cut,
    # which is what "acknowledged" must mean at an unattended kiosk.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(url: str, **kwargs: Any) -> Engine:
    if url.startswith("postgresql"):
        # A shared server can restart or drop off the network: check a pooled connection before
        # use, and give up connecting after a few seconds so a kiosk can fall back to its outbox.
        kwargs.setdefault("pool_pre_ping", True)
        kwargs.setdefault("connect_args", {"connect_timeout": 3})
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _tune_sqlite)
    return engine


def make_session_factory(engine: Engine) -> SessionFactory:
    # Objects stay readable after commit: services hand plain values back to the UI.
    return sessionmaker(engine, expire_on_commit=False)
