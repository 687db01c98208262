"""The issuing office's abbreviation in a document's symbol ("Số: …/BC-TTPVHCC"), as Vietnamese
offices write it: the initials of the office's kind, without the place it serves ("Trung tâm
Phục vụ hành chính công xã Tân Phú" → TTPVHCC, "Ủy ban nhân dân phường 3" and "UBND xã Tân Phú"
→ UBND). The number
itself stays blank: an office numbers its documents in its own register when it issues them."""

from __future__ import annotations

import re
import unicodedata

# Where the place's name begins in an office's name; the words before it name the kind of office.
PLACE_WORDS = re.compile(
    r"\s(xã|phường|thị trấn|thị xã|đặc khu|quận|huyện|thành phố|tỉnh)(\s|$)", re.IGNORECASE
)


def _plain_initial(word: str) -> str:
    """ "Ủy" → "U", "Đức" → "Đ": the tone and vowel marks go, Đ stays a letter of its own. A
    word already abbreviated ("UBND") is kept whole."""
    plain = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
    if len(word) > 1 and word.isupper():
        return plain
    return plain[0].upper()


def office_abbreviation(office_name: str) -> str:
    name = unicodedata.normalize("NFC", office_name).strip()
    kind = PLACE_WORDS.split(name, maxsplit=1)[0]
    words = [w for w in re.split(r"[\s\-–,]+", kind) if w and w[0].isalpha()]
    return "".join(_plain_initial(w) for w in words)
