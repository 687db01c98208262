"""The citizen's kiosk driven by taps and scans, against a real SQLite file."""

import sqlite3
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from kiosk.answers import Satisfaction
from kiosk.config import Settings
from kiosk.db.models import AuditEvent, Rating
from kiosk.rating_flow import Step
from kiosk.services.dossiers import DossierService
from kiosk.services.gaming import TYPED_CODE
from kiosk.services.kiosk_backend import KioskBackend
from ui.app import start_kiosk
from ui.kiosk_window import KioskWindow

WAIT = 10000


@pytest.fixture
def dossier(database, office, clock):
    dossiers = DossierService(database.factory, station="test", clock=clock)
    with clock.at(clock.now - timedelta(days=10)):
        code = dossiers.register("HT-XNHN", clerk_id=2).code
    with clock.at(clock.now - timedelta(days=6)):
        dossiers.return_result(code, clerk_id=1)  # due 18/11, back 17/11
    return code


def open_kiosk(qtbot, db_url, **overrides):
    from tests.kiosk.signing import machine_keys

    machine_keys()  # the office's receipt key and this machine's station key, as installed
    settings = Settings(
        **{
            "database_url": db_url,
            "language": "vi",
            "station_name": "kiosk-test",
            **overrides,
        }
    )
    window = start_kiosk(settings, windowed=True)
    qtbot.addWidget(window)
    qtbot.waitUntil(window.attract.start_button.isEnabled, timeout=WAIT)
    return window


def seen(label):
    """The text as a citizen reads it (word joiners keep "Ông/Bà" on one line, unseen)."""
    return label.text().replace("\u2060", "")


def tap(qtbot, widget):
    qtbot.waitUntil(widget.isVisible, timeout=2000)  # a citizen can only tap what is shown
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def rate_walk_in(qtbot, window, face):
    """A walk-in rating of HT-KS with that face, every question skipped."""
    tap(qtbot, window.attract.start_button)
    tap(qtbot, window.identify.no_receipt_button)
    tap(qtbot, window.services.buttons["HT-KS"])
    tap(qtbot, window.face.faces[face])
    for _ in range(3):
        tap(qtbot, window.question.skip_button)


def ratings(database):
    with database.factory() as session:
        return session.scalars(select(Rating).order_by(Rating.station_sequence)).all()


def type_on_screen_keyboard(widget, text):
    """A whole string at once, as an input method commits it (tests/ui/test_touch_keyboard.py
    taps the kiosk's own keys)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def scan(qtbot, window, text):
    qtbot.keyClicks(window, text)
    qtbot.keyClick(window, Qt.Key.Key_Return)


def test_scanned_receipt_shows_the_dossier_then_rates_it(qtbot, database, dossier):
    window = open_kiosk(qtbot, database.url)
    scan(qtbot, window, office_signer().payload(dossier))
    qtbot.waitUntil(lambda: window.flow.step is Step.DOSSIER, timeout=WAIT)
    assert window.stack.currentWidget() is window.dossier
    assert window.dossier.service.text().endswith("\nTiếp nhận tại quầy số 2")
    assert "trước hạn" in window.dossier.progress.text()
    tap(qtbot, window.dossier.rate_button)
    tap(qtbot, window.face.faces[Satisfaction.VERY_SATISFIED])
    tap(qtbot, window.question.answer_buttons[0])  # never had to come back
    tap(qtbot, window.question.skip_button)
    assert ratings(database) == []
    tap(qtbot, window.question.answer_buttons[0])  # no complaint: the completing tap
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.thanks, timeout=WAIT)
    [saved] = ratings(database)  # thanked only once it is on disk
    assert (saved.satisfaction, saved.contacts_score, saved.agencies_score) == (
        Satisfaction.VERY_SATISFIED,
        2,
        None,
    )
    assert saved.conduct_complaint is False and saved.station == "kiosk-test"
    assert dossier in window.thanks.dossier.text()


def office_signer():
    from kiosk.paths import signing_key_path
    from kiosk.receipt_signing import ReceiptSigner, load_receipt_key

    return ReceiptSigner(load_receipt_key(signing_key_path(None)))


def type_code_and_check(qtbot, window, code, check):
    tap(qtbot, window.attract.start_button)
    tap(qtbot, window.identify.keypad_button)
    for digit in code.split("-", 1)[1].replace("-", ""):
        tap(qtbot, window.keypad.keypad.digit_buttons[digit])
    assert window.keypad.code.text() == code
    assert seen(window.keypad.heading) == "Nhập mã kiểm tra"  # the code is whole: now the check
    for digit in check:
        tap(qtbot, window.keypad.keypad.digit_buttons[digit])
    assert window.keypad.check.text() == f"Mã kiểm tra: {check}"
    tap(qtbot, window.keypad.keypad.submit_button)


def typed_code_events(database):
    with database.factory() as session:
        return session.scalars(
            select(AuditEvent.details).where(AuditEvent.action == TYPED_CODE)
        ).all()


def test_keypad_code_and_unhappy_answers_with_reasons_and_comment(qtbot, database, dossier):
    window = open_kiosk(qtbot, database.url)
    type_code_and_check(qtbot, window, dossier, office_signer().check_number(dossier))
    qtbot.waitUntil(lambda: window.flow.step is Step.DOSSIER, timeout=WAIT)
    assert typed_code_events(database) == [{"check_ok": True}]
    tap(qtbot, window.dossier.rate_button)
    tap(qtbot, window.face.faces[Satisfaction.DISSATISFIED])
    tap(qtbot, window.question.answer_buttons[2])  # came back twice or more
    tap(qtbot, window.question.answer_buttons[0])  # only this counter
    tap(qtbot, window.question.answer_buttons[1])  # yes, a complaint
    assert window.stack.currentWidget() is window.reasons
    tap(qtbot, window.reasons.reason_buttons["slow"])
    tap(qtbot, window.reasons.reason_buttons["unofficial_payment"])
    assert window.reasons.reason_buttons["slow"].text().startswith("☑")
    type_on_screen_keyboard(window.reasons.comment, "Chờ đợi quá lâu, phải đi lại ba lần")
    tap(qtbot, window.reasons.send_button)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.thanks, timeout=WAIT)
    [saved] = ratings(database)
    assert saved.reasons == ["slow", "unofficial_payment"]
    assert saved.comment == "Chờ đợi quá lâu, phải đi lại ba lần"
    assert (saved.contacts_score, saved.agencies_score, saved.conduct_complaint) == (0, 1, True)


def test_typed_code_with_a_wrong_check_is_refused_in_words_and_nothing_is_shown(
    qtbot, database, dossier
):
    window = open_kiosk(qtbot, database.url)
    wrong = f"{(int(office_signer().check_number(dossier)) + 1) % 10000:04d}"
    type_code_and_check(qtbot, window, dossier, wrong)
    qtbot.waitUntil(lambda: typed_code_events(database) == [{"check_ok": False}], timeout=WAIT)
    assert window.flow.step is Step.KEYPAD and window.stack.currentWidget() is window.keypad
    assert window.keypad.problem.isVisible()
    assert "Mã kiểm tra này không khớp với mã hồ sơ" in seen(window.keypad.problem)
    assert window.keypad.code.text() == dossier  # the code stays; the check is typed again
    assert window.keypad.check.text() == "Mã kiểm tra: ____"
    assert ratings(database) == []
    tap(qtbot, window.keypad.keypad.erase_button)  # erasing goes back into the code's digits
    assert window.keypad.code.text() == dossier[:-1] + "_"


def test_rating_without_a_receipt_picks_the_service_by_search(qtbot, database, office):
    window = open_kiosk(qtbot, database.url)
    tap(qtbot, window.attract.start_button)
    tap(qtbot, window.identify.no_receipt_button)
    qtbot.keyClicks(window.services.search, "xac nhan hon nhan")
    assert list(window.services.buttons) == ["HT-XNHN"]
    tap(qtbot, window.services.buttons["HT-XNHN"])
    tap(qtbot, window.face.faces[Satisfaction.SATISFIED])
    for _ in range(3):
        tap(qtbot, window.question.skip_button)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.thanks, timeout=WAIT)
    [saved] = ratings(database)
    assert saved.dossier_id is None and saved.clerk_id is None
    assert (saved.contacts_score, saved.agencies_score, saved.conduct_complaint) == (None,) * 3


def test_a_second_rating_of_the_same_dossier_is_refused(qtbot, database, dossier):
    window = open_kiosk(qtbot, database.url)
    scan(qtbot, window, office_signer().payload(dossier))
    qtbot.waitUntil(lambda: window.flow.step is Step.DOSSIER, timeout=WAIT)
    tap(qtbot, window.dossier.rate_button)
    tap(qtbot, window.face.faces[Satisfaction.SATISFIED])
    for _ in range(3):
        tap(qtbot, window.question.skip_button)
    qtbot.waitUntil(lambda: window.flow.step is Step.THANKS, timeout=WAIT)
    tap(qtbot, window.thanks.done_button)
    scan(qtbot, window, office_signer().payload(dossier).lower())
    qtbot.waitUntil(lambda: window.flow.step is Step.ALREADY_RATED, timeout=WAIT)
    assert "đã được đánh giá" in window.notice.message.text()
    assert not window.dossier.rate_button.isVisible()
    assert len(ratings(database)) == 1


def test_unknown_and_malformed_codes_get_a_message(qtbot, database, office):
    window = open_kiosk(qtbot, database.url)
    scan(qtbot, window, office_signer().payload("000.00.30.H12-261123-0999"))
    qtbot.waitUntil(lambda: window.attract.problem.isVisible(), timeout=WAIT)
    assert "Không tìm thấy hồ sơ" in window.attract.problem.text()
    scan(qtbot, window, "HELLO-WORLD")
    assert "không phải là mã hồ sơ" in window.attract.problem.text()


def test_abandoned_rating_returns_home_and_keeps_the_face(qtbot, database, office):
    window = open_kiosk(qtbot, database.url, idle_timeout_seconds=3, countdown_seconds=2)
    tap(qtbot, window.attract.start_button)
    tap(qtbot, window.identify.no_receipt_button)
    tap(qtbot, window.services.buttons["HT-KS"])
    tap(qtbot, window.face.faces[Satisfaction.DISSATISFIED])
    qtbot.waitUntil(window.countdown.isVisible, timeout=WAIT)
    assert "giây" in window.countdown_text.text()
    assert window.continue_button.text() == "Tiếp tục"
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.attract, timeout=WAIT)
    qtbot.waitUntil(lambda: len(ratings(database)) == 1, timeout=WAIT)
    [partial] = ratings(database)
    assert partial.partial and partial.satisfaction is Satisfaction.DISSATISFIED


def test_abandoned_before_the_face_leaves_nothing(qtbot, database, office):
    window = open_kiosk(qtbot, database.url, idle_timeout_seconds=2, countdown_seconds=1)
    tap(qtbot, window.attract.start_button)
    tap(qtbot, window.identify.no_receipt_button)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.attract, timeout=WAIT)
    assert ratings(database) == []


def test_wall_clock_stepped_back_does_not_block_the_next_walk_in(qtbot, database, office, clock):
    window = KioskWindow(
        Settings(database_url=database.url, language="vi", repeat_gap_seconds=1), clock=clock
    )
    qtbot.addWidget(window)
    backend = KioskBackend(database.factory, station="kiosk-test", clock=clock)
    window.attach_backend(backend, backend.start())
    window.show()
    rate_walk_in(qtbot, window, Satisfaction.SATISFIED)
    qtbot.waitUntil(lambda: len(ratings(database)) == 1, timeout=WAIT)
    clock.now -= timedelta(hours=1)  # NTP fixes a clock that ran an hour ahead
    qtbot.wait(1100)  # the repeat gap, on the kiosk's own interval clock
    window.act(window.flow.home)
    rate_walk_in(qtbot, window, Satisfaction.VERY_SATISFIED)
    qtbot.waitUntil(lambda: len(ratings(database)) == 2, timeout=WAIT)
    assert ratings(database)[1].satisfaction is Satisfaction.VERY_SATISFIED


def test_language_switch_changes_every_screen(qtbot, database, office):
    window = open_kiosk(qtbot, database.url)
    tap(qtbot, window.attract.english_button)
    assert window.attract.start_button.text().startswith("Rate our service")
    tap(qtbot, window.attract.start_button)
    assert window.identify.heading.text() == "Which dossier are you rating?"
    tap(qtbot, window.identify.no_receipt_button)
    assert "Birth registration" in [b.text() for b in window.services.buttons.values()]
    tap(qtbot, window.services.buttons["HT-KS"])
    assert window.face.faces[Satisfaction.VERY_SATISFIED].text() == "Very satisfied"
    tap(qtbot, window.face.back_button)
    tap(qtbot, window.services.back_button)
    tap(qtbot, window.identify.back_button)
    tap(qtbot, window.attract.vietnamese_button)
    assert seen(window.attract.heading) == "Kính chào Ông/Bà"
    tap(qtbot, window.attract.start_button)
    assert seen(window.identify.heading) == "Ông/Bà muốn đánh giá hồ sơ nào?"


def test_failed_commit_is_told_calmly_and_saved_later(qtbot, database, office, db_url):
    window = open_kiosk(qtbot, database.url, retry_seconds=1)
    blocker = sqlite3.connect(db_url.removeprefix("sqlite:///"), isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")  # another writer holds the database: commits fail
    try:
        rate_walk_in(qtbot, window, Satisfaction.SATISFIED)
        qtbot.waitUntil(lambda: window.flow.step is Step.PROBLEM, timeout=WAIT * 2)
        assert "báo cho cán bộ tại quầy" in window.notice.message.text()
        assert window.staff_mark.isVisible()
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    qtbot.waitUntil(lambda: len(ratings(database)) == 1, timeout=WAIT * 2)
    qtbot.waitUntil(lambda: not window.staff_mark.isVisible(), timeout=WAIT)
    assert ratings(database)[0].satisfaction is Satisfaction.SATISFIED


def test_signed_receipt_qr_is_accepted_and_a_forged_one_refused(qtbot, database, dossier):
    from kiosk.paths import signing_key_path
    from kiosk.receipt_signing import ReceiptSigner, load_receipt_key

    window = open_kiosk(qtbot, database.url)
    signer = ReceiptSigner(load_receipt_key(signing_key_path(None)))
    genuine = signer.payload(dossier)
    forged = genuine[:-3] + ("AAA" if not genuine.endswith("AAA") else "BBB")
    scan(qtbot, window, forged)
    assert "không phải của giấy hẹn" in window.attract.problem.text()
    assert window.flow.step is Step.ATTRACT
    scan(qtbot, window, genuine)
    qtbot.waitUntil(lambda: window.flow.step is Step.DOSSIER, timeout=WAIT)
    assert window.dossier.heading.text() == f"Hồ sơ {dossier}"


@pytest.fixture
def small_disk(tmp_path):
    """A real 4 MB file system (tmpfs) the test can fill to the last byte."""
    import subprocess

    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small file system here: {mounted.stderr.strip()}")
    yield mount_point
    subprocess.run(["umount", "-l", str(mount_point)], capture_output=True)


def fill(folder):
    """Writes until the file system says it is full; returns the filler to delete later."""
    filler = folder / "filler"
    with open(filler, "wb") as out:
        try:
            while True:
                out.write(b"\0" * 65536)
                out.flush()
        except OSError:
            pass
    return filler


def test_a_full_disk_is_told_calmly_and_the_rating_saved_when_space_is_back(qtbot, small_disk):
    from kiosk.db.open import open_database
    from tests.conftest import seed_small_office

    database = open_database(f"sqlite:///{small_disk / 'kiosk.sqlite3'}")
    seed_small_office(database)
    window = open_kiosk(qtbot, database.url, retry_seconds=1)
    filler = fill(small_disk)
    rate_walk_in(qtbot, window, Satisfaction.DISSATISFIED)
    type_on_screen_keyboard(window.reasons.comment, "Chờ lâu " * 200)  # a long one
    tap(qtbot, window.reasons.send_button)
    qtbot.waitUntil(lambda: window.flow.step is Step.PROBLEM, timeout=WAIT * 2)
    assert "báo cho cán bộ tại quầy" in window.notice.message.text()
    assert window.staff_mark.isVisible() and ratings(database) == []
    filler.unlink()  # space is back: no restart, no tap
    qtbot.waitUntil(lambda: len(ratings(database)) == 1, timeout=WAIT * 2)
    qtbot.waitUntil(lambda: not window.staff_mark.isVisible(), timeout=WAIT)
    assert ratings(database)[0].comment.startswith("Chờ lâu")
    window.close()
    database.engine.dispose()


def test_a_database_that_refuses_writes_is_told_calmly_and_recovers(
    qtbot, database, office, monkeypatch
):
    """SQLite's own read-only error ("attempt to write a readonly database"), raised the way a
    file system gone read-only would: every transaction the kiosk begins cannot write."""
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    read_only = {"on": True}

    def refuse_writes(connection):
        if connection.engine.url == database.engine.url:
            connection.exec_driver_sql(f"PRAGMA query_only = {int(read_only['on'])}")

    event.listen(Engine, "begin", refuse_writes)
    try:
        window = open_kiosk(qtbot, database.url, retry_seconds=1)
        rate_walk_in(qtbot, window, Satisfaction.SATISFIED)
        qtbot.waitUntil(lambda: window.flow.step is Step.PROBLEM, timeout=WAIT * 2)
        assert "báo cho cán bộ tại quầy" in window.notice.message.text()
        assert window.staff_mark.isVisible() and ratings(database) == []
        read_only["on"] = False  # writable again: no restart, no tap
        qtbot.waitUntil(lambda: len(ratings(database)) == 1, timeout=WAIT * 2)
        qtbot.waitUntil(lambda: not window.staff_mark.isVisible(), timeout=WAIT)
    finally:
        event.remove(Engine, "begin", refuse_writes)
