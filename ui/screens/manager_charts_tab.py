"""The period in four charts: satisfaction day by day against its target, satisfaction by
service and by clerk, and early / on time / late by service. Each bar names how many answers
it rests on."""

from __future__ import annotations

from datetime import date

from PySide6.QtCharts import (
    QAbstractAxis,
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QHorizontalBarSeries,
    QHorizontalPercentBarSeries,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QFrame, QGridLayout, QScrollArea, QVBoxLayout, QWidget

from kiosk.i18n import Translator
from kiosk.reports.tables import Targets
from kiosk.reports.trends import NamedTally, PeriodTrends

BLUE, GREEN, RED = "#0b3d91", "#1b7a3a", "#8a1c00"
MOST_BARS = 8
NAME_LENGTH = 32
# Chart text is set here: QGraphicsView-based charts do not follow the desk's stylesheet.
TITLE_POINTS, TEXT_POINTS = 13, 10


def _font(points: int, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSize(points)
    font.setBold(bold)
    return font


def _short(name: str, count: int) -> str:
    name = name if len(name) <= NAME_LENGTH else name[: NAME_LENGTH - 1] + "…"
    return f"{name} (n={count})"


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setTitleFont(_font(TITLE_POINTS, bold=True))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.legend().setFont(_font(TEXT_POINTS))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    return chart


def _percent_axis() -> QValueAxis:
    axis = QValueAxis()
    axis.setRange(0, 100)
    axis.setLabelFormat("%d %%")
    axis.setTickCount(6)
    _small(axis)
    return axis


def _small(axis: QAbstractAxis) -> None:
    axis.setLabelsFont(_font(TEXT_POINTS))
    axis.setTitleFont(_font(TEXT_POINTS))


class ManagerChartsTab(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.views = [QChartView() for _ in range(4)]
        # The charts keep a readable height and scroll on a 1366×768 screen, rather than
        # stretching the window past the screen's bottom edge.
        charts = QWidget()
        scroller = QScrollArea(widgetResizable=True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setWidget(charts)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroller)
        grid = QGridLayout(charts)
        for index, view in enumerate(self.views):
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(380)
            grid.addWidget(view, index // 2, index % 2)

    def show_trends(self, trends: PeriodTrends, tr: Translator) -> None:
        targets = trends.targets
        charts = [
            self._by_day(trends, targets, tr),
            self._satisfaction_bars(
                tr("Satisfaction by service (%)"), trends.by_service, targets, tr
            ),
            self._satisfaction_bars(tr("Satisfaction by clerk (%)"), trends.by_clerk, targets, tr),
            self._timeliness(trends.by_service, tr),
        ]
        for view, chart in zip(self.views, charts, strict=True):
            old = view.chart()
            view.setChart(chart)
            if old is not None:
                old.deleteLater()

    def _by_day(self, trends: PeriodTrends, targets: Targets, tr: Translator) -> QChart:
        chart = _chart(
            tr(
                "Satisfaction day by day, {start} – {end} (%)",
                start=f"{trends.start:%d/%m/%Y}",
                end=f"{trends.end:%d/%m/%Y}",
            )
        )
        line, dots, target = QLineSeries(), QScatterSeries(), QLineSeries()
        line.setName(tr("Satisfied or very satisfied"))
        line.setPen(QPen(QColor(BLUE), 3))
        dots.setColor(QColor(BLUE))
        dots.setMarkerSize(8)
        target.setName(tr("Target {target} %", target=targets.satisfaction))
        target.setPen(QPen(QColor(RED), 2, Qt.PenStyle.DashLine))

        def moment(day: date) -> float:
            noon = QDateTime(QDate(day.year, day.month, day.day), QTime(12, 0))
            return float(noon.toMSecsSinceEpoch())

        for point in trends.by_day:
            if point.satisfaction_rate is not None:  # a day nobody rated has no point
                line.append(moment(point.day), float(point.satisfaction_rate))
                dots.append(moment(point.day), float(point.satisfaction_rate))
        first, last = moment(trends.start), moment(trends.end)
        if first == last:
            first, last = first - 43_200_000, last + 43_200_000
        target.append(first, float(targets.satisfaction))
        target.append(last, float(targets.satisfaction))
        for series in (line, dots, target):
            chart.addSeries(series)
        dots.setName("")
        chart.legend().markers(dots)[0].setVisible(False)
        days = QDateTimeAxis()
        days.setFormat("dd/MM")
        days.setRange(
            QDateTime.fromMSecsSinceEpoch(int(first)), QDateTime.fromMSecsSinceEpoch(int(last))
        )
        days.setTickCount(min(8, max(2, len(trends.by_day))))
        _small(days)
        values = _percent_axis()
        chart.addAxis(days, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        for series in (line, dots, target):
            series.attachAxis(days)
            series.attachAxis(values)
        return chart

    def _satisfaction_bars(
        self, title: str, rows: list[NamedTally], targets: Targets, tr: Translator
    ) -> QChart:
        rated = [row for row in rows if row.tally.ratings][:MOST_BARS]
        chart = _chart(title)
        bars = QBarSet(tr("Satisfied or very satisfied"))
        bars.setColor(QColor(BLUE))
        bars.setLabelFont(_font(TEXT_POINTS))
        for row in reversed(rated):  # the busiest at the top
            bars.append(float(row.tally.satisfaction_rate or 0))
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value %")
        chart.addSeries(series)
        names = QBarCategoryAxis()
        names.append([_short(row.name, row.tally.ratings) for row in reversed(rated)])
        _small(names)
        values = _percent_axis()
        values.setTitleText(tr("Target {target} %", target=targets.satisfaction))
        chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(names)
        series.attachAxis(values)
        chart.legend().hide()
        return chart

    def _timeliness(self, rows: list[NamedTally], tr: Translator) -> QChart:
        due = [row for row in rows if row.tally.due][:MOST_BARS]
        chart = _chart(tr("Early, on time and late by service"))
        series = QHorizontalPercentBarSeries()
        for label, colour, part in (
            (tr("Early"), GREEN, "early"),
            (tr("On time"), BLUE, "on_time"),
            (tr("Late"), RED, "late"),
        ):
            bars = QBarSet(label)
            bars.setColor(QColor(colour))
            for row in reversed(due):
                bars.append(float(getattr(row.tally, part)))
            series.append(bars)
        chart.addSeries(series)
        names = QBarCategoryAxis()
        names.append([_short(row.name, row.tally.due) for row in reversed(due)])
        _small(names)
        values = _percent_axis()
        chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(names)
        series.attachAxis(values)
        return chart
