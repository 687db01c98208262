"""The citizen's path through the kiosk, as a state machine with no screen and no database.

The UI shows `flow.step` and turns taps into calls here; whatever needs the database (looking a
dossier up, saving a rating) comes back out as a request the UI runs on a worker, and its result
goes back in (`dossier_found`, `saved`, `save_failed`). Every rule of the flow is here, so it is
tested without Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from kiosk.answers import COMPLAINT_REASONS, SCALE_LEVELS, UNHAPPY, RatingInput, Satisfaction
from kiosk.case_flow import CaseSteps, PetitionDraft
from kiosk.clock import Clock, Ticks, monotonic_ticks
from kiosk.dossier_code import parse_dossier_code
from kiosk.errors import InvalidInputError, KioskError
from kiosk.flow_steps import BACK, CLOSING, QUESTIONS, RESTING
from kiosk.flow_steps import Step as Step  # the screens name the steps from here
from kiosk.i18n import DEFAULT_LANGUAGE, LANGUAGES, N_
from kiosk.kiosk_case import CaseToRate
from kiosk.provincial.receipt_codes import find_dossier_code
from kiosk.receipt_payload import (
    CHECK_DIGITS,
    NO_CODE,
    NOT_GENUINE,
    WRONG_CHECK,
    ScannedCode,
    is_signed_payload,
)

if TYPE_CHECKING:
    import uuid

    from kiosk.views import DossierInfo, ServiceView

KEYPAD_DIGITS = 10  # YYMMDD + XXXX; the office's own unit code is filled in for the citizen
# Wrong check numbers a session may type before the keypad sends the citizen to the counter:
# enough for a few slips of the finger, far too few to try out 10,000 numbers.
WRONG_CHECKS_ALLOWED = 5
TOO_MANY_WRONG_CHECKS = N_(
    "The check number was wrong too many times. Please ask at the counter for help."
)


@dataclass(frozen=True)
class FlowSettings:
    idle_timeout: float = 30.0
    countdown: float = 10.0
    repeat_gap: float = 5.0
    thanks: float = 6.0


@dataclass(frozen=True)
class TypedCode:
    """A dossier code typed on the keypad with its check number. Only a right check is looked
    up; both are reported (kiosk.services.gaming looks for codes tried one after another)."""

    code: str
    check_ok: bool


@dataclass(frozen=True)
class PendingRating:
    """A rating the citizen completed (or left after choosing a face), waiting for its commit."""

    id: uuid.UUID
    at: datetime
    answers: RatingInput


@dataclass
class _Answers:
    dossier: DossierInfo | None = None
    service: ServiceView | None = None
    satisfaction: Satisfaction | None = None
    contacts_score: int | None = None
    agencies_score: int | None = None
    conduct_complaint: bool | None = None
    reasons: list[str] = field(default_factory=list)
    comment: str = ""
    case: CaseToRate | None = None  # its handling is rated (a slip's QR)


class RatingFlow(CaseSteps):
    def __init__(
        self,
        clock: Clock,
        *,
        ticks: Ticks = monotonic_ticks,
        office_code: str,
        rating_scale: int = 3,
        settings: FlowSettings = FlowSettings(),
    ) -> None:
        self._clock = clock  # when a rating was given: goes on record
        # How long the citizen has been idle: measured on a clock NTP never steps back.
        self._ticks = ticks
        self.office_code = office_code
        self.rating_scale = rating_scale
        self.settings = settings
        self.language = DEFAULT_LANGUAGE
        self.large_text = False
        self.step = Step.ATTRACT
        self.problem: KioskError | None = None  # a message for the current screen
        self.keypad = ""
        self.answers = _Answers()
        self.last_result: DossierInfo | None = None  # shown on the thank-you screen
        self.last_rating: RatingInput | None = None  # its answers: the thanks follow them
        self.office_hotline = ""  # given to an unhappy citizen on the thank-you screen
        self.retry_queue: list[PendingRating] = []
        # Checks a scanned receipt's signature and returns its code (kiosk.receipt_signing).
        self.verify_receipt: Callable[[str], str] | None = None
        # Checks a typed code's check number and returns the code (ReceiptSigner.verify_check).
        self.verify_typed: Callable[[str, str], str] | None = None
        self.wrong_checks = 0  # in this session: from the start screen back to it
        self._last_saved_at: float | None = None
        self._init_cases()
        self._last_activity = self._entered_at = ticks()

    # -- what the screens show -------------------------------------------------------------

    @property
    def faces(self) -> tuple[Satisfaction, ...]:
        return SCALE_LEVELS[self.rating_scale]

    @property
    def unhappy(self) -> bool:
        return self.answers.satisfaction in UNHAPPY

    @property
    def keypad_code(self) -> str:
        """The code being typed, as it reads on the receipt (the unit part filled in)."""
        digits = self.keypad[:KEYPAD_DIGITS].ljust(KEYPAD_DIGITS, "_")
        return f"{self.office_code}-{digits[:6]}-{digits[6:]}"

    @property
    def typing_check(self) -> bool:
        """The code's digits are all there: the keypad now takes the check number."""
        return len(self.keypad) >= KEYPAD_DIGITS

    @property
    def keypad_check(self) -> str:
        return self.keypad[KEYPAD_DIGITS:].ljust(CHECK_DIGITS, "_")

    # -- moving around ---------------------------------------------------------------------

    def _go(self, step: Step) -> None:
        self.step = step
        self.problem = None
        self._entered_at = self._last_activity = self._ticks()

    def touch(self) -> None:
        """Any tap or key: the citizen is still there."""
        self._last_activity = self._ticks()

    def set_language(self, language: str) -> None:
        if language in LANGUAGES:
            self.language = language
        self.touch()

    def toggle_large_text(self) -> None:
        self.large_text = not self.large_text
        self.touch()

    def start(self) -> None:
        self._reset_answers()
        self.wrong_checks = 0
        self._go(Step.IDENTIFY)

    def show_help(self) -> None:
        self._go(Step.HELP)

    def back(self) -> None:
        if self.step in BACK:
            self._go(BACK[self.step])
        elif self.step in QUESTIONS or self.step in (Step.FACE, Step.REASONS):
            self._go(self._previous_of_rating_step())

    def _previous_of_rating_step(self) -> Step:
        order = [Step.FACE, *QUESTIONS, Step.REASONS]
        index = order.index(self.step)
        if index > 0:
            return order[index - 1]
        return Step.DOSSIER if self.answers.dossier else Step.SERVICES

    def home(self) -> None:
        self._reset_answers()
        self._go(Step.ATTRACT)

    def _reset_answers(self) -> None:
        self.answers = _Answers()
        self.keypad = ""
        self.draft = PetitionDraft()  # a name and phone typed are not kept for the next citizen

    # -- identifying the dossier -----------------------------------------------------------

    def open_keypad(self) -> None:
        if self.wrong_checks >= WRONG_CHECKS_ALLOWED:
            self.problem = KioskError(TOO_MANY_WRONG_CHECKS)
            return
        self.keypad = ""
        self._go(Step.KEYPAD)

    def press_digit(self, digit: str) -> None:
        self.touch()
        if digit.isascii() and digit.isdigit() and len(self.keypad) < KEYPAD_DIGITS + CHECK_DIGITS:
            self.keypad += digit
            self.problem = None

    def erase_digit(self) -> None:
        """One digit back, from the check number into the code's digits if need be."""
        self.touch()
        self.keypad = self.keypad[:-1]

    def submit_keypad(self) -> TypedCode | None:
        """The typed code and whether its check number is right; None (with a message) while
        digits are missing or the code cannot be one. A wrong check is erased for another try;
        after WRONG_CHECKS_ALLOWED the citizen is sent back, to ask at the counter."""
        self.touch()
        if self.step is not Step.KEYPAD:
            return None
        if len(self.keypad) < KEYPAD_DIGITS:
            self.problem = KioskError(N_("Please type all 10 digits of the dossier code."))
            return None
        if len(self.keypad) < KEYPAD_DIGITS + CHECK_DIGITS:
            self.problem = KioskError(
                N_("Please type the 4-digit check number printed under the QR code.")
            )
            return None
        try:
            code = parse_dossier_code(self.keypad_code)
        except KioskError as error:
            self.problem = error
            return None
        try:
            if self.verify_typed is None:
                raise KioskError(WRONG_CHECK)  # no office key: no check number can be right
            return TypedCode(self.verify_typed(code, self.keypad[KEYPAD_DIGITS:]), check_ok=True)
        except KioskError as refusal:
            self.keypad = self.keypad[:KEYPAD_DIGITS]
            self.problem = refusal
            if refusal.message != WRONG_CHECK:
                return None  # the kiosk cannot check numbers now: not the citizen's guess
            self.wrong_checks += 1
            if self.wrong_checks >= WRONG_CHECKS_ALLOWED:
                self._go(Step.IDENTIFY)
                self.problem = KioskError(TOO_MANY_WRONG_CHECKS)
            return TypedCode(code, check_ok=False)

    def submit_code(self, text: str) -> ScannedCode | None:
        """A scanned code: our genuine signed QR, or a bare code (a provincial receipt's barcode,
        QR or lookup link, which the kiosk accepts only for imported dossiers); None (with a
        message) when it is neither."""
        self.touch()
        if self.step in (Step.SAVING, *CLOSING) or self.step in QUESTIONS:
            return None  # a scan in the middle of a rating is not a new dossier
        try:
            if is_signed_payload(text):
                if self.verify_receipt is None:
                    raise KioskError(NOT_GENUINE)
                return ScannedCode(self.verify_receipt(text), signed=True)
            code = find_dossier_code(text)
            if code is None:
                raise InvalidInputError(NO_CODE, text=text.strip()[:60])
            return ScannedCode(code, signed=False)
        except KioskError as error:
            self.problem = error
            return None

    def dossier_found(self, dossier: DossierInfo) -> None:
        self._reset_answers()
        self.answers.dossier = dossier
        self.last_result = dossier
        self._go(Step.ALREADY_RATED if dossier.already_rated else Step.DOSSIER)

    def dossier_not_found(self, error: KioskError) -> None:
        self.problem = error

    def rate_without_receipt(self) -> None:
        self._reset_answers()
        self._go(Step.SERVICES)

    def pick_service(self, service: ServiceView) -> None:
        self.answers.service = service
        self._go(Step.FACE)

    def begin_rating(self) -> None:
        if self.step is Step.DOSSIER and self.answers.dossier is not None:
            self._go(Step.FACE)

    # -- the rating itself -----------------------------------------------------------------

    def choose_face(self, satisfaction: Satisfaction) -> bool:
        """Records the face; False when the tap is ignored (repeat gap, or not this scale)."""
        if self.step is not Step.FACE or satisfaction not in self.faces:
            return False
        if (
            self.answers.dossier is None
            and self._last_saved_at is not None
            and self._ticks() - self._last_saved_at < self.settings.repeat_gap
        ):
            return False
        self.answers.satisfaction = satisfaction
        self._go(Step.CONTACTS)
        return True

    def answer(self, value: int | bool | None) -> PendingRating | None:
        """Answers (or, with None, skips) the current question; the last one may finish."""
        if self.step is Step.CONTACTS:
            self.answers.contacts_score = value if isinstance(value, int) else None
            self._go(Step.AGENCIES)
        elif self.step is Step.AGENCIES:
            self.answers.agencies_score = value if isinstance(value, int) else None
            self._go(Step.CONDUCT)
        elif self.step is Step.CONDUCT:
            self.answers.conduct_complaint = value if value is None else bool(value)
            if self.unhappy:
                self._go(Step.REASONS)
            else:
                return self.finish()
        return None

    def toggle_reason(self, reason: str) -> None:
        self.touch()
        if reason not in COMPLAINT_REASONS:
            return
        if reason in self.answers.reasons:
            self.answers.reasons.remove(reason)
        else:
            self.answers.reasons.append(reason)

    def set_comment(self, text: str) -> None:
        self.touch()
        self.answers.comment = text

    def finish(self, *, partial: bool = False) -> PendingRating | None:
        """The completing tap: the rating to commit. The thanks wait for `saved`."""
        answers = self.answers
        if answers.satisfaction is None or self.step is Step.SAVING:
            return None
        import uuid  # not on the start path

        pending = PendingRating(
            id=uuid.uuid4(),
            at=self._clock(),
            answers=RatingInput(
                satisfaction=answers.satisfaction,
                dossier_code=answers.dossier.code if answers.dossier else None,
                service_code=answers.service.code if answers.service else None,
                case_id=answers.case.id if answers.case else None,
                contacts_score=answers.contacts_score,
                agencies_score=answers.agencies_score,
                conduct_complaint=answers.conduct_complaint,
                reasons=tuple(answers.reasons),
                comment=answers.comment or None,
                partial=partial,
            ),
        )
        if not partial:
            self._go(Step.SAVING)
        return pending

    def saved(self, pending: PendingRating) -> None:
        self._last_saved_at = self._ticks()
        self._forget(pending)
        if self.step is Step.SAVING:
            self.last_result = self.answers.dossier
            self.last_rating = pending.answers
            self.last_rating_id = pending.id
            self._go(Step.THANKS)

    def save_failed(self, pending: PendingRating, error: BaseException) -> None:
        """Keeps the rating for retry; the citizen is asked, calmly, to tell the counter."""
        if pending not in self.retry_queue:
            self.retry_queue.append(pending)
        if self.step is Step.SAVING:
            self._go(Step.PROBLEM)

    def already_rated(self) -> None:
        """The save was refused because the dossier was rated meanwhile (another kiosk)."""
        if self.step is Step.SAVING:
            self._go(Step.ALREADY_RATED)

    def _forget(self, pending: PendingRating) -> None:
        self.retry_queue = [p for p in self.retry_queue if p.id != pending.id]

    def retries(self) -> list[PendingRating]:
        return list(self.retry_queue)

    def retry_succeeded(self, pending: PendingRating) -> None:
        self._forget(pending)

    # -- time ------------------------------------------------------------------------------

    def seconds_left(self) -> float | None:
        """Until the idle timeout (or the closing screen's end); None where nothing expires."""
        if self.step in RESTING:
            return None
        now = self._ticks()
        if self.step in CLOSING and not self.offers_call_back:  # time to tap "call me back"
            return self.settings.thanks - (now - self._entered_at)
        return self.settings.idle_timeout - (now - self._last_activity)

    def countdown(self) -> int | None:
        """Whole seconds to show in the countdown, during its last `countdown` seconds only."""
        left = self.seconds_left()
        if left is None or self.step in CLOSING or left > self.settings.countdown:
            return None
        return max(0, int(left + 0.999))

    def tick(self) -> PendingRating | None:
        """Called every few hundred ms; returns a partial rating to save when one times out."""
        left = self.seconds_left()
        if left is None or left > 0:
            return None
        partial = None
        if self.step not in CLOSING and self.answers.satisfaction is not None:
            partial = self.finish(partial=True)
            if partial is not None:
                # Saved in the background; a failure goes to the retry queue like any other.
                self.retry_queue.append(partial)
        self.home()
        return partial
