"""The first screen of every station: what it is for, the office, and the services on offer."""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.i18n import N_, Translator

if TYPE_CHECKING:  # the start path paints before SQLAlchemy is imported
    from kiosk.services.overview import StationOverview

STATION_TITLES = {
    "kiosk": N_("Rate our service"),
    "clerk": N_("Reception and results"),
    "manager": N_("Monitoring and reports"),
}


def _label(style_name: str) -> QLabel:
    label = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
    label.setObjectName(style_name)  # the stylesheet's #name
    return label


class StationOverviewScreen(QWidget):
    def __init__(self, station: str, tr: Translator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._station = station
        self._tr = tr
        self._overview: StationOverview | None = None

        self.title = _label("title")
        self.office_name = _label("officeName")
        self.status = _label("status")
        self.services = QTreeWidget()
        self.services.setColumnCount(2)
        self.services.setRootIsDecorated(False)
        self.services.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.services.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.services.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        layout.setSpacing(16)
        layout.addWidget(self.title)
        layout.addWidget(self.office_name)
        layout.addWidget(self.status)
        layout.addWidget(self.services, stretch=1)
        self.retranslate(tr)

    def retranslate(self, tr: Translator) -> None:
        self._tr = tr
        self.title.setText(tr(STATION_TITLES[self._station]))
        self.services.setHeaderLabels([tr("Service"), tr("Processing time")])
        if self._overview is None:
            self.status.setText(tr("Loading…"))
        else:
            self.show_overview(self._overview)

    def show_overview(self, overview: StationOverview) -> None:
        self._overview = overview
        tr = self._tr
        self.office_name.setText(overview.office.name)
        self.status.setText(overview.office.address)
        self.services.clear()
        for field, services in groupby(overview.services, key=lambda s: s.field):
            group = QTreeWidgetItem([field, ""])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            self.services.addTopLevelItem(group)
            for service in services:
                name = service.name_vi if tr.language == "vi" else service.name_en
                days = (
                    tr("{days} working days", days=service.processing_days)
                    if service.processing_days
                    else tr("same day")
                )
                group.addChild(QTreeWidgetItem([name, days]))
            group.setExpanded(True)

    def show_problem(self, message: str) -> None:
        self.status.setText(message)
