"""Carries out what the manager asks for on the catalogue tab: each change is allowed by the PIN
typed in its form, runs off the UI thread, and either closes the form and refreshes the lists or
leaves the form open with the reason in words."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from kiosk.clock import Clock
from kiosk.db.session import SessionFactory
from kiosk.i18n import Translator
from kiosk.services.catalogue import CatalogueService, ServiceChanges, ServiceDraft
from kiosk.services.clerks import ClerkView
from kiosk.services.manager_pin import ManagerPin
from kiosk.services.staff import StaffService
from kiosk.views import ServiceView
from ui.screens.manager_catalogue_tab import (
    AddService,
    CatalogueChange,
    EditService,
    ManagerCatalogueTab,
    SetClerkActive,
    SetServiceActive,
)
from ui.widgets.catalogue_dialogs import ManagerChangeDialog
from ui.window_display import describe_failure
from ui.workers import run_in_background

Catalogue = tuple[list[ServiceView], list[ClerkView]]


class CatalogueDesk(QObject):
    shown = Signal()  # the lists are on screen
    changed = Signal(str)  # a change was saved; what the manager is told
    refused = Signal(str)  # a change was refused; why

    def __init__(
        self,
        tab: ManagerCatalogueTab,
        factory: SessionFactory,
        *,
        station: str,
        clock: Clock,
        office_code: str | None,
        tr: Translator,
        manager_counter: Callable[[], int | None],
    ) -> None:
        super().__init__(tab)
        self.tab, self._tr, self._manager_counter = tab, tr, manager_counter
        self.catalogue = CatalogueService(
            factory, station=station, clock=clock, office_code=office_code
        )
        self.staff = StaffService(factory, station=station, clock=clock, office_code=office_code)
        tab.change_requested.connect(self.apply)

    def refresh(self) -> None:
        def load() -> Catalogue:
            return self.catalogue.list(), self.staff.list()

        def show(lists: Catalogue) -> None:
            self.tab.show_catalogue(*lists)
            self.shown.emit()

        def failed(error: BaseException) -> None:
            self.refused.emit(describe_failure(error, self._tr))
            self.shown.emit()

        run_in_background(load, show, failed, parent=self)

    def apply(self, change: CatalogueChange, dialog: ManagerChangeDialog) -> None:
        counter = self._manager_counter()
        if counter is None:  # signed out while the form was open
            dialog.reject()
            return
        manager = ManagerPin(counter, dialog.manager_pin.text())
        tr = self._tr

        def run() -> str:
            return self._carry_out(change, manager)

        def done(message: str) -> None:
            dialog.done_saving()
            self.changed.emit(message)
            self.refresh()

        def failed(error: BaseException) -> None:
            text = describe_failure(error, tr)
            dialog.show_problem(text)
            self.refused.emit(text)

        run_in_background(run, done, failed, parent=dialog)

    def _carry_out(self, change: CatalogueChange, manager: ManagerPin) -> str:
        """Runs on the worker: the service call, and what the manager is told when it is done."""
        tr = self._tr
        if isinstance(change, AddService):
            form = change.form
            view = self.catalogue.add(
                manager,
                ServiceDraft.checked(
                    code=form.code,
                    name_vi=form.name_vi,
                    name_en=form.name_en,
                    field=form.field,
                    processing_days=form.processing_days,
                ),
            )
            return tr("Procedure {code} added.", code=view.code)
        if isinstance(change, EditService):
            form = change.form
            view = self.catalogue.edit(
                manager,
                change.code,
                ServiceChanges(
                    name_vi=form.name_vi,
                    name_en=form.name_en,
                    field=form.field,
                    processing_days=form.processing_days,
                ),
            )
            return tr("Procedure {code} saved.", code=view.code)
        if isinstance(change, SetServiceActive):
            view = self.catalogue.set_active(manager, change.code, active=change.active)
            if view.active:
                return tr("Service {code} is offered again.", code=view.code)
            return tr(
                "Service {code} is retired: no longer offered, its history kept.", code=view.code
            )
        if isinstance(change, SetClerkActive):
            clerk = self.staff.set_active(manager, change.clerk_id, active=change.active)
            if clerk.active:
                return tr("{name} can sign in again.", name=clerk.display_name)
            return tr(
                "{name} is deactivated: they can no longer sign in; their past work keeps "
                "their name.",
                name=clerk.display_name,
            )
        # What is left is a new PIN for a clerk (ChangeClerkPin).
        clerk = self.staff.change_pin(manager, change.clerk_id, change.new_pin)
        return tr("{name} has a new PIN.", name=clerk.display_name)
