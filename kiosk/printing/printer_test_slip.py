"""The "Test print" slip: a receipt filled with sample data, clearly marked as a test."""

from __future__ import annotations

import uuid
from datetime import datetime

from kiosk.dossier_code import MAX_SEQUENCE, format_dossier_code
from kiosk.i18n import N_, Translator
from kiosk.printing.printers import Slip
from kiosk.printing.slip_fields import slip_content
from kiosk.printing.templates import load_template
from kiosk.receipt_signing import ReceiptSigner
from kiosk.status import DossierStatus
from kiosk.views import CitizenDetails, DossierView, OfficeView

TEST_MARK = N_("TEST PRINT — NOT A RECEIPT")


def printer_test_slip(
    office: OfficeView,
    *,
    clerk_name: str,
    counter: int,
    now: datetime,
    signer: ReceiptSigner,
    tr: Translator,
) -> Slip:
    # The last number of the day, which a real dossier all but never gets.
    code = format_dossier_code(office.code, now.date(), MAX_SEQUENCE)
    sample = DossierView(
        id=uuid.uuid4(),
        code=code,
        service_code="TEST",
        service_name_vi=tr(TEST_MARK),
        service_name_en=tr(TEST_MARK),
        processing_days=0,
        clerk_name=clerk_name,
        counter=counter,
        received_at=now,
        due_at=now,
        returned_at=None,
        reappointed_due_at=None,
        reappointment_reason=None,
        reappointed_at=None,
        citizen=CitizenDetails(tr(TEST_MARK)),
        status=DossierStatus.PROCESSING,
    )
    return Slip(
        load_template("receipt"),
        slip_content(sample, office, tr, check_number=signer.check_number(code)),
        tr,
        signer.payload(code),
        tr(TEST_MARK),
        "test-print",
    )
