"""Alembic environment: migrations run on the connection kiosk.db.migrate hands in."""

from __future__ import annotations

from alembic import context

import kiosk.db.models  # noqa: F401  (registers the tables on Base.metadata)
from kiosk.db.base import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things: batch mode rebuilds the table instead.
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
