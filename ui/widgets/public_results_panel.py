"""This month's public results on the start screen: a row of tiles, each a figure, its name and
how it stands against the office's target, in a sign and in words (never by colour alone).
Below the floors it says so instead of showing a share that rests on a handful of answers."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.formats import month_text
from kiosk.i18n import N_, Translator, format_percent
from kiosk.services.public_results import MIN_DUE_TO_SHOW, MIN_RATINGS_TO_SHOW, MonthResults

SATISFIED = N_("Citizens satisfied")
ON_TIME = N_("Results returned on time")
EARLY = N_("Results returned early")


def _label(style_name: str) -> QLabel:
    label = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
    label.setObjectName(style_name)
    return label


def _restyle(label: QLabel, style_name: str) -> None:
    if label.objectName() != style_name:
        label.setObjectName(style_name)
        label.style().unpolish(label)
        label.style().polish(label)


class ResultTile(QFrame):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("resultTile")
        self.value = _label("resultValue")
        self.name = _label("resultName")
        self.target = _label("resultTargetMet")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(2)
        layout.addWidget(self.value)
        layout.addWidget(self.name)
        layout.addWidget(self.target)

    def show_figure(self, name: str, value: Decimal, target: Decimal, tr: Translator) -> None:
        self.name.setText(name)
        self.value.setText(format_percent(value, tr.language))
        goal = format_percent(target, tr.language)
        if value >= target:
            self.target.setText(tr("✓ target of {target} met", target=goal))
            _restyle(self.target, "resultTargetMet")
        else:
            self.target.setText(tr("▼ target of {target} not yet met", target=goal))
            _restyle(self.target, "resultTargetBelow")


class PublicResultsPanel(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.caption = _label("resultsCaption")
        self.satisfaction = ResultTile()
        self.on_time = ResultTile()
        self.early = ResultTile()
        self.notes = _label("resultsNote")  # what is not shown yet, and why
        tiles = QHBoxLayout()
        tiles.setSpacing(16)
        for tile in (self.satisfaction, self.on_time, self.early):
            tiles.addWidget(tile)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.caption)
        layout.addLayout(tiles)
        layout.addWidget(self.notes)
        self.results: MonthResults | None = None
        self.hide()  # until the figures have been read

    def show_results(self, results: MonthResults | None, tr: Translator) -> None:
        self.results = results
        if results is None:
            self.hide()
            return
        self.caption.setText(
            tr("This month's results ({month})", month=month_text(results.month, tr.language))
            + " · "
            + tr("{count} ratings", count=results.ratings)
        )
        notes = []
        self.satisfaction.setVisible(results.satisfaction_shown)
        if results.satisfaction_shown and results.satisfaction_rate is not None:
            self.satisfaction.show_figure(
                tr(SATISFIED), results.satisfaction_rate, results.target_satisfaction, tr
            )
        else:
            notes.append(
                tr(
                    "This month's results will be shown once there are {count} ratings.",
                    count=MIN_RATINGS_TO_SHOW,
                )
            )
        timeliness = results.timeliness_shown
        self.on_time.setVisible(timeliness)
        self.early.setVisible(timeliness)
        if timeliness and results.on_time_rate is not None and results.early_rate is not None:
            self.on_time.show_figure(tr(ON_TIME), results.on_time_rate, results.target_on_time, tr)
            self.early.show_figure(tr(EARLY), results.early_rate, results.target_early, tr)
        else:
            notes.append(
                tr(
                    "On-time results will be shown once {count} dossiers have reached their "
                    "appointment day this month.",
                    count=MIN_DUE_TO_SHOW,
                )
            )
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))
        self.show()
