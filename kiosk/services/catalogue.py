"""The procedure catalogue: a manager adds, edits, retires and restores services.

Services are shared by the whole database and their codes are unique. A change of processing
days applies to dossiers received afterwards: a dossier's appointment is fixed when it is
received (Dossier.due_at), so none already given moves. A retired service is no longer offered
at the counter or the kiosk; its dossiers and ratings keep it in the reports."""

from __future__ import annotations

import string
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kiosk.db.limits import column_limit
from kiosk.db.models import Service
from kiosk.errors import ConflictError, InvalidInputError
from kiosk.i18n import N_
from kiosk.services.audit import record_audit
from kiosk.services.manager_pin import ManagerPin, ManagerUseCases
from kiosk.services.offices import find_service, list_services, service_view
from kiosk.text import nfc
from kiosk.views import ServiceView

CODE_CHARACTERS = frozenset(string.ascii_uppercase + string.digits + ".-_")
# A year of working days is more than any procedure is given; beyond it is a typing slip.
MAX_PROCESSING_DAYS = 250

# Each field's own words; the limit itself is the model's (kiosk.db.limits).
TOO_LONG = {
    "code": N_("A procedure code has at most {limit} characters ({length} given)."),
    "name_vi": N_("A Vietnamese name has at most {limit} characters ({length} given)."),
    "name_en": N_("An English name has at most {limit} characters ({length} given)."),
    "field": N_("A field has at most {limit} characters ({length} given)."),
}


def _within_limit(column: str, text: str) -> str:
    limit = column_limit(getattr(Service, column))
    if len(text) > limit:
        raise InvalidInputError(TOO_LONG[column], limit=limit, length=len(text))
    return text


def clean_code(text: str) -> str:
    code = nfc(text).strip().upper()
    if not code or set(code) - CODE_CHARACTERS:
        raise InvalidInputError(
            N_("A procedure code is letters, digits, '.', '-' or '_' only, not '{code}'."),
            code=code[:60],
        )
    return _within_limit("code", code)


def _clean_text(column: str, text: str, empty_message: str) -> str:
    cleaned = " ".join(nfc(text).split())
    if not cleaned:
        raise InvalidInputError(empty_message)
    return _within_limit(column, cleaned)


def clean_name_vi(text: str) -> str:
    return _clean_text("name_vi", text, N_("A service needs a Vietnamese name."))


def clean_name_en(text: str | None, name_vi: str) -> str:
    """The English name, or the Vietnamese one when none is given."""
    cleaned = " ".join(nfc(text or "").split())
    return _within_limit("name_en", cleaned) if cleaned else name_vi


def clean_field(text: str) -> str:
    return _clean_text("field", text, N_("A service needs a field (lĩnh vực)."))


def check_processing_days(days: int) -> int:
    if not 0 <= days <= MAX_PROCESSING_DAYS:
        raise InvalidInputError(
            N_("Processing days are a whole number from 0 (same day) to {most}, not {days}."),
            most=MAX_PROCESSING_DAYS,
            days=days,
        )
    return days


@dataclass(frozen=True)
class ServiceDraft:
    """A service as a manager types it or a catalogue row gives it, checked on creation."""

    code: str
    name_vi: str
    field: str
    processing_days: int
    name_en: str | None = None

    @classmethod
    def checked(
        cls,
        *,
        code: str,
        name_vi: str,
        field: str,
        processing_days: int,
        name_en: str | None = None,
    ) -> ServiceDraft:
        vi = clean_name_vi(name_vi)
        return cls(
            code=clean_code(code),
            name_vi=vi,
            field=clean_field(field),
            processing_days=check_processing_days(processing_days),
            name_en=clean_name_en(name_en, vi),
        )


@dataclass(frozen=True)
class ServiceChanges:
    """What an edit changes; None leaves a value as it is. The code never changes."""

    name_vi: str | None = None
    name_en: str | None = None
    field: str | None = None
    processing_days: int | None = None


def add_service(session: Session, draft: ServiceDraft) -> Service:
    if session.scalar(select(Service.id).where(Service.code == draft.code)) is not None:
        raise ConflictError(N_("Service {code} already exists."), code=draft.code)
    service = Service(
        code=draft.code,
        name_vi=draft.name_vi,
        name_en=draft.name_en or draft.name_vi,
        field=draft.field,
        processing_days=draft.processing_days,
        active=True,
    )
    session.add(service)
    return service


def apply_changes(service: Service, changes: ServiceChanges) -> dict[str, object]:
    """Applies the changes that differ and returns them, for the audit."""
    wanted: dict[str, object] = {}
    if changes.name_vi is not None:
        wanted["name_vi"] = clean_name_vi(changes.name_vi)
    if changes.name_en is not None:
        wanted["name_en"] = clean_name_en(
            changes.name_en, str(wanted.get("name_vi", service.name_vi))
        )
    if changes.field is not None:
        wanted["field"] = clean_field(changes.field)
    if changes.processing_days is not None:
        wanted["processing_days"] = check_processing_days(changes.processing_days)
    # Days an import guessed are confirmed by setting them, even to the guessed number.
    if changes.processing_days is not None and not service.days_confirmed:
        wanted["days_confirmed"] = True
    done = {k: v for k, v in wanted.items() if getattr(service, k) != v}
    for column, value in done.items():
        setattr(service, column, value)
    return done


class CatalogueService(ManagerUseCases):
    def list(self) -> list[ServiceView]:
        with self._factory() as session:
            return list_services(session, include_inactive=True)

    def add(self, manager: ManagerPin, draft: ServiceDraft) -> ServiceView:
        allowed_by = self._confirm_manager(manager)
        try:
            with self._factory.begin() as session:
                service = add_service(session, draft)
                self._audit(session, allowed_by.id, "service.add", service.code, _fields(service))
                return service_view(service)
        except IntegrityError as error:  # the same code added at the same moment elsewhere
            raise ConflictError(N_("Service {code} already exists."), code=draft.code) from error

    def edit(self, manager: ManagerPin, code: str, changes: ServiceChanges) -> ServiceView:
        if changes == ServiceChanges():
            raise InvalidInputError(
                N_("Say what to change: the Vietnamese or English name, field or days.")
            )
        allowed_by = self._confirm_manager(manager)
        with self._factory.begin() as session:
            service = find_service(session, code)
            done = apply_changes(service, changes)
            if done:
                self._audit(session, allowed_by.id, "service.edit", service.code, done)
            return service_view(service)

    def set_active(self, manager: ManagerPin, code: str, *, active: bool) -> ServiceView:
        allowed_by = self._confirm_manager(manager)
        with self._factory.begin() as session:
            service = find_service(session, code)
            if service.active == active:
                message = (
                    N_("Service {code} is already offered.")
                    if active
                    else N_("Service {code} is already retired.")
                )
                raise ConflictError(message, code=service.code)
            service.active = active
            action = "service.restore" if active else "service.retire"
            self._audit(session, allowed_by.id, action, service.code, {})
            return service_view(service)

    def _audit(
        self, session: Session, manager_id: int, action: str, code: str, details: dict[str, object]
    ) -> None:
        record_audit(
            session,
            at=self._clock(),
            station=self._station,
            clerk_id=manager_id,
            action=action,
            subject=f"service:{code}",
            details=details,
        )


def _fields(service: Service) -> dict[str, object]:
    return {
        "name_vi": service.name_vi,
        "name_en": service.name_en,
        "field": service.field,
        "processing_days": service.processing_days,
    }
