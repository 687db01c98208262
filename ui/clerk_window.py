"""The clerk's station: sign in, register, return, re-appoint, print — every action audited.

Every database call and every print runs on a worker thread (ui/workers.py); its result comes
back to the UI thread, so a slow disk, server or printer never freezes the desk. A slip that
could not print stays queued and is retried.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget

from kiosk.clock import CONTACT_SECONDS, Clock, office_now
from kiosk.config import Settings
from kiosk.db.models import PrintKind, PrintStatus
from kiosk.db.session import SessionFactory
from kiosk.errors import KioskError
from kiosk.formats import moment_text
from kiosk.i18n import Translator
from kiosk.printing.printers import Printer
from kiosk.receipt_payload import is_signed_payload
from kiosk.receipt_signing import ReceiptSigner
from kiosk.services.clerk_board import Board, ClerkBoardService
from kiosk.services.clerks import ClerkView
from kiosk.services.counter_forms import CounterFormService
from kiosk.services.dossiers import DossierService
from kiosk.services.offices import list_services
from kiosk.services.print_queue import PrintJobView, PrintQueueService
from kiosk.services.service_documents import all_checklists
from kiosk.services.sign_in import SignInService
from kiosk.services.stations import StationService
from kiosk.views import CitizenDetails, DocumentItem, DossierView, ServiceView
from ui.clerk_cases import ClerkCases
from ui.screens.clerk_desk_screen import ClerkDeskScreen
from ui.screens.sign_in_screen import SignInScreen
from ui.widgets.message_bar import MessageKind
from ui.window_display import describe_failure, stop_timers
from ui.workers import run_in_background

Result = TypeVar("Result")
Checklists = dict[str, tuple[DocumentItem, ...]]


class ClerkWindow(QMainWindow):
    print_run_finished = Signal(object)  # list[PrintJobView]

    def __init__(
        self,
        settings: Settings,
        *,
        factory: SessionFactory,
        printer: Printer | None,
        signer: ReceiptSigner,
        clock: Clock = office_now,
    ) -> None:
        super().__init__()
        station, office = settings.station_name, settings.office_code
        self._tr = Translator(settings.language)
        self.factory, self.printer, self.signer, self.clock = factory, printer, signer, clock
        self.office_code = office
        self.dossiers = DossierService(factory, station=station, clock=clock, office_code=office)
        self.board_service = ClerkBoardService(
            factory, station=station, clock=clock, office_code=office
        )
        self.queue = PrintQueueService(factory, station=station, clock=clock, office_code=office)
        self.forms = CounterFormService(factory, station=station, clock=clock, office_code=office)
        self.sign_in_service = SignInService(
            factory, station=station, clock=clock, office_code=office
        )
        self.clerk: ClerkView | None = None
        self._printing = self._print_again = False
        # One answer at a time: a second Enter must not count a wrong PIN or register twice.
        self._signing_in = self._registering = False
        self._board_request = 0  # only the board asked for last is shown
        self.sign_in_screen = SignInScreen(self._tr)
        self.desk = ClerkDeskScreen(self._tr)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.sign_in_screen)
        self.stack.addWidget(self.desk)
        self.setCentralWidget(self.stack)
        self.setWindowTitle(self._tr("Reception and results"))
        self.sign_in_screen.sign_in_requested.connect(self.sign_in)
        self.desk.register_requested.connect(self.register)
        self.desk.return_requested.connect(self.return_result)
        self.desk.reappoint_requested.connect(self.reappoint)
        self.desk.supplement_requested.connect(self.request_supplement)
        self.desk.supplemented_requested.connect(self.supplement_returned)
        self.desk.refusal_requested.connect(self.refuse)
        self.desk.print_requested.connect(self.reprint)
        self.desk.search_requested.connect(self.search)
        self.desk.refresh_requested.connect(self.refresh_board)
        self.desk.sign_out_requested.connect(self.sign_out)
        self.desk.test_print_requested.connect(self.test_print)
        self.cases = ClerkCases(
            self.desk,
            factory,
            station=station,
            clock=clock,
            office_code=office,
            tr=self._tr,
            clerk_id=self._clerk_id,
        )
        self.retrier = QTimer(self, interval=settings.retry_seconds * 1000)
        self.retrier.timeout.connect(self.print_pending)
        self.retrier.start()
        self.stations = StationService(factory, station=station, clock=clock, office_code=office)
        self.contact = QTimer(self, interval=CONTACT_SECONDS * 1000)
        self.contact.timeout.connect(self.report_contact)
        self.contact.start()

    def report_contact(self) -> None:
        """Every minute: the office knows which counters are up (a failure is the server away,
        which the clerk hears about at the next action)."""
        run_in_background(
            lambda: self.stations.report_contact("clerk"),
            lambda _: None,
            lambda _: None,
            parent=self,
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        stop_timers(self)
        super().closeEvent(event)

    def _in_background(
        self,
        call: Callable[[], Result],
        done: Callable[[Result], None],
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Runs `call` on a worker; a refusal or a database failure is shown, in words."""
        run_in_background(call, done, failed or self._show_failure, parent=self)

    def _show_failure(self, error: BaseException) -> None:
        self.desk.show_message(MessageKind.ERROR, describe_failure(error, self._tr))

    def _clerk_id(self) -> int | None:
        return self.clerk.id if self.clerk else None

    # -- signing in and out -----------------------------------------------------------------

    def sign_in(self, counter: int, pin: str) -> None:
        if self._signing_in:
            return
        self._signing_in = True
        self.sign_in_screen.set_busy(True)
        sign_in_service, factory = self.sign_in_service, self.factory

        def check() -> tuple[ClerkView, list[ServiceView], Checklists]:
            clerk = sign_in_service.sign_in(counter, pin)
            with factory() as session:
                return clerk, list_services(session), all_checklists(session)

        self._in_background(check, self._signed_in, self._sign_in_refused)

    def _signed_in(self, answer: tuple[ClerkView, list[ServiceView], Checklists]) -> None:
        self._signing_in = False
        self.sign_in_screen.set_busy(False)
        self.clerk, services, checklists = answer
        self.desk.set_services(services)
        self.desk.set_checklists(checklists)
        self.desk.who.setText(
            self._tr(
                "{name} — counter {counter}",
                name=self.clerk.display_name,
                counter=self.clerk.counter,
            )
        )
        self.desk.clear_message()
        self.stack.setCurrentWidget(self.desk)
        self.report_contact()
        self.refresh_board()
        self.cases.refresh()
        self.desk.service.setFocus()
        self.print_pending()

    def _sign_in_refused(self, error: BaseException) -> None:
        self._signing_in = False
        self.sign_in_screen.set_busy(False)
        self.sign_in_screen.show_problem(describe_failure(error, self._tr))

    def sign_out(self) -> None:
        self.clerk = None
        self.sign_in_screen.reset()
        self.stack.setCurrentWidget(self.sign_in_screen)

    # -- the clerk's actions ----------------------------------------------------------------

    def register(
        self,
        service_code: str,
        citizen: CitizenDetails,
        papers: tuple[tuple[DocumentItem, ...], int] = ((), 1),
    ) -> None:
        """`citizen` has been checked by the desk (kiosk.registration) before it asks."""
        if self._registering:
            return  # Ctrl+Enter pressed again while the first one is being saved
        self._registering = True
        self.desk.set_registering(True)
        dossiers, clerk_id = self.dossiers, self._clerk_id()

        def save() -> DossierView:
            documents, sets = papers
            return dossiers.register(
                service_code,
                clerk_id=clerk_id,
                citizen=citizen,
                print_receipt=True,
                documents=documents,
                sets=sets,
            )

        self._in_background(save, self._registered, self._registration_failed)

    def _registered(self, view: DossierView) -> None:
        self._registering = False
        self.desk.set_registering(False)
        self.desk.registered(view)
        self.desk.clear_message()
        self.refresh_board()
        self.print_pending()

    def _registration_failed(self, error: BaseException) -> None:
        self._registering = False
        self.desk.set_registering(False)
        self.desk.registration_refused(describe_failure(error, self._tr))

    def return_result(self, code: str) -> None:
        dossiers, clerk_id = self.dossiers, self._clerk_id()

        def returned(view: DossierView) -> None:
            self.desk.show_message(
                MessageKind.SUCCESS, self._tr("Dossier {code} returned.", code=view.code)
            )
            self.refresh_board()

        self._in_background(lambda: dossiers.return_result(code, clerk_id=clerk_id), returned)

    def reappoint(self, code: str, new_day: date, reason: str) -> None:
        dossiers, queue, clerk_id = self.dossiers, self.queue, self._clerk_id()

        def save() -> DossierView:
            view = dossiers.reappoint(code, new_due_day=new_day, reason=reason, clerk_id=clerk_id)
            # Form 04 for the citizen, and a receipt whose QR shows the new appointment.
            queue.queue(view.code, PrintKind.APOLOGY, clerk_id=clerk_id)
            queue.queue(view.code, PrintKind.RECEIPT, clerk_id=clerk_id)
            return view

        def reappointed(view: DossierView) -> None:
            self.desk.show_message(
                MessageKind.SUCCESS, self._tr("Dossier {code} re-appointed.", code=view.code)
            )
            self.refresh_board()
            self.print_pending()

        self._in_background(save, reappointed)

    def request_supplement(self, code: str, missing: list[str], reason: str) -> None:
        forms, queue, clerk_id = self.forms, self.queue, self._clerk_id()

        def save() -> DossierView:
            view = forms.request_supplement(code, missing=missing, reason=reason, clerk_id=clerk_id)
            queue.queue(view.code, PrintKind.SUPPLEMENT, clerk_id=clerk_id)
            return view

        def issued(view: DossierView) -> None:
            self.desk.dossier_changed(view)
            self.refresh_keeping_search()
            self.desk.show_message(
                MessageKind.WARNING,
                self._tr(
                    "Dossier {code} waits for the citizen's papers (Form 02 printed).",
                    code=view.code,
                ),
            )
            self.print_pending()

        self._in_background(save, issued)

    def supplement_returned(self, code: str) -> None:
        forms, clerk_id = self.forms, self._clerk_id()

        def back(view: DossierView) -> None:
            self.desk.dossier_changed(view)
            self.refresh_keeping_search()
            self.desk.show_message(
                MessageKind.SUCCESS,
                self._tr(
                    "Papers for {code} received: appointment {when}.",
                    code=view.code,
                    when=moment_text(view.due_at, self._tr.language),
                ),
            )

        self._in_background(lambda: forms.supplement_returned(code, clerk_id=clerk_id), back)

    def refuse(self, code: str, reason: str) -> None:
        forms, queue, clerk_id = self.forms, self.queue, self._clerk_id()

        def save() -> DossierView:
            view = forms.refuse(code, reason=reason, clerk_id=clerk_id)
            queue.queue(view.code, PrintKind.REFUSAL, clerk_id=clerk_id)
            return view

        def refused(view: DossierView) -> None:
            self.desk.dossier_changed(view)
            self.refresh_keeping_search()
            self.desk.show_message(
                MessageKind.WARNING,
                self._tr("Dossier {code} refused (Form 03 printed).", code=view.code),
            )
            self.print_pending()

        self._in_background(save, refused)

    def reprint(self, code: str, kind: str) -> None:
        queue, clerk_id = self.queue, self._clerk_id()
        self._in_background(
            lambda: queue.queue(code, PrintKind(kind), clerk_id=clerk_id),
            lambda _job: self.print_pending(),
        )

    # -- the board --------------------------------------------------------------------------

    def _next_board_request(self) -> int:
        self._board_request += 1
        return self._board_request

    def search(self, text: str) -> None:
        request, signer, board_service = self._next_board_request(), self.signer, self.board_service

        def find() -> tuple[Board, list[DossierView]]:
            query = signer.verify(text) if is_signed_payload(text) else text
            return board_service.board(), board_service.search(query)

        def show(answer: tuple[Board, list[DossierView]]) -> None:
            if request != self._board_request:
                return  # the clerk has asked for another board since
            board, found = answer
            self.desk.show_board(board, found)
            if len(found) == 1:
                self.desk.select(found[0].code)
            if not found:
                self.desk.show_message(
                    MessageKind.WARNING,
                    self._tr("No dossier matches '{text}'.", text=text.strip()[:60]),
                )

        self._in_background(find, show)

    def refresh_keeping_search(self) -> None:
        """After an action on the selected dossier: the list the clerk was looking at, again."""
        text = self.desk.search.text().strip()
        if text:
            self.search(text)
        else:
            self.refresh_board()

    def refresh_board(self) -> None:
        request = self._next_board_request()

        def show(board: Board) -> None:
            if request != self._board_request:
                return  # a search, or a newer board, is on its way
            self.desk.show_board(board)
            self.desk.set_default_new_date(board.next_working_day)

        self._in_background(self.board_service.board, show)

    # -- printing ------------------------------------------------------------------------------

    def print_pending(self) -> None:
        queue = self.queue
        if self.printer is None:
            self._in_background(
                lambda: len(queue.pending()), self._no_printer, self._show_printer_problem
            )
            return
        if self._printing:
            self._print_again = True  # a slip queued during a run goes in the next one
            return
        self._printing, self._print_again = True, False
        printer, signer, tr = self.printer, self.signer, Translator("vi")

        def run() -> tuple[list[PrintJobView], int]:
            jobs = queue.process(printer, signer, tr)
            return jobs, len(queue.pending())

        self._in_background(run, self._printed, self._print_failed)

    def _no_printer(self, waiting: int) -> None:
        self.desk.printer_status.show_message(
            MessageKind.WARNING,
            self._tr("No printer is set up: {count} slips waiting.", count=waiting),
        )

    def _printed(self, run: tuple[list[PrintJobView], int]) -> None:
        self._printing = False
        jobs, waiting = run
        if waiting:
            problem = next((j.last_error for j in reversed(jobs) if j.last_error), "")
            self.desk.printer_status.show_message(
                MessageKind.WARNING,
                self._tr(
                    "{count} slips waiting to print: {problem}", count=waiting, problem=problem
                ),
            )
        else:
            printed = sum(job.status is PrintStatus.PRINTED for job in jobs)
            self.desk.printer_status.show_message(
                MessageKind.SUCCESS, self._tr("Printer ready ({count} printed).", count=printed)
            )
        self.print_run_finished.emit(jobs)
        if self._print_again:
            self.print_pending()

    def test_print(self) -> None:
        """A sample slip straight to the printer, outside the queue: nothing is recorded."""
        from kiosk.printing.printer_test_slip import printer_test_slip
        from kiosk.services.offices import find_office, office_view

        if self.printer is None:
            self.print_pending()  # says that no printer is set up
            return
        printer, signer, factory = self.printer, self.signer, self.factory
        office_code, clerk, now = self.office_code, self.clerk, self.clock()

        def send() -> None:
            with factory() as session:
                office = office_view(find_office(session, office_code))
            slip = printer_test_slip(
                office,
                clerk_name=clerk.display_name if clerk else "",
                counter=clerk.counter if clerk else 0,
                now=now,
                signer=signer,
                tr=Translator("vi"),
            )
            printer.print_slip(slip)

        def sent(_result: None) -> None:
            self.desk.printer_status.show_message(
                MessageKind.SUCCESS,
                self._tr("Test slip sent to {printer}.", printer=printer.description),
            )
            self.print_run_finished.emit([])

        def failed(error: BaseException) -> None:
            # Not the queue's run: its flags belong to it.
            self._show_printer_problem(error)
            self.print_run_finished.emit([])

        self._in_background(send, sent, failed)

    def _print_failed(self, error: BaseException) -> None:
        self._printing = self._print_again = False
        self._show_printer_problem(error)
        self.print_run_finished.emit([])

    def show_key_problem(self, problem: KioskError) -> None:
        """For staff, from the start: which key file, and the command that fixes it."""
        self.desk.printer_status.show_message(MessageKind.WARNING, problem.render(self._tr))

    def _show_printer_problem(self, error: BaseException) -> None:
        message = error.render(self._tr) if isinstance(error, KioskError) else str(error)
        self.desk.printer_status.show_message(MessageKind.WARNING, message)


def start_clerk(settings: Settings, *, windowed: bool) -> ClerkWindow:
    """The clerk's station needs its database before anything: it never pretends to register."""
    from kiosk.db.open import open_database
    from kiosk.key_loading import load_station_keys
    from kiosk.printing.printers import printer_from_setting
    from ui.window_display import show_station

    database = open_database(settings.database_url)
    # A missing or damaged office key stops receipts and QR look-ups only (each use says which
    # file and what to run); dossier work goes on.
    keys = load_station_keys(settings)
    window = ClerkWindow(
        settings,
        factory=database.factory,
        printer=printer_from_setting(settings.printer, settings.printer_paper),
        signer=keys.receipt,
    )
    if keys.receipt_problem is not None:
        window.show_key_problem(keys.receipt_problem)
    show_station(window, windowed=windowed)
    window.sign_in_screen.counter.setFocus()
    return window
