"""What a receipt's QR code looks like, for the kiosk's start path (the signing is elsewhere)."""

from __future__ import annotations

from kiosk.i18n import N_

PREFIX = "HS1"
NOT_GENUINE = N_("This QR code is not from a genuine receipt of this office.")
CHECK_DIGITS = 4  # printed under the QR, typed after the dossier code's 10 digits
WRONG_CHECK = N_(
    "This check number does not match the dossier code. Check the receipt and type it again."
)


def is_signed_payload(text: str) -> bool:
    return text.strip().upper().startswith(PREFIX + ":")
