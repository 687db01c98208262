"""A rate day by day against its target: a line through the days people rated, each point with
its value written above it when there is room, or a bar when only one day has a value (a lone
dot reads as nothing). Date ticks are evenly spaced days, weeks or months, in the reader's
format; 100 % sits below the top of the plot with room for the mark and its label."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from kiosk.formats import day_text, month_text, short_day_text
from kiosk.reports.trends import date_ticks
from ui.widgets.chart_base import BLUE, GAP, INK, PERCENT_TICKS, RED, ChartWidget, LegendEntry, Tip

DOT = 5.0  # a point's radius, smaller when a long period leaves each day a few pixels
SMALLEST_DOT = 2.0
MOST_BAR_WIDTH = 90.0
BASELINE = 3.0  # the height of the mark a 0 % bar leaves, so that it is seen


@dataclass(frozen=True)
class DayValue:
    day: date
    rate: Decimal | None  # None: nobody rated that day
    count: int


@dataclass(frozen=True)
class Mark:
    """Where one day's value is drawn: the dot or bar, and its written value."""

    day: date
    value: float
    area: QRectF
    label: str  # "" when the days are too close together to write every value
    label_area: QRectF


class DayChartWidget(ChartWidget):
    def __init__(self) -> None:
        super().__init__()
        self.days: list[DayValue] = []
        self.target = 0.0

    def show_days(
        self,
        days: list[DayValue],
        target: float,
        *,
        title: str,
        names: tuple[str, str],  # the series, the target
        empty_text: str,
        language: str,
    ) -> None:
        self.days, self.target, self.title, self.language = days, target, title, language
        self.setAccessibleName(title)  # a screen reader names the chart as it is titled
        self.legend = [
            LegendEntry(names[0], BLUE, "bar" if self.as_bars else "line"),
            LegendEntry(names[1], RED, "target"),
        ]
        self.empty_text = "" if self.rated() else empty_text
        self.update()

    def rated(self) -> list[tuple[int, DayValue]]:
        return [(index, day) for index, day in enumerate(self.days) if day.rate is not None]

    @property
    def as_bars(self) -> bool:
        """One day, or one day with a value: a bar, never a lonely dot."""
        return len(self.days) == 1 or len(self.rated()) == 1

    # -- geometry ------------------------------------------------------------------------------

    def plot_rect(self) -> QRectF:
        frame = self.frame()
        axis = self.text_width(self.percent(100)) + GAP
        return QRectF(
            frame.left() + axis,
            frame.top(),
            max(1.0, frame.width() - axis),
            max(1.0, frame.height() - self.text_height() - GAP),
        )

    def y_of(self, value: float) -> float:
        plot = self.plot_rect()
        top = plot.top() + self.text_height() + GAP + DOT + 2  # room for a mark and its label
        bottom = plot.bottom() - DOT - 1
        return bottom - (bottom - top) * value / 100

    def x_of(self, index: int) -> float:
        plot = self.plot_rect()
        return plot.left() + (index + 0.5) * self._slot()

    def _slot(self) -> float:
        return self.plot_rect().width() / max(1, len(self.days))

    def marks(self) -> list[Mark]:
        height = self.text_height()
        widest = max(
            (self.text_width(self.percent(float(d.rate or 0)), self.bold_font) for d in self.days),
            default=0,
        )
        written = self.as_bars or self._slot() >= widest + GAP
        marks = []
        for index, day in self.rated():
            value, x = float(day.rate or 0), self.x_of(index)
            y, zero = self.y_of(value), self.y_of(0)
            if self.as_bars:
                width = min(self._slot() * 0.6, MOST_BAR_WIDTH)
                top = min(y, zero - BASELINE)  # a 0 % bar still leaves its mark
                area = QRectF(x - width / 2, top, width, zero - top)
            else:
                dot = min(DOT, max(SMALLEST_DOT, self._slot() / 3))
                area = QRectF(x - dot, y - dot, 2 * dot, 2 * dot)
            label = self.percent(value) if written else ""
            label_width = self.text_width(label, self.bold_font) + 4
            label_area = QRectF(
                x - label_width / 2, area.top() - GAP / 2 - height, label_width, height
            )
            marks.append(Mark(day.day, value, area, label, label_area))
        return marks

    def ticks(self) -> list[tuple[float, str]]:
        """(x, label) of each date tick, evenly spaced."""
        if not self.days:
            return []
        start, end = self.days[0].day, self.days[-1].day
        widest = self.text_width(short_day_text(date(2026, 12, 30), self.language)) + 3 * GAP
        most = int(self.plot_rect().width() // widest)
        ticks = date_ticks(start, end, most)
        monthly = len(ticks) > 1 and (ticks[1] - ticks[0]).days > 14
        label = month_text if monthly else short_day_text
        return [(self.x_of((day - start).days), label(day, self.language)) for day in ticks]

    def tips(self) -> list[Tip]:
        plot, slot = self.plot_rect(), self._slot()
        return [
            Tip(
                QRectF(plot.left() + index * slot, plot.top(), slot, plot.height()),
                f"{day_text(day.day, self.language)}: "
                f"{self.percent(float(day.rate)) if day.rate is not None else '—'} (n={day.count})",
            )
            for index, day in enumerate(self.days)
        ]

    # -- painting ------------------------------------------------------------------------------

    def has_data(self) -> bool:
        return bool(self.days)

    def paint_plot(self, painter: QPainter) -> None:
        plot, height = self.plot_rect(), self.text_height()
        self.paint_grid(
            painter,
            [
                (QPointF(plot.left(), self.y_of(t)), QPointF(plot.right(), self.y_of(t)))
                for t in PERCENT_TICKS
            ],
        )
        for tick in PERCENT_TICKS:
            area = QRectF(
                self.rect().left(), self.y_of(tick) - height / 2, plot.left() - GAP, height
            )
            painter.setPen(QColor(INK))
            painter.drawText(
                area,
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                self.percent(tick),
            )
        for x, label in self.ticks():
            painter.setPen(QColor(INK))
            painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 4))
            width = self.text_width(label) + 4
            left = min(max(x - width / 2, 0.0), self.width() - width)
            painter.drawText(
                QRectF(left, plot.bottom() + GAP / 2, width, height),
                int(Qt.AlignmentFlag.AlignCenter),
                label,
            )
        self.paint_target(
            painter,
            QPointF(plot.left(), self.y_of(self.target)),
            QPointF(plot.right(), self.y_of(self.target)),
        )
        marks = self.marks()
        if self.as_bars:
            for mark in marks:
                painter.fillRect(mark.area, QColor(BLUE))
        else:
            path = QPainterPath(marks[0].area.center())
            for mark in marks[1:]:
                path.lineTo(mark.area.center())
            painter.setPen(QPen(QColor(BLUE), 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            painter.setBrush(QColor(BLUE))
            # a white ring sets a full-size dot off the line; on a small one it hides the dot
            roomy = marks[0].area.width() >= 2 * DOT
            painter.setPen(QPen(QColor("white"), 1.5) if roomy else Qt.PenStyle.NoPen)
            for mark in marks:
                painter.drawEllipse(mark.area)
        painter.setFont(self.bold_font)
        for mark in marks:
            self.paint_label(painter, mark.label_area, mark.label, lifted=True)
        painter.setFont(self.text_font)
        painter.setPen(QPen(QColor(INK), 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
