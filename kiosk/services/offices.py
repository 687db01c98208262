"""The office a station works for, its calendar, and its service catalogue."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from functools import lru_cache

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from kiosk.calendar import WorkingCalendar
from kiosk.db.limits import column_limit, fitted
from kiosk.db.models import Office, Rating, Service
from kiosk.errors import InvalidInputError, NotFoundError
from kiosk.i18n import N_
from kiosk.services.audit import record_audit
from kiosk.text import nfc
from kiosk.views import OfficeView, ServiceView


def office_view(office: Office) -> OfficeView:
    return OfficeView(
        code=office.code,
        name=office.name,
        address=office.address,
        opening_time=office.opening_time,
        closing_time=office.closing_time,
        afternoon_cutoff=office.afternoon_cutoff,
        rating_scale=office.rating_scale,
        voice_prompts=office.voice_prompts,
        authority=office.authority,
        place_name=office.place_name,
        signatory_title=office.signatory_title,
        signatory_name=office.signatory_name,
        hotline=office.hotline,
        case_days=office.case_days,
    )


def service_view(service: Service) -> ServiceView:
    return ServiceView(
        code=service.code,
        name_vi=service.name_vi,
        name_en=service.name_en,
        field=service.field,
        processing_days=service.processing_days,
        active=service.active,
        days_confirmed=service.days_confirmed,
    )


def find_office(session: Session, code: str | None = None) -> Office:
    """The office with `code`, or the database's only office when no code is given."""
    if code is not None:
        office = session.scalar(select(Office).where(Office.code == nfc(code).strip()))
        if office is None:
            raise NotFoundError(N_("Office {code} does not exist."), code=code)
        return office
    offices = session.scalars(select(Office).limit(2)).all()
    if not offices:
        raise NotFoundError(N_("No office is set up yet: run 'kiosk demo' or 'kiosk office init'."))
    if len(offices) > 1:
        raise InvalidInputError(N_("This database serves several offices: name one with --office."))
    return offices[0]


def office_calendar(office: Office) -> WorkingCalendar:
    return _calendar(frozenset(d.day for d in office.days_off), office.afternoon_cutoff)


@lru_cache(maxsize=16)
def _calendar(days_off: frozenset[date], cutoff: time) -> WorkingCalendar:
    # Cached: the holiday table is worked out once per year, not once per dossier.
    return WorkingCalendar(extra_days_off=days_off, cutoff=cutoff)


def find_service(session: Session, code: str) -> Service:
    cleaned = nfc(code).strip().upper()
    service = session.scalar(select(Service).where(Service.code == cleaned))
    if service is None:
        raise NotFoundError(
            N_("Service {code} does not exist (see 'kiosk services list')."), code=code
        )
    return service


def list_services(session: Session, *, include_inactive: bool = False) -> list[ServiceView]:
    query = select(Service).order_by(Service.field, Service.name_vi)
    if not include_inactive:
        query = query.where(Service.active.is_(True))
    return [service_view(s) for s in session.scalars(query)]


# The UNIT part of a dossier code: what the code's own parser reads back (no dash, which
# separates the parts) and what a QR code's alphanumeric mode carries (upper-case letters, digits
# and a few signs, of which the dot is the one official codes use: 000.00.30.H12). No colon:
# it separates the parts of a receipt's signed QR.
OFFICE_CODE = re.compile(r"[A-Z0-9.]+")


def check_office_code(code: str) -> str:
    """The code upper-cased, or InvalidInputError saying what a code may hold."""
    cleaned = nfc(code).strip().upper()
    longest = column_limit(Office.code)
    if not OFFICE_CODE.fullmatch(cleaned) or len(cleaned) > longest:
        raise InvalidInputError(
            N_(
                "'{code}' cannot be an office code: use 1 to {longest} letters A–Z, digits and "
                "dots (like 000.00.30.H12), so that dossier codes and their QR carry it."
            ),
            code=code.strip()[:60],
            longest=longest,
        )
    return cleaned


def create_office(
    session: Session, *, code: str, name: str, address: str = "", at: datetime, station: str
) -> Office:
    code = check_office_code(code)
    name = fitted(name, Office.name, N_("Office name"))
    if not name:
        raise InvalidInputError(N_("An office needs a name."))
    office = Office(code=code, name=name, address=fitted(address, Office.address, N_("Address")))
    session.add(office)
    record_audit(session, at=at, station=station, action="office.create", subject=code)
    return office


def set_targets(
    session: Session,
    office: Office,
    *,
    satisfaction: int | None,
    on_time: int | None,
    early: int | None,
    at: datetime,
    station: str,
) -> None:
    """Changes the targets given (per cent, 0–100); the change is audited."""
    changes = {
        name: value
        for name, value in (
            ("target_satisfaction", satisfaction),
            ("target_on_time", on_time),
            ("target_early", early),
        )
        if value is not None
    }
    for name, value in changes.items():
        if not 0 <= value <= 100:
            raise InvalidInputError(
                N_("A target is a percentage from 0 to 100, not {value}."), value=value
            )
        setattr(office, name, value)
    record_audit(
        session,
        at=at,
        station=station,
        action="office.targets",
        subject=office.code,
        details=changes,
    )


HOTLINE_CHARACTERS = set("0123456789 .+()-")


def set_hotline(
    session: Session, office: Office, number: str, *, at: datetime, station: str
) -> None:
    """The number unhappy citizens are given at the kiosk; an empty one removes it. Audited."""
    number = " ".join(nfc(number).split())
    digits = sum(c.isdigit() for c in number)
    # Short codes (1022) and 1900 lines are hotlines too: no phone-number rules, only sane text.
    if number and (set(number) - HOTLINE_CHARACTERS or not 3 <= digits <= 15):
        raise InvalidInputError(
            N_("{number} is not a phone number: digits, spaces and dots only, 3 to 15 digits."),
            number=number[:30],
        )
    office.hotline = number
    record_audit(
        session,
        at=at,
        station=station,
        action="office.hotline",
        subject=office.code,
        details={"hotline": number},
    )


def chained_ratings_of(session: Session, office_id: int) -> ColumnElement[bool]:
    """The condition for a rating to be in one of the office's chains. Ratings from before
    revision 0007 have no office: they belong to the database's only office, and to none once it
    has several."""
    mine = Rating.office_id == office_id
    if session.scalar(select(func.count()).select_from(Office)) == 1:
        return or_(mine, Rating.office_id.is_(None))
    return mine


def ratings_of(session: Session, office_id: int) -> ColumnElement[bool]:
    """The condition for a rating to count in the office's service figures: a rating of how a
    feedback case was handled is chained like the others but counts only in the case figures."""
    return and_(chained_ratings_of(session, office_id), Rating.case_id.is_(None))
