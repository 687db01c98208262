"""What a scanned receipt looks like, for the kiosk's start path (the signing is elsewhere).

Our own receipts carry a signed QR (`HS1:…`); a provincial receipt carries its bare dossier code
(Code 128 or QR) or a lookup link that holds it. A bare code proves nothing about who holds it,
so it opens only a dossier imported from the provincial system, never one of our counter's:
those need the signed QR or the check number printed under it.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.i18n import N_

PREFIX = "HS1"
NOT_GENUINE = N_("This QR code is not from a genuine receipt of this office.")
CHECK_DIGITS = 4  # printed under the QR, typed after the dossier code's 10 digits
WRONG_CHECK = N_(
    "This check number does not match the dossier code. Check the receipt and type it again."
)
# A bare code that is not among the dossiers imported from the provincial system.
NOT_ON_KIOSK = N_("This dossier is not on this kiosk yet; please ask the clerk at the counter.")
# A bare code of one of our counter's dossiers: it opens only with its proof.
NEEDS_PROOF = N_(
    "Please scan the QR code on your receipt, or type the dossier code with its check number."
)
NO_CODE = N_("'{text}' is not a dossier code (it looks like UNIT-YYMMDD-XXXX).")


@dataclass(frozen=True)
class ScannedCode:
    """A dossier code read by the scanner; `signed`: from our own genuine signed QR."""

    code: str
    signed: bool


def is_signed_payload(text: str) -> bool:
    return text.strip().upper().startswith(PREFIX + ":")
