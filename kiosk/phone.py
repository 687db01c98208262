"""A citizen's phone number, checked as a Vietnamese mobile or landline number."""

from __future__ import annotations

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType

from kiosk.errors import InvalidInputError
from kiosk.i18n import N_
from kiosk.text import nfc

# A citizen is called back on these; a hotline (1900 …) or a short code is not theirs.
_CALLABLE = {
    PhoneNumberType.MOBILE,
    PhoneNumberType.FIXED_LINE,
    PhoneNumberType.FIXED_LINE_OR_MOBILE,
}

NOT_A_VIETNAMESE_PHONE = N_(
    "{phone} is not a Vietnamese phone number: a mobile has 10 digits (0912 345 678), "
    "a landline its area code (024 3825 1234)."
)


def vietnamese_phone(text: str | None) -> str | None:
    """The number in the national format ('0912 345 678'), None when nothing was typed.

    Typed with +84 or 84, with spaces, dots or dashes, it is the same number."""
    typed = nfc(text or "").strip()
    if not typed:
        return None
    try:
        number = phonenumbers.parse(typed, "VN")
    except phonenumbers.NumberParseException:
        number = None
    if (
        number is None
        or not phonenumbers.is_valid_number_for_region(number, "VN")
        or phonenumbers.number_type(number) not in _CALLABLE
    ):
        raise InvalidInputError(NOT_A_VIETNAMESE_PHONE, phone=typed[:30])
    return phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
