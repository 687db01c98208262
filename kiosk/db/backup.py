"""The nightly backup of the embedded database: SQLite's online backup (consistent while the
kiosk keeps writing), one file a day in the backup folder, the oldest removed after `keep`
days. A shared PostgreSQL database is backed up on its server with pg_dump (README)."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy.engine import make_url

from kiosk.atomic_file import write_atomically
from kiosk.errors import InvalidInputError, StorageError
from kiosk.i18n import N_

NAME = re.compile(r"^kiosk-(\d{4}-\d{2}-\d{2})\.sqlite3$")


@dataclass(frozen=True)
class BackupResult:
    written: Path
    removed: list[Path]


def _copy_into(source: sqlite3.Connection, path: Path) -> None:
    copy = sqlite3.connect(path)
    try:
        with copy:
            source.backup(copy)
    finally:
        copy.close()


def backup_sqlite(database_url: str, folder: Path, today: date, keep_days: int) -> BackupResult:
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite" or not url.database:
        raise InvalidInputError(
            N_("Only the embedded SQLite database is backed up here; use pg_dump on the server.")
        )
    target = folder / f"kiosk-{today.isoformat()}.sqlite3"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        source = sqlite3.connect(f"file:{url.database}?mode=ro", uri=True)
        try:
            # A backup is whole or absent, never half a file.
            write_atomically(target, lambda partial: _copy_into(source, partial))
        finally:
            source.close()
    except (OSError, sqlite3.Error) as error:
        raise StorageError(
            N_("The backup to {path} failed: {problem}"), path=folder, problem=error
        ) from error
    removed = []
    oldest_kept = today - timedelta(days=keep_days - 1)
    for old in sorted(folder.iterdir()):
        match = NAME.match(old.name)
        if match and date.fromisoformat(match[1]) < oldest_kept:
            old.unlink()
            removed.append(old)
    return BackupResult(target, removed)
