"""The values a slip's {fields} are filled with, from a dossier and its office."""

from __future__ import annotations

from datetime import date, datetime

from kiosk.i18n import N_, Translator
from kiosk.services.tickets import TicketView
from kiosk.views import OfficeView

BLANK = "………………………………"  # left for the clerk or citizen to write by hand


def long_date(day: date, tr: Translator) -> str:
    return tr(
        N_("day {day} month {month} year {year}"),
        day=f"{day.day:02d}",
        month=f"{day.month:02d}",
        year=day.year,
    )


def _moment(prefix: str, moment: datetime, tr: Translator) -> dict[str, str]:
    return {
        f"{prefix}_hour": f"{moment.hour:02d}",
        f"{prefix}_minute": f"{moment.minute:02d}",
        f"{prefix}_date": long_date(moment.date(), tr),
    }


def slip_fields(ticket: TicketView, office: OfficeView, tr: Translator) -> dict[str, str]:
    citizen = ticket.citizen
    service = ticket.service_name_vi if tr.language == "vi" else ticket.service_name_en
    processing = (
        tr(N_("{days} working days"), days=ticket.processing_days)
        if ticket.processing_days
        else tr(N_("same day"))
    )
    fields = {
        "code": ticket.code,
        "office_name": office.name,
        "office_address": office.address or BLANK,
        "authority": office.authority,
        "place": office.place_name or BLANK,
        "signatory_title": office.signatory_title,
        "signatory_name": office.signatory_name,
        "counter": str(ticket.counter),
        "clerk_name": ticket.clerk_name,
        "citizen_name": citizen.name or BLANK,
        "citizen_signature": citizen.name or "",
        "citizen_address": citizen.address or BLANK,
        "citizen_phone": citizen.phone or BLANK,
        "service_name": service,
        "processing_time": processing,
        "reason": ticket.reappointment_reason or BLANK,
        "letter_number": f"{ticket.code}/XL",
        "letter_date": long_date((ticket.reappointed_at or ticket.received_at).date(), tr),
        **_moment("received", ticket.received_at, tr),
        **_moment("due", ticket.due_at, tr),
    }
    new_due = ticket.reappointed_due_at
    fields.update(
        _moment("new_due", new_due, tr)
        if new_due
        else {"new_due_hour": "…", "new_due_minute": "…", "new_due_date": BLANK}
    )
    return fields
