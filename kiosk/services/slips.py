"""A dossier's slip read from the database and rendered, for `kiosk print … --out`."""

from __future__ import annotations

from kiosk.db.models import PrintKind
from kiosk.i18n import Translator
from kiosk.printing.pdf_slip import Paper
from kiosk.printing.slips import render_slip
from kiosk.receipt_signing import ReceiptSigner
from kiosk.services.base import StationUseCases
from kiosk.services.dossier_reads import dossier_view, find_dossier
from kiosk.services.offices import office_view


class SlipService(StationUseCases):
    def render(
        self, kind: PrintKind, code: str, *, signer: ReceiptSigner, paper: Paper, tr: Translator
    ) -> bytes:
        with self._factory() as session:
            found = find_dossier(session, code, office_id=self._office_id(session))
            dossier = dossier_view(found, self._clock().date())
            office = office_view(found.office)
        return render_slip(kind, dossier, office, signer=signer, paper=paper, tr=tr)
