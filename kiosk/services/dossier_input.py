"""What a clerk types for a dossier, checked before anything is stored or a number is taken: the
citizen's details within their columns' lengths, a phone that is a phone, the papers received."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kiosk.db.limits import fitted, fitted_optional
from kiosk.db.models import Dossier, ServiceDocument
from kiosk.errors import InvalidInputError
from kiosk.i18n import N_
from kiosk.text import clean_optional
from kiosk.views import CitizenDetails, DocumentItem

DOCUMENT_FORMS = ("original", "copy")
MAX_SETS = 99


def checked_documents(items: Sequence[DocumentItem], sets: int) -> list[dict[str, Any]]:
    if not 1 <= sets <= MAX_SETS:
        raise InvalidInputError(N_("The number of sets must be from 1 to {most}."), most=MAX_SETS)
    documents = []
    for item in items:
        name = fitted(item.name, ServiceDocument.name, N_("Document name"))
        if not name:
            continue
        if item.form not in DOCUMENT_FORMS or not 1 <= item.count <= MAX_SETS:
            raise InvalidInputError(N_("Document {name} is not described right."), name=name)
        documents.append({"name": name, "form": item.form, "count": item.count})
    return documents


def checked_citizen(citizen: CitizenDetails) -> CitizenDetails:
    """The citizen's details as stored, or InvalidInputError naming the field that does not fit."""
    return CitizenDetails(
        fitted_optional(citizen.name, Dossier.citizen_name, N_("Citizen's name")),
        fitted_optional(citizen.address, Dossier.citizen_address, N_("Citizen's address")),
        clean_phone(citizen.phone),
    )


def clean_phone(phone: str | None) -> str | None:
    phone = clean_optional(phone)
    if phone is None:
        return None
    digits = phone.replace(" ", "").replace(".", "").replace("-", "")
    if not (digits.lstrip("+").isdigit() and 8 <= len(digits) <= 15):
        raise InvalidInputError(N_("Phone number {phone} is not valid."), phone=phone[:30])
    return digits
