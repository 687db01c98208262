"""What a receipt's QR code looks like, for the kiosk's start path (the signing is elsewhere)."""

from __future__ import annotations

from kiosk.i18n import N_

PREFIX = "HS1"
NOT_GENUINE = N_("This QR code is not from a genuine receipt of this office.")


def is_signed_payload(text: str) -> bool:
    return text.strip().upper().startswith(PREFIX + ":")
