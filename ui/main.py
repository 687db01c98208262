"""The installed `kiosk` command: the command line of kiosk.cli, given the screens to open a
station on. Qt is loaded only once a station is asked for and its screen is known to be there.

`kiosk run [--station kiosk] [--windowed] [--db URL] [--office CODE] [--lang vi|en]`, the way the
citizen's kiosk is started (scripts/install_kiosk.sh), skips building the command line's parser
(some sixty commands and their translated help: a tenth of the way to the first frame). Anything
else, and any problem with the settings or the screen, goes through kiosk.cli as before.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from kiosk.config import Settings, load_settings
from kiosk.errors import KioskError
from kiosk.i18n import LANGUAGES, Translator

# The options of `kiosk run` the plain start takes, and the setting each one overrides.
PLAIN_OPTIONS = {"--db": "database_url", "--office": "office_code", "--lang": "language"}


def open_station(settings: Settings, station: str, windowed: bool) -> int:
    from ui.pyside_import_check import make_import_check_cheap

    make_import_check_cheap()  # before the screens' modules: each of them is checked
    from ui.app import run_station

    return int(run_station(settings, station=station, windowed=windowed))


def plain_kiosk_start(argv: Sequence[str]) -> tuple[bool, dict[str, str]] | None:
    """(windowed, settings overridden) for a plain `kiosk run` of the citizen's kiosk; None for
    any other command line, which the full parser reads (and explains, when it is wrong)."""
    if not argv or argv[0] != "run":
        return None
    windowed, rest = False, list(argv[1:])
    overrides: dict[str, str] = {}
    while rest:
        option = rest.pop(0)
        if option == "--windowed":
            windowed = True
            continue
        value = rest.pop(0) if rest else ""
        if not value or value.startswith("-"):
            return None
        if option == "--station" and value == "kiosk":
            continue
        if option not in PLAIN_OPTIONS or PLAIN_OPTIONS[option] in overrides:
            return None
        overrides[PLAIN_OPTIONS[option]] = value
    if overrides.get("language", LANGUAGES[0]) not in LANGUAGES:
        return None
    return windowed, overrides


def _plain_settings(overrides: dict[str, str]) -> Settings | None:
    """The settings as `kiosk run` reads them; None when they (or the screen) have a problem,
    so that the command line tells it in its own words."""
    from kiosk.cli.display import require_display

    try:
        settings = load_settings()
        require_display()
    except KioskError:
        return None
    return Settings(**{**settings.__dict__, **overrides})


def _run_plain_kiosk(settings: Settings, windowed: bool) -> int:
    try:
        return open_station(settings, "kiosk", windowed)
    except KeyboardInterrupt:
        from kiosk.cli.main import EXIT_INTERRUPTED

        return EXIT_INTERRUPTED
    except Exception as error:  # noqa: BLE001 - as kiosk.cli.main: one line, no traceback
        if os.environ.get("KIOSK_DEBUG"):
            raise
        from kiosk.cli.main import EXIT_ERROR
        from kiosk.cli.unexpected import describe_unexpected

        tr = Translator(settings.language)
        message = error.render(tr) if isinstance(error, KioskError) else None
        print(f"kiosk: {message or describe_unexpected(error, tr)}", file=sys.stderr)
        return EXIT_ERROR


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    plain = plain_kiosk_start(arguments)
    if plain is not None:
        windowed, overrides = plain
        settings = _plain_settings(overrides)
        if settings is not None:
            return _run_plain_kiosk(settings, windowed)
    from kiosk.cli.main import main as command_line

    return command_line(arguments, open_station=open_station)


if __name__ == "__main__":
    sys.exit(main())
