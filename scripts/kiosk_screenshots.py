"""Renders every screen of the citizen's kiosk to PNG, in Vietnamese and English.

    xvfb-run -a -s "-screen 0 1920x1080x24" python scripts/kiosk_screenshots.py out/screens
    xvfb-run -a -s "-screen 0 1366x768x24" python scripts/kiosk_screenshots.py out/small \
        --size 1366x768

Seeds a demo office in a temporary SQLite file, walks the rating flow through each step with
the real window and database, and grabs the window at each one (1920×1080 unless told).
The on-screen keyboard is shot open, with Telex typed on its keys, in normal and large text.
The start screen shows this month's results. A provincial receipt's scan is shown refused
(not imported here; one of our counter's codes without its proof) and accepted (an imported
dossier's screen), also at 1366×768 with large text. The feedback cases' screens follow: a
petition typed in Telex, a call-back after an unhappy rating, the slip (numbered, and waiting
in the outbox), a slip scanned to rate the handling, and the refusals (`--cases-only`: those).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from kiosk.answers import Satisfaction
from kiosk.case_qr import CaseQrSigner
from kiosk.clock import office_now
from kiosk.config import Settings
from kiosk.db.models import Dossier, DossierSource, Office, Rating, Service
from kiosk.db.open import open_database
from kiosk.errors import ConflictError, KioskError
from kiosk.i18n import N_
from kiosk.kiosk_case import CaseToRate, KioskCase
from kiosk.receipt_payload import NEEDS_PROOF, NOT_ON_KIOSK
from kiosk.receipt_signing import ReceiptSigner
from kiosk.reports.public_results import month_results
from kiosk.services.demo import seed_demo
from kiosk.services.kiosk_backend import KioskBackend
from kiosk.status import DossierStatus, dossier_status
from ui.app import build_application
from ui.kiosk_window import KioskWindow
from ui.widgets.touch_keyboard import TouchKeyboard


def settle(app: QApplication, ms: int = 60) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    app.processEvents()


def pick_dossiers(database_url: str) -> tuple[str, str]:
    """A late, re-appointed dossier not yet rated, and one already rated."""
    database = open_database(database_url)
    today = office_now().date()
    with database.factory() as session:
        rated = set(
            session.scalars(select(Rating.dossier_id).where(Rating.dossier_id.is_not(None)))
        )
        dossiers = session.scalars(select(Dossier).order_by(Dossier.received_at)).all()
        late = next(
            t.code
            for t in dossiers
            if t.reappointed_at is not None
            and t.id not in rated
            and dossier_status(t.due_at, t.returned_at, today) is DossierStatus.LATE
        )
        already = next(t.code for t in dossiers if t.id in rated)
    database.engine.dispose()
    return late, already


def seed_imported(database_url: str) -> str:
    """A dossier as an import from the provincial system leaves it (no clerk of ours), of the
    service with the longest name: the imported dossier's screen at its fullest."""
    database = open_database(database_url)
    now = office_now().replace(microsecond=0)
    with database.factory.begin() as session:
        office = session.scalars(select(Office)).first()
        assert office is not None
        service = max(session.scalars(select(Service)), key=lambda s: len(s.name_vi))
        code = f"{office.code}-{now:%y%m%d}-0987"
        session.add(
            Dossier(
                code=code,
                office_id=office.id,
                service_id=service.id,
                clerk_id=None,
                received_at=(now - timedelta(days=2)).replace(hour=8, minute=40, second=0),
                due_at=(now + timedelta(days=3)).replace(hour=16, minute=30, second=0),
                source=DossierSource.PROVINCIAL,
                source_status="2",
                imported_at=now,
            )
        )
    database.engine.dispose()
    return code


def tap_keys(keyboard: TouchKeyboard, keys: str) -> None:
    """Each key by its button, as a finger would: shift before a capital."""
    for key in keys:
        if key == " ":
            keyboard.space_key.click()
            continue
        if key.isupper():
            keyboard.shift_key.click()
        keyboard.key_for(key).click()


Shot = Callable[..., None]


def shoot_cases(window: KioskWindow, backend: KioskBackend, shot: Shot, small: Shot) -> None:
    """The feedback cases' screens, with real cases opened through the backend."""
    flow, cases = window.flow, window.cases
    vietnamese = flow.language == "vi"
    flow.case_qr = CaseQrSigner(b"screenshots".ljust(32, b"-"))
    flow.home()
    shot("case-attract-forged-slip", lambda: flow.submit_case_code("PA1:00:FORGED"))
    small("case-attract-forged-slip")
    cases.open_petition()
    shot("case-petition-subject")
    small("case-petition-subject")
    cases.subject.keyboard.open_keyboard()
    tap_keys(cases.subject.keyboard, "Baix guwir xe" if vietnamese else "Parking")
    shot("case-petition-subject-keyboard-open")
    small("case-petition-subject-keyboard-open")
    cases.subject.keyboard.close_keyboard()
    flow.choose_subject("procedure")
    cases.text.keyboard.open_keyboard()
    words = (
        "Thur tucj ruwowmf raf, phari ddi laij nhieeuf laanf"
        if vietnamese
        else ("Too many papers, I had to come back many times")
    )
    tap_keys(cases.text.keyboard, words)
    shot("case-petition-text-keyboard-open")
    small("case-petition-text-keyboard-open")
    cases.text.keyboard.close_keyboard()
    shot("case-petition-text")
    flow.submit_petition_text()
    shot("case-petition-contact")
    small("case-petition-contact")
    cases.contact.keyboard.open_keyboard()
    tap_keys(cases.contact.keyboard, "Nguyeenx Thij Lan" if vietnamese else "Mary Smith")
    shot("case-petition-contact-keyboard-open")
    small("case-petition-contact-keyboard-open")
    cases.contact.keyboard.close_keyboard()
    for digit in "0912345678":
        cases.contact.keypad.digit_buttons[digit].click()
    shot("case-petition-contact-filled")
    request = flow.send_case()
    assert request is not None
    shot("case-slip", lambda: flow.case_sent(backend.send_case(request)))
    small("case-slip")
    window.toggle_large_text()
    small("case-slip-large-text")
    window.toggle_large_text()
    queued = KioskCase(request.case_id, None, None, contact_given=False)
    shot("case-slip-waiting-in-outbox", lambda: setattr(flow, "last_case", queued))
    small("case-slip-waiting-in-outbox")
    # A call-back after an unhappy rating (the thanks before it offer it).
    flow.home()
    flow.start()
    flow.rate_without_receipt()
    flow.pick_service(window.services._services[0])  # noqa: SLF001 - any service will do
    flow._last_saved_at = None  # noqa: SLF001 - the repeat gap does not matter here
    flow.choose_face(Satisfaction.DISSATISFIED)
    for _ in range(3):
        flow.answer(None)
    pending = flow.finish()
    assert pending is not None
    backend.record(pending.answers, rating_id=pending.id, at=pending.at)
    shot("case-thanks-offers-call-back", lambda: flow.saved(pending))
    small("case-thanks-offers-call-back")
    cases.ask_call_back()
    shot("case-call-back", lambda: None)
    small("case-call-back")
    cases.contact.keyboard.open_keyboard()
    tap_keys(cases.contact.keyboard, "Lee Vawn Binhf" if vietnamese else "John Brown")
    cases.contact.keyboard.close_keyboard()
    shot("case-call-back-no-phone", flow.send_case)
    small("case-call-back-no-phone")
    for digit in "12345":
        cases.contact.keypad.digit_buttons[digit].click()
    shot("case-call-back-wrong-phone", flow.send_case)
    for _ in range(5):
        cases.contact.keypad.erase_button.click()
    for digit in "0987654321":
        cases.contact.keypad.digit_buttons[digit].click()
    call_back = flow.send_case()
    assert call_back is not None
    shot("case-slip-call-back", lambda: flow.case_sent(backend.send_case(call_back)))
    small("case-slip-call-back")
    # Rating the handling with the slip's QR.
    to_rate = CaseToRate(call_back.case_id, "2026-0002", "Đăng ký khai sinh")
    shot("case-face", lambda: (flow.home(), flow.case_found(to_rate)))
    small("case-face")
    handling = flow.rate_handling(Satisfaction.SATISFIED)
    assert handling is not None
    shot("case-thanks-after-rating-handling", lambda: flow.saved(handling))
    not_yet = ConflictError(
        N_("Case {number} has no answer yet: its handling can be rated once it is answered."),
        number="2026-0002",
    )
    shot("case-notice-not-answered", lambda: (flow.home(), flow.case_not_rated(not_yet)))
    small("case-notice-not-answered")
    flow.home()


def shoot_language(
    app: QApplication,
    url: str,
    language: str,
    out: Path,
    late_code: str,
    rated_code: str,
    imported_code: str,
    size: tuple[int, int],
    cases_only: bool = False,
) -> None:
    window = KioskWindow(Settings(database_url=url, language=language))
    window.resize(*size)
    window.show()
    backend = KioskBackend(
        open_database(url).factory, station="kiosk-shots", month_results=month_results
    )
    window.attach_backend(backend, backend.start())
    for _ in range(100):  # the results are read on a worker
        if window.attract.results.results is not None:
            break
        settle(app, 50)
    flow = window.flow
    shots = 0

    def shot(
        name: str, change: Callable[[], object] | None = None, at: tuple[int, int] = size
    ) -> None:
        nonlocal shots
        if change is not None:
            change()
        window.refresh()
        settle(app)
        # Back to the screen's size: a taller screen before grew the window. One that does not
        # fit keeps the window taller, and the shot shows by how much.
        window.resize(*at)
        settle(app)
        shots += 1
        path = out / f"{language}-{shots:02d}-{name}.png"
        window.grab().save(str(path))
        print(path)

    def shot_small(name: str) -> None:
        """The smallest screen the kiosk is installed with: its keys must still fit. The stack
        may not grow the window to fit its other screens: the shot is what such a screen shows."""
        window.stack.setMinimumSize(1, 1)
        window.centralWidget().layout().activate()
        window.layout().activate()
        window.resize(1366, 768)
        shot(f"{name}-1366x768", at=(1366, 768))
        window.stack.setMinimumSize(0, 0)
        window.resize(*size)

    shot("attract")
    if cases_only:
        shoot_cases(window, backend, shot, shot_small)
        window.close()
        return
    shot("help", flow.show_help)
    shot("identify", flow.start)
    flow.open_keypad()
    for digit in late_code.split("-", 1)[1].replace("-", "")[:7]:
        flow.press_digit(digit)
    shot("keypad")
    shot("keypad-incomplete", flow.submit_keypad)
    signer = ReceiptSigner(b"screenshots".ljust(32, b"-"))
    flow.verify_typed = signer.verify_check
    check = signer.check_number(late_code)
    for digit in late_code[-3:] + check[:2]:
        flow.press_digit(digit)
    shot("keypad-check")
    shot_small("keypad-check")
    for digit in f"{(int(check) + 1) % 10000:04d}"[2:]:
        flow.press_digit(digit)
    shot("keypad-wrong-check", flow.submit_keypad)
    shot_small("keypad-wrong-check")
    shot(
        "identify-unknown-code",
        lambda: (
            flow.start(),
            flow.dossier_not_found(
                KioskError(N_("Dossier {code} was not found."), code="000.00.30.H12-261123-0999")
            ),
        ),
    )
    # A provincial receipt's bare code that no import brought here, then one of our counter's.
    shot(
        "scan-not-on-kiosk",
        lambda: (flow.home(), flow.dossier_not_found(KioskError(NOT_ON_KIOSK))),
    )
    shot_small("scan-not-on-kiosk")
    window.toggle_large_text()
    shot_small("scan-not-on-kiosk-large-text")
    window.toggle_large_text()
    shot("scan-needs-proof", lambda: flow.dossier_not_found(KioskError(NEEDS_PROOF)))
    imported = backend.lookup(imported_code, bare=True)
    shot("dossier-imported", lambda: (flow.start(), flow.dossier_found(imported)))
    shot_small("dossier-imported")
    window.toggle_large_text()
    shot_small("dossier-imported-large-text")
    window.toggle_large_text()
    shot("services", window.open_service_list)
    window.services.search.setText("chung thuc")
    shot("services-search")
    window.services.search.clear()
    window.services.keyboard.open_keyboard()
    tap_keys(window.services.keyboard, "khai sinh")
    shot("services-search-keyboard-open")
    window.services.clear_search()
    shot("dossier-late", lambda: (flow.start(), flow.dossier_found(backend.lookup(late_code))))
    shot("faces", flow.begin_rating)
    shot("question-contacts", lambda: flow.choose_face(Satisfaction.DISSATISFIED))
    shot("question-agencies", lambda: flow.answer(1))
    shot("question-conduct", lambda: flow.answer(None))
    flow.answer(False)
    flow.toggle_reason("slow")
    flow.toggle_reason("many_visits")
    window.reasons.comment.setPlainText("Phải đi lại nhiều lần, chờ đợi quá lâu.")
    shot("reasons")
    window.reasons.clear()
    window.reasons.keyboard.open_keyboard()
    # Telex is on for Vietnamese, off for English.
    keys = "Caanf lamf thur tucj nhanh hown" if language == "vi" else "Please be quicker"
    tap_keys(window.reasons.keyboard, keys)
    shot("reasons-keyboard-open-telex-typed")
    window.toggle_large_text()
    shot("reasons-keyboard-open-telex-typed-large-text")
    window.toggle_large_text()
    window.reasons.keyboard.close_keyboard()
    flow.saved(flow.finish())
    shot("thanks")
    shot(
        "already-rated",
        lambda: (flow.home(), flow.start(), flow.dossier_found(backend.lookup(rated_code))),
    )
    flow.home()
    flow.start()
    flow.rate_without_receipt()
    flow.pick_service(window.services._services[0])  # noqa: SLF001 - any service will do
    flow._last_saved_at = None  # noqa: SLF001 - the repeat gap does not matter here
    flow.choose_face(Satisfaction.SATISFIED)
    flow.answer(2)
    flow.answer(2)
    pending = flow.answer(False)
    flow.save_failed(pending, OSError(28, "No space left on device"))
    shot("problem")
    flow.home()
    flow.start()
    flow._last_activity -= flow.settings.idle_timeout - 7  # noqa: SLF001
    shot("idle-countdown")
    shoot_cases(window, backend, shot, shot_small)
    shot("attract-large-text", window.toggle_large_text)
    window.toggle_large_text()
    window.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--size", default="1920x1080", help="the window, WIDTHxHEIGHT")
    parser.add_argument("--cases-only", action="store_true", help="the feedback cases' screens")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    args.out.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="kiosk-shots-"))
    url = f"sqlite:///{folder / 'demo.sqlite3'}"
    seed_demo(open_database(url).factory, office_now())
    late_code, rated_code = pick_dossiers(url)
    imported_code = seed_imported(url)

    app = build_application(sys.argv[:1])
    for language in ("vi", "en"):
        shoot_language(
            app,
            url,
            language,
            args.out,
            late_code,
            rated_code,
            imported_code,
            (width, height),
            args.cases_only,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
