"""The office's dossiers as stations read them: found by code, listed, shown; and the clerk and
service a dossier is registered with, refused when they cannot be."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, joinedload

from kiosk.db.models import Clerk, Dossier, Service
from kiosk.dossier_code import parse_dossier_code
from kiosk.errors import InvalidInputError, NotFoundError
from kiosk.i18n import N_
from kiosk.services.offices import find_service
from kiosk.status import dossier_status
from kiosk.views import CitizenDetails, DocumentItem, DossierView, SupplementView


def dossier_view(dossier: Dossier, today: date) -> DossierView:
    return DossierView(
        id=dossier.id,
        code=dossier.code,
        service_code=dossier.service.code,
        service_name_vi=dossier.service.name_vi,
        service_name_en=dossier.service.name_en,
        processing_days=dossier.service.processing_days,
        clerk_name=dossier.clerk.display_name if dossier.clerk else "",
        counter=dossier.clerk.counter if dossier.clerk else None,
        received_at=dossier.received_at,
        due_at=dossier.due_at,
        returned_at=dossier.returned_at,
        reappointed_due_at=dossier.reappointed_due_at,
        reappointment_reason=dossier.reappointment_reason,
        reappointed_at=dossier.reappointed_at,
        citizen=CitizenDetails(
            dossier.citizen_name, dossier.citizen_address, dossier.citizen_phone
        ),
        status=dossier_status(dossier.due_at, dossier.returned_at, today),
        documents=tuple(
            DocumentItem(item["name"], item.get("form", "original"), int(item.get("count", 1)))
            for item in dossier.documents or ()
        ),
        sets=dossier.sets,
        register_entry=dossier.register_entry,
        supplements=tuple(
            SupplementView(
                number=request.number,
                issued_at=request.issued_at,
                missing=tuple(request.missing),
                reason=request.reason,
                clerk_name=request.clerk.display_name,
                returned_at=request.returned_at,
            )
            for request in dossier.supplements
        ),
        refused_at=dossier.refused_at,
        refusal_reason=dossier.refusal_reason,
    )


def find_clerk(session: Session, office_id: int, clerk_id: int | None) -> Clerk:
    if clerk_id is not None:
        clerk = session.get(Clerk, clerk_id)
        if clerk is None or clerk.office_id != office_id or not clerk.active:
            raise NotFoundError(N_("Clerk {id} does not exist."), id=clerk_id)
        return clerk
    clerks = session.scalars(
        select(Clerk).where(Clerk.office_id == office_id, Clerk.active.is_(True)).limit(2)
    ).all()
    if len(clerks) != 1:
        raise InvalidInputError(
            N_("Say which clerk received the dossier (--clerk, see 'kiosk clerks list').")
        )
    return clerks[0]


def offered_service(session: Session, service_code: str) -> Service:
    service = find_service(session, service_code)
    if not service.active:
        raise InvalidInputError(N_("Service {code} is no longer offered."), code=service.code)
    return service


def find_dossier(
    session: Session, code: str, *, office_id: int, with_service_and_clerk: bool = True
) -> Dossier:
    """The office's dossier with `code`. Another office's dossier reads as unknown: a station
    neither shows nor changes what is not its office's. Its service and clerk come in the same
    query, for the screens; a caller that needs only their ids (a rating) leaves them out."""
    cleaned = parse_dossier_code(code)
    query = select(Dossier).where(Dossier.code == cleaned, Dossier.office_id == office_id)
    if with_service_and_clerk:
        query = query.options(joinedload(Dossier.service), joinedload(Dossier.clerk))
    dossier = session.scalar(query)
    if dossier is None:
        raise NotFoundError(N_("Dossier {code} was not found."), code=cleaned)
    return dossier


def dossiers_query(office_id: int, received_on: date | None = None) -> Select[Dossier]:
    query = (
        select(Dossier)
        .where(Dossier.office_id == office_id)
        .options(joinedload(Dossier.service), joinedload(Dossier.clerk))
    )
    if received_on is not None:
        start = datetime.combine(received_on, time.min)
        query = query.where(
            Dossier.received_at >= start, Dossier.received_at < start + timedelta(days=1)
        )
    return query.order_by(Dossier.received_at)
