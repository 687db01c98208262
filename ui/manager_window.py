"""The manager's station: sign in with a manager's PIN, then the desk — today at a glance,
charts and the clerks' indicators for any period, comments, alerts and exports. Every database
read and every export runs off the UI thread; an export asks where to save (in the folder used
last), shows its progress after half a second and ends with buttons that open what it wrote."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QMessageBox, QStackedWidget

from kiosk.answers import COMPLAINT_WORDS, FACE_WORDS
from kiosk.clock import Clock, office_now
from kiosk.config import Settings
from kiosk.db.models import ClerkRole
from kiosk.db.session import SessionFactory
from kiosk.i18n import N_, Translator
from kiosk.protected_files import kiosk_files
from kiosk.reports.glance import DayGlance, day_glance
from kiosk.reports.period_export import export_period
from kiosk.reports.scheduled import day_stem, export_is_due, parse_export_time, write_day_exports
from kiosk.reports.trends import PeriodTrends, period_trends
from kiosk.services.alerts import AlertService
from kiosk.services.clerks import ClerkView
from kiosk.services.comments import CommentService, CommentView
from kiosk.services.sign_in import SignInService
from kiosk.services.stations import StationService
from ui.catalogue_desk import CatalogueDesk
from ui.import_watch import ImportWatch
from ui.manager_cases import ManagerCases
from ui.screens.manager_desk_screen import ManagerDeskScreen
from ui.screens.sign_in_screen import SignInScreen
from ui.widgets.export_dialog import ExportDialog
from ui.widgets.export_outcome import ExportDoneBox, failure_box, failure_words
from ui.widgets.export_places import ExportFolderMemory, default_name
from ui.widgets.import_strip import add_import_strip
from ui.window_display import describe_failure, stop_timers
from ui.workers import run_in_background

REFRESH_MS = 60_000
PROGRESS_AFTER_MS = 500


@dataclass(frozen=True)
class _Today:
    glance: DayGlance
    alerts: list[str]
    comments: list[CommentView]


class _ProgressRelay(QObject):
    """Carries an export's progress from its worker thread to the progress bar."""

    moved = Signal(float)


class ManagerWindow(QMainWindow):
    exported = Signal(object)  # list[Path]
    refreshed = Signal()
    period_shown = Signal()

    def __init__(
        self,
        settings: Settings,
        *,
        factory: SessionFactory,
        export_folder: Path,
        clock: Clock = office_now,
        desk_memory: Path | None = None,
    ) -> None:
        """`desk_memory`: the file that remembers the folder of the last export across
        restarts (None: remembered while the window lives)."""
        super().__init__()
        station, office = settings.station_name, settings.office_code
        self.settings, self.factory, self.clock = settings, factory, clock
        self.export_folder = export_folder
        self.export_places = ExportFolderMemory(desk_memory, export_folder)
        self.export_dialog: ExportDialog | None = None
        self.export_done: ExportDoneBox | None = None
        self.export_failure: QMessageBox | None = None
        self._tr = Translator(settings.language)
        self.sign_in_service = SignInService(
            factory, station=station, clock=clock, office_code=office
        )
        self.comments = CommentService(factory, station=station, clock=clock, office_code=office)
        self.alerts = AlertService(factory, station=station, clock=clock, office_code=office)
        self.stations = StationService(factory, station=station, clock=clock, office_code=office)
        self.manager: ClerkView | None = None
        self.sign_in_screen = SignInScreen(self._tr, N_("Monitoring and reports"))
        self.desk = ManagerDeskScreen(self._tr, clock().date())
        self.stack = QStackedWidget()
        self.stack.addWidget(self.sign_in_screen)
        self.stack.addWidget(self.desk)
        self.setCentralWidget(self.stack)
        self.setWindowTitle(self._tr("Monitoring and reports"))
        self.sign_in_screen.sign_in_requested.connect(self.sign_in)
        self.desk.export_requested.connect(self.export)
        self.desk.comments.follow_up_requested.connect(self.follow_up)
        self.desk.comments.filter_changed.connect(self.refresh)
        self.desk.period_changed.connect(self.show_period)
        self.desk.sign_out_requested.connect(self.sign_out)
        self.catalogue = CatalogueDesk(
            self.desk.catalogue,
            factory,
            station=station,
            clock=clock,
            office_code=office,
            tr=self._tr,
            manager_counter=lambda: self.manager.counter if self.manager else None,
        )
        self.catalogue.changed.connect(self.desk.message.setText)
        self.cases = ManagerCases(
            self.desk, settings, factory, clock=clock, tr=self._tr, manager_id=self._manager_id
        )
        self.cases.changed.connect(self.desk.message.setText)
        self.cases.refused.connect(lambda text: self.desk.message.setText("⚠ " + text))
        self.imports = ImportWatch(
            add_import_strip(self.desk, self._tr),
            settings,
            factory,
            clock=clock,
            tr=self._tr,
            manager_id=lambda: self.manager.id if self.manager else None,
            parent=self,
        )
        self._progress = _ProgressRelay(self)
        self._progress.moved.connect(self.desk.show_progress)
        self._exporting = False
        self._refreshing = False
        self._refresh_again = False  # asked while a refresh was under way
        self.refresher = QTimer(self, interval=REFRESH_MS)
        self.refresher.timeout.connect(self.refresh)
        # Cases become due and overdue as time passes: their alerts follow each minute.
        self.refresher.timeout.connect(lambda: self.cases.refresh(with_group=False))
        # The end-of-day export runs whether or not a manager is signed in.
        self.export_time = parse_export_time(settings.export_time)
        self.scheduler = QTimer(self, interval=REFRESH_MS)
        self.scheduler.timeout.connect(self.run_scheduled_export)
        self.scheduler.start()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        stop_timers(self)
        super().closeEvent(event)

    # -- signing in and out -----------------------------------------------------------------

    def sign_in(self, counter: int, pin: str) -> None:
        try:
            person = self.sign_in_service.sign_in(counter, pin)
            if person.role is not ClerkRole.MANAGER:
                raise PermissionError
        except PermissionError:
            self.sign_in_screen.show_problem(self._tr(N_("This station is for managers only.")))
            return
        except Exception as error:  # noqa: BLE001 - told to the manager in words
            self.sign_in_screen.show_problem(describe_failure(error, self._tr))
            return
        self.manager = person
        self.desk.who.setText(person.display_name)
        self.stack.setCurrentWidget(self.desk)
        self.refresh()
        self.show_period(*self.desk.period)
        self.catalogue.refresh()
        self.cases.refresh()
        self.refresher.start()

    def _manager_id(self) -> int | None:
        return self.manager.id if self.manager else None

    def sign_out(self) -> None:
        self.manager = None
        self.refresher.stop()
        self.sign_in_screen.reset()
        self.stack.setCurrentWidget(self.sign_in_screen)

    # -- today, refreshed every minute ------------------------------------------------------

    def refresh(self) -> None:
        if self.manager is None:
            return
        if self._refreshing:
            self._refresh_again = True  # a period chosen meanwhile: its comments follow
            return
        self._refreshing, self._refresh_again = True, False
        which = self.desk.comments.chosen_filter
        tr, now, period = self._tr, self.clock(), self.desk.period

        def load() -> _Today:
            self.stations.report_contact("manager")
            with self.factory() as session:
                glance = day_glance(session, self.settings.office_code, now)
            alerts = [tr(a.message, **a.params) for a in self.alerts.current(language=tr.language)]
            comments = self.comments.list(
                unhappy_only=which == "unhappy", open_only=which == "open", period=period
            )
            return _Today(glance, alerts, comments)

        def show(today: _Today) -> None:
            self._refreshing = False
            self.desk.glance.show_glance(today.glance, tr)
            self.desk.show_alerts(today.alerts)
            self.desk.comments.show_comments(
                today.comments,
                {key: tr(words) for key, words in FACE_WORDS.items()},
                {key: tr(words) for key, words in COMPLAINT_WORDS.items()},
                tr,
            )
            if self._refresh_again:
                self.refresh()  # what was asked meanwhile; `refreshed` once it is shown
            else:
                self.refreshed.emit()

        run_in_background(load, show, self._failed_refresh, parent=self)

    def _failed_refresh(self, error: BaseException) -> None:
        self._refreshing = False
        self._show_problem(error)
        self.refreshed.emit()

    def show_period(self, start: date, end: date) -> None:
        tr, today = self._tr, self.clock().date()
        self.refresh()  # the comments follow the chosen period

        def load() -> PeriodTrends:
            with self.factory() as session:
                return period_trends(
                    session, self.settings.office_code, start, end, today, tr.language
                )

        def show(trends: PeriodTrends) -> None:
            if (start, end) != self.desk.period:
                return  # the manager has already picked another period
            self.desk.charts.show_trends(trends, tr)
            self.desk.people.show_people(trends, tr)
            self.period_shown.emit()

        def failed(error: BaseException) -> None:
            self._show_problem(error)
            self.period_shown.emit()

        run_in_background(load, show, failed, parent=self)

    def follow_up(self, rating_id: uuid.UUID, note: str) -> None:
        try:
            self.comments.follow_up(
                rating_id,
                note or self._tr("Followed up"),
                clerk_id=self.manager.id if self.manager else None,
            )
        except Exception as error:  # noqa: BLE001
            self._show_problem(error)
            return
        self.refresh()

    def _show_problem(self, error: BaseException) -> None:
        self.desk.message.setText("⚠ " + describe_failure(error, self._tr))

    # -- exports ----------------------------------------------------------------------------

    def export(self, kind: str) -> None:
        """Asks where (ExportDialog), then writes the desk's period there off the UI thread."""
        if self._exporting:
            return
        start, end = self.desk.period
        dialog = ExportDialog(
            self._tr,
            kind,
            self.export_places.folder(),
            default_name(start, end, kind, self._tr),
            fallback=self.export_folder,
            parent=self.desk,
        )
        dialog.accepted.connect(lambda: self._export_to(kind, dialog.chosen_path(), start, end))
        dialog.finished.connect(dialog.deleteLater)
        self.export_dialog = dialog
        dialog.open()

    def _export_to(self, kind: str, chosen: Path, start: date, end: date) -> None:
        if self._exporting:
            return
        tr, now = self._tr, self.clock()
        # A CSV export is a folder of tables, made inside the folder chosen.
        out = chosen / default_name(start, end, kind, tr) if kind == "csv" else chosen
        self._exporting = True
        self.desk.set_busy(True)
        self.desk.message.setText(tr("Preparing the report…"))
        # Only a slow export shows a bar: a quick one would just flicker.
        QTimer.singleShot(PROGRESS_AFTER_MS, self._show_slow_progress)

        def done(written: list[Path]) -> None:
            self._exporting = False
            self.desk.set_busy(False)
            self.export_places.remember(chosen if kind == "csv" else chosen.parent)
            self.desk.message.setText(tr("Written to {path}.", path=out))
            file, folder = (None, out) if kind == "csv" else (out, out.parent)
            box = ExportDoneBox(tr, file, folder, parent=self.desk)
            box.cannot_open.connect(lambda words: self.desk.message.setText("⚠ " + words))
            box.finished.connect(box.deleteLater)
            self.export_done = box
            box.open()
            self.exported.emit(written)

        def failed(error: BaseException) -> None:
            self._exporting = False
            self.desk.set_busy(False)
            words = failure_words(error, out, tr)
            self.desk.message.setText("⚠ " + words)
            box = failure_box(tr, words, parent=self.desk)
            box.finished.connect(box.deleteLater)
            self.export_failure = box
            box.open()
            self.exported.emit([])

        run_in_background(
            lambda: export_period(
                self.factory,
                self.settings.office_code,
                start,
                end,
                kind,
                out,
                now,
                tr,
                self._progress.moved.emit,
                protected=self._kept_files(),
            ),
            done,
            failed,
            parent=self,
        )

    def _kept_files(self) -> list[Path]:
        remembered = self.export_places.file
        return kiosk_files(self.settings) + ([remembered] if remembered else [])

    def _show_slow_progress(self) -> None:
        if self._exporting:
            self.desk.progress.show()

    def run_scheduled_export(self) -> bool:
        """Starts the day's export once the export time has passed; True if it started."""
        now = self.clock()
        if self._exporting or not export_is_due(now, self.export_time, self.export_folder):
            return False
        self._exporting = True
        tr, folder = self._tr, self.export_folder

        def done(written: list[Path]) -> None:
            self._exporting = False
            self.desk.message.setText(
                tr("Today's report was saved to {path}.", path=day_stem(folder, now.date()))
            )
            self.exported.emit(written)

        def failed(error: BaseException) -> None:  # tried again at the next tick
            self._exporting = False
            self._show_problem(error)
            self.exported.emit([])

        run_in_background(
            lambda: write_day_exports(
                self.factory,
                self.settings.office_code,
                now.date(),
                folder,
                now,
                tr,
                protected=kiosk_files(self.settings),
            ),
            done,
            failed,
            parent=self,
        )
        return True


def start_manager(settings: Settings, *, windowed: bool) -> ManagerWindow:
    from kiosk.db.open import open_database
    from kiosk.paths import user_data_dir
    from ui.window_display import show_station

    database = open_database(settings.database_url)
    folder = Path(settings.export_folder) if settings.export_folder else None
    window = ManagerWindow(
        settings,
        factory=database.factory,
        export_folder=folder or user_data_dir() / "exports",
        desk_memory=user_data_dir() / "manager-desk.ini",
    )
    show_station(window, windowed=windowed)
    window.sign_in_screen.counter.setFocus()
    return window
