"""A feedback case's slip read from the database, to print it again (`kiosk print case-slip`)."""

from __future__ import annotations

import uuid

from kiosk.case_qr import CaseQrSigner
from kiosk.db.case_models import CaseContact
from kiosk.printing.case_slip import CaseSlip, case_slip
from kiosk.services.base import StationUseCases
from kiosk.services.case_desk import CaseDesk
from kiosk.services.offices import find_office, office_calendar, office_view


class CaseSlipService(StationUseCases):
    def slip(self, reference: uuid.UUID | str, viewer_id: int, *, signer: CaseQrSigner) -> CaseSlip:
        """Whoever may see the case may print its slip, no one else: its QR rates the handling,
        so a clerk never gets the slip of a case about them."""
        desk = CaseDesk(
            self._factory, station=self._station, clock=self._clock, office_code=self._office_code
        )
        case = desk.show(reference, viewer_id).case
        with self._factory() as session:
            office = find_office(session, self._office_code)
            # The days the due date was counted with, even if the office's setting changed since.
            days = office_calendar(office).working_days_between(
                case.opened_at.date(), case.due_at.date()
            )
            asked_for_a_call = session.get(CaseContact, case.id) is not None
            return case_slip(
                case, office_view(office), case_days=days, by_phone=asked_for_a_call, signer=signer
            )
