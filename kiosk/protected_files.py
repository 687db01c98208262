"""The files a kiosk cannot lose, and the check that no export or slip is written over one.

An `--out` typed on the command line may name the database, its journal, the settings or a key,
through a relative path, a symbolic link or another case of the same letters: all of them are
compared by where they lead, and refused with the path named.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterable
from dataclasses import fields
from pathlib import Path

from kiosk.config import Settings, config_path
from kiosk.errors import InvalidInputError
from kiosk.i18n import N_
from kiosk.paths import default_database_url, signing_key_path, user_data_dir

# SQLite keeps a database's unsaved pages and locks beside it under these suffixes.
SQLITE_COMPANIONS = ("", "-wal", "-shm", "-journal")
OUTBOX_PATTERN = "outbox-*.sqlite3"
BACKUP_PATTERN = "kiosk-*.sqlite3"


def _sqlite_file(url: str) -> Path | None:
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    database = parsed.database
    if parsed.get_backend_name() != "sqlite" or not database or database == ":memory:":
        return None
    if database.startswith("file:"):  # a URI filename: the path, without its query
        database = database[len("file:") :].split("?", 1)[0]
    return Path(database)


def _with_companions(database: Path) -> list[Path]:
    return [database.with_name(database.name + suffix) for suffix in SQLITE_COMPANIONS]


def kiosk_files(settings: Settings) -> list[Path]:
    """The database (with its journal files), the settings file, every file a setting names
    (`*_path`: the receipt key, a station key, the emblem), the key files, outboxes and backups
    in the kiosk's folders."""
    files = [config_path(), signing_key_path(settings.signing_key_path)]
    database = _sqlite_file(settings.database_url or default_database_url())
    if database is not None:
        files += _with_companions(database)
    for setting in fields(Settings):
        value = getattr(settings, setting.name)
        if setting.name.endswith("_path") and isinstance(value, str) and value:
            files.append(Path(value))
    data = user_data_dir()
    backups = Path(settings.backup_folder) if settings.backup_folder else data / "backups"
    for folder, pattern in ((data, "*.key"), (data, OUTBOX_PATTERN), (backups, BACKUP_PATTERN)):
        if folder.is_dir():
            for found in sorted(folder.glob(pattern)):
                files += _with_companions(found) if found.suffix == ".sqlite3" else [found]
    return files


def _where(path: Path) -> str:
    """Where a path leads (links followed, relative made absolute), case folded: on the office's
    Windows or macOS disks KIOSK.SQLITE3 is the database too, and a refusal there costs nothing."""
    return os.path.normcase(str(path.expanduser().resolve())).casefold()


def _same_file(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)  # hard links too
    except OSError:
        return False


def check_output(path: Path, protected: Iterable[Path], *, folder: bool = False) -> None:
    """Refuses to write `path` when it is, or leads to, one of the `protected` files, or (unless
    `folder`, where a CSV export puts its files) when it is a folder."""
    if not folder and path.is_dir():
        raise InvalidInputError(N_("{path} is a folder: name a file to write."), path=path)
    where = _where(path)
    for kept in protected:
        if _where(kept) == where or _same_file(path, kept):
            raise InvalidInputError(
                N_("Refusing to write {path}: the kiosk needs that file ({kept})."),
                path=path,
                kept=kept,
            )


def check_outputs(paths: Iterable[Path], protected: Collection[Path]) -> None:
    for path in paths:
        check_output(path, protected)
