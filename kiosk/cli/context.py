"""What every command gets: settings, the translator, the output format, the database on demand."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from kiosk.config import Settings
from kiosk.i18n import Translator

if TYPE_CHECKING:
    from kiosk.db.open import Database

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
    _database: Database | None = field(default=None, repr=False)

    def database(self) -> Database:
        if self._database is None:
            from kiosk.db.open import open_database  # not on the path of `kiosk run`

            self._database = open_database(self.settings.database_url)
        return self._database

    def emit(self, data: Any, text: str) -> None:
        """Prints `data` as JSON with --json, else the human `text`."""
        if self.as_json:
            json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=_json_default)
            sys.stdout.write("\n")
        else:
            print(text)


def fmt_moment(moment: datetime | None) -> str:
    return f"{moment:%H:%M %d/%m/%Y}" if moment else "—"
