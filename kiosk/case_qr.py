"""The QR on a feedback case's slip: `PA1:<case id, 32 hex digits>:<signature>`.

Signed like a receipt's (HMAC-SHA256 with the office's key, first 128 bits in base32, all in the
QR alphanumeric set), under a label of its own so that no receipt signature is ever a case's. It
names the case by its id, which the kiosk chooses, so a slip printed while the central database
is away scans the same once the case is forwarded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.errors import InvalidInputError
from kiosk.i18n import N_

PREFIX = "PA1"
LABEL = b"case:"
if TYPE_CHECKING:
    import uuid

NOT_GENUINE_CASE = N_("This QR code is not from a genuine feedback slip of this office.")


def is_case_payload(text: str) -> bool:
    return text.strip().upper().startswith(PREFIX + ":")


class CaseQrSigner:
    def __init__(self, key: bytes) -> None:
        self._key = key

    def __repr__(self) -> str:
        return "CaseQrSigner(<key hidden>)"

    def _signature(self, hex_id: str) -> str:
        # Loaded at the first slip, not on the kiosk's way to its first frame (hashlib starts
        # OpenSSL, uuid reads the platform).
        import base64
        import hashlib
        import hmac

        digest = hmac.new(self._key, LABEL + hex_id.encode("ascii"), hashlib.sha256).digest()
        return base64.b32encode(digest[:16]).decode("ascii").rstrip("=")

    def payload(self, case_id: uuid.UUID) -> str:
        hex_id = case_id.hex.upper()
        return f"{PREFIX}:{hex_id}:{self._signature(hex_id)}"

    def verify(self, text: str) -> uuid.UUID:
        """The case id of a genuine slip's QR; anything else is refused in words."""
        import hmac
        import uuid

        parts = text.strip().upper().split(":")
        if len(parts) != 3 or parts[0] != PREFIX:
            raise InvalidInputError(NOT_GENUINE_CASE)
        try:
            case_id = uuid.UUID(hex=parts[1])
        except ValueError:
            raise InvalidInputError(NOT_GENUINE_CASE) from None
        if len(parts[1]) != 32 or not hmac.compare_digest(self._signature(parts[1]), parts[2]):
            raise InvalidInputError(NOT_GENUINE_CASE)
        return case_id
