"""The dossier code in what a scanner read off a provincial receipt, or None.

Receipts printed by the provincial one-stop systems carry the dossier code ("mã hồ sơ", e.g.
"000.00.19.H26-250101-0001": the receiving unit's code, the day, a daily number) as a Code 128
barcode or a QR that holds the bare code, a lookup link of a public service portal with the
code in its query, fragment or path, or a few lines of text ("Mã hồ sơ: …"). Anything else —
junk, another site's link without a code, a code with characters no dossier code has — reads
as no code: the kiosk then says so, and looks nothing up. (The forms, with their sources, are
listed in the README.)
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import parse_qsl, unquote, urlsplit

from kiosk.dossier_code import split_dossier_code
from kiosk.errors import InvalidInputError
from kiosk.text import nfc

# Longer than any receipt's QR text: a scanner reading something else entirely.
MAX_SCAN = 2000
# A receiving unit's code is letters, digits and dots ("000.00.19.H26", "H26.19").
_CODE = re.compile(r"(?=[A-Z0-9.]*[A-Z0-9])[A-Z0-9.]{1,40}-\d{6}-\d{4}")
# A scanner set to send the symbology identifier (ISO/IEC 15424: "]C0" Code 128, "]Q1" QR)
# puts it before what it read.
_AIM_PREFIX = re.compile(r"^\][A-Za-z][0-9A-Za-z]")
# Query keys the portals' lookup links use for the dossier code (compared in lower case).
CODE_KEYS = frozenset({"mahoso", "ma_ho_so", "ma-ho-so", "mahs", "ma", "code", "keyword", "hoso"})
# "Mã hồ sơ: …" / "Số hồ sơ: …" in a QR's text, compared without accents.
_LABELLED = re.compile(r"\b(?:ma|so)\s*(?:ho\s*so|hs)\s*[:：=]?\s*(\S+)", re.IGNORECASE)


def find_dossier_code(scanned: str) -> str | None:
    """The one dossier code the payload carries, in its canonical form; None when it carries
    none, or more than one (a receipt is one dossier's)."""
    text = _AIM_PREFIX.sub("", nfc(scanned).strip(), count=1).strip()
    if not text or len(text) > MAX_SCAN:
        return None
    bare = _as_code(text)
    if bare is not None:
        return bare
    found = _codes_in_link(text) if _is_link(text) else _labelled_codes(text)
    return found.pop() if len(found) == 1 else None


def _as_code(text: str) -> str | None:
    """`text` when it is exactly a dossier code (case and stray spaces forgiven)."""
    cleaned = text.strip().upper().replace(" ", "")
    if _CODE.fullmatch(cleaned) is None:
        return None
    try:
        return str(split_dossier_code(cleaned))  # the day must be a real day
    except InvalidInputError:
        return None


def _is_link(text: str) -> bool:
    lowered = text.lower()
    return lowered.startswith(("http://", "https://")) or (
        "/" in text and " " not in text and "." in text.split("/", 1)[0]
    )


def _codes_in_link(text: str) -> set[str]:
    """Codes in the query (also a fragment's query, as single-page portals route) and in the
    path segments; a link whose host has no dot is not a link."""
    link = urlsplit(text if "://" in text else "https://" + text)
    if "." not in (link.hostname or ""):
        return set()
    fragment_path, _, fragment_query = link.fragment.partition("?")
    found: set[str] = set()
    for query in (link.query, fragment_query):
        for key, value in parse_qsl(query, keep_blank_values=True):
            if key.strip().lower() in CODE_KEYS and (code := _as_code(value)) is not None:
                found.add(code)
    if found:
        return found
    for path in (link.path, fragment_path):
        for segment in path.split("/"):
            if (code := _as_code(unquote(segment))) is not None:
                found.add(code)
    return found


def _labelled_codes(text: str) -> set[str]:
    """Codes after a "Mã hồ sơ" label, in a QR that holds a few lines of text."""
    plain = _without_accents(text)
    found: set[str] = set()
    for match in _LABELLED.finditer(plain):
        # The same span of the original text: stripping accents keeps one letter per letter.
        value = text[match.start(1) : match.end(1)].rstrip(".,;")
        if (code := _as_code(value)) is not None:
            found.add(code)
    return found


def _without_accents(text: str) -> str:
    """One character per character (so spans match the original): đ → d, ồ → o."""
    return "".join(unicodedata.normalize("NFD", c)[0] if c not in "đĐ" else "d" for c in text)
