"""Finding a service by a few typed letters, with or without Vietnamese accents.

One search for the citizen's kiosk (grouped by field) and the clerk's suggestions (best first):
every typed word must be found in the service's code or a word of its name (either language)
or field; case, accents and đ/d do not matter, so "ket hon" finds "Đăng ký kết hôn".
"""

from __future__ import annotations

import unicodedata
from itertools import groupby

from kiosk.views import ServiceView


def fold(text: str) -> str:
    """Lower case without accents, đ as d: 'Đăng ký' and 'dang ky' match."""
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def service_name(service: ServiceView, language: str) -> str:
    return service.name_en if language == "en" else service.name_vi


def service_label(service: ServiceView, language: str) -> str:
    """How a suggestion reads: the name first (what the citizen asked for), then the code."""
    return f"{service_name(service, language)} — {service.code}"


def _rank(service: ServiceView, words: list[str]) -> int | None:
    """None when a typed word is missing; else lower is better: the code typed in full,
    the start of the code, every word at the start of a word of a name, anywhere."""
    code = fold(service.code)
    haystack = fold(" ".join((service.name_vi, service.name_en, service.field, service.code)))
    if not all(word in haystack for word in words):
        return None
    typed = " ".join(words)
    if typed == code:
        return 0
    if typed and code.startswith(typed):
        return 1
    name_words = fold(f"{service.name_vi} {service.name_en}").split()
    if all(any(w.startswith(word) for w in name_words) for word in words):
        return 2
    return 3


def matching_services(services: list[ServiceView], query: str, language: str) -> list[ServiceView]:
    """The services the query finds, best first, then by name in the station's language."""
    words = fold(query).split()
    ranked = [(rank, s) for s in services if (rank := _rank(s, words)) is not None]
    ranked.sort(key=lambda pair: (pair[0], fold(service_name(pair[1], language))))
    return [service for _rank_, service in ranked]


def search_services(
    services: list[ServiceView], query: str, language: str
) -> list[tuple[str, list[ServiceView]]]:
    """The kiosk's view of the same search: grouped by field in the catalogue's order."""
    words = fold(query).split()
    found = [s for s in services if _rank(s, words) is not None]
    found.sort(key=lambda s: (s.field, fold(service_name(s, language))))
    return [(field, list(group)) for field, group in groupby(found, key=lambda s: s.field)]


def service_for_text(services: list[ServiceView], text: str, language: str) -> ServiceView | None:
    """The one service a typed text names: its code, its suggestion's label, or the only match.
    None when the text names none, or several."""
    typed = fold(text).strip()
    if not typed:
        return None
    for service in services:
        if typed in (fold(service.code), fold(service_label(service, language))):
            return service
    found = matching_services(services, text, language)
    return found[0] if len(found) == 1 else None
