"""Schema migrations (Alembic), and the cheap check the start path uses to skip them."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, inspect, text

# The newest migration's id. Kept here so a start-up that finds the schema current never imports
# Alembic (a quarter of a second); tests/kiosk/test_migrations.py checks it against the scripts.
HEAD_REVISION = "0013"

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def ensure_current(engine: Engine) -> bool:
    """Upgrades the schema if it is behind; returns whether it had to."""
    if current_revision(engine) == HEAD_REVISION:
        return False
    upgrade(engine)
    return True
