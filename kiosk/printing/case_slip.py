"""The slip of a feedback case (phản ánh, kiến nghị): what it says, and its PDF (A5 or 80 mm roll),
ESC/POS and printer output.

It is laid out by resources/templates/case_slip.toml through the counter's own slip renderers, so
it looks like the office's other papers and an office may reword it. It never carries the
citizen's name or phone: only whether the office will call back.
"""

from __future__ import annotations

import enum
import string
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from kiosk.case_qr import CaseQrSigner
from kiosk.i18n import N_, Translator
from kiosk.printing.escpos_slip import render_escpos
from kiosk.printing.pdf_slip import Paper, render_pdf
from kiosk.printing.printers import Printer, Slip
from kiosk.printing.slip_fields import SlipContent, long_date, unbreakable
from kiosk.printing.templates import SlipTemplate, load_template
from kiosk.views import OfficeView

TEMPLATE = "case_slip"
# Blocks whose text is one line of the slip: left out when a {field} in it is empty.
LINE_KINDS = ("title", "centered", "right", "line", "paragraph", "emphasis")


class AnswerWay(enum.Enum):
    PHONE = "phone"  # the citizen left a number to be called back
    COUNTER = "counter"  # at the counter, or on the office's notice board


ANSWER_WAYS = {
    AnswerWay.PHONE: N_("the office will call you back on the phone number you left"),
    AnswerWay.COUNTER: N_("at the one-stop counter, or on the office's notice board"),
}


@dataclass(frozen=True)
class CaseSlip:
    office_name: str
    office_address: str
    hotline: str
    authority: str  # the authority over the office, above its name
    place_name: str
    case_id: uuid.UUID
    number: str | None  # None: taken by a kiosk out of touch with the database, numbered later
    opened_at: datetime
    subject: str
    due_at: datetime | None  # None with the number: the due date comes with it
    case_days: int  # the office's handling time in working days
    answer_way: AnswerWay
    qr_payload: str


class CaseFacts(Protocol):
    """What a slip needs of a case: a CaseView (kiosk.services.case_desk) has it."""

    @property
    def id(self) -> uuid.UUID: ...
    @property
    def number(self) -> str | None: ...
    @property
    def opened_at(self) -> datetime: ...
    @property
    def subject(self) -> str: ...
    @property
    def due_at(self) -> datetime | None: ...


@dataclass(frozen=True)
class UnnumberedCase:
    """A case a kiosk out of touch with the database has opened under an id of its own: its
    number and due date come when the outbox forwards it, and its QR scans already."""

    id: uuid.UUID
    opened_at: datetime
    subject: str
    number: None = None
    due_at: None = None


def case_slip(
    case: CaseFacts,
    office: OfficeView,
    *,
    case_days: int,
    by_phone: bool,
    signer: CaseQrSigner,
) -> CaseSlip:
    """`by_phone`: the citizen left a phone number to be called back (the number stays off the
    slip); `case_days`: the office's setting the due date was counted with."""
    return CaseSlip(
        office_name=office.name,
        office_address=office.address,
        hotline=office.hotline,
        authority=office.authority,
        place_name=office.place_name,
        case_id=case.id,
        number=case.number,
        opened_at=case.opened_at,
        subject=case.subject,
        due_at=case.due_at,
        case_days=case_days,
        answer_way=AnswerWay.PHONE if by_phone else AnswerWay.COUNTER,
        qr_payload=signer.payload(case.id),
    )


def _day(moment: datetime) -> str:
    return f"{moment:%d/%m/%Y}"


def _answer_due(slip: CaseSlip, tr: Translator) -> str:
    days = unbreakable(tr(N_("{days} working days"), days=slip.case_days))
    if slip.due_at is None:
        return tr(N_("within {days} of receipt"), days=days)
    # The hour and the day on one line: a deadline is read at a glance.
    due = tr(N_("before {time} on {date}"), time=f"{slip.due_at:%H:%M}", date=_day(slip.due_at))
    return f"{unbreakable(due)} ({days})"


def case_slip_content(slip: CaseSlip, tr: Translator) -> SlipContent:
    """The template's {fields}. Dates as dd/mm/yyyy, the way the counter writes them."""
    opened = long_date(slip.opened_at.date(), tr)
    return SlipContent(
        {
            "office_name": slip.office_name,
            "office_address": slip.office_address,
            "hotline": slip.hotline,
            "authority": slip.authority,
            "case_number": slip.number or tr(N_("(given later)")),
            "dateline": f"{slip.place_name}, {opened}" if slip.place_name else opened,
            "opened_time": f"{slip.opened_at:%H:%M}",
            "opened_day": _day(slip.opened_at),
            "subject": slip.subject,
            "answer_due": _answer_due(slip, tr),
            "answer_way": tr(ANSWER_WAYS[slip.answer_way]),
        }
    )


def _fields_in(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def case_slip_template(content: SlipContent, tr: Translator) -> SlipTemplate:
    """The office's template without the lines this case has nothing for (a hotline, say)."""
    template = load_template(TEMPLATE)
    kept = tuple(
        block
        for block in template.blocks
        if block.kind not in LINE_KINDS
        or all(content.fields.get(name) for name in _fields_in(tr(block.text)))
    )
    return SlipTemplate(template.name, kept)


def case_slip_title(slip: CaseSlip, tr: Translator) -> str:
    return tr(N_("Feedback slip {number}"), number=slip.number or slip.case_id.hex[:8].upper())


def case_slip_pdf(slip: CaseSlip, paper: Paper, tr: Translator) -> bytes:
    content = case_slip_content(slip, tr)
    return render_pdf(
        case_slip_template(content, tr),
        content,
        tr,
        qr_payload=slip.qr_payload,
        paper=paper,
        title=case_slip_title(slip, tr),
    )


def case_slip_escpos(slip: CaseSlip, tr: Translator) -> bytes:
    """For an 80 mm thermal printer: the text as pictures, the QR as the printer's own."""
    content = case_slip_content(slip, tr)
    return render_escpos(case_slip_template(content, tr), content, tr, qr_payload=slip.qr_payload)


def print_case_slip(printer: Printer, slip: CaseSlip, tr: Translator) -> None:
    """Sends the slip to the station's printer (a CUPS queue gets the PDF on its paper, a
    thermal printer its ESC/POS); raises PrinterError in words when it did not get there."""
    content = case_slip_content(slip, tr)
    printer.print_slip(
        Slip(
            case_slip_template(content, tr),
            content,
            tr,
            slip.qr_payload,
            case_slip_title(slip, tr),
            f"case-{slip.number or slip.case_id.hex}",
        )
    )
