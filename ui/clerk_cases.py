"""The clerk station's own feedback cases: a button in the desk's header says how many wait
(and how many are overdue); it opens the list of the cases given to the signed-in clerk, where
each is answered. What the clerk may see is the service's rule (CaseDesk.list with the clerk's
id): never a case about them, never a contact. Every call runs off the UI thread."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from kiosk.clock import Clock
from kiosk.db.case_models import CaseState
from kiosk.db.session import SessionFactory
from kiosk.i18n import Translator
from kiosk.services.case_desk import CaseDesk, CaseView
from ui.case_words import overdue_now, to_answer
from ui.screens.clerk_desk_screen import ClerkDeskScreen
from ui.widgets.case_dialogs import AnswerDialog
from ui.widgets.clerk_cases_dialog import ClerkCasesDialog
from ui.widgets.counter_form_dialog import open_over
from ui.window_display import describe_failure
from ui.workers import run_in_background

# Still with the clerk: to answer, or answered and waiting for the manager to close it.
WITH_THE_CLERK = (CaseState.ASSIGNED, CaseState.ANSWERED)


class ClerkCases(QObject):
    shown = Signal()  # the count (and the open list) are up to date
    answered = Signal(object)  # CaseView

    def __init__(
        self,
        desk: ClerkDeskScreen,
        factory: SessionFactory,
        *,
        station: str,
        clock: Clock,
        office_code: str | None,
        tr: Translator,
        clerk_id: Callable[[], int | None],
    ) -> None:
        super().__init__(desk)
        self.desk, self._tr, self._clerk_id = desk, tr, clerk_id
        self.cases = CaseDesk(factory, station=station, clock=clock, office_code=office_code)
        self.dialog: ClerkCasesDialog | None = None
        self.answer_dialog: AnswerDialog | None = None
        self._cases: list[CaseView] = []
        desk.cases_button.clicked.connect(self.open_list)
        desk.refresh_requested.connect(self.refresh)
        desk.sign_out_requested.connect(self._signed_out)
        self._show_count()

    def refresh(self) -> None:
        clerk_id = self._clerk_id()
        if clerk_id is None:
            return
        cases = self.cases

        def show(found: list[CaseView]) -> None:
            if clerk_id != self._clerk_id():
                return  # another clerk has signed in since
            self._cases = found
            self._show_count()
            if self.dialog is not None:
                self.dialog.show_cases(found)
            self.shown.emit()

        def failed(error: BaseException) -> None:
            self.desk.cases_button.setToolTip(describe_failure(error, self._tr))
            self.shown.emit()

        run_in_background(
            lambda: cases.list(clerk_id, states=WITH_THE_CLERK), show, failed, parent=self
        )

    def _show_count(self) -> None:
        tr, button = self._tr, self.desk.cases_button
        waiting = sum(to_answer(c) for c in self._cases)
        late = sum(overdue_now(c) for c in self._cases)
        text = tr("My feedback cases: {count}", count=waiting)
        if late:
            text = "⚠ " + text + " " + tr("({count} overdue)", count=late)
        button.setText(text)
        button.setToolTip(tr("The feedback cases given to you, to answer"))

    def _signed_out(self) -> None:
        self._cases = []
        self._show_count()
        if self.dialog is not None:
            self.dialog.reject()

    def open_list(self) -> ClerkCasesDialog:
        if self.dialog is None:
            dialog = ClerkCasesDialog(self._tr, self.desk)
            dialog.answer_requested.connect(self.answer)
            dialog.finished.connect(self._list_closed)
            self.dialog = dialog
            open_over(dialog, self.desk)
        self.dialog.show_cases(self._cases)
        self.refresh()
        return self.dialog

    def _list_closed(self) -> None:
        self.dialog = None

    def answer(self, case: CaseView) -> AnswerDialog:
        parent = self.dialog or self.desk
        form = AnswerDialog(self._tr, case, parent)
        form.submitted.connect(lambda: self._save_answer(form))
        self.answer_dialog = form
        open_over(form, parent)
        return form

    def _save_answer(self, form: AnswerDialog) -> None:
        clerk_id, cases, asked = self._clerk_id(), self.cases, form.request()
        if clerk_id is None:  # signed out while the form was open
            form.reject()
            return

        def done(view: CaseView) -> None:
            form.done_saving()
            self.answered.emit(view)
            self.refresh()

        def failed(error: BaseException) -> None:
            form.show_problem(describe_failure(error, self._tr))

        run_in_background(
            lambda: cases.answer(asked.case_id, asked.text, asked.channel, clerk_id),
            done,
            failed,
            parent=form,
        )
