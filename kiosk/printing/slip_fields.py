"""The values a slip's {fields} are filled with, from a dossier and its office."""

from __future__ import annotations

from datetime import date, datetime

from kiosk.i18n import N_, Translator
from kiosk.views import DossierView, OfficeView

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


def slip_fields(dossier: DossierView, office: OfficeView, tr: Translator) -> dict[str, str]:
    citizen = dossier.citizen
    service = dossier.service_name_vi if tr.language == "vi" else dossier.service_name_en
    processing = (
        tr(N_("{days} working days"), days=dossier.processing_days)
        if dossier.processing_days
        else tr(N_("same day"))
    )
    fields = {
        "code": dossier.code,
        "office_name": office.name,
        "office_address": office.address or BLANK,
        "authority": office.authority,
        "place": office.place_name or BLANK,
        "signatory_title": office.signatory_title,
        "signatory_name": office.signatory_name,
        "counter": str(dossier.counter),
        "clerk_name": dossier.clerk_name,
        "citizen_name": citizen.name or BLANK,
        "citizen_signature": citizen.name or "",
        "citizen_address": citizen.address or BLANK,
        "citizen_phone": citizen.phone or BLANK,
        "service_name": service,
        "processing_time": processing,
        "reason": dossier.reappointment_reason or BLANK,
        "letter_number": f"{dossier.code}/XL",
        "letter_date": long_date((dossier.reappointed_at or dossier.received_at).date(), tr),
        **_moment("received", dossier.received_at, tr),
        **_moment("due", dossier.due_at, tr),
    }
    new_due = dossier.reappointed_due_at
    fields.update(
        _moment("new_due", new_due, tr)
        if new_due
        else {"new_due_hour": "…", "new_due_minute": "…", "new_due_date": BLANK}
    )
    return fields
