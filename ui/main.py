"""The installed `kiosk` command: the command line of kiosk.cli, given the screens to open a
station on. Qt is loaded only once a station is asked for and its screen is known to be there."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from kiosk.cli.main import main as command_line
from kiosk.config import Settings


def open_station(settings: Settings, station: str, windowed: bool) -> int:
    from ui.pyside_import_check import make_import_check_cheap

    make_import_check_cheap()  # before the screens' modules: each of them is checked
    from ui.app import run_station

    return int(run_station(settings, station=station, windowed=windowed))


def main(argv: Sequence[str] | None = None) -> int:
    return command_line(argv, open_station=open_station)


if __name__ == "__main__":
    sys.exit(main())
