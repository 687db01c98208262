"""The citizen's kiosk: one window, one screen per step of kiosk.rating_flow, wired in one place.

The flow decides; this window only shows `flow.step`, turns taps into flow calls, and runs the
flow's database requests (look a dossier up, save a rating) on a worker thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from kiosk.answers import Satisfaction
from kiosk.clock import CONTACT_SECONDS, Clock, Ticks, monotonic_ticks, office_now
from kiosk.config import Settings
from kiosk.errors import ConflictError, KioskError
from kiosk.i18n import N_, Translator
from kiosk.rating_flow import FlowSettings, PendingRating, RatingFlow, Step, TypedCode
from kiosk.services.public_results import REFRESH_SECONDS
from ui.screens.attract_screen import AttractScreen
from ui.screens.kiosk_screen import KioskScreen
from ui.theme import screen_scale, stylesheet
from ui.voice import VoicePrompter
from ui.widgets.current_page_stack import CurrentPageStack
from ui.widgets.scanner_listener import ScannerListener
from ui.widgets.touch_button import TouchButton
from ui.window_display import stop_timers
from ui.workers import run_in_background

if TYPE_CHECKING:
    # Types only: the kiosk imports its database layer on a worker, after the first frame.
    from kiosk.key_loading import StationKeys
    from kiosk.services.kiosk_backend import KioskBackend, KioskStart, QueuedRating
    from kiosk.services.public_results import MonthResults
    from kiosk.services.ratings import RecordedRating
    from kiosk.views import OfficeView, ServiceView
    from ui.lockdown import Lockdown

Result = TypeVar("Result")

TICK_MS = 250
UNREACHABLE = N_("The kiosk cannot reach its records just now. Please ask at the counter.")
RECEIPTS_UNAVAILABLE = N_(
    "Receipts cannot be checked at this kiosk just now. Please ask at the counter."
)
RATINGS_UNAVAILABLE = N_("This kiosk cannot take ratings just now. Please ask at the counter.")


def _receipts_unavailable(_text: str) -> str:
    raise KioskError(RECEIPTS_UNAVAILABLE)


def flow_settings(settings: Settings) -> FlowSettings:
    return FlowSettings(
        idle_timeout=settings.idle_timeout_seconds,
        countdown=settings.countdown_seconds,
        repeat_gap=settings.repeat_gap_seconds,
        thanks=settings.thanks_seconds,
    )


class KioskWindow(QMainWindow):
    rating_saved = Signal(object)  # RecordedRating after its commit, or QueuedRating (outbox)
    rating_kept_for_retry = Signal(object)  # PendingRating

    def __init__(
        self,
        settings: Settings,
        *,
        clock: Clock = office_now,
        ticks: Ticks = monotonic_ticks,
        defer_screens: bool = False,
        locked: bool = False,
    ) -> None:
        super().__init__()
        self._text_scale = 1.0  # the application starts with the full-size stylesheet
        self.settings = settings
        self.lockdown: Lockdown | None = None
        # Locked once the other screens are built, after the first frame: start-up stays quick.
        self._locked = locked
        self.flow = RatingFlow(clock, ticks=ticks, office_code="", settings=flow_settings(settings))
        self.flow.language = settings.language
        self.backend: KioskBackend | None = None  # once the database is open
        self.office_view: OfficeView | None = None  # likewise: a case slip prints its details
        self.ratings_unavailable = False  # no usable station key: no rating can be signed
        self._retrying: set[object] = set()
        self.voice = VoicePrompter(self)
        self._services: list[ServiceView] | None = None
        self._build_frame()
        if not defer_screens:
            self.build_remaining_screens()
        self.scanner = ScannerListener(self)
        self.scanner.scanned.connect(self.on_scanned)
        self.ticker = QTimer(self, interval=TICK_MS)
        self.ticker.timeout.connect(self.on_tick)
        self.ticker.start()
        self.contact = QTimer(self, interval=CONTACT_SECONDS * 1000)
        self.contact.timeout.connect(self.report_contact)
        self._outbox_waiting = 0  # ratings on this kiosk's disk while the server is away
        self.retrier = QTimer(self, interval=settings.retry_seconds * 1000)
        self.retrier.timeout.connect(self.retry_pending)
        self.retrier.start()
        self.results_timer = QTimer(self, interval=REFRESH_SECONDS * 1000)
        self.results_timer.timeout.connect(self.read_public_results)
        self._shown_step: Step | None = None
        self.attract.start_button.setEnabled(False)
        self.attract.set_office_name(Translator(settings.language)("Loading…"))
        self.refresh()

    # -- building ----------------------------------------------------------------------------

    def _build_frame(self) -> None:
        """The attract screen and what surrounds every screen: enough for the first frame."""
        self.attract = AttractScreen()
        self.screens: dict[Step, KioskScreen] = {Step.ATTRACT: self.attract}
        self.stack = CurrentPageStack()
        self.stack.addWidget(self.attract)
        self.countdown = QWidget()
        self.countdown.setObjectName("countdownBar")
        self.countdown_text = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.countdown_text.setObjectName("countdown")
        self.continue_button = TouchButton("continue")
        self.continue_button.clicked.connect(self.flow.touch)
        bar = QHBoxLayout(self.countdown)
        bar.setContentsMargins(24, 8, 24, 8)
        bar.addWidget(self.countdown_text, stretch=3)
        bar.addWidget(self.continue_button, stretch=1)
        self.countdown.hide()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.stack, stretch=1)
        layout.addWidget(self.countdown)
        self.setCentralWidget(central)
        self.central = central
        # For staff only, out of the layout: ratings are waiting for the database to come back.
        self.staff_mark = QLabel("●", central)
        self.staff_mark.setObjectName("staffMark")
        self.staff_mark.hide()
        flow, act = self.flow, self.act
        self.attract.start_requested.connect(lambda: act(flow.start))
        self.attract.help_requested.connect(lambda: act(flow.show_help))
        self.attract.language_chosen.connect(lambda lang: act(lambda: flow.set_language(lang)))
        self.attract.large_text_toggled.connect(self.toggle_large_text)
        self.attract.petition_requested.connect(self.open_petition)

    def build_remaining_screens(self) -> None:
        """Every other screen; the kiosk builds them right after its first frame."""
        if Step.IDENTIFY in self.screens:
            return
        from ui.screens.dossier_screen import DossierScreen
        from ui.screens.face_screen import FaceScreen
        from ui.screens.help_screen import HelpScreen
        from ui.screens.identify_screen import IdentifyScreen
        from ui.screens.keypad_screen import KeypadScreen
        from ui.screens.notice_screen import NoticeScreen
        from ui.screens.question_screen import QuestionScreen
        from ui.screens.reasons_screen import ReasonsScreen
        from ui.screens.service_pick_screen import ServicePickScreen
        from ui.screens.thanks_screen import ThanksScreen

        self.help = HelpScreen()
        self.identify = IdentifyScreen()
        self.keypad = KeypadScreen()
        self.services = ServicePickScreen()
        self.dossier = DossierScreen()
        self.face = FaceScreen()
        self.question = QuestionScreen()
        self.reasons = ReasonsScreen()
        self.thanks = ThanksScreen()
        self.notice = NoticeScreen()
        from ui.kiosk_cases import KioskCases

        self.screens.update(
            {
                Step.HELP: self.help,
                Step.IDENTIFY: self.identify,
                Step.KEYPAD: self.keypad,
                Step.SERVICES: self.services,
                Step.DOSSIER: self.dossier,
                Step.FACE: self.face,
                Step.CONTACTS: self.question,
                Step.AGENCIES: self.question,
                Step.CONDUCT: self.question,
                Step.REASONS: self.reasons,
                Step.THANKS: self.thanks,
                Step.ALREADY_RATED: self.notice,
                Step.PROBLEM: self.notice,
            }
        )
        self.cases = KioskCases(self)  # its screens join self.screens
        for screen in dict.fromkeys(self.screens.values()):
            if screen is not self.attract:
                self.stack.addWidget(screen)
            if screen.keyboard is not None:
                screen.keyboard.opens_on_tap = self.settings.virtual_keyboard
        self._connect_screens()
        if self._services is not None:
            self.services.set_services(self._services)
        if self._locked and self.lockdown is None:
            self.lock_down()
        elif self.lockdown is not None:
            self.lockdown.refuse_menus()
            self.exit_corner.raise_()

    def _connect_screens(self) -> None:
        flow, act = self.flow, self.act
        for screen in dict.fromkeys(self.screens.values()):
            screen.back_requested.connect(lambda: act(flow.back))
        self.identify.keypad_requested.connect(lambda: act(flow.open_keypad))
        self.identify.no_receipt_requested.connect(self.open_service_list)
        self.keypad.digit_pressed.connect(lambda d: act(lambda: flow.press_digit(d)))
        self.keypad.erase_pressed.connect(lambda: act(flow.erase_digit))
        self.keypad.submit_pressed.connect(lambda: self.look_up_typed(flow.submit_keypad()))
        self.services.service_chosen.connect(lambda s: act(lambda: flow.pick_service(s)))
        self.services.typed.connect(flow.touch)
        self.services.scrolled.connect(flow.touch)
        self.dossier.rate_requested.connect(lambda: act(flow.begin_rating))
        self.face.face_chosen.connect(self.face_chosen)
        self.question.answered.connect(lambda value: self.complete(lambda: flow.answer(value)))
        self.reasons.reason_toggled.connect(lambda r: act(lambda: flow.toggle_reason(r)))
        self.reasons.comment_changed.connect(flow.set_comment)
        self.reasons.send_requested.connect(lambda: self.complete(flow.finish))
        self.thanks.done.connect(lambda: act(flow.home))
        self.notice.done.connect(lambda: act(flow.home))
        self.cases.connect()

    def face_chosen(self, satisfaction: Satisfaction) -> None:
        if self.flow.step is Step.CASE_FACE:  # the handling of a case: one tap completes it
            self.complete(lambda: self.flow.rate_handling(satisfaction))
        else:
            self.act(lambda: self.flow.choose_face(satisfaction))

    # -- the database, off the UI thread ----------------------------------------------------

    # -- staying on screen ------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        # Only a close that is let through gets here: the lock-down refuses the others before.
        stop_timers(self)
        super().closeEvent(event)

    def lock_down(self) -> None:
        from ui.lockdown import ExitCorner, Lockdown

        self.lockdown = Lockdown(self)
        self.exit_corner = ExitCorner(self.central)
        self.exit_corner.raise_()
        self.exit_corner.exit_requested.connect(self.ask_staff_exit)

    def ask_staff_exit(self) -> None:
        from ui.lockdown import StaffExitDialog

        tr = Translator(self.flow.language)
        dialog = StaffExitDialog(tr, self)

        def check(counter: int, pin: str) -> None:
            try:
                if self.backend is None:
                    raise RuntimeError("database not open")
                self.backend.allow_exit(counter, pin)
            except Exception as error:  # noqa: BLE001 - told in words, the kiosk stays
                from ui.window_display import describe_failure

                dialog.sign_in.show_problem(describe_failure(error, tr))
                return
            dialog.accept()
            if self.lockdown is not None:
                self.lockdown.unlock()
            self.close()

        dialog.sign_in.sign_in_requested.connect(check)
        self.staff_exit_dialog = dialog
        # Over the whole kiosk, like every kiosk screen (under cage, the only way it shows).
        dialog.setModal(True)
        dialog.setGeometry(self.geometry())
        dialog.showFullScreen()

    def attach_backend(self, backend: KioskBackend, start: KioskStart) -> None:
        """The database is open: the office, its rating scale and services are known."""
        self.backend = backend
        self.office_view = start.office
        self._outbox_waiting = start.outbox_waiting
        self.flow.office_code = start.office.code
        self.flow.rating_scale = start.office.rating_scale
        self.flow.office_hotline = start.office.hotline
        self.voice.enabled = start.office.voice_prompts
        self._services = start.services
        if Step.SERVICES in self.screens:
            self.services.set_services(start.services)
        else:
            # The start screen is what shows: the others are built once the data is on it, not
            # in its way (a tap or a scan before then builds them at once, see refresh).
            QTimer.singleShot(0, self.build_remaining_screens)
        self.attract.set_office_name(start.office.name)
        self.attract.show_emblem(self.settings.emblem_path)
        self.attract.start_button.setEnabled(True)
        self.contact.start()
        self.results_timer.start()
        self.read_public_results()
        self.refresh()

    def use_keys(self, keys: StationKeys) -> None:
        """A missing key stops only what needs it, calmly: without the office's key receipts
        are not checked here (walk-in ratings go on); without the station's own key no rating
        is taken. Staff read the file and the fix in the log; the staff exit always works."""
        if keys.receipt_problem is None:
            self.flow.verify_receipt = keys.receipt.verify
            self.flow.verify_typed = keys.receipt.verify_check
        else:
            self.flow.verify_receipt = _receipts_unavailable
            self.flow.verify_typed = lambda _code, _check: _receipts_unavailable(_code)
        self.flow.case_qr = keys.case_qr
        if keys.station_problem is not None:
            self.ratings_unavailable = True
            self.attract.unavailable = RATINGS_UNAVAILABLE
        self.refresh()

    def report_contact(self) -> None:
        backend = self.backend
        if backend is None:
            return
        # A failure here is the database being away: the staff dot already says so.
        self.run_in_background(backend.report_contact, lambda _: None, lambda _: None)

    def read_public_results(self) -> None:
        """This month's results for the start screen, read on a worker: never in a citizen's
        way, and a failure only leaves the last figures shown."""
        backend = self.backend
        if backend is None:
            return
        self.run_in_background(backend.public_results, self._show_public_results, lambda _: None)

    def _show_public_results(self, results: MonthResults | None) -> None:
        self.attract.set_results(results, Translator(self.flow.language))

    def show_start_problem(self, message: str) -> None:
        self.attract.set_office_name(message)

    def run_in_background(
        self,
        call: Callable[[], Result],
        done: Callable[[Result], None],
        failed: Callable[[BaseException], None],
    ) -> None:
        run_in_background(call, done, failed, parent=self)

    def outbox_grew(self) -> None:
        """A petition or call-back request waits in the outbox: the retry timer forwards it."""
        self._outbox_waiting += 1

    def look_up_typed(self, typed: TypedCode | None) -> None:
        """A right check number is looked up; a wrong one only noted, for the gaming signal."""
        if typed is not None and typed.check_ok:
            self.look_up(typed.code, typed=True)
            return
        if typed is not None and self.backend is not None:
            backend = self.backend
            # A failure is the database being away: the staff dot already says so.
            self.run_in_background(
                lambda: backend.note_typed_code(typed.code, check_ok=False),
                lambda _: None,
                lambda _: None,
            )
        self.refresh()

    def look_up(self, code: str | None, *, typed: bool = False, bare: bool = False) -> None:
        """`bare`: a scanned code without our signature (a provincial receipt's)."""
        if code is None or self.backend is None:
            self.refresh()
            return
        backend = self.backend

        def failed(error: BaseException) -> None:
            known = error if isinstance(error, KioskError) else KioskError(UNREACHABLE)
            self.act(lambda: self.flow.dossier_not_found(known))

        self.run_in_background(
            lambda: backend.lookup(code, typed=typed, bare=bare),
            lambda info: self.act(lambda: self.flow.dossier_found(info)),
            failed,
        )

    def on_scanned(self, text: str) -> None:
        if self.ratings_unavailable:
            return  # the start screen says why, and to ask at the counter
        self.build_remaining_screens()
        if self.cases.scanned(text):
            return
        scanned = self.flow.submit_code(text)
        if scanned is None:
            self.refresh()
            return
        self.look_up(scanned.code, bare=not scanned.signed)

    def complete(self, tap: Callable[[], PendingRating | None]) -> None:
        """The tap that completes a rating: the thanks come only after the commit."""
        pending = tap()
        self.refresh()
        if pending is not None:
            self.save(pending)

    def save(self, pending: PendingRating) -> None:
        if self.backend is None:
            self.flow.save_failed(pending, RuntimeError("database not open"))
            self.refresh()
            return
        backend = self.backend
        self._retrying.add(pending.id)

        def done(recorded: RecordedRating | QueuedRating) -> None:
            self._retrying.discard(pending.id)
            self._outbox_waiting = getattr(recorded, "waiting", self._outbox_waiting)
            self.flow.saved(pending)
            self.refresh()
            self.rating_saved.emit(recorded)

        def failed(error: BaseException) -> None:
            self._retrying.discard(pending.id)
            if isinstance(error, ConflictError):
                self.flow.retry_succeeded(pending)  # nothing left to save: it was rated already
                self.flow.already_rated()
            else:
                self.flow.save_failed(pending, error)
                self.rating_kept_for_retry.emit(pending)
            self.refresh()

        self.run_in_background(
            lambda: backend.record(pending.answers, rating_id=pending.id, at=pending.at),
            done,
            failed,
        )

    def retry_pending(self) -> None:
        for pending in self.flow.retries():
            if pending.id not in self._retrying:
                self.save(pending)
        if self._outbox_waiting and self.backend is not None:
            self.run_in_background(self.backend.forward_outbox, self._outbox_sent, lambda _: None)

    def _outbox_sent(self, waiting: int) -> None:
        self._outbox_waiting = waiting
        self.refresh()

    # -- time and screens -------------------------------------------------------------------

    def on_tick(self) -> None:
        step = self.flow.step
        partial = self.flow.tick()
        if partial is not None:
            self.save(partial)
        if self.flow.step is not step:
            self.refresh()
        else:
            self._show_countdown()

    def _show_countdown(self) -> None:
        seconds = self.flow.countdown()
        if seconds is None:
            self.countdown.hide()
            return
        tr = Translator(self.flow.language)
        self.countdown_text.setText(
            tr("Still there? Back to the start in {seconds} s.", seconds=seconds)
        )
        self.continue_button.setText(tr("Continue"))
        self.countdown.show()

    def open_petition(self) -> None:
        # The start screen's own button: tapped before the other screens are built (just after
        # the data is shown), it builds them first, as a tap on Start does through refresh.
        self.build_remaining_screens()
        self.cases.open_petition()

    def open_service_list(self) -> None:
        self.services.clear_search()
        self.act(self.flow.rate_without_receipt)

    def toggle_large_text(self) -> None:
        self.flow.toggle_large_text()
        self._apply_text_size(changed=True)
        self.refresh()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._apply_text_size()

    def _apply_text_size(self, *, changed: bool = False) -> None:
        """The citizen's text, for this screen's height and the large-text choice."""
        scale = screen_scale(self.height())
        app = QApplication.instance()
        if (changed or scale != self._text_scale) and isinstance(app, QApplication):
            self._text_scale = scale
            app.setStyleSheet(stylesheet(large_text=self.flow.large_text, scale=scale))

    def act(self, change: Callable[[], object]) -> None:
        change()
        self.refresh()

    def refresh(self) -> None:
        flow = self.flow
        tr = Translator(flow.language)
        # While saving, the flow ignores taps; disabling the screen instead would restyle and
        # repaint every widget on it, on the path to the thank-you frame.
        if flow.step not in (Step.SAVING, Step.SENDING):
            if flow.step not in self.screens:
                self.build_remaining_screens()
            screen = self.screens[flow.step]
            arrived = flow.step is not self._shown_step
            if arrived and flow.step is Step.REASONS:
                self.reasons.clear()
            screen.show_flow(flow, tr)
            self.stack.setCurrentWidget(screen)
            if arrived:
                self.voice.say(screen.spoken_prompt(), flow.language)
            self._shown_step = flow.step
        self.setWindowTitle(tr("Rate our service"))
        # Only staff notice the mark: a citizen has been thanked, the rating is safe.
        waiting = len(flow.retry_queue) + self._outbox_waiting
        self.staff_mark.setVisible(bool(waiting))
        self.staff_mark.setToolTip(tr("{count} ratings waiting to be saved", count=waiting))
        self.staff_mark.adjustSize()
        self.staff_mark.move(self.width() - self.staff_mark.width() - 6, 2)
        self._show_countdown()

    # -- the scanner ------------------------------------------------------------------------

    def listen(self) -> None:
        """Reads the scanner. Its keys reach the window itself, as no button takes focus.

        Not an application-wide filter: that would send every event of every widget through
        Python (it cost the first frame 25 ms). Taps keep the session alive through the flow's
        own calls; the service list's scrolling does so through its viewport.
        """
        self.installEventFilter(self.scanner)
