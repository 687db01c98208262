"""A manager deactivates or restores a clerk and changes a clerk's PIN."""

from __future__ import annotations

from kiosk.pins import check_pin_shape
from kiosk.services.clerks import (
    ClerkView,
    change_pin,
    clerk_view,
    list_clerks,
    set_clerk_active,
)
from kiosk.services.manager_pin import ManagerPin, ManagerUseCases
from kiosk.services.offices import find_office


class StaffService(ManagerUseCases):
    def set_active(self, manager: ManagerPin, clerk_id: int, *, active: bool) -> ClerkView:
        allowed_by = self._confirm_manager(manager)
        with self._factory.begin() as session:
            clerk = set_clerk_active(
                session,
                find_office(session, self._office_code),
                clerk_id,
                active=active,
                by_manager_id=allowed_by.id,
                at=self._clock(),
                station=self._station,
            )
            return clerk_view(clerk)

    def change_pin(self, manager: ManagerPin, clerk_id: int, new_pin: str) -> ClerkView:
        check_pin_shape(new_pin)  # before the manager's PIN is spent on a change that fails
        allowed_by = self._confirm_manager(manager)
        with self._factory.begin() as session:
            clerk = change_pin(
                session,
                find_office(session, self._office_code),
                clerk_id,
                new_pin,
                by_manager_id=allowed_by.id,
                at=self._clock(),
                station=self._station,
            )
            return clerk_view(clerk)

    def list(self) -> list[ClerkView]:
        with self._factory() as session:
            return list_clerks(session, find_office(session, self._office_code))
