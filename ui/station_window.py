"""The clerk's and the manager's stations: for now, the office and its services."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QMainWindow

from kiosk.config import Settings
from kiosk.i18n import Translator
from ui.after_first_paint import after_first_paint
from ui.first_frame import maybe_report
from ui.screens.station_overview_screen import STATION_TITLES, StationOverviewScreen
from ui.window_display import describe_failure, show_station
from ui.workers import run_in_background


def _load_station_overview(settings: Settings):  # type: ignore[no-untyped-def]
    # Imported on the worker thread: SQLAlchemy is not needed to paint the first frame.
    from kiosk.services.overview import load_overview

    return load_overview(settings.database_url, settings.office_code)


class StationWindow(QMainWindow):
    def __init__(self, station: str, tr: Translator) -> None:
        super().__init__()
        self.station = station
        self.screen_widget = StationOverviewScreen(station, tr)
        self.setCentralWidget(self.screen_widget)
        self.setWindowTitle(tr(STATION_TITLES[station]))


def start_station(settings: Settings, station: str, *, windowed: bool) -> StationWindow:
    """Builds and shows the station's window, then loads its data off the UI thread."""
    tr = Translator(settings.language)
    window = StationWindow(station, tr)

    def loaded(overview: object) -> None:
        window.screen_widget.show_overview(overview)  # type: ignore[arg-type]
        if reporter:
            reporter.data_ready()

    def failed(error: BaseException) -> None:
        window.screen_widget.show_problem(describe_failure(error, tr))
        if reporter:
            reporter.data_ready()

    after_first_paint(
        window,
        lambda: run_in_background(
            partial(_load_station_overview, settings), loaded, failed, parent=window
        ),
    )
    reporter = maybe_report(window)  # installed last, so it hears of the first paint first
    show_station(window, windowed=windowed)
    return window
