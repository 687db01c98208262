"""The kiosk's feedback-case steps without a screen: where each goes, what it refuses, and
what it keeps of the citizen."""

import uuid
from datetime import datetime

from kiosk.answers import RatingInput, Satisfaction
from kiosk.case_qr import CaseQrSigner
from kiosk.errors import ConflictError
from kiosk.kiosk_case import CaseToRate, KioskCase, rating_case_id
from kiosk.rating_flow import FlowSettings, PendingRating, RatingFlow, Step

NOW = datetime(2026, 11, 23, 9, 30)


class Ticks:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def flow_with_ticks():
    ticks = Ticks()
    flow = RatingFlow(lambda: NOW, ticks=ticks, office_code="000.00.30.H12")
    flow.settings = FlowSettings(idle_timeout=30, thanks=6)
    return flow, ticks


def thanked_for(flow, answers):
    pending = PendingRating(uuid.uuid4(), NOW, answers)
    flow.step = Step.SAVING
    flow.saved(pending)
    return pending


def test_a_petition_goes_subject_text_contact_and_back():
    flow, _ = flow_with_ticks()
    flow.open_petition()
    flow.submit_typed_subject()
    assert flow.step is Step.PETITION_SUBJECT and flow.problem is not None
    flow.set_typed_subject("  Bãi gửi xe ")
    flow.submit_typed_subject()
    assert (flow.step, flow.draft.subject) == (Step.PETITION_TEXT, "Bãi gửi xe")
    flow.submit_petition_text()
    assert flow.step is Step.PETITION_TEXT and flow.problem is not None
    flow.set_petition_text("Thiếu chỗ để xe")
    flow.submit_petition_text()
    assert flow.step is Step.PETITION_CONTACT
    flow.back()
    flow.back()
    assert flow.step is Step.PETITION_SUBJECT
    flow.choose_subject("time")
    assert flow.draft.subject == "Thời gian giải quyết"  # recorded in the office's language


def test_a_petition_without_a_contact_is_sent_and_a_half_contact_is_refused():
    flow, _ = flow_with_ticks()
    flow.open_petition()
    flow.choose_subject("premises")
    flow.set_petition_text("Ghế chờ bị hỏng")
    flow.submit_petition_text()
    flow.set_contact("Lan", "")
    assert flow.send_case() is None and flow.step is Step.PETITION_CONTACT
    flow.set_contact("", "")
    request = flow.send_case()
    assert request is not None and flow.step is Step.SENDING
    assert (request.contact, request.subject, request.text, request.at) == (
        None,
        "Cơ sở vật chất",
        "Ghế chờ bị hỏng",
        NOW,
    )
    flow.case_sent(KioskCase(request.case_id, None, None, contact_given=False))
    assert flow.step is Step.CASE_SLIP and flow.last_case.queued
    flow.home()
    assert flow.draft.text == "" and flow.draft.name == ""  # not kept for the next citizen


def test_the_call_back_is_offered_only_after_an_unhappy_rating_of_a_service():
    flow, ticks = flow_with_ticks()
    thanked_for(flow, RatingInput(Satisfaction.SATISFIED, service_code="HT-KS"))
    assert not flow.offers_call_back
    thanked_for(flow, RatingInput(Satisfaction.DISSATISFIED, case_id=uuid.uuid4()))
    assert not flow.offers_call_back  # a case's handling: the case is there already
    pending = thanked_for(flow, RatingInput(Satisfaction.DISSATISFIED, service_code="HT-KS"))
    assert flow.offers_call_back
    ticks.now += 20  # longer than the thanks: time to read the offer and tap it
    assert flow.seconds_left() == 10
    flow.ask_call_back()
    flow.set_contact("Lê Văn Bình", "0912 345 678")
    request = flow.send_case()
    assert request is not None
    assert (request.rating_id, request.case_id) == (pending.id, rating_case_id(pending.id))
    assert request.contact.phone == "0912 345 678"


def test_a_wrong_phone_is_explained_and_the_citizen_stays():
    flow, _ = flow_with_ticks()
    thanked_for(flow, RatingInput(Satisfaction.DISSATISFIED, service_code="HT-KS"))
    flow.ask_call_back()
    flow.set_contact("An", "12345")
    assert flow.send_case() is None
    assert flow.step is Step.CALL_BACK and "12345" in flow.problem.render(_english())


def _english():
    from kiosk.i18n import Translator

    return Translator("en")


def test_a_scanned_slip_rates_the_handling_with_one_tap():
    flow, _ = flow_with_ticks()
    signer = CaseQrSigner(b"k" * 32)
    flow.case_qr = signer
    case_id = uuid.uuid4()
    assert flow.submit_case_code(signer.payload(case_id)) == case_id
    assert flow.submit_case_code(CaseQrSigner(b"x" * 32).payload(case_id)) is None
    assert flow.problem is not None
    flow.case_found(CaseToRate(case_id, "2026-0007", "Thái độ cán bộ"))
    assert flow.step is Step.CASE_FACE
    pending = flow.rate_handling(Satisfaction.VERY_SATISFIED)
    assert pending.answers.case_id == case_id and pending.answers.service_code is None
    assert flow.step is Step.SAVING
    assert flow.submit_case_code(signer.payload(case_id)) is None  # busy saving: not a new slip


def test_a_slip_that_cannot_be_rated_is_said_on_its_own_closing_screen():
    flow, ticks = flow_with_ticks()
    flow.case_not_rated(ConflictError("The handling of case {number} has already been rated."))
    assert flow.step is Step.CASE_NOTICE
    ticks.now += 7
    flow.tick()
    assert flow.step is Step.ATTRACT
