from datetime import timedelta

import pytest

from kiosk.answers import Satisfaction
from kiosk.errors import KioskError, NotFoundError
from kiosk.rating_flow import (
    TOO_MANY_WRONG_CHECKS,
    WRONG_CHECKS_ALLOWED,
    FlowSettings,
    RatingFlow,
    Step,
    TypedCode,
)
from kiosk.receipt_payload import WRONG_CHECK, ScannedCode
from kiosk.receipt_signing import ReceiptSigner
from kiosk.services.dossiers import DossierService
from kiosk.services.kiosk_backend import KioskBackend
from kiosk.status import DossierStatus
from kiosk.views import ServiceView

SIGNER = ReceiptSigner(b"office-key".ljust(32, b"-"))
CODE = "000.00.30.H12-261123-0042"
BIRTH = ServiceView("HT-KS", "Đăng ký khai sinh", "Birth registration", "Hộ tịch", 0, True)


@pytest.fixture
def flow(clock):
    return RatingFlow(
        clock, ticks=clock.ticks, office_code="000.00.30.H12", settings=FlowSettings()
    )


@pytest.fixture
def backend(database, office, clock):
    return KioskBackend(database.factory, station="kiosk-1", clock=clock)


@pytest.fixture
def dossier_code(database, office, clock):
    dossiers = DossierService(database.factory, station="test", clock=clock)
    with clock.at(clock.now - timedelta(hours=1)):
        code = dossiers.register("HT-KS", clerk_id=2).code
    with clock.at(clock.now):
        dossiers.return_result(code, clerk_id=1)
    return code


def rate_happily(flow, clock):
    flow.begin_rating()
    assert flow.choose_face(Satisfaction.VERY_SATISFIED)
    flow.answer(2)
    flow.answer(None)  # skipped
    return flow.answer(False)


def test_scanned_dossier_is_shown_then_rated_and_saved(flow, backend, dossier_code, clock):
    flow.start()
    scanned = flow.submit_code(dossier_code.lower() + "  ")
    assert scanned == ScannedCode(dossier_code, signed=False)  # the window looks it up bare
    flow.dossier_found(backend.lookup(scanned.code))
    assert flow.step is Step.DOSSIER
    assert flow.answers.dossier.status is DossierStatus.ON_TIME
    assert flow.answers.dossier.counter == 2
    pending = rate_happily(flow, clock)
    assert flow.step is Step.SAVING
    assert pending.answers.dossier_code == dossier_code
    assert (pending.answers.contacts_score, pending.answers.agencies_score) == (2, None)
    assert pending.answers.conduct_complaint is False
    backend.record(pending.answers, rating_id=pending.id, at=pending.at)
    flow.saved(pending)
    assert flow.step is Step.THANKS
    assert backend.lookup(dossier_code).already_rated


def test_a_rated_dossier_offers_nothing_to_overwrite(flow, backend, dossier_code, clock):
    flow.start()
    flow.dossier_found(backend.lookup(dossier_code))
    pending = rate_happily(flow, clock)
    backend.record(pending.answers, rating_id=pending.id, at=pending.at)
    flow.saved(pending)
    flow.home()
    flow.start()
    flow.dossier_found(backend.lookup(dossier_code))
    assert flow.step is Step.ALREADY_RATED
    flow.begin_rating()
    assert flow.step is Step.ALREADY_RATED


def test_saving_twice_with_the_same_id_records_once(backend, dossier_code, flow, clock):
    flow.start()
    flow.dossier_found(backend.lookup(dossier_code))
    pending = rate_happily(flow, clock)
    first = backend.record(pending.answers, rating_id=pending.id, at=pending.at)
    again = backend.record(pending.answers, rating_id=pending.id, at=pending.at)
    assert first == again


def type_digits(flow, digits):
    for digit in digits:
        flow.press_digit(digit)


def test_keypad_fills_in_the_office_and_needs_all_digits_and_the_check(flow):
    flow.verify_typed = SIGNER.verify_check
    flow.start()
    flow.open_keypad()
    type_digits(flow, "2611230")
    assert flow.keypad_code == "000.00.30.H12-261123-0___"
    assert flow.submit_keypad() is None and flow.problem is not None
    type_digits(flow, "042x")
    assert flow.typing_check and flow.keypad_check == "____"
    assert flow.submit_keypad() is None and "check number" in flow.problem.message
    check = SIGNER.check_number(CODE)
    type_digits(flow, check[:3])
    flow.erase_digit()
    flow.erase_digit()
    flow.erase_digit()
    flow.erase_digit()  # across into the code's digits
    assert not flow.typing_check and flow.keypad_code == "000.00.30.H12-261123-004_"
    type_digits(flow, "2" + check + "9")  # a fifth check digit is not taken
    assert flow.keypad_check == check
    assert flow.submit_keypad() == TypedCode(CODE, check_ok=True)
    assert flow.wrong_checks == 0


def test_wrong_check_is_refused_in_words_and_erased_for_another_try(flow):
    flow.verify_typed = SIGNER.verify_check
    flow.start()
    flow.open_keypad()
    wrong = f"{(int(SIGNER.check_number(CODE)) + 1) % 10000:04d}"
    type_digits(flow, "2611230042" + wrong)
    assert flow.submit_keypad() == TypedCode(CODE, check_ok=False)
    assert flow.step is Step.KEYPAD and flow.problem.message == WRONG_CHECK
    assert flow.keypad_code == CODE and flow.keypad_check == "____"


def test_a_flow_without_the_office_key_accepts_no_typed_code(flow):
    flow.start()
    flow.open_keypad()
    type_digits(flow, "2611230042" + SIGNER.check_number(CODE))
    assert flow.submit_keypad() == TypedCode(CODE, check_ok=False)


def test_a_kiosk_that_cannot_check_numbers_does_not_count_them_as_wrong_guesses(flow):
    def cannot_check(_code, _check):
        raise KioskError("Receipts cannot be checked at this kiosk just now.")

    flow.verify_typed = cannot_check
    flow.start()
    flow.open_keypad()
    for _ in range(WRONG_CHECKS_ALLOWED + 1):
        type_digits(flow, "2611230042" + SIGNER.check_number(CODE))
        assert flow.submit_keypad() is None
        assert flow.step is Step.KEYPAD and "cannot be checked" in flow.problem.message
    assert flow.wrong_checks == 0  # the citizen is never sent away for the kiosk's fault


def test_too_many_wrong_checks_send_the_citizen_to_the_counter(flow):
    flow.verify_typed = SIGNER.verify_check
    flow.start()
    flow.open_keypad()
    wrong = f"{(int(SIGNER.check_number(CODE)) + 1) % 10000:04d}"
    type_digits(flow, "2611230042")
    for _ in range(WRONG_CHECKS_ALLOWED):
        assert flow.step is Step.KEYPAD
        type_digits(flow, wrong)
        assert flow.submit_keypad().check_ok is False
    assert flow.step is Step.IDENTIFY
    assert flow.problem.message == TOO_MANY_WRONG_CHECKS
    flow.open_keypad()
    assert flow.step is Step.IDENTIFY  # not again in this session
    flow.home()
    flow.start()
    flow.open_keypad()
    assert flow.step is Step.KEYPAD


def test_unknown_or_malformed_code_stays_on_screen_with_a_message(flow, backend):
    flow.start()
    assert flow.submit_code("không phải mã") is None
    assert flow.problem is not None and flow.step is Step.IDENTIFY
    scanned = flow.submit_code("000.00.30.H12-261123-0099")
    with pytest.raises(NotFoundError) as error:
        backend.lookup(scanned.code, bare=not scanned.signed)
    flow.dossier_not_found(error.value)
    assert flow.step is Step.IDENTIFY and flow.problem is error.value


def test_unhappy_face_asks_reasons_and_a_comment(flow):
    flow.start()
    flow.rate_without_receipt()
    flow.pick_service(BIRTH)
    flow.choose_face(Satisfaction.DISSATISFIED)
    flow.answer(0)
    flow.answer(1)
    assert flow.answer(True) is None
    assert flow.step is Step.REASONS
    flow.toggle_reason("slow")
    flow.toggle_reason("impolite")
    flow.toggle_reason("slow")
    flow.toggle_reason("not-a-reason")
    flow.set_comment("Chờ lâu")
    pending = flow.finish()
    assert pending.answers.reasons == ("impolite",)
    assert pending.answers.comment == "Chờ lâu"
    assert pending.answers.service_code == "HT-KS" and pending.answers.dossier_code is None


def test_walk_in_tap_right_after_a_rating_is_ignored(flow, clock):
    for _ in range(2):
        flow.start()
        flow.rate_without_receipt()
        flow.pick_service(BIRTH)
        if flow.choose_face(Satisfaction.VERY_SATISFIED):
            break
    else:
        pytest.fail("the first face tap must count")
    flow.answer(None)
    flow.answer(None)
    flow.saved(flow.answer(None))
    clock.now += timedelta(seconds=2)
    flow.start()
    flow.rate_without_receipt()
    flow.pick_service(BIRTH)
    assert not flow.choose_face(Satisfaction.VERY_SATISFIED)
    assert flow.step is Step.FACE
    clock.now += timedelta(seconds=4)
    assert flow.choose_face(Satisfaction.VERY_SATISFIED)


def test_wall_clock_stepped_back_an_hour_does_not_block_the_next_walk_in(flow, clock):
    flow.start()
    flow.rate_without_receipt()
    flow.pick_service(BIRTH)
    assert flow.choose_face(Satisfaction.SATISFIED)
    flow.answer(None)
    flow.answer(None)
    flow.saved(flow.answer(None))
    clock.now -= timedelta(hours=1)  # NTP fixes a clock that ran an hour ahead
    clock.now += timedelta(seconds=6)  # past the repeat gap
    flow.start()
    flow.rate_without_receipt()
    flow.pick_service(BIRTH)
    assert flow.choose_face(Satisfaction.VERY_SATISFIED)
    clock.now -= timedelta(hours=1)
    clock.now += timedelta(seconds=30)  # the idle timeout still runs out
    flow.tick()
    assert flow.step is Step.ATTRACT


def test_idle_flow_without_a_face_leaves_nothing(flow, clock):
    flow.start()
    flow.rate_without_receipt()
    clock.now += timedelta(seconds=19)
    assert flow.countdown() is None
    clock.now += timedelta(seconds=2)
    assert flow.countdown() == 9
    clock.now += timedelta(seconds=9)
    assert flow.tick() is None
    assert flow.step is Step.ATTRACT and flow.retry_queue == []


def test_idle_flow_after_the_face_is_kept_as_a_partial_rating(flow, clock):
    flow.start()
    flow.rate_without_receipt()
    flow.pick_service(BIRTH)
    flow.choose_face(Satisfaction.SATISFIED)
    flow.answer(1)
    clock.now += timedelta(seconds=29)
    flow.touch()  # a tap restarts the clock
    clock.now += timedelta(seconds=29)
    assert flow.tick() is None
    clock.now += timedelta(seconds=1)
    partial = flow.tick()
    assert partial.answers.partial and partial.answers.contacts_score == 1
    assert partial.answers.satisfaction is Satisfaction.SATISFIED
    assert flow.step is Step.ATTRACT and flow.retry_queue == [partial]


def test_failed_save_is_kept_and_the_citizen_told(flow, clock):
    flow.start()
    flow.rate_without_receipt()
    flow.pick_service(BIRTH)
    flow.choose_face(Satisfaction.SATISFIED)
    pending = [flow.answer(None), flow.answer(None), flow.answer(None)][-1]
    flow.save_failed(pending, OSError(28, "No space left on device"))
    assert flow.step is Step.PROBLEM and flow.retries() == [pending]
    clock.now += timedelta(seconds=6)
    flow.tick()
    assert flow.step is Step.ATTRACT and flow.retries() == [pending]
    flow.retry_succeeded(pending)
    assert flow.retries() == []


def test_a_scan_in_the_middle_of_a_rating_is_not_a_new_dossier(flow):
    flow.start()
    flow.rate_without_receipt()
    flow.pick_service(BIRTH)
    flow.choose_face(Satisfaction.SATISFIED)
    assert flow.submit_code("000.00.30.H12-261123-0001") is None
    assert flow.step is Step.CONTACTS


def test_five_face_office_offers_five_faces(clock):
    flow = RatingFlow(clock, ticks=clock.ticks, office_code="X", rating_scale=5)
    assert len(flow.faces) == 5 and Satisfaction.NEUTRAL in flow.faces
    three = RatingFlow(clock, ticks=clock.ticks, office_code="X")
    assert Satisfaction.NEUTRAL not in three.faces


def test_back_walks_the_questions_backwards(flow):
    flow.start()
    flow.rate_without_receipt()
    flow.pick_service(BIRTH)
    flow.choose_face(Satisfaction.SATISFIED)
    flow.answer(2)
    flow.back()
    assert flow.step is Step.CONTACTS
    flow.back()
    flow.back()
    assert flow.step is Step.SERVICES
