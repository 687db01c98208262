"""A dossier's receipt (Form 01) or apology letter (Form 04), as PDF bytes."""

from __future__ import annotations

from kiosk.db.models import PrintKind
from kiosk.errors import InvalidInputError
from kiosk.i18n import N_, Translator
from kiosk.printing.pdf_slip import Paper, render_pdf
from kiosk.printing.slip_fields import slip_fields
from kiosk.printing.templates import load_template
from kiosk.receipt_signing import ReceiptSigner
from kiosk.views import DossierView, OfficeView

TITLES = {
    PrintKind.RECEIPT: N_("Receipt of dossier {code}"),
    PrintKind.APOLOGY: N_("Apology letter for dossier {code}"),
}


def render_slip(
    kind: PrintKind,
    dossier: DossierView,
    office: OfficeView,
    *,
    signer: ReceiptSigner,
    paper: Paper,
    tr: Translator,
) -> bytes:
    if kind is PrintKind.APOLOGY and dossier.reappointed_due_at is None:
        raise InvalidInputError(
            N_("Dossier {code} has not been re-appointed: there is no apology letter to print."),
            code=dossier.code,
        )
    return render_pdf(
        load_template(kind.value),
        slip_fields(dossier, office, tr),
        tr,
        qr_payload=signer.payload(dossier.code),
        paper=paper,
        title=tr(TITLES[kind], code=dossier.code),
    )
