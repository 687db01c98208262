"""The citizen's feedback cases at the kiosk, as steps of kiosk.rating_flow: a petition typed
from the start screen, a call-back asked for after an unhappy rating, the slip that follows,
and a slip's QR scanned to rate how the case was handled. No screen, no database.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from kiosk.answers import MAX_COMMENT, RatingInput, Satisfaction
from kiosk.case_qr import CaseQrSigner, is_case_payload
from kiosk.errors import InvalidInputError, KioskError
from kiosk.flow_steps import CLOSING, QUESTIONS, Step
from kiosk.i18n import N_
from kiosk.kiosk_case import CaseContact, CaseRequest, CaseToRate, KioskCase, rating_case_id
from kiosk.text import nfc

if TYPE_CHECKING:
    import uuid  # loads platform: not on the kiosk's way to its first frame

    from kiosk.rating_flow import PendingRating, _Answers

# The subjects a citizen picks with one tap: recorded in Vietnamese, the office's language,
# whatever language the kiosk speaks (the managers filter their list by these words).
PETITION_SUBJECTS = {
    "procedure": ("Thủ tục, giấy tờ", N_("Procedures and papers")),
    "conduct": ("Thái độ cán bộ", N_("Staff attitude")),
    "time": ("Thời gian giải quyết", N_("Handling time")),
    "premises": ("Cơ sở vật chất", N_("Premises and equipment")),
}
MAX_SUBJECT = 200  # FeedbackCase.subject
MAX_NAME = 120  # the contact's name column
MAX_PETITION = MAX_COMMENT
NEEDS_NAME_AND_PHONE = N_("To be called back, please give both your name and your phone number.")
# Steps where a scanned slip is not taken: the citizen is in the middle of something.
BUSY = frozenset({Step.SAVING, Step.SENDING, *CLOSING, *QUESTIONS})


@dataclass
class PetitionDraft:
    subject: str = ""
    subject_typed: str = ""
    text: str = ""
    name: str = ""
    phone: str = ""


class CaseSteps:
    """Mixed into RatingFlow, whose state and moves these steps share."""

    step: Step
    problem: KioskError | None
    answers: _Answers
    last_rating: RatingInput | None
    _clock: Callable[[], datetime]

    def _init_cases(self) -> None:
        self.draft = PetitionDraft()
        self.last_rating_id: uuid.UUID | None = None  # the rating just thanked for
        self.last_case: KioskCase | None = None  # shown on the slip screen
        self.case_notice: KioskError | None = None  # why a scanned slip cannot be rated now
        self.case_qr: CaseQrSigner | None = None  # with the office's key

    def _go(self, step: Step) -> None:
        raise NotImplementedError

    def touch(self) -> None:
        raise NotImplementedError

    def _reset_answers(self) -> None:
        raise NotImplementedError

    def finish(self, *, partial: bool = False) -> PendingRating | None:
        raise NotImplementedError

    # -- a petition from the start screen ------------------------------------------------

    def open_petition(self) -> None:
        self.draft = PetitionDraft()
        self._go(Step.PETITION_SUBJECT)

    def choose_subject(self, key: str) -> None:
        if self.step is Step.PETITION_SUBJECT and key in PETITION_SUBJECTS:
            self.draft.subject = PETITION_SUBJECTS[key][0]
            self._go(Step.PETITION_TEXT)

    def set_typed_subject(self, text: str) -> None:
        self.touch()
        self.draft.subject_typed = text

    def submit_typed_subject(self) -> None:
        subject = nfc(self.draft.subject_typed).strip()
        if not subject:
            self.problem = KioskError(N_("Please type what your feedback is about."))
            return
        self.draft.subject = subject[:MAX_SUBJECT]
        self._go(Step.PETITION_TEXT)

    def set_petition_text(self, text: str) -> None:
        self.touch()
        self.draft.text = text

    def submit_petition_text(self) -> None:
        if not nfc(self.draft.text).strip():
            self.problem = KioskError(N_("Please write your feedback first."))
            return
        self._go(Step.PETITION_CONTACT)

    # -- a call-back after an unhappy rating ---------------------------------------------

    @property
    def offers_call_back(self) -> bool:
        """The thank-you for an unhappy rating of the service offers to be contacted."""
        rating = self.last_rating
        return (
            self.step is Step.THANKS
            and self.last_rating_id is not None
            and rating is not None
            and rating.case_id is None
            and not rating.partial
            and rating.satisfaction in (Satisfaction.DISSATISFIED, Satisfaction.VERY_DISSATISFIED)
        )

    def ask_call_back(self) -> None:
        if self.offers_call_back:
            self.draft = PetitionDraft()
            self._go(Step.CALL_BACK)

    # -- the contact, and sending --------------------------------------------------------

    def set_contact(self, name: str, phone: str) -> None:
        self.touch()
        self.draft.name, self.draft.phone = name, phone

    def send_case(self) -> CaseRequest | None:
        """The request to send, or None with a message on the screen (nothing is lost)."""
        self.touch()
        if self.step not in (Step.CALL_BACK, Step.PETITION_CONTACT):
            return None
        try:
            contact = self._contact(required=self.step is Step.CALL_BACK)
        except KioskError as problem:
            self.problem = problem
            return None
        at = self._clock()
        if self.step is Step.CALL_BACK:
            assert self.last_rating_id is not None  # offered only after a saved rating
            request = CaseRequest(
                rating_case_id(self.last_rating_id), at, contact, rating_id=self.last_rating_id
            )
        else:
            text = nfc(self.draft.text).strip()
            import uuid

            request = CaseRequest(uuid.uuid4(), at, contact, subject=self.draft.subject, text=text)
        self._go(Step.SENDING)
        return request

    def _contact(self, *, required: bool) -> CaseContact | None:
        name = nfc(self.draft.name).strip()
        if not name and not self.draft.phone.strip() and not required:
            return None
        if not name or not self.draft.phone.strip():
            raise InvalidInputError(NEEDS_NAME_AND_PHONE)
        from kiosk.phone import vietnamese_phone  # phonenumbers: not on the start path

        phone = vietnamese_phone(self.draft.phone)
        assert phone is not None  # some digits were typed
        return CaseContact(name[:MAX_NAME], phone)

    def case_sent(self, case: KioskCase) -> None:
        self.last_case = case
        if self.step is Step.SENDING:
            self._go(Step.CASE_SLIP)

    def case_not_sent(self, came_from: Step, error: KioskError) -> None:
        """Back where the citizen was, with their words still typed, and why."""
        if self.step is Step.SENDING:
            self._go(came_from)
            self.problem = error

    # -- rating the handling with the slip's QR ------------------------------------------

    def submit_case_code(self, text: str) -> uuid.UUID | None:
        """The case id of a genuine slip; None (with a message) otherwise, or when busy."""
        self.touch()
        if self.step in BUSY or not is_case_payload(text):
            return None
        try:
            if self.case_qr is None:
                raise InvalidInputError(N_("Feedback slips cannot be checked at this kiosk now."))
            return self.case_qr.verify(text)
        except KioskError as error:
            self.problem = error
            return None

    def case_found(self, case: CaseToRate) -> None:
        self._reset_answers()
        self.answers.case = case
        self._go(Step.CASE_FACE)

    def case_not_rated(self, why: KioskError) -> None:
        """Not answered yet, rated already, or not in the records yet: said on its own screen."""
        self.case_notice = why
        self._go(Step.CASE_NOTICE)

    def rate_handling(self, satisfaction: Satisfaction) -> PendingRating | None:
        if self.step is not Step.CASE_FACE or self.answers.case is None:
            return None
        self.answers.satisfaction = satisfaction
        return self.finish()
