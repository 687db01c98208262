"""Feedback cases at the citizen's kiosk, by taps on its own keyboard and keypad and by scans,
against a real SQLite file: each request ends in the database once."""

import uuid

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from sqlalchemy import func, select

from kiosk.answers import Satisfaction
from kiosk.case_qr import NOT_GENUINE_CASE, CaseQrSigner
from kiosk.db.case_models import AnswerChannel, CaseContact, CaseSource, FeedbackCase
from kiosk.db.models import Rating
from kiosk.i18n import Translator
from kiosk.kiosk_case import rating_case_id
from kiosk.rating_flow import Step
from kiosk.services.case_desk import CaseDesk
from tests.ui.test_kiosk_flow import WAIT, open_kiosk, rate_walk_in, scan, seen, tap
from tests.ui.test_touch_keyboard import tap_keys

MANAGER = 3


def count(database, what):
    with database.factory() as session:
        return session.scalar(select(func.count()).select_from(what))


def the_case(database):
    with database.factory() as session:
        [case] = session.scalars(select(FeedbackCase)).all()
        contact = session.get(CaseContact, case.id)
        return case, (contact.name, contact.phone) if contact else None


def case_signer():
    from kiosk.paths import signing_key_path
    from kiosk.receipt_signing import load_receipt_key

    return CaseQrSigner(load_receipt_key(signing_key_path(None)))


def type_name(qtbot, screen, name):
    tap(qtbot, screen.name)  # a finger on the field opens the keyboard
    tap_keys(qtbot, screen.keyboard, name)
    tap(qtbot, screen.keyboard.done_key)


def type_phone(qtbot, screen, digits):
    for digit in digits:
        tap(qtbot, screen.keypad.digit_buttons[digit])


def test_an_unhappy_citizen_asks_to_be_called_back(qtbot, database, office):
    window = open_kiosk(qtbot, database.url)
    rate_walk_in(qtbot, window, Satisfaction.DISSATISFIED)
    tap(qtbot, window.reasons.send_button)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.thanks, timeout=WAIT)
    assert count(database, FeedbackCase) == 0  # a face without a word opens no case
    tap(qtbot, window.thanks.call_back_button)
    contact = window.cases.contact
    assert window.stack.currentWidget() is contact
    tap(qtbot, contact.send_button)  # nothing typed yet: said in words, nothing sent
    assert contact.problem.isVisible() and window.flow.step is Step.CALL_BACK
    type_name(qtbot, contact, "Lee Vawn Binhf")
    assert contact.name.text() == "Lê Văn Bình"
    type_phone(qtbot, contact, "0912345678")
    assert contact.phone.text() == "0912345678"
    tap(qtbot, contact.send_button)
    qtbot.waitUntil(lambda: window.flow.step is Step.CASE_SLIP, timeout=WAIT)
    case, contact_row = the_case(database)
    [rating] = window_ratings(database)
    assert (case.rating_id, case.id) == (rating.id, rating_case_id(rating.id))
    assert contact_row == ("Lê Văn Bình", "0912345678")
    slip = window.cases.slip
    assert case.number in slip.number.text()
    assert case.due_at.strftime("%d/%m/%Y") in slip.answer.text()
    assert case_signer().verify(slip.qr.payload) == case.id
    # Asking twice (a double tap, a retry) adds nothing.
    assert count(database, FeedbackCase) == 1 and count(database, CaseContact) == 1
    tap(qtbot, slip.done_button)
    assert window.flow.step is Step.ATTRACT and window.flow.draft.phone == ""


def window_ratings(database):
    with database.factory() as session:
        return session.scalars(select(Rating)).all()


def test_a_walk_in_petition_typed_in_vietnamese(qtbot, database, office):
    window = open_kiosk(qtbot, database.url)
    tap(qtbot, window.attract.petition_button)
    cases = window.cases
    tap(qtbot, cases.subject.subject_buttons["procedure"])
    assert window.stack.currentWidget() is cases.text
    tap(qtbot, cases.text.next_button)  # nothing typed: told so, and it stays
    assert cases.text.problem.isVisible()
    tap(qtbot, cases.text.text)
    tap_keys(qtbot, cases.text.keyboard, "Thur tucj ruwowmf raf")
    assert cases.text.text.toPlainText() == "Thủ tục rườm rà"
    tap(qtbot, cases.text.next_button)
    assert window.stack.currentWidget() is cases.contact
    tap(qtbot, cases.contact.send_button)  # no contact: optional for a petition
    qtbot.waitUntil(lambda: window.flow.step is Step.CASE_SLIP, timeout=WAIT)
    case, contact = the_case(database)
    assert (case.source, case.subject, case.text) == (
        CaseSource.KIOSK,
        "Thủ tục, giấy tờ",
        "Thủ tục rườm rà",
    )
    assert contact is None and count(database, FeedbackCase) == 1
    assert case_signer().verify(cases.slip.qr.payload) == case.id
    assert case.number in cases.slip.number.text()


def test_the_petition_button_works_before_the_other_screens_are_built(qtbot, database, office):
    # The kiosk shows its data first and builds its other screens just after (ui/app.py): a
    # citizen who taps "Gửi phản ánh" in between gets the petition, not a dead button.
    from kiosk.config import Settings
    from kiosk.services.kiosk_backend import KioskBackend
    from ui.kiosk_window import KioskWindow

    window = KioskWindow(Settings(database_url=database.url), defer_screens=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    backend = KioskBackend(database.factory, station="kiosk-test")
    window.attach_backend(backend, backend.start())  # the data is shown; nothing else has run
    assert Step.PETITION_SUBJECT not in window.screens
    qtbot.mouseClick(window.attract.petition_button, Qt.MouseButton.LeftButton)
    assert window.flow.step is Step.PETITION_SUBJECT
    assert window.stack.currentWidget() is window.cases.subject


def test_a_petition_about_a_subject_typed_and_a_wrong_phone_is_explained(qtbot, database, office):
    window = open_kiosk(qtbot, database.url)
    tap(qtbot, window.attract.petition_button)
    cases = window.cases
    tap(qtbot, cases.subject.typed)
    tap_keys(qtbot, cases.subject.keyboard, "Baix guwir xe")
    tap(qtbot, cases.subject.keyboard.done_key)
    tap(qtbot, cases.subject.next_button)
    tap(qtbot, cases.text.text)
    tap_keys(qtbot, cases.text.keyboard, "Thieeus choox")
    tap(qtbot, cases.text.next_button)
    type_name(qtbot, cases.contact, "An")
    type_phone(qtbot, cases.contact, "12345")
    tap(qtbot, cases.contact.send_button)
    assert cases.contact.problem.isVisible() and "12345" in seen(cases.contact.problem)
    assert count(database, FeedbackCase) == 0
    tap(qtbot, cases.contact.keypad.erase_button)
    for _ in range(5):
        tap(qtbot, cases.contact.keypad.erase_button)
    type_phone(qtbot, cases.contact, "02438251234")
    tap(qtbot, cases.contact.send_button)
    qtbot.waitUntil(lambda: window.flow.step is Step.CASE_SLIP, timeout=WAIT)
    case, contact = the_case(database)
    assert (case.subject, case.text, contact) == ("Bãi gửi xe", "Thiếu chỗ", ("An", "02438251234"))


@pytest.fixture
def answered_case(database, office, manager, clock):
    desk = CaseDesk(database.factory, station="manager-1", clock=clock)
    case = desk.open(MANAGER, source=CaseSource.IN_PERSON, subject="Thái độ cán bộ", text="…")
    desk.assign(case.number, 2, MANAGER)
    desk.answer(case.number, "Đã nhắc nhở cán bộ", AnswerChannel.IN_PERSON, MANAGER)
    return case


def test_scanning_a_case_slip_rates_the_handling_once(qtbot, database, answered_case):
    window = open_kiosk(qtbot, database.url)
    scan(qtbot, window, case_signer().payload(answered_case.id))
    qtbot.waitUntil(lambda: window.flow.step is Step.CASE_FACE, timeout=WAIT)
    assert window.stack.currentWidget() is window.face
    assert answered_case.number in window.face.subject.text()
    tap(qtbot, window.face.faces[Satisfaction.SATISFIED])  # one tap: no further questions
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.thanks, timeout=WAIT)
    [rating] = window_ratings(database)
    assert (rating.case_id, rating.satisfaction) == (answered_case.id, Satisfaction.SATISFIED)
    assert rating.signature  # in the station's chain, signed like any rating
    assert not window.thanks.call_back_button.isVisible()
    tap(qtbot, window.thanks.done_button)
    scan(qtbot, window, case_signer().payload(answered_case.id))  # the same slip again
    qtbot.waitUntil(lambda: window.flow.step is Step.CASE_NOTICE, timeout=WAIT)
    assert answered_case.number in seen(window.notice.message)
    assert len(window_ratings(database)) == 1


def test_a_slip_whose_case_has_no_answer_yet_is_explained(qtbot, database, office, manager, clock):
    desk = CaseDesk(database.factory, station="manager-1", clock=clock)
    case = desk.open(MANAGER, source=CaseSource.PHONE, subject="Cơ sở vật chất")
    window = open_kiosk(qtbot, database.url)
    scan(qtbot, window, case_signer().payload(case.id))
    qtbot.waitUntil(lambda: window.flow.step is Step.CASE_NOTICE, timeout=WAIT)
    assert window.stack.currentWidget() is window.notice
    assert case.number in seen(window.notice.message)
    assert window_ratings(database) == []


def test_a_forged_case_slip_is_refused_in_words(qtbot, database, answered_case):
    window = open_kiosk(qtbot, database.url)
    forged = CaseQrSigner(b"k" * 32).payload(answered_case.id)
    scan(qtbot, window, forged)
    assert window.attract.problem.isVisible()
    assert seen(window.attract.problem) == "⚠ " + Translator("vi")(NOT_GENUINE_CASE)
    scan(qtbot, window, f"PA1:{uuid.uuid4().hex.upper()}")  # cut short: refused alike
    assert window.flow.step is Step.ATTRACT and window_ratings(database) == []


def case_states(window):
    """Each case screen with the longest content it can have there."""
    from datetime import datetime

    from kiosk.answers import RatingInput
    from kiosk.errors import ConflictError, InvalidInputError
    from kiosk.kiosk_case import CaseToRate, KioskCase
    from kiosk.phone import NOT_A_VIETNAMESE_PHONE

    flow = window.flow
    flow.case_qr = CaseQrSigner(b"k" * 32)
    for step in (Step.PETITION_SUBJECT, Step.PETITION_TEXT, Step.PETITION_CONTACT):
        flow.draft.subject = "Thời gian giải quyết"
        flow.step = step
        yield step.value
    flow.step = Step.CALL_BACK
    flow.problem = InvalidInputError(NOT_A_VIETNAMESE_PHONE, phone="123456789012")
    yield "call-back, wrong phone"
    flow.problem = None
    case_id = uuid.uuid4()
    for name, case in (
        ("slip", KioskCase(case_id, "2026-0123", datetime(2026, 12, 14, 17), True)),
        ("slip, no contact", KioskCase(case_id, "2026-0123", datetime(2026, 12, 14, 17), False)),
        ("slip, in the outbox", KioskCase(case_id, None, None, False)),
    ):
        flow.last_case, flow.step = case, Step.CASE_SLIP
        yield name
    flow.answers.case = CaseToRate(case_id, "2026-0123", "Cơ sở vật chất, chỗ ngồi chờ và bãi xe")
    flow.step = Step.CASE_FACE
    yield "rating the handling"
    flow.case_notice = ConflictError(
        "Case {number} has no answer yet: its handling can be rated once it is answered.",
        number="2026-0123",
    )
    flow.step = Step.CASE_NOTICE
    yield "not answered yet"
    flow.answers.case = None
    flow.last_rating = RatingInput(Satisfaction.VERY_DISSATISFIED, service_code="HT-KS")
    flow.last_rating_id, flow.office_hotline = uuid.uuid4(), "0251 3861 000"
    flow.step = Step.THANKS
    yield "thanks, call-back offered"


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768)], ids=["1920x1080", "1366x768"])
@pytest.mark.parametrize("large_text", [False, True], ids=["normal", "large"])
@pytest.mark.parametrize("language", ["vi", "en"])
def test_no_text_is_cut_on_the_case_screens(qtbot, kiosk_look, size, large_text, language):
    from kiosk.config import Settings
    from tests.ui.test_text_fits import cut_off
    from ui.kiosk_window import KioskWindow

    window = KioskWindow(Settings(virtual_keyboard=False))
    qtbot.addWidget(window)
    window.flow.language = language
    if large_text:
        window.toggle_large_text()
    window.setFixedSize(*size)
    window.show()
    qtbot.waitExposed(window)
    problems = []
    try:
        for name in case_states(window):
            window.refresh()
            qtbot.wait(20)
            screen = window.stack.currentWidget()
            for widget in screen.findChildren(QWidget):
                if widget.isVisible() and (why := cut_off(widget, window)):
                    text = getattr(widget, "text", lambda: "")()
                    problems.append(f"{name}: {type(widget).__name__} {text[:40]!r}: {why}")
            assert window.thanks.call_back_button.isVisible() == (name.startswith("thanks"))
    finally:
        window.ticker.stop()
    assert problems == [], "\n".join(problems)


def test_a_kiosk_with_a_thermal_printer_prints_the_petitions_slip(qtbot, database, office):
    import time

    from tests.kiosk.printed import native_qr_payloads
    from tests.kiosk.printer_fixtures import SocketPrinter

    thermal = SocketPrinter()
    try:
        window = open_kiosk(qtbot, database.url, printer=f"escpos-net:127.0.0.1:{thermal.port}")
        tap(qtbot, window.attract.petition_button)
        cases = window.cases
        tap(qtbot, cases.subject.subject_buttons["procedure"])
        tap(qtbot, cases.text.text)
        tap_keys(qtbot, cases.text.keyboard, "Thieeus ghees")
        tap(qtbot, cases.text.next_button)
        tap(qtbot, cases.contact.send_button)
        qtbot.waitUntil(lambda: window.flow.step is Step.CASE_SLIP, timeout=WAIT)
        deadline = time.monotonic() + WAIT / 1000
        while not thermal.jobs:
            assert time.monotonic() < deadline, "the kiosk's printer got nothing"
            qtbot.wait(50)
    finally:
        thermal.close()
    case, _ = the_case(database)
    [job] = thermal.jobs
    # The printed QR is the one on the screen, and it names the case.
    assert native_qr_payloads(job) == [cases.slip.qr.payload]
    assert case_signer().verify(native_qr_payloads(job)[0]) == case.id
