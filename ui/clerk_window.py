"""The clerk's station: sign in, register, return, re-appoint, print — every action audited.

Database calls here are short single transactions; printing (which can wait on a printer) runs
on a worker, and a slip that could not print stays queued and is retried.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QStackedWidget

from kiosk.clock import CONTACT_SECONDS, Clock, office_now
from kiosk.config import Settings
from kiosk.db.models import PrintKind, PrintStatus
from kiosk.db.session import SessionFactory
from kiosk.errors import KioskError
from kiosk.i18n import Translator
from kiosk.printing.printers import Printer
from kiosk.receipt_payload import is_signed_payload
from kiosk.receipt_signing import ReceiptSigner
from kiosk.services.clerk_board import ClerkBoardService
from kiosk.services.clerks import ClerkView
from kiosk.services.dossiers import CitizenDetails, DossierService
from kiosk.services.offices import list_services
from kiosk.services.print_queue import PrintJobView, PrintQueueService
from kiosk.services.sign_in import SignInService
from kiosk.services.stations import StationService
from ui.screens.clerk_desk_screen import ClerkDeskScreen
from ui.screens.sign_in_screen import SignInScreen
from ui.window_display import describe_failure
from ui.workers import run_in_background


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
        self.dossiers = DossierService(factory, station=station, clock=clock, office_code=office)
        self.board_service = ClerkBoardService(
            factory, station=station, clock=clock, office_code=office
        )
        self.queue = PrintQueueService(factory, station=station, clock=clock, office_code=office)
        self.sign_in_service = SignInService(
            factory, station=station, clock=clock, office_code=office
        )
        self.clerk: ClerkView | None = None
        self._printing = self._print_again = False
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
        self.desk.print_requested.connect(self.reprint)
        self.desk.search_requested.connect(self.search)
        self.desk.sign_out_requested.connect(self.sign_out)
        self.desk.test_print_requested.connect(self.test_print)
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

    def _attempt(self, action: Callable[[], object]) -> bool:
        """Runs a clerk's action; a refusal or a database failure is shown, in words."""
        try:
            action()
        except Exception as error:  # noqa: BLE001 - every failure is told to the clerk
            self.desk.show_message("⚠ " + describe_failure(error, self._tr))
            return False
        return True

    def sign_in(self, counter: int, pin: str) -> None:
        try:
            self.clerk = self.sign_in_service.sign_in(counter, pin)
            with self.factory() as session:
                self.desk.set_services(list_services(session))
        except Exception as error:  # noqa: BLE001
            self.sign_in_screen.show_problem(describe_failure(error, self._tr))
            return
        self.desk.who.setText(
            self._tr(
                "{name} — counter {counter}",
                name=self.clerk.display_name,
                counter=self.clerk.counter,
            )
        )
        self.desk.show_message("")
        self.stack.setCurrentWidget(self.desk)
        self.report_contact()
        self.refresh_board()
        self.desk.service.setFocus()
        self.print_pending()

    def sign_out(self) -> None:
        self.clerk = None
        self.sign_in_screen.reset()
        self.stack.setCurrentWidget(self.sign_in_screen)

    def _clerk_id(self) -> int | None:
        return self.clerk.id if self.clerk else None

    def register(self, service_code: str, name: str, address: str, phone: str) -> None:
        def action() -> None:
            view = self.dossiers.register(
                service_code,
                clerk_id=self._clerk_id(),
                citizen=CitizenDetails(name, address, phone),
                print_receipt=True,
            )
            self.desk.registered(view)
            self.desk.show_message("")

        if self._attempt(action):
            self.refresh_board()
            self.print_pending()

    def return_result(self, code: str) -> None:
        def action() -> None:
            view = self.dossiers.return_result(code, clerk_id=self._clerk_id())
            self.desk.show_message(self._tr("Dossier {code} returned.", code=view.code))

        if self._attempt(action):
            self.refresh_board()

    def reappoint(self, code: str, new_day: date, reason: str) -> None:
        def action() -> None:
            view = self.dossiers.reappoint(
                code, new_due_day=new_day, reason=reason, clerk_id=self._clerk_id()
            )
            # Form 04 for the citizen, and a receipt whose QR shows the new appointment.
            self.queue.queue(view.code, PrintKind.APOLOGY, clerk_id=self._clerk_id())
            self.queue.queue(view.code, PrintKind.RECEIPT, clerk_id=self._clerk_id())
            self.desk.show_message(self._tr("Dossier {code} re-appointed.", code=view.code))

        if self._attempt(action):
            self.refresh_board()
            self.print_pending()

    def reprint(self, code: str, kind: str) -> None:
        if self._attempt(
            lambda: self.queue.queue(code, PrintKind(kind), clerk_id=self._clerk_id())
        ):
            self.print_pending()

    def search(self, text: str) -> None:
        def action() -> None:
            query = self.signer.verify(text) if is_signed_payload(text) else text
            found = self.board_service.search(query)
            self.desk.show_board(self.board_service.board(), found)
            if len(found) == 1:
                self.desk.select(found[0].code)

        self._attempt(action)

    def refresh_board(self) -> None:
        def action() -> None:
            board = self.board_service.board()
            self.desk.show_board(board)
            self.desk.set_default_new_date(board.next_working_day)

        self._attempt(action)

    # -- printing ------------------------------------------------------------------------------

    def print_pending(self) -> None:
        if self.printer is None:
            waiting = self.queue.pending()
            self.desk.printer_status.setText(
                self._tr("No printer is set up: {count} slips waiting.", count=len(waiting))
            )
            return
        if self._printing:
            self._print_again = True  # a slip queued during a run goes in the next one
            return
        self._printing, self._print_again = True, False
        printer, signer, tr, queue = self.printer, self.signer, Translator("vi"), self.queue
        run_in_background(
            lambda: queue.process(printer, signer, tr),
            self._printed,
            self._print_failed,
            parent=self,
        )

    def _printed(self, jobs: list[PrintJobView]) -> None:
        self._printing = False
        waiting = self.queue.pending()
        if waiting:
            problem = next((j.last_error for j in reversed(jobs) if j.last_error), "")
            self.desk.printer_status.setText(
                "⚠ "
                + self._tr(
                    "{count} slips waiting to print: {problem}", count=len(waiting), problem=problem
                )
            )
        else:
            printed = sum(job.status is PrintStatus.PRINTED for job in jobs)
            self.desk.printer_status.setText(
                self._tr("Printer ready ({count} printed).", count=printed)
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
        with self.factory() as session:
            office = office_view(find_office(session, self.dossiers._office_code))  # noqa: SLF001
        clerk = self.clerk
        slip = printer_test_slip(
            office,
            clerk_name=clerk.display_name if clerk else "",
            counter=clerk.counter if clerk else 0,
            now=self.clock(),
            signer=self.signer,
            tr=Translator("vi"),
        )
        printer = self.printer

        def done(_result: object) -> None:
            self.desk.printer_status.setText(
                self._tr("Test slip sent to {printer}.", printer=printer.description)
            )
            self.print_run_finished.emit([])

        run_in_background(lambda: printer.print_slip(slip), done, self._print_failed, parent=self)

    def _print_failed(self, error: BaseException) -> None:
        self._printing = self._print_again = False
        message = error.render(self._tr) if isinstance(error, KioskError) else str(error)
        self.desk.printer_status.setText("⚠ " + message)
        self.print_run_finished.emit([])


def start_clerk(settings: Settings, *, windowed: bool) -> ClerkWindow:
    """The clerk's station needs its database before anything: it never pretends to register."""
    from kiosk.db.open import open_database
    from kiosk.paths import signing_key_path
    from kiosk.printing.printers import printer_from_setting
    from kiosk.receipt_signing import load_or_create_key
    from ui.window_display import show_station

    database = open_database(settings.database_url)
    window = ClerkWindow(
        settings,
        factory=database.factory,
        printer=printer_from_setting(settings.printer, settings.printer_paper),
        signer=ReceiptSigner(load_or_create_key(signing_key_path(settings.signing_key_path))),
    )
    show_station(window, windowed=windowed)
    window.sign_in_screen.counter.setFocus()
    return window
