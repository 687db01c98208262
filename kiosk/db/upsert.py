"""The INSERT … ON CONFLICT of the database in use: SQLite and PostgreSQL each have their own.

Only the dialect in use is imported: PostgreSQL's brings asyncio and its drivers' modules, some
50 ms on the kiosk's way to its data, for nothing on the embedded SQLite file."""

from __future__ import annotations

from typing import Any


def upsert_dialect(dialect_name: str) -> Any:
    """The dialect module whose `insert(...)` has `on_conflict_do_update`."""
    if dialect_name == "postgresql":
        from sqlalchemy.dialects import postgresql

        return postgresql
    from sqlalchemy.dialects import sqlite

    return sqlite
