"""The manager's station: sign in with a manager's PIN, then the day at a glance."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QStackedWidget

from kiosk.clock import Clock, office_now
from kiosk.config import Settings
from kiosk.db.models import ClerkRole
from kiosk.i18n import N_, Translator
from kiosk.reports.export import write_csv, write_xlsx
from kiosk.reports.pdf_report import FACE_WORDS, render_report_pdf
from kiosk.reports.scheduled import export_is_due, parse_export_time, write_day_exports
from kiosk.reports.tables import build_tables
from kiosk.services.alerts import AlertService
from kiosk.services.clerks import ClerkView
from kiosk.services.comments import CommentService
from kiosk.services.sign_in import SignInService
from ui.screens.manager_today_screen import ManagerTodayScreen
from ui.screens.sign_in_screen import SignInScreen
from ui.window_display import describe_failure

REFRESH_MS = 60_000


class ManagerWindow(QMainWindow):
    exported = Signal(object)  # list[Path]

    def __init__(
        self, settings: Settings, *, factory: Any, export_folder: Path, clock: Clock = office_now
    ) -> None:
        super().__init__()
        station = settings.station_name
        self.settings, self.factory, self.clock = settings, factory, clock
        self.export_folder = export_folder
        self.tr = Translator(settings.language)
        self.sign_in_service = SignInService(
            factory, station=station, clock=clock, office_code=settings.office_code
        )
        self.comments = CommentService(
            factory, station=station, clock=clock, office_code=settings.office_code
        )
        self.alerts = AlertService(
            factory, station=station, clock=clock, office_code=settings.office_code
        )
        self.manager: ClerkView | None = None
        self.sign_in_screen = SignInScreen(self.tr, N_("Monitoring and reports"))
        self.today = ManagerTodayScreen(self.tr)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.sign_in_screen)
        self.stack.addWidget(self.today)
        self.setCentralWidget(self.stack)
        self.setWindowTitle(self.tr("Monitoring and reports"))
        self.sign_in_screen.sign_in_requested.connect(self.sign_in)
        self.today.export_requested.connect(self.export)
        self.today.follow_up_requested.connect(self.follow_up)
        self.today.sign_out_requested.connect(self.sign_out)
        self.refresher = QTimer(self, interval=REFRESH_MS)
        self.refresher.timeout.connect(self.refresh)
        # The end-of-day export runs whether or not a manager is signed in.
        self.export_time = parse_export_time(settings.export_time)
        self.scheduler = QTimer(self, interval=REFRESH_MS)
        self.scheduler.timeout.connect(self.run_scheduled_export)
        self.scheduler.start()

    def sign_in(self, counter: int, pin: str) -> None:
        try:
            person = self.sign_in_service.sign_in(counter, pin)
            if person.role is not ClerkRole.MANAGER:
                raise PermissionError
        except PermissionError:
            self.sign_in_screen.show_problem(self.tr(N_("This station is for managers only.")))
            return
        except Exception as error:  # noqa: BLE001 - told to the manager in words
            self.sign_in_screen.show_problem(describe_failure(error, self.tr))
            return
        self.manager = person
        self.today.who.setText(person.display_name)
        self.stack.setCurrentWidget(self.today)
        self.refresh()
        self.refresher.start()

    def sign_out(self) -> None:
        self.manager = None
        self.refresher.stop()
        self.sign_in_screen.reset()
        self.stack.setCurrentWidget(self.sign_in_screen)

    def refresh(self) -> None:
        tr, today = self.tr, self.clock().date()
        try:
            with self.factory() as session:
                tables = build_tables(session, self.settings.office_code, today, today, today, tr)
            self.today.show_figures(tables[0])
            self.today.show_alerts([tr(a.message, **a.params) for a in self.alerts.current()])
            faces = {key: tr(words) for key, words in FACE_WORDS.items()}
            self.today.show_comments(self.comments.list(), faces)
        except Exception as error:  # noqa: BLE001
            self.today.message.setText("⚠ " + describe_failure(error, tr))

    def follow_up(self, rating_id: object) -> None:
        try:
            self.comments.follow_up(
                rating_id,
                self.tr("Followed up"),  # type: ignore[arg-type]
                clerk_id=self.manager.id if self.manager else None,
            )
        except Exception as error:  # noqa: BLE001
            self.today.message.setText("⚠ " + describe_failure(error, self.tr))
            return
        self.refresh()

    def run_scheduled_export(self) -> list[Path]:
        now = self.clock()
        if not export_is_due(now, self.export_time, self.export_folder):
            return []
        try:
            written = write_day_exports(
                self.factory,
                self.settings.office_code,
                now.date(),
                self.export_folder,
                now,
                self.tr,
            )
        except Exception as error:  # noqa: BLE001 - shown; tried again at the next tick
            self.today.message.setText("⚠ " + describe_failure(error, self.tr))
            return []
        self.today.message.setText(
            self.tr("Today's report was saved to {path}.", path=self.export_folder)
        )
        self.exported.emit(written)
        return written

    def export(self, kind: str) -> None:
        tr, today = self.tr, self.clock().date()
        stem = self.export_folder / f"bao-cao-{today:%Y-%m-%d}"
        try:
            self.export_folder.mkdir(parents=True, exist_ok=True)
            with self.factory() as session:
                if kind == "pdf":
                    path = stem.with_suffix(".pdf")
                    path.write_bytes(
                        render_report_pdf(
                            session,
                            self.settings.office_code,
                            today,
                            today,
                            today,
                            self.clock(),
                            tr,
                        )
                    )
                    written = [path]
                else:
                    tables = build_tables(
                        session, self.settings.office_code, today, today, today, tr
                    )
                    if kind == "xlsx":
                        written = [stem.with_suffix(".xlsx")]
                        write_xlsx(
                            tables, written[0], tr("Report {period}", period=f"{today:%d/%m/%Y}")
                        )
                    else:
                        written = write_csv(tables, stem)
        except Exception as error:  # noqa: BLE001
            self.today.message.setText("⚠ " + describe_failure(error, tr))
            return
        self.today.message.setText(tr("Written to {path}.", path=written[0]))
        self.exported.emit(written)


def start_manager(settings: Settings, *, windowed: bool) -> ManagerWindow:
    from kiosk.db.open import open_database
    from kiosk.paths import user_data_dir
    from ui.window_display import show_station

    database = open_database(settings.database_url)
    folder = Path(settings.export_folder) if settings.export_folder else None
    window = ManagerWindow(
        settings, factory=database.factory, export_folder=folder or user_data_dir() / "exports"
    )
    show_station(window, windowed=windowed)
    window.sign_in_screen.counter.setFocus()
    return window
