"""Keeps the gettext catalogues in step with the code.

    python scripts/translations.py extract   # update resources/translations/*/kiosk.po
    python scripts/translations.py compile   # write the .mo files the program loads

Messages are the first argument of `tr(...)` / `self._tr(...)` / `N_(...)` calls in kiosk/ and
ui/, and the texts of the slip templates in resources/templates/.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from kiosk.printing.templates import template_messages

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
# `self._tr(…)` too: the windows keep their translator there (self.tr is QObject.tr).
KEYWORDS = {"tr": None, "_tr": None, "N_": None}
LANGUAGES = ("vi", "en")
SOURCE_DIRS = ("kiosk", "ui")


def extracted_messages() -> dict[str, list[tuple[str, int]]]:
    """msgid -> where it is used, from the source tree."""
    found: dict[str, list[tuple[str, int]]] = {}
    for folder in SOURCE_DIRS:
        for filename, lineno, message, _comments, _context in extract_from_dir(
            ROOT / folder, keywords=KEYWORDS, comment_tags=()
        ):
            if isinstance(message, str) and message:
                found.setdefault(message, []).append((f"{folder}/{filename}", lineno))
    # The printed forms' texts live in their templates (resources/templates/*.toml).
    for message, locations in template_messages().items():
        found.setdefault(message, []).extend(locations)
    return found


def po_path(language: str) -> Path:
    return TRANSLATIONS / language / "LC_MESSAGES" / "kiosk.po"


def load(language: str) -> Catalog:
    path = po_path(language)
    if not path.exists():
        return Catalog(locale=language, domain="kiosk")
    with path.open("rb") as handle:
        return read_po(handle, locale=language)


def extract() -> None:
    messages = extracted_messages()
    for language in LANGUAGES:
        old = load(language)
        new = Catalog(locale=language, domain="kiosk", project="kiosk-mot-cua")
        for msgid, locations in sorted(messages.items()):
            previous = old.get(msgid)
            new.add(msgid, previous.string if previous else "", locations=locations)
        path = po_path(language)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as handle:
            write_po(handle, new, width=100, omit_header=False, sort_output=True)
        missing = sum(1 for m in new if m.id and not m.string)
        print(f"{language}: {len(messages)} messages, {missing} untranslated")


def compile_all() -> None:
    for language in LANGUAGES:
        catalog = load(language)
        with po_path(language).with_suffix(".mo").open("wb") as handle:
            write_mo(handle, catalog)
        print(f"{language}: compiled")


if __name__ == "__main__":
    {"extract": extract, "compile": compile_all}[sys.argv[1] if len(sys.argv) > 1 else "compile"]()
