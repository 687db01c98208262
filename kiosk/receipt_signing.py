"""Signed QR payloads for receipts: the kiosk tells a genuine receipt from a forged one offline.

A payload is `HS1:<dossier code>:<signature>`, the signature being the first 128 bits of
HMAC-SHA256 over the code with the office's key, in base32 — every character is in the QR
alphanumeric set, which keeps the code small. The key lives in a file outside the database
(mode 0600), so neither a database copy nor an export can forge receipts. The same key seals the
stations' public signing keys in the database (kiosk.station_keys).

Under the QR the receipt prints a 4-digit check number from the same key: a citizen who types
the dossier code types it too, so that a sequential code does not open a neighbour's dossier.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from pathlib import Path

from kiosk.dossier_code import parse_dossier_code
from kiosk.errors import InvalidInputError, KioskError
from kiosk.i18n import N_
from kiosk.key_files import read_key_file, write_new_key_file
from kiosk.receipt_payload import CHECK_DIGITS, NOT_GENUINE, PREFIX, WRONG_CHECK

KEY_BYTES = 32
SIGNATURE_BYTES = 16
# A label of its own, so that the check number is never a piece of the QR's signature.
CHECK_LABEL = b"check:"


RECEIPT_KEY = N_("The receipt signing key")
RECEIPT_KEY_FIX = N_(
    "Copy the office's receipt key file from another station of the office "
    "(or, for a new office, run 'kiosk keys init')."
)


def load_receipt_key(path: Path) -> bytes:
    """The office's signing key, shared by all its stations; never created here (see
    kiosk.key_files): a missing or damaged file raises KeyFileError naming it."""
    return read_key_file(
        path, size=KEY_BYTES, what=RECEIPT_KEY, fix=RECEIPT_KEY_FIX, longer_ok=True
    )


def machine_receipt_key() -> bytes:
    """The office's key as this machine's settings place it (for reports, which get no
    settings of their own)."""
    from kiosk.config import load_settings
    from kiosk.paths import signing_key_path

    return load_receipt_key(signing_key_path(load_settings().signing_key_path))


def create_receipt_key(path: Path) -> bytes:
    """A new office key, for `kiosk keys init` only: the file must not exist yet."""
    key = secrets.token_bytes(KEY_BYTES)
    write_new_key_file(path, key)
    return key


class ReceiptSigner:
    def __init__(self, key: bytes) -> None:
        self._key = key

    def __repr__(self) -> str:
        return "ReceiptSigner(<key hidden>)"  # the key never reaches a log

    def _signature(self, code: str) -> str:
        digest = hmac.new(self._key, code.encode("ascii"), hashlib.sha256).digest()
        return base64.b32encode(digest[:SIGNATURE_BYTES]).decode("ascii").rstrip("=")

    def payload(self, code: str) -> str:
        code = parse_dossier_code(code)
        return f"{PREFIX}:{code}:{self._signature(code)}"

    def verify(self, text: str) -> str:
        """The dossier code of a genuine payload; anything else is refused."""
        parts = text.strip().upper().split(":")
        if len(parts) != 3 or parts[0] != PREFIX:
            raise InvalidInputError(NOT_GENUINE)
        try:
            code = parse_dossier_code(parts[1])
        except InvalidInputError:
            raise InvalidInputError(NOT_GENUINE) from None
        if not hmac.compare_digest(self._signature(code), parts[2]):
            raise InvalidInputError(NOT_GENUINE)
        return code

    def check_number(self, code: str) -> str:
        """The 4 digits printed under the QR: one guess in 10,000 is right."""
        code = parse_dossier_code(code)
        digest = hmac.new(self._key, CHECK_LABEL + code.encode("ascii"), hashlib.sha256).digest()
        # 64 bits modulo 10,000: the bias towards low numbers is below one in 10^15.
        number = int.from_bytes(digest[:8], "big") % 10**CHECK_DIGITS
        return f"{number:0{CHECK_DIGITS}d}"

    def verify_check(self, code: str, check: str) -> str:
        """The dossier code, when the check number typed with it is the one on its receipt."""
        code = parse_dossier_code(code)
        typed = check.strip().encode("ascii", "replace")
        if not hmac.compare_digest(self.check_number(code).encode("ascii"), typed):
            raise InvalidInputError(WRONG_CHECK)
        return code


class UnavailableReceiptSigner(ReceiptSigner):
    """Stands in for the signer when the office's key file is missing or damaged: every use
    raises that problem (naming the file and the fix), and nothing else on the station stops."""

    def __init__(self, problem: KioskError) -> None:
        super().__init__(b"")
        self.problem = problem

    def __repr__(self) -> str:
        return "UnavailableReceiptSigner()"

    def _signature(self, code: str) -> str:
        raise self.problem

    def check_number(self, code: str) -> str:
        raise self.problem
