"""Where the manager's export goes: the default file name of a period, in the reader's language
and safe on every disk, and the folder used last, remembered across restarts."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings

from kiosk.formats import day_text
from kiosk.i18n import N_, Translator

REPORT_WORD = N_("Report")
LAST_FOLDER_KEY = "export/last_folder"
# Letters Unicode does not decompose into a base letter and a mark.
_PLAIN_LETTERS = str.maketrans({"đ": "d", "Đ": "D"})


def ascii_safe(text: str) -> str:
    """ "Báo cáo" -> "Bao-cao", "Nov 23, 2026" -> "Nov-23-2026": a name that USB sticks, e-mail
    attachments and the province's Windows machines all keep as written."""
    plain = unicodedata.normalize("NFKD", text.translate(_PLAIN_LETTERS))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"[^A-Za-z0-9]+", "-", plain).strip("-")


def default_name(start: date, end: date, kind: str, tr: Translator) -> str:
    """ "Bao-cao-23-11-2026.pdf", "Bao-cao-01-11-2026_30-11-2026.xlsx"; in English
    "Report-Nov-23-2026.pdf". The dates are the reader's own (kiosk.formats), made ASCII-safe.
    A CSV export is a folder of that name, without a suffix."""
    days = [ascii_safe(day_text(day, tr.language)) for day in (start, end)]
    word = ascii_safe(tr(REPORT_WORD))
    stem = f"{word}-{days[0]}" + (f"_{days[1]}" if end != start else "")
    return stem if kind == "csv" else f"{stem}.{kind}"


class ExportFolderMemory:
    """The folder the manager last saved a report in, kept in a small INI file (QSettings) so
    that it survives a restart; with no file, only while the window lives. A folder that has
    since gone gives way to `fallback` (where the end-of-day reports are written)."""

    def __init__(self, file: Path | None, fallback: Path) -> None:
        self.file, self.fallback = file, fallback
        self._folder: Path | None = None

    def _store(self) -> QSettings | None:
        if self.file is None:
            return None
        return QSettings(str(self.file), QSettings.Format.IniFormat)

    def folder(self) -> Path:
        store = self._store()
        kept = store.value(LAST_FOLDER_KEY) if store is not None else self._folder
        if kept and Path(str(kept)).is_dir():
            return Path(str(kept))
        try:
            self.fallback.mkdir(parents=True, exist_ok=True)
        except OSError:  # a drive not there today: the dialog still opens, at home
            return Path.home()
        return self.fallback

    def remember(self, folder: Path) -> None:
        self._folder = folder
        store = self._store()
        if store is not None:
            store.setValue(LAST_FOLDER_KEY, str(folder))
            store.sync()  # now, not when Qt gets round to it: the station may lose power
