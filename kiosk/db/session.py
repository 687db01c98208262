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


def write_lock(session: Session) -> None:
    """On SQLite, take the database's write lock before a read-then-write transaction reads: a
    station's last hash and its next rating then come from one locked moment, and the lock is
    waited for (busy timeout) like any write. A transaction that has read first cannot wait: once
    another connection's commit (a large import beside the kiosk) overtakes what it read, SQLite
    fails it at once with "database is locked". PostgreSQL needs nothing here."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return
    driver = connection.connection.driver_connection
    if driver is not None and not driver.in_transaction:  # nothing written in it yet
        connection.exec_driver_sql("BEGIN IMMEDIATE")
