"""Each procedure's checklist of papers (thành phần hồ sơ), kept by the office: what the clerk
ticks at the counter and Form 01 lists. An office edits it from a TOML file:

    [[document]]
    name = "Tờ khai đăng ký khai sinh"
    form = "original"        # or "copy"
    count = 1
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.db.models import Service, ServiceDocument
from kiosk.errors import InvalidInputError
from kiosk.i18n import N_
from kiosk.services.audit import record_audit
from kiosk.services.base import StationUseCases
from kiosk.services.dossier_input import DOCUMENT_FORMS, MAX_SETS
from kiosk.services.offices import find_service
from kiosk.text import nfc
from kiosk.views import DocumentItem


def parse_checklist(text: str) -> list[DocumentItem]:
    """The [[document]] tables of a checklist file, checked, in their order."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise InvalidInputError(
            N_("The checklist is not valid TOML: {problem}"), problem=error
        ) from error
    items = []
    for number, raw in enumerate(data.get("document", []), 1):
        name = raw.get("name")
        form = raw.get("form", "original")
        count = raw.get("count", 1)
        if (
            not isinstance(name, str)
            or not nfc(name).strip()
            or form not in DOCUMENT_FORMS
            or not isinstance(count, int)
            or isinstance(count, bool)
            or not 1 <= count <= MAX_SETS
        ):
            raise InvalidInputError(
                N_(
                    "Document {number} of the checklist needs a name, a form (original or copy) "
                    "and a count from 1 to 99."
                ),
                number=number,
            )
        items.append(DocumentItem(nfc(name).strip()[:300], form, count))
    return items


def all_checklists(session: Session) -> dict[str, tuple[DocumentItem, ...]]:
    """Every service's checklist, by service code: what the clerk's desk ticks from."""
    checklists: dict[str, list[DocumentItem]] = {}
    for code, name, form, count in session.execute(
        select(Service.code, ServiceDocument.name, ServiceDocument.form, ServiceDocument.count)
        .join(ServiceDocument, ServiceDocument.service_id == Service.id)
        .order_by(Service.code, ServiceDocument.position)
    ):
        checklists.setdefault(code, []).append(DocumentItem(name, form, count))
    return {code: tuple(items) for code, items in checklists.items()}


class ServiceDocumentService(StationUseCases):
    def checklist(self, service_code: str) -> tuple[DocumentItem, ...]:
        with self._factory() as session:
            service = find_service(session, service_code)
            return tuple(DocumentItem(d.name, d.form, d.count) for d in service.documents)

    def replace(
        self, service_code: str, items: Sequence[DocumentItem], *, clerk_id: int | None = None
    ) -> tuple[DocumentItem, ...]:
        with self._factory.begin() as session:
            service = find_service(session, service_code)
            service.documents = [
                ServiceDocument(position=i, name=item.name, form=item.form, count=item.count)
                for i, item in enumerate(items, 1)
            ]
            record_audit(
                session,
                at=self._clock(),
                station=self._station,
                clerk_id=clerk_id,
                action="service.documents",
                subject=service.code,
                details={"documents": [item.name for item in items]},
            )
        return tuple(items)
