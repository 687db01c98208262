"""Machine settings, each declared once with its type and default, read from a TOML file.

Office-wide settings (name, cut-off, days off, rating scale) live in the database so that every
station of an office shares them; this file holds what belongs to one machine.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from kiosk.errors import InvalidInputError
from kiosk.i18n import LANGUAGES, N_

CONFIG_ENV = "KIOSK_CONFIG"
DATABASE_ENV = "KIOSK_DATABASE_URL"
LANGUAGE_ENV = "KIOSK_LANG"


@dataclass(frozen=True)
class Settings:
    database_url: str | None = None  # None: the SQLite file in the user's data directory
    language: str = "vi"
    # Unique per station; "" names it for its kind (kiosk-1, clerk-1, manager-1), so the three
    # stations of a small office can run on one PC with no settings at all.
    station_name: str = ""
    office_code: str | None = None  # None: the database's only office
    # The key that signs receipts' QR codes; every station of an office needs the same file.
    signing_key_path: str | None = None  # None: receipt-signing.key in the user's data directory
    # This machine's own key, which signs every rating its stations record (kiosk keys init).
    station_key_path: str | None = None  # None: station-signing.key beside the receipt key
    # A folder the manager station watches for exports of the provincial one-stop system; each
    # file is imported whole or not at all and moved to done/ or refused/ beside a report.
    import_folder: str | None = None  # None: no folder is watched
    # Which column of a register sheet holds which field (JSON); None: the mapping shipped in
    # resources/provincial/register-columns.json, which knows the usual Vietnamese headers.
    import_columns: str | None = None
    # The counter's printer: "none", "cups:QUEUE", "escpos-net:HOST:PORT",
    # "escpos-serial:/dev/ttyUSB0" or "escpos-usb:VENDOR:PRODUCT" (hex ids).
    printer: str = "none"
    printer_paper: str = "80mm"  # for a CUPS queue: "a5" (laser) or "80mm" (receipt roll)
    # The manager's end-of-day export, written without anyone clicking.
    export_time: str = "17:30"  # HH:MM, office time
    export_folder: str | None = None  # None: exports/ in the user's data directory
    # The nightly backup of the embedded database (kiosk db backup, run by the installer's timer)
    backup_folder: str | None = None  # None: backups/ in the user's data directory
    backup_keep_days: int = 30
    # The citizen's kiosk
    idle_timeout_seconds: int = 30  # an abandoned rating returns to the attract screen
    countdown_seconds: int = 10  # the last seconds of the idle timeout are counted down on screen
    repeat_gap_seconds: int = 5  # a walk-in rating this soon after the last one is ignored
    thanks_seconds: int = 6  # how long the thank-you screen stays
    retry_seconds: int = 15  # how often ratings that failed to save are tried again
    virtual_keyboard: bool = True  # our on-screen keyboard (Telex) under the comment and search
    # The office's emblem or logo on the start screen: an SVG, PNG or JPEG file. None, a missing
    # or an unreadable file: the neutral emblem shipped in resources/icons/.
    emblem_path: str | None = None


def _expected_type(name: str) -> type:
    default = next(f.default for f in fields(Settings) if f.name == name)
    return str if default is None else type(default)


def _check(name: str, value: Any) -> None:
    expected = _expected_type(name)
    # bool is an int in Python; a setting that wants a number must not take `true`.
    if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
        raise InvalidInputError(
            N_("Setting '{key}' must be a {kind}, not {value!r}."),
            key=name,
            kind=expected.__name__,
            value=value,
        )
    if isinstance(value, int) and not isinstance(value, bool) and value < 0:
        raise InvalidInputError(N_("Setting '{key}' cannot be negative."), key=name)


def parse_settings(data: dict[str, Any]) -> Settings:
    known = {f.name for f in fields(Settings)}
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in known:
            raise InvalidInputError(N_("Unknown setting '{key}'."), key=key)
        _check(key, value)
        values[key] = value
    settings = Settings(**values)
    if settings.language not in LANGUAGES:
        raise InvalidInputError(
            N_("Setting '{key}' must be one of {choices}."),
            key="language",
            choices=", ".join(LANGUAGES),
        )
    return settings


def config_path() -> Path:
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override)
    from platformdirs import user_config_path

    return user_config_path("kiosk-mot-cua", appauthor=False) / "kiosk.toml"


def load_settings(path: Path | None = None) -> Settings:
    """The file's settings (if it exists), then the environment on top."""
    path = path or config_path()
    data: dict[str, Any] = {}
    if path.exists():
        import tomllib  # only when there is a file to read

        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise InvalidInputError(
                N_("Settings file {path} is not valid TOML: {problem}"), path=path, problem=exc
            ) from exc
    parse_settings(data)  # a wrong value in the file is reported even when the environment wins
    for key, env in (("database_url", DATABASE_ENV), ("language", LANGUAGE_ENV)):
        if os.environ.get(env):
            data[key] = os.environ[env]
    return parse_settings(data)


def named_for(settings: Settings, kind: str) -> Settings:
    """The settings with the station's name filled in for its kind when none was set."""
    return settings if settings.station_name else replace(settings, station_name=f"{kind}-1")
