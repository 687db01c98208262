"""Each station's own Ed25519 key: it signs every rating the station records, so that nobody
who can only write to the database can add a rating that `kiosk verify` accepts.

The private key lives in a file on the station's machine (mode 0600, kiosk.key_files); the
public key is registered in `station_keys` by a manager, and that row is sealed with an
HMAC-SHA256 under the office's receipt key — another file — so a database alone cannot register
a key of its own. A signature covers a rating's hash, which covers every answer and the
station's previous hash: one valid signature vouches for the whole chain up to its rating.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from kiosk.i18n import N_
from kiosk.key_files import read_key_file, write_new_key_file

PRIVATE_BYTES = 32
STATION_KEY = N_("This station's signing key")
STATION_KEY_FIX = N_(
    "Run 'kiosk keys init' (after moving a damaged file away), then have a manager run "
    "'kiosk keys register STATION --counter N'."
)


def fingerprint(public_hex: str) -> str:
    """What staff compare by eye: the first 16 hex digits of the key's SHA-256, in groups."""
    try:
        digest = hashlib.sha256(bytes.fromhex(public_hex)).hexdigest()[:16]
    except ValueError:
        return "????:????:????:????"  # not a key at all: a damaged or forged row
    return ":".join(digest[i : i + 4] for i in range(0, 16, 4))


class StationSigner:
    def __init__(self, private: Ed25519PrivateKey) -> None:
        self._private = private
        # The raw forms need no cryptography.serialization: its SSH and cipher modules cost a
        # kiosk a megabyte and some milliseconds on its way to its data.
        raw = private.public_key().public_bytes_raw()
        self.public_hex = raw.hex()

    def __repr__(self) -> str:
        return f"StationSigner({fingerprint(self.public_hex)})"  # the private key never shows

    def sign(self, rating_hash: str) -> str:
        return self._private.sign(bytes.fromhex(rating_hash)).hex()


def load_station_signer(path: Path) -> StationSigner:
    """This machine's key; a missing or damaged file raises KeyFileError naming it."""
    raw = read_key_file(path, size=PRIVATE_BYTES, what=STATION_KEY, fix=STATION_KEY_FIX)
    return StationSigner(Ed25519PrivateKey.from_private_bytes(raw))


def create_station_signer(path: Path) -> StationSigner:
    """A new key, for `kiosk keys init` only: the file must not exist yet."""
    private = Ed25519PrivateKey.generate()
    raw = private.private_bytes_raw()
    write_new_key_file(path, raw)
    return StationSigner(private)


def signature_verifier(public_hex: str) -> Ed25519PublicKey | None:
    """None for a public key that is not one (a damaged or forged row)."""
    try:
        return Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_hex))
    except ValueError:
        return None


def signature_valid(verifier: Ed25519PublicKey, rating_hash: str, signature: str | None) -> bool:
    if not signature:
        return False
    try:
        verifier.verify(bytes.fromhex(signature), bytes.fromhex(rating_hash))
    except (InvalidSignature, ValueError):
        return False
    return True


@dataclass(frozen=True)
class KeyRegistration:
    """The sealed facts of a station_keys row."""

    office_id: int
    station: str
    public_key: str
    first_sequence: int
    registered_at: datetime
    clerk_id: int

    def canonical_text(self) -> bytes:
        return "|".join(
            (
                "station-key-v1",
                str(self.office_id),
                self.station,
                self.public_key.lower(),
                str(self.first_sequence),
                self.registered_at.isoformat(timespec="microseconds"),
                str(self.clerk_id),
            )
        ).encode("utf-8")

    def seal(self, office_key: bytes) -> str:
        return hmac.new(office_key, self.canonical_text(), hashlib.sha256).hexdigest()

    def seal_matches(self, office_key: bytes, seal: str) -> bool:
        return hmac.compare_digest(self.seal(office_key), seal.lower())
