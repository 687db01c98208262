"""Carries out what the manager asks for on the Cases tab: the list and the counts, one case in
detail, each change from its form, and the Decision 766 group of the desk's period — every
call off the UI thread. A change closes its form and refreshes the tab, or leaves the form open
with the reason in words."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QObject, Signal, SignalInstance

from kiosk.answers import SCALE_LEVELS
from kiosk.clock import Clock
from kiosk.config import Settings
from kiosk.db.session import SessionFactory
from kiosk.i18n import Translator
from kiosk.paths import station_key_path
from kiosk.reports.decision_766 import Group766, office_group_766
from kiosk.services.case_desk import CaseDesk, CaseDetail, CaseView
from kiosk.services.offices import find_office, list_services
from kiosk.services.staff import StaffService
from kiosk.station_keys import load_station_signer
from ui.screens.manager_cases_tab import CasesContext, ManagerCasesTab
from ui.screens.manager_desk_screen import ManagerDeskScreen
from ui.widgets.case_detail_panel import UNFINISHED
from ui.widgets.case_dialogs import (
    AnswerCase,
    AssignCase,
    CaseFormDialog,
    CaseRequest,
    CloseCase,
    OpenCase,
    RateHandling,
    TransferCase,
)
from ui.window_display import describe_failure
from ui.workers import run_in_background


@dataclass(frozen=True)
class _Cases:
    context: CasesContext
    cases: list[CaseView]
    unfinished: list[CaseView]


class ManagerCases(QObject):
    shown = Signal()  # the list (or the reason it could not come) is on screen
    detail_shown = Signal()
    group_shown = Signal()
    changed = Signal(str)  # a change was saved; what the manager is told
    refused = Signal(str)  # a change or a read was refused; why

    def __init__(
        self,
        desk: ManagerDeskScreen,
        settings: Settings,
        factory: SessionFactory,
        *,
        clock: Clock,
        tr: Translator,
        manager_id: Callable[[], int | None],
    ) -> None:
        super().__init__(desk)
        self.tab: ManagerCasesTab = desk.cases
        self.desk, self.settings, self.factory, self._tr = desk, settings, factory, tr
        self._manager_id = manager_id
        self._clock = clock
        self.tab.clock = clock
        self._signing_desk: CaseDesk | None = None
        station, office = settings.station_name, settings.office_code
        self.cases = CaseDesk(factory, station=station, clock=clock, office_code=office)
        self.staff = StaffService(factory, station=station, clock=clock, office_code=office)
        self._request = 0  # only the list asked for last is shown
        self.tab.filter_changed.connect(lambda: self.refresh(with_group=False))
        self.tab.case_picked.connect(self.show_case)
        self.tab.request_made.connect(self.apply)
        desk.period_changed.connect(self.show_group)

    def refresh(self, *, with_group: bool = True) -> None:
        """The tab's lists, then (unless told not to) the 766 group of the desk's period."""
        manager_id = self._manager_id()
        if manager_id is None:
            return
        self._request += 1
        request, wanted = self._request, self.tab.chosen_filter()
        cases, staff, factory, code = (
            self.cases,
            self.staff,
            self.factory,
            self.settings.office_code,
        )

        def load() -> _Cases:
            with factory() as session:
                office = find_office(session, code)
                services = list_services(session)
                faces, months = SCALE_LEVELS[office.rating_scale], office.contact_months
            people = staff.list()
            context = CasesContext(
                manager_id,
                people,
                services,
                faces,
                months,
                {clerk.id: clerk.display_name for clerk in people},
            )
            unfinished = cases.list(manager_id, states=UNFINISHED)
            chosen = cases.list(manager_id, states=wanted.states, owner_id=wanted.owner_id)
            return _Cases(context, chosen, unfinished)

        def show(loaded: _Cases) -> None:
            if request != self._request:
                return  # the manager has asked for another list since
            self.tab.set_context(loaded.context)
            self.tab.show_cases(loaded.cases, loaded.unfinished)
            self.shown.emit()

        run_in_background(load, show, self._failed(self.shown), parent=self)
        if with_group:
            self.show_group(*self.desk.period)

    def show_case(self, case_id: uuid.UUID) -> None:
        manager_id = self._manager_id()
        if manager_id is None:
            return
        cases = self.cases

        def load() -> CaseDetail:
            return cases.show(case_id, manager_id)

        def show(detail: CaseDetail) -> None:
            self.tab.show_detail(detail)
            self.detail_shown.emit()

        run_in_background(load, show, self._failed(self.detail_shown), parent=self)

    def show_group(self, start: date, end: date) -> None:
        factory, code, now = self.factory, self.settings.office_code, self._clock()

        def load() -> Group766:
            with factory() as session:
                return office_group_766(session, find_office(session, code).id, start, end, now)

        def show(group: Group766) -> None:
            if (start, end) == self.desk.period:  # else another period is on its way
                self.tab.show_group(group, start, end)
            self.group_shown.emit()

        run_in_background(load, show, self._failed(self.group_shown), parent=self)

    def _failed(self, finished: SignalInstance) -> Callable[[BaseException], None]:
        def failed(error: BaseException) -> None:
            self.refused.emit(describe_failure(error, self._tr))
            finished.emit()

        return failed

    # -- changes -----------------------------------------------------------------------------

    def apply(self, request: CaseRequest, dialog: CaseFormDialog) -> None:
        manager_id = self._manager_id()
        if manager_id is None:  # signed out while the form was open
            dialog.reject()
            return
        tr = self._tr

        def done(view: CaseView) -> None:
            dialog.done_saving()
            self.changed.emit(tr("Case {number} saved.", number=view.number))
            self.refresh()  # a change may move the 766 parts of the period
            self.show_case(view.id)

        def failed(error: BaseException) -> None:
            text = describe_failure(error, tr)
            dialog.show_problem(text)
            self.refused.emit(text)

        run_in_background(lambda: self._carry_out(request, manager_id), done, failed, parent=dialog)

    def _carry_out(self, request: CaseRequest, manager_id: int) -> CaseView:
        """Runs on the worker."""
        cases = self.cases
        if isinstance(request, AssignCase):
            return cases.assign(request.case_id, request.owner_id, manager_id)
        if isinstance(request, AnswerCase):
            return cases.answer(request.case_id, request.text, request.channel, manager_id)
        if isinstance(request, RateHandling):
            return self._rating_desk().rate(
                request.case_id,
                request.satisfaction,
                request.caller_id,
                called_at=request.called_at,
            )
        if isinstance(request, CloseCase):
            return cases.close(request.case_id, manager_id)
        if isinstance(request, TransferCase):
            return cases.transfer(request.case_id, request.place, manager_id)
        assert isinstance(request, OpenCase)
        return cases.open(
            manager_id,
            source=request.source,
            subject=request.subject,
            text=request.text,
            contact=request.contact,
            dossier_code=request.dossier_code,
            service_code=request.service_code,
        )

    def _rating_desk(self) -> CaseDesk:
        """A call-back rating joins this station's signed chain, like any rating: without the
        station's key none is taken here (KeyFileError names the file and the fix)."""
        if self._signing_desk is None:
            signer = load_station_signer(station_key_path(self.settings.station_key_path))
            self._signing_desk = CaseDesk(
                self.factory,
                station=self.settings.station_name,
                clock=self._clock,
                office_code=self.settings.office_code,
                signer=signer,
            )
        return self._signing_desk
