"""Changes to the office's staff and catalogue are allowed by a manager's PIN, checked by the
same sign-in as at a station (so its lock-out covers guesses made here too)."""

from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.db.models import ClerkRole
from kiosk.errors import InvalidInputError
from kiosk.i18n import N_
from kiosk.services.base import StationUseCases
from kiosk.services.clerks import ClerkView
from kiosk.services.sign_in import SignInService


@dataclass(frozen=True)
class ManagerPin:
    """Who allows a change: the manager's counter number and PIN (never shown in a repr)."""

    counter: int
    pin: str = field(repr=False)


class NotAManagerError(InvalidInputError):
    pass


class ManagerUseCases(StationUseCases):
    def _confirm_manager(self, manager: ManagerPin) -> ClerkView:
        if not manager.pin:
            raise InvalidInputError(N_("A manager's PIN is needed for this change."))
        person = SignInService(
            self._factory, station=self._station, clock=self._clock, office_code=self._office_code
        ).sign_in(manager.counter, manager.pin)
        if person.role is not ClerkRole.MANAGER:
            raise NotAManagerError(
                N_("Counter {counter} is not a manager's: only a manager can make this change."),
                counter=manager.counter,
            )
        return person
