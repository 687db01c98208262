"""The office's two settings for feedback cases: working days to answer one, and months a
citizen's contact is kept after the case is closed. Anyone signed in may read them; only a
manager changes them, and every change is audited with the values before and after."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.db.models import ClerkRole, Office
from kiosk.errors import ConflictError, InvalidInputError
from kiosk.i18n import N_
from kiosk.services.audit import record_audit
from kiosk.services.base import StationUseCases
from kiosk.services.dossier_reads import find_clerk
from kiosk.services.offices import find_office

# Bounds that catch a typo, not a policy: 15 working days is what the national portal counts as
# on time for Decision 766, and 60 months already outlasts any purpose a call-back could serve.
CASE_DAYS = range(1, 61)
CONTACT_MONTHS = range(0, 61)


@dataclass(frozen=True)
class CaseSettings:
    case_days: int  # working days from opening to the due answer
    contact_months: int  # months after closing before the contact is deleted


def _settings(office: Office) -> CaseSettings:
    return CaseSettings(office.case_days, office.contact_months)


class CaseSettingsService(StationUseCases):
    def show(self) -> CaseSettings:
        with self._factory.begin() as session:
            return _settings(find_office(session, self._office_code))

    def change(
        self, viewer_id: int, *, case_days: int | None, contact_months: int | None
    ) -> CaseSettings:
        """Changes what is given. Cases already opened keep their due dates; a contact's removal
        date is set when its case closes, so the new retention applies from the next closing."""
        with self._factory.begin() as session:
            office = find_office(session, self._office_code)
            viewer = find_clerk(session, office.id, viewer_id)
            if viewer.role is not ClerkRole.MANAGER:
                raise ConflictError(N_("Only a manager changes the office's case settings."))
            if case_days is not None and case_days not in CASE_DAYS:
                raise InvalidInputError(
                    N_("The time to answer a case is {first} to {last} working days, not {value}."),
                    first=CASE_DAYS[0],
                    last=CASE_DAYS[-1],
                    value=case_days,
                )
            if contact_months is not None and contact_months not in CONTACT_MONTHS:
                raise InvalidInputError(
                    N_("A contact is kept {first} to {last} months after closing, not {value}."),
                    first=CONTACT_MONTHS[0],
                    last=CONTACT_MONTHS[-1],
                    value=contact_months,
                )
            before = _settings(office)
            if case_days is not None:
                office.case_days = case_days
            if contact_months is not None:
                office.contact_months = contact_months
            after = _settings(office)
            if after != before:
                record_audit(
                    session,
                    at=self._clock(),
                    station=self._station,
                    clerk_id=viewer.id,
                    action="office.case_settings",
                    subject=office.code,
                    details={"before": before.__dict__, "after": after.__dict__},
                )
            return after
