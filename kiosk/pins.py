"""Clerk PINs: checked for shape, stored only as an Argon2id hash."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from kiosk.errors import InvalidInputError
from kiosk.i18n import N_

if TYPE_CHECKING:
    from argon2 import PasswordHasher

PIN_LENGTHS = range(4, 9)


@cache
def _hasher() -> PasswordHasher:
    # argon2 loads on the first PIN: the citizen's kiosk opens its database without it.
    from argon2 import PasswordHasher

    return PasswordHasher()


def check_pin_shape(pin: str) -> None:
    if not (pin.isascii() and pin.isdigit() and len(pin) in PIN_LENGTHS):
        raise InvalidInputError(N_("A PIN is 4 to 8 digits."))


def hash_pin(pin: str) -> str:
    check_pin_shape(pin)
    return _hasher().hash(pin)


def pin_matches(pin_hash: str, pin: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return _hasher().verify(pin_hash, pin)
    except (VerificationError, InvalidHashError):
        return False
