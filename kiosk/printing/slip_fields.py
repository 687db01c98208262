"""What a slip is filled with, from a dossier and its office: {fields} and the lists of items."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from kiosk.i18n import N_, Translator
from kiosk.views import DocumentItem, DossierView, OfficeView

BLANK = "………………………………"  # left for the clerk or citizen to write by hand
SHORT_BLANK = "…………"
NBSP = "\u00a0"
TRAILING_STOPS = re.compile(r"[\s.…]+$")
DOCUMENT_FORMS = {"original": N_("original"), "copy": N_("copy")}

Item = Mapping[str, str]


@dataclass(frozen=True)
class SlipContent:
    """A slip's {fields} (one text each) and its lists (an "items" block prints one line each)."""

    fields: Mapping[str, str]
    lists: Mapping[str, tuple[Item, ...]] = field(default_factory=dict)


def unbreakable(text: str) -> str:
    """Spaces that no printer breaks a line at: a date or a duration stays on one line."""
    return text.replace(" ", NBSP)


def long_date(day: date, tr: Translator) -> str:
    return unbreakable(
        tr(
            N_("day {day} month {month} year {year}"),
            day=f"{day.day:02d}",
            month=f"{day.month:02d}",
            year=day.year,
        )
    )


def sentence(text: str | None) -> str:
    """The text ending with exactly one full stop, however it was typed; a blank when empty."""
    text = TRAILING_STOPS.sub("", (text or "").strip())
    return f"{text}." if text else BLANK


def _time(hour: str, minute: str, tr: Translator) -> str:
    return unbreakable(tr(N_("{hour} h {minute}"), hour=hour, minute=minute))


def _moment(prefix: str, moment: datetime, tr: Translator) -> dict[str, str]:
    hour, minute = f"{moment.hour:02d}", f"{moment.minute:02d}"
    return {
        f"{prefix}_hour": hour,
        f"{prefix}_minute": minute,
        f"{prefix}_time": _time(hour, minute, tr),
        f"{prefix}_date": long_date(moment.date(), tr),
    }


def _document(item: DocumentItem, tr: Translator) -> dict[str, str]:
    form = DOCUMENT_FORMS.get(item.form)
    return {
        "name": item.name,
        "form": tr(form) if form else item.form,
        "count": f"{item.count:02d}",
    }


def _supplement_fields(dossier: DossierView, tr: Translator) -> dict[str, str]:
    if not dossier.supplements:
        return {
            "supplement_number": f"{dossier.code}/BS",
            "supplement_date": BLANK,
            "supplement_reason": BLANK,
            "supplement_clerk": dossier.clerk_name,
        }
    last = dossier.supplements[-1]
    return {
        "supplement_number": f"{dossier.code}/BS{last.number}",
        "supplement_date": long_date(last.issued_at.date(), tr),
        "supplement_reason": sentence(last.reason),
        "supplement_clerk": last.clerk_name,
    }


def slip_content(
    dossier: DossierView, office: OfficeView, tr: Translator, *, check_number: str
) -> SlipContent:
    """`check_number`: the signer's for this dossier, typed at the kiosk with the code."""
    citizen = dossier.citizen
    service = dossier.service_name_vi if tr.language == "vi" else dossier.service_name_en
    processing = (
        tr(N_("{days} working days"), days=dossier.processing_days)
        if dossier.processing_days
        else tr(N_("same day"))
    )
    entry = f"{dossier.register_entry:02d}" if dossier.register_entry else SHORT_BLANK
    fields = {
        "code": dossier.code,
        "check_number": check_number,
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
        "processing_time": unbreakable(processing),
        "sets": f"{dossier.sets:02d}",
        # Form 07 is kept one book a year, numbered from 01: the book is the year received.
        "register_book": str(dossier.received_at.year),
        "register_entry": entry,
        "receipt_number": entry,
        "reason": sentence(dossier.reappointment_reason),
        "letter_number": f"{dossier.code}/XL",
        "letter_date": long_date((dossier.reappointed_at or dossier.received_at).date(), tr),
        "refusal_number": f"{dossier.code}/TC",
        "refusal_date": long_date((dossier.refused_at or dossier.received_at).date(), tr),
        "refusal_reason": sentence(dossier.refusal_reason),
        **_supplement_fields(dossier, tr),
        **_moment("received", dossier.received_at, tr),
        **_moment("due", dossier.due_at, tr),
    }
    new_due = dossier.reappointed_due_at
    fields.update(
        _moment("new_due", new_due, tr)
        if new_due
        else {
            "new_due_hour": "…",
            "new_due_minute": "…",
            "new_due_time": _time("…", "…", tr),
            "new_due_date": BLANK,
        }
    )
    missing = dossier.supplements[-1].missing if dossier.supplements else ()
    return SlipContent(
        fields,
        {
            "documents": tuple(_document(item, tr) for item in dossier.documents),
            "missing": tuple({"name": line} for line in missing),
        },
    )
