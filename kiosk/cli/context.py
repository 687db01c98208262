"""What every command gets: settings, the translator, the output format, the office's clock, the
database on demand, and (when installed with its screens) the way to open a station."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from kiosk.clock import Clock, office_now
from kiosk.config import Settings
from kiosk.errors import KioskError
from kiosk.formats import moment_text
from kiosk.i18n import N_, Translator

if TYPE_CHECKING:
    from kiosk.db.open import Database
    from kiosk.services.base import StationUseCases

    UseCases = TypeVar("UseCases", bound=StationUseCases)

# Opens a station's screens and runs them until they close: (settings, station, windowed) -> exit.
StationOpener = Callable[[Settings, str, bool], int]

CLI_STATION = "cli"


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if hasattr(value, "value"):
        return value.value
    return str(value)


@dataclass
class CliContext:
    settings: Settings
    tr: Translator
    as_json: bool
    # Every "now" and "today" of a command comes from here: tests fix it, nothing else reads the
    # machine's clock.
    clock: Clock = office_now
    open_station: StationOpener | None = None
    _database: Database | None = field(default=None, repr=False)

    def database(self) -> Database:
        if self._database is None:
            from kiosk.db.open import open_database  # not on the path of `kiosk run`

            self._database = open_database(self.settings.database_url)
        return self._database

    def use_cases(self, kind: type[UseCases], *, station: str = CLI_STATION) -> UseCases:
        """A service of the command line's own, on this command's database, office and clock."""
        return kind(
            self.database().factory,
            station=station,
            clock=self.clock,
            office_code=self.settings.office_code,
        )

    def start_station(self, station: str, *, windowed: bool) -> int:
        if self.open_station is None:
            raise KioskError(
                N_("This installation has no screens: start stations with the 'kiosk' command.")
            )
        from kiosk.cli.display import require_display

        require_display()
        return self.open_station(self.settings, station, windowed)

    def emit(self, data: Any, text: str) -> None:
        """Prints `data` as JSON with --json, else the human `text`."""
        if self.as_json:
            json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=_json_default)
            sys.stdout.write("\n")
        else:
            print(text)


def fmt_moment(moment: datetime | None, language: str) -> str:
    return moment_text(moment, language) if moment else "—"
