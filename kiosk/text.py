"""Text at the edges: everything that comes in or goes out is NFC-normalised."""

from __future__ import annotations

import unicodedata


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def clean_optional(text: str | None) -> str | None:
    """NFC, trimmed, and None for blank input (an empty optional field is no data)."""
    if text is None:
        return None
    text = nfc(text).strip()
    return text or None
