"""A dossier's papers of Circular 03/2025 as PDF bytes: receipt (Form 01), request to supplement
(Form 02), refusal (Form 03), apology and request to extend the processing time (Form 04)."""

from __future__ import annotations

from kiosk.db.models import PrintKind
from kiosk.errors import InvalidInputError
from kiosk.i18n import N_, Translator
from kiosk.printing.pdf_slip import Paper, render_pdf
from kiosk.printing.slip_fields import slip_content
from kiosk.printing.templates import load_template
from kiosk.receipt_signing import ReceiptSigner
from kiosk.views import DossierView, OfficeView

TITLES = {
    PrintKind.RECEIPT: N_("Receipt of dossier {code}"),
    PrintKind.APOLOGY: N_("Apology letter for dossier {code}"),
    PrintKind.SUPPLEMENT: N_("Request to supplement dossier {code}"),
    PrintKind.REFUSAL: N_("Refusal of dossier {code}"),
}


def check_printable(kind: PrintKind, dossier: DossierView) -> None:
    """Refuses, in words, a paper the dossier's history does not call for."""
    if kind is PrintKind.APOLOGY and dossier.reappointed_due_at is None:
        raise InvalidInputError(
            N_("Dossier {code} has not been re-appointed: there is no apology letter to print."),
            code=dossier.code,
        )
    if kind is PrintKind.SUPPLEMENT and not dossier.supplements:
        raise InvalidInputError(
            N_(
                "No request to supplement dossier {code} has been recorded: there is no "
                "Form 02 to print."
            ),
            code=dossier.code,
        )
    if kind is PrintKind.REFUSAL and dossier.refused_at is None:
        raise InvalidInputError(
            N_("Dossier {code} has not been refused: there is no refusal slip to print."),
            code=dossier.code,
        )


def render_slip(
    kind: PrintKind,
    dossier: DossierView,
    office: OfficeView,
    *,
    signer: ReceiptSigner,
    paper: Paper,
    tr: Translator,
) -> bytes:
    check_printable(kind, dossier)
    return render_pdf(
        load_template(kind.value),
        slip_content(dossier, office, tr, check_number=signer.check_number(dossier.code)),
        tr,
        qr_payload=signer.payload(dossier.code),
        paper=paper,
        title=tr(TITLES[kind], code=dossier.code),
    )
