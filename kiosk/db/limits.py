"""Text lengths, declared once by the models' `String(n)` columns and checked before anything is
stored: SQLite would keep 50,000 characters where PostgreSQL refuses them, so the rule is ours."""

from __future__ import annotations

from typing import Any

from sqlalchemy import String

from kiosk.errors import InvalidInputError, KioskError
from kiosk.i18n import N_
from kiosk.text import nfc

TOO_LONG = N_("{field} is too long: at most {limit} characters, not {length}.")
# Columns of type Text have no declared length; what a person types there is still bounded.
TEXT_LIMIT = 2000


def column_limit(column: Any) -> int:
    """The `n` of a mapped attribute's `String(n)` column (TEXT_LIMIT for Text)."""
    kind = column.property.columns[0].type
    length = kind.length if isinstance(kind, String) else None
    return int(length) if length else TEXT_LIMIT


def fitted(text: str, column: Any, field: str) -> str:
    """`text` NFC-normalised and trimmed, or InvalidInputError naming the field (an `N_()` label)
    and the limit, when it is longer than the column holds."""
    text = nfc(text).strip()
    limit = column_limit(column)
    if len(text) > limit:
        # The label travels as a KioskError so that the message shows it translated too.
        raise InvalidInputError(TOO_LONG, field=KioskError(field), limit=limit, length=len(text))
    return text


def fitted_optional(text: str | None, column: Any, field: str) -> str | None:
    """As `fitted`, with None for no text or blank text (an empty optional field is no data)."""
    if text is None:
        return None
    return fitted(text, column, field) or None
