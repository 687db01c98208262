"""Renders every screen of the citizen's kiosk to PNG, in Vietnamese and English.

    xvfb-run -a -s "-screen 0 1920x1080x24" python scripts/kiosk_screenshots.py out/screens

Seeds a demo office in a temporary SQLite file, walks the rating flow through each step with
the real window and database, and grabs the window at each one, at the size of the screen
(run it with "-screen 0 1366x768x24" too). The start screen shows this month's results.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSize, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from kiosk.answers import Satisfaction
from kiosk.clock import office_now
from kiosk.config import Settings
from kiosk.db.models import Dossier, Rating
from kiosk.db.open import open_database
from kiosk.errors import KioskError
from kiosk.i18n import N_
from kiosk.reports.public_results import month_results
from kiosk.services.demo import seed_demo
from kiosk.services.kiosk_backend import KioskBackend
from kiosk.status import DossierStatus, dossier_status
from ui.app import build_application
from ui.kiosk_window import KioskWindow


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


def shoot_language(
    app: QApplication, url: str, language: str, out: Path, late_code: str, rated_code: str
) -> None:
    window = KioskWindow(Settings(database_url=url, language=language))
    screen = app.primaryScreen()
    window.resize(screen.size() if screen is not None else QSize(1920, 1080))
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

    def shot(name: str, change: Callable[[], object] | None = None) -> None:
        nonlocal shots
        if change is not None:
            change()
        window.refresh()
        settle(app)
        shots += 1
        path = out / f"{language}-{shots:02d}-{name}.png"
        window.grab().save(str(path))
        print(path)

    shot("attract")
    shot("help", flow.show_help)
    shot("identify", flow.start)
    flow.open_keypad()
    for digit in late_code.split("-", 1)[1].replace("-", "")[:7]:
        flow.press_digit(digit)
    shot("keypad")
    shot("keypad-incomplete", flow.submit_keypad)
    shot(
        "identify-unknown-code",
        lambda: (
            flow.start(),
            flow.dossier_not_found(
                KioskError(N_("Dossier {code} was not found."), code="000.00.30.H12-261123-0999")
            ),
        ),
    )
    shot("services", window.open_service_list)
    window.services.search.setText("chung thuc")
    shot("services-search")
    window.services.search.clear()
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
    flow._last_activity -= timedelta(seconds=flow.settings.idle_timeout - 7)  # noqa: SLF001
    shot("idle-countdown")
    flow.home()
    shot("attract-large-text", window.toggle_large_text)
    window.toggle_large_text()
    window.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="kiosk-shots-"))
    url = f"sqlite:///{folder / 'demo.sqlite3'}"
    seed_demo(open_database(url).factory, office_now())
    late_code, rated_code = pick_dossiers(url)

    app = build_application(sys.argv[:1])
    for language in ("vi", "en"):
        shoot_language(app, url, language, args.out, late_code, rated_code)
    return 0


if __name__ == "__main__":
    sys.exit(main())
