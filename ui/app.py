"""Wires the services into a station's screens, in one place, and runs the Qt event loop."""

from __future__ import annotations

import signal
import sys
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QDir, QLockFile, QStandardPaths, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QMainWindow

from kiosk.config import Settings, named_for
from kiosk.i18n import Translator
from kiosk.paths import APP_NAME
from ui.after_first_paint import after_first_paint
from ui.first_frame import maybe_report
from ui.fonts import base_font, load_shipped_fonts
from ui.kiosk_window import KioskWindow
from ui.theme import stylesheet
from ui.window_display import describe_failure, show_station
from ui.workers import run_in_background

if TYPE_CHECKING:
    # Types only: the database layer is imported on the worker, after the first frame.
    from datetime import datetime

    from sqlalchemy.orm import Session

    from kiosk.key_loading import StationKeys
    from kiosk.services.kiosk_backend import KioskBackend, KioskStart
    from kiosk.services.public_results import MonthResults


def build_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("kiosk-mot-cua")
    family = load_shipped_fonts()
    app.setFont(base_font(family))
    palette = app.palette()
    # Qt's default placeholder grey is too faint for older eyes (contrast < 4.5:1).
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#595959"))
    app.setPalette(palette)
    app.setStyleSheet(stylesheet())
    return app


def _month_results(session: Session, office_code: str | None, now: datetime) -> MonthResults:
    # The report machinery (indicators, tables, the holiday tables) loads when the start screen
    # first asks for its figures, just after the kiosk is ready, not on the way to ready.
    from kiosk.reports.public_results import month_results

    return month_results(session, office_code, now)


def _open_kiosk(settings: Settings) -> tuple[KioskBackend, KioskStart, StationKeys]:
    # On the worker thread, like the overview: the first frame does not wait for the database.
    from kiosk.key_loading import load_station_keys
    from kiosk.services.kiosk_opening import open_kiosk

    keys = load_station_keys(settings)  # never raises: a missing key stops only what needs it
    backend, start = open_kiosk(settings, _month_results, keys.station)
    return backend, start, keys


def start_kiosk(settings: Settings, *, windowed: bool) -> KioskWindow:
    """The citizen's kiosk: shown at once, connected to the database as soon as it is open."""
    tr = Translator(settings.language)
    window = KioskWindow(settings, defer_screens=True, locked=not windowed)

    def opened(result: tuple[KioskBackend, KioskStart, StationKeys]) -> None:
        backend, start, keys = result
        window.attach_backend(backend, start)
        window.use_keys(keys)
        if reporter:
            reporter.data_ready()

    def failed(error: BaseException) -> None:
        window.show_start_problem(describe_failure(error, tr))
        if reporter:
            reporter.data_ready()
        window.build_remaining_screens()

    def after_first_frame() -> None:
        # The database layer is imported on the worker once the first frame is out, so as not to
        # compete with painting it; the other screens are built once the data is shown (see
        # KioskWindow.attach_backend): built beside the worker, they held its interpreter lock.
        run_in_background(partial(_open_kiosk, settings), opened, failed, parent=window)

    window.listen()

    after_first_paint(window, after_first_frame)
    reporter = maybe_report(window)  # installed last, so it hears of the first paint first
    show_station(window, windowed=windowed)
    return window


def station_lock_path(settings: Settings) -> str:
    """Beside the station's data: one lock per data directory and station name, so the kiosk,
    the clerk and the manager start side by side, and a test run never meets a real station."""
    # Qt's generic data folder is the folder kiosk.paths.user_data_dir() lives in (XDG on Linux),
    # found without importing anything more on the way to the first frame.
    folder = QDir(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    )
    folder.mkpath(APP_NAME)
    return folder.filePath(f"{APP_NAME}/station-{settings.station_name}.lock")


def station_lock(settings: Settings) -> QLockFile | None:
    """One instance per station; None when it is already running. A lock left by a process that
    died is taken over (QLockFile checks the process)."""
    lock = QLockFile(station_lock_path(settings))
    return lock if lock.tryLock(100) else None


def run_station(settings: Settings, *, station: str, windowed: bool) -> int:
    settings = named_for(settings, station)
    lock = station_lock(settings)
    if lock is None:
        tr = Translator(settings.language)
        print(
            tr(
                "Station {station} is already running on this machine.",
                station=settings.station_name,
            ),
            file=sys.stderr,
        )
        return 4
    app = build_application(sys.argv[:1])
    window: QMainWindow
    if station == "kiosk":
        window = start_kiosk(settings, windowed=windowed)
    elif station == "clerk":
        from ui.clerk_window import start_clerk

        window = start_clerk(settings, windowed=windowed)
    else:
        from ui.manager_window import start_manager

        window = start_manager(settings, windowed=windowed)
    # Whoever holds the machine's terminal (or systemd stopping the unit) may stop the station:
    # exit() leaves the event loop even when the locked kiosk refuses to close.
    for stop in (signal.SIGINT, signal.SIGTERM):
        signal.signal(stop, lambda number, _frame: QApplication.exit(128 + number))
    # READY once the station is on screen (and nothing extra on the way to its first frame).
    after_first_paint(window, partial(keep_systemd_informed, window))
    code = app.exec()
    del window
    return code


def keep_systemd_informed(window: QMainWindow) -> QTimer | None:
    """READY once the station is on screen, then a watchdog ping from the event loop: a kiosk
    whose screen hangs stops pinging, and systemd restarts it (scripts/install_kiosk.sh)."""
    from kiosk.systemd_notify import notify_alive, notify_ready, watchdog_interval_ms

    notify_ready()
    interval = watchdog_interval_ms()
    if interval is None:
        return None
    timer = QTimer(window, interval=interval)
    timer.timeout.connect(notify_alive)
    timer.start()
    return timer
