"""The manager's desk: who is signed in, the period looked at, the exports, the alerts banner,
and six tabs — today, charts, clerks and unit, comments, feedback cases, catalogue and staff."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.i18n import N_, Translator
from ui.screens.manager_cases_tab import ManagerCasesTab
from ui.screens.manager_catalogue_tab import ManagerCatalogueTab
from ui.screens.manager_charts_tab import ManagerChartsTab
from ui.screens.manager_comments_tab import ManagerCommentsTab
from ui.screens.manager_glance_tab import ManagerGlanceTab
from ui.screens.manager_people_tab import ManagerPeopleTab
from ui.theme import desk_stylesheet

PROGRESS_WIDTH = 360
PRESETS = (
    ("today", N_("Today")),
    ("7", N_("Last 7 days")),
    ("30", N_("Last 30 days")),
    ("month", N_("This month")),
    ("quarter", N_("This quarter")),
    ("year", N_("This year")),
    ("custom", N_("Chosen dates")),
)


def preset_period(preset: str, today: date) -> tuple[date, date]:
    if preset in ("7", "30"):
        return today - timedelta(days=int(preset) - 1), today
    if preset == "month":
        return today.replace(day=1), today
    if preset == "quarter":
        return today.replace(month=(today.month - 1) // 3 * 3 + 1, day=1), today
    if preset == "year":
        return today.replace(month=1, day=1), today
    return today, today


class ManagerDeskScreen(QWidget):
    period_changed = Signal(object, object)  # start, end
    export_requested = Signal(str)  # "pdf" | "xlsx" | "csv"
    sign_out_requested = Signal()

    def __init__(self, tr: Translator, today: date) -> None:
        super().__init__()
        self.setObjectName("desk")
        self.setStyleSheet(desk_stylesheet())
        self._tr, self._today = tr, today
        self.who = QLabel()
        self.who.setObjectName("officeName")
        self.period_label = QLabel()
        self.preset = QComboBox()
        self.start_edit, self.end_edit = QDateEdit(), QDateEdit()
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setDate(QDate(today.year, today.month, today.day))
            edit.dateChanged.connect(self._dates_edited)
        self.export_buttons = {kind: QPushButton() for kind in ("pdf", "xlsx", "csv")}
        for kind, button in self.export_buttons.items():
            button.setObjectName("secondary")
            button.clicked.connect(lambda _=False, k=kind: self.export_requested.emit(k))
        self.sign_out_button = QPushButton()
        self.sign_out_button.setObjectName("secondary")
        self.sign_out_button.clicked.connect(self.sign_out_requested)
        self.alerts = QLabel(wordWrap=True)
        self.alerts.setObjectName("problem")
        self.alerts.hide()
        self.glance = ManagerGlanceTab()
        self.charts = ManagerChartsTab()
        self.people = ManagerPeopleTab()
        self.comments = ManagerCommentsTab()
        self.catalogue = ManagerCatalogueTab()
        self.cases = ManagerCasesTab()
        self.tabs = QTabWidget()
        tabs = (self.glance, self.charts, self.people, self.comments, self.cases, self.catalogue)
        for tab in tabs:
            self.tabs.addTab(tab, "")
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setFormat("%p\u00a0%")  # "55 %", as the desk writes every share
        self.progress.setMinimumWidth(PROGRESS_WIDTH)  # seen from the desk's chair
        self.progress.hide()
        self.message = QLabel(wordWrap=True)
        header = QHBoxLayout()
        header.addWidget(self.who, 1)
        header.addWidget(self.period_label)
        header.addWidget(self.preset)
        header.addWidget(self.start_edit)
        header.addWidget(QLabel("–"))
        header.addWidget(self.end_edit)
        header.addSpacing(24)
        for button in (*self.export_buttons.values(), self.sign_out_button):
            header.addWidget(button)
        footer = QHBoxLayout()
        footer.addWidget(self.message, 1)
        footer.addWidget(self.progress)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.alerts)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(footer)
        self.preset.currentIndexChanged.connect(self._preset_chosen)
        self.retranslate(tr)

    def retranslate(self, tr: Translator) -> None:
        self._tr = tr
        self.period_label.setText(tr("Period:"))
        index = max(0, self.preset.currentIndex())
        self.preset.blockSignals(True)
        self.preset.clear()
        self.preset.addItems([tr(words) for _key, words in PRESETS])
        self.preset.setCurrentIndex(index)
        self.preset.blockSignals(False)
        self.export_buttons["pdf"].setText(tr("Report (PDF)"))
        self.export_buttons["xlsx"].setText(tr("Excel (XLSX)"))
        self.export_buttons["csv"].setText(tr("CSV"))
        self.sign_out_button.setText(tr("Sign out"))
        for index, name in enumerate(
            (
                tr("Today"),
                tr("Charts"),
                tr("Clerks and unit"),
                tr("Comments"),
                tr("Feedback cases"),
                tr("Catalogue and staff"),
            )
        ):
            self.tabs.setTabText(index, name)
        self.comments.retranslate(tr)
        self.cases.retranslate(tr)
        self.catalogue.retranslate(tr)

    @property
    def period(self) -> tuple[date, date]:
        return _day(self.start_edit.date()), _day(self.end_edit.date())

    def set_period(self, start: date, end: date) -> None:
        for edit, day in ((self.start_edit, start), (self.end_edit, end)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)
        self.period_changed.emit(start, end)

    def choose_preset(self, key: str) -> None:
        self.preset.setCurrentIndex([k for k, _w in PRESETS].index(key))

    def show_alerts(self, messages: list[str]) -> None:
        self.alerts.setText("\n".join("⚠ " + m for m in messages))
        self.alerts.setVisible(bool(messages))

    def set_busy(self, busy: bool) -> None:
        for button in self.export_buttons.values():
            button.setEnabled(not busy)
        if busy:
            self.show_progress(0.0)
        else:
            self.progress.hide()

    def show_progress(self, share: float) -> None:
        """A moving bar until the first share is known: a PDF reports none while it reads."""
        if share <= 0:
            self.progress.setRange(0, 0)
        else:
            self.progress.setRange(0, 100)
            self.progress.setValue(round(share * 100))

    def _preset_chosen(self, index: int) -> None:
        key = PRESETS[index][0]
        if key != "custom":
            self.set_period(*preset_period(key, self._today))

    def _dates_edited(self) -> None:
        start, end = self.period
        if end < start:  # the other end follows, so the period is never upside down
            day = start if self.sender() is self.start_edit else end
            self.set_period(day, day)
            return
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(len(PRESETS) - 1)
        self.preset.blockSignals(False)
        self.period_changed.emit(start, end)


def _day(picked: QDate) -> date:
    return date(picked.year(), picked.month(), picked.day())
