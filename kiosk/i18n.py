"""The one translation mechanism, for screens, printed slips and the command line alike.

gettext catalogues live in resources/translations/<lang>/LC_MESSAGES/kiosk.po (compiled to .mo by
scripts/compile_translations.py). Message ids are English; Vietnamese is the default language.
Code marks a string with `N_()` where it is declared and translates it with a `Translator` where it
is shown, so a language switch changes every string at once.
"""

from __future__ import annotations

import gettext
from functools import cache
from typing import TYPE_CHECKING

from kiosk.paths import resources_dir
from kiosk.text import nfc

if TYPE_CHECKING:
    from decimal import Decimal  # types only: the start path needs no decimal arithmetic

DOMAIN = "kiosk"
LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"


def N_(message: str) -> str:
    """Marks a message for extraction; it is translated later, where it is shown."""
    return message


class UnknownLanguageError(ValueError):
    pass


@cache
def _catalogue(language: str) -> gettext.NullTranslations:
    return gettext.translation(
        DOMAIN,
        localedir=str(resources_dir() / "translations"),
        languages=[language],
        fallback=True,
    )


class Translator:
    """Translates message ids into one language and fills in their `{named}` fields."""

    def __init__(self, language: str = DEFAULT_LANGUAGE) -> None:
        if language not in LANGUAGES:
            raise UnknownLanguageError(language)
        self.language = language
        self._catalogue = _catalogue(language)

    def __call__(self, message: str, **params: object) -> str:
        text = self._catalogue.gettext(message)
        if params:
            text = text.format(**params)
        return nfc(text)


def format_percent(value: Decimal, language: str) -> str:
    """A percentage as the language writes it, with no ".0": "87,5 %" and "100 %" in
    Vietnamese, "87.5 %" in English (kiosk.formats, from Babel's locale data)."""
    from kiosk.formats import percent_text

    return percent_text(value, language)
