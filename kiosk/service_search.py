"""Finding a service by a few typed letters, with or without Vietnamese accents."""

from __future__ import annotations

import unicodedata
from itertools import groupby

from kiosk.views import ServiceView


def fold(text: str) -> str:
    """Lower case without accents, đ as d: 'Đăng ký' and 'dang ky' match."""
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def search_services(
    services: list[ServiceView], query: str, language: str
) -> list[tuple[str, list[ServiceView]]]:
    """Services whose name (either language), field or code contains every typed word,
    grouped by field in the catalogue's order."""
    words = fold(query).split()

    def matches(service: ServiceView) -> bool:
        haystack = fold(" ".join((service.name_vi, service.name_en, service.field, service.code)))
        return all(word in haystack for word in words)

    def name(service: ServiceView) -> str:
        return service.name_vi if language == "vi" else service.name_en

    found = [s for s in services if matches(s)]
    found.sort(key=lambda s: (s.field, fold(name(s))))
    return [(field, list(group)) for field, group in groupby(found, key=lambda s: s.field)]
