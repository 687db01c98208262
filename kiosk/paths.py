"""Where the shipped resources and the user's data live."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "kiosk-mot-cua"


def resources_dir() -> Path:
    """The project's `resources/` folder (fonts, translations, styles).

    KIOSK_RESOURCES overrides it for installs that place the folder elsewhere.
    """
    override = os.environ.get("KIOSK_RESOURCES")
    if override:
        return Path(override)
    return Path(__file__).resolve().parent.parent / "resources"


def user_data_dir() -> Path:
    # platformdirs is imported here, not at module level: the start path does not need it.
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False, ensure_exists=True)


def default_database_url() -> str:
    return f"sqlite:///{user_data_dir() / 'kiosk.sqlite3'}"


def signing_key_path(configured: str | None) -> Path:
    return Path(configured) if configured else user_data_dir() / "receipt-signing.key"


def station_key_path(configured: str | None) -> Path:
    """This machine's own Ed25519 key, which signs the ratings its stations record."""
    return Path(configured) if configured else user_data_dir() / "station-signing.key"
