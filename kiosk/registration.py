"""What the counter checks before a dossier is registered, with no database and no screen.

Form 01 (the receipt) names the citizen, so the name is required; address and phone are
optional, and a phone must be a Vietnamese one. The service is the one the clerk picked, or the
one the typed text names. A refusal is a domain error in words; nothing has been saved.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.errors import InvalidInputError
from kiosk.i18n import N_
from kiosk.phone import vietnamese_phone
from kiosk.service_search import service_for_text
from kiosk.text import clean_optional
from kiosk.views import CitizenDetails, ServiceView

NO_SERVICE = N_("Choose the service: type a few letters of its name or its code, then Enter.")
UNKNOWN_SERVICE = N_(
    "No single service matches '{text}': choose one from the suggestions (Enter picks it)."
)
NO_NAME = N_("Type the citizen's name: the receipt (Form 01) must name who submitted the dossier.")


@dataclass(frozen=True)
class CounterRegistration:
    service: ServiceView
    citizen: CitizenDetails


def check_registration(
    services: list[ServiceView],
    *,
    picked: ServiceView | None,
    service_text: str,
    name: str,
    address: str,
    phone: str,
    language: str,
) -> CounterRegistration:
    """The registration to save, or InvalidInputError naming the first thing to put right."""
    service = picked or service_for_text(services, service_text, language)
    if service is None:
        text = service_text.strip()
        if not text:
            raise InvalidInputError(NO_SERVICE)
        raise InvalidInputError(UNKNOWN_SERVICE, text=text[:60])
    citizen_name = clean_optional(name)
    if citizen_name is None:
        raise InvalidInputError(NO_NAME)
    return CounterRegistration(
        service,
        CitizenDetails(
            name=" ".join(citizen_name.split()),
            address=clean_optional(address),
            phone=vietnamese_phone(phone),
        ),
    )
