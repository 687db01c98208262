"""A dossier's receipt (Form 01) or apology letter (Form 04), as PDF bytes."""

from __future__ import annotations

import enum

from kiosk.errors import InvalidInputError
from kiosk.i18n import N_, Translator
from kiosk.printing.pdf_slip import Paper, render_pdf
from kiosk.printing.slip_fields import slip_fields
from kiosk.printing.templates import load_template
from kiosk.receipt_signing import ReceiptSigner
from kiosk.services.base import StationUseCases
from kiosk.services.dossiers import DossierView, dossier_view, find_dossier
from kiosk.services.offices import find_office, office_view
from kiosk.views import OfficeView


class SlipKind(enum.Enum):
    RECEIPT = "receipt"
    APOLOGY = "apology"


TITLES = {
    SlipKind.RECEIPT: N_("Receipt of dossier {code}"),
    SlipKind.APOLOGY: N_("Apology letter for dossier {code}"),
}


def render_slip(
    kind: SlipKind,
    dossier: DossierView,
    office: OfficeView,
    *,
    signer: ReceiptSigner,
    paper: Paper,
    tr: Translator,
) -> bytes:
    if kind is SlipKind.APOLOGY and dossier.reappointed_due_at is None:
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


class SlipService(StationUseCases):
    def render(
        self, kind: SlipKind, code: str, *, signer: ReceiptSigner, paper: Paper, tr: Translator
    ) -> bytes:
        with self._factory() as session:
            dossier = dossier_view(find_dossier(session, code), self._clock().date())
            office = office_view(find_office(session, self._office_code))
        return render_slip(kind, dossier, office, signer=signer, paper=paper, tr=tr)
