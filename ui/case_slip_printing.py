"""A case's slip on the kiosk's own printer, off the UI thread. The slip screen shows the same
number, due date and QR, so a kiosk with no printer, or one out of paper, loses nothing: the
citizen photographs the screen, and the problem goes to the log for staff."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from kiosk.i18n import N_, Translator

if TYPE_CHECKING:
    import uuid

    from kiosk.kiosk_case import CaseRequest, KioskCase
    from ui.kiosk_window import KioskWindow

log = logging.getLogger("kiosk.cases")

# A call-back's case is about the rating just given; its subject on the slip says so.
CALL_BACK_SUBJECT = N_("Call-back request after your rating")


@dataclass(frozen=True)
class _SlipFacts:
    id: uuid.UUID
    number: str | None
    opened_at: datetime
    subject: str
    due_at: datetime | None


def print_kiosk_case_slip(window: KioskWindow, case: KioskCase, request: CaseRequest) -> None:
    from kiosk.printing.printers import printer_from_setting

    settings, office, signer = window.settings, window.office_view, window.flow.case_qr
    reference = case.number or case.id
    printer = printer_from_setting(settings.printer, settings.printer_paper)
    if printer is None or office is None or signer is None:
        log.info("Case slip %s shown on screen only: no kiosk printer or no office key.", reference)
        return
    from kiosk.printing.case_slip import case_slip, print_case_slip

    tr = Translator("vi")  # the office's papers are in Vietnamese, as its other forms
    subject = request.subject or tr(CALL_BACK_SUBJECT)
    facts = _SlipFacts(case.id, case.number, request.at, subject, case.due_at)
    slip = case_slip(
        facts, office, case_days=office.case_days, by_phone=case.contact_given, signer=signer
    )

    def failed(error: BaseException) -> None:
        log.warning("Case slip %s not printed (%s); it is on the screen.", reference, error)

    window.run_in_background(lambda: print_case_slip(printer, slip, tr), lambda _: None, failed)
