"""Opening the database a station is configured for, migrated to the current schema."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from kiosk.db.migrate import HEAD_REVISION, current_revision, upgrade
from kiosk.db.session import SessionFactory, make_engine, make_session_factory
from kiosk.errors import StorageError
from kiosk.i18n import N_
from kiosk.paths import default_database_url


@dataclass(frozen=True)
class Database:
    url: str
    engine: Engine
    factory: SessionFactory


def open_database(url: str | None, *, migrate: bool | None = None) -> Database:
    """Opens `url` (or the embedded default) and brings its schema up to date.

    SQLite files are migrated on the spot: one kiosk, nobody else to ask. A shared PostgreSQL
    database is migrated only when asked (`kiosk db upgrade`), so that one station's update cannot
    change the schema under the others.
    """
    url = url or default_database_url()
    try:
        engine = make_engine(url)
        if migrate is None:
            migrate = engine.dialect.name == "sqlite"
        revision = current_revision(engine)
        if revision != HEAD_REVISION:
            if not migrate:
                raise StorageError(
                    N_("The database schema is out of date: run 'kiosk db upgrade'.")
                )
            upgrade(engine)
    except OperationalError as exc:
        raise StorageError(
            N_("Cannot open the database ({problem})."), problem=str(exc.orig).strip()
        ) from exc
    except SQLAlchemyError as exc:
        raise StorageError(N_("Cannot open the database ({problem})."), problem=exc) from exc
    return Database(url, engine, make_session_factory(engine))
