"""What the manager's charts share: a title that wraps, a legend, the 0–100 % scale with its
even ticks and the room above 100 % for a mark and its label, value labels in the reader's
format, and a tooltip for each region a chart names (the whole service name, its n=)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QHelpEvent, QPainter, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from kiosk.formats import percent_text

BLUE, GREEN, RED, GREY, INK = "#0b3d91", "#1b7a3a", "#8a1c00", "#c8ccd2", "#1a1a1a"
GREY_MARK = "#6b7079"  # a bar of what is not yet decided, dark enough for white words
PERCENT_TICKS = (0, 20, 40, 60, 80, 100)
# Chart text is set here: painted charts do not follow the desk's stylesheet.
TITLE_POINTS, TEXT_POINTS = 13, 10
GAP = 6.0  # pixels between a mark and its words


def chart_font(points: int, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSize(points)
    font.setBold(bold)
    return font


@dataclass(frozen=True)
class LegendEntry:
    name: str
    colour: str
    look: str = "bar"  # "bar" a filled box, "line" a line through a dot, "target" a dashed line


@dataclass(frozen=True)
class Tip:
    area: QRectF
    text: str


class ChartWidget(QWidget):
    """A painted chart: subclasses lay themselves out from the widget's size on demand, so
    a test can ask where a value lands without painting."""

    def __init__(self) -> None:
        super().__init__()
        self.title = ""
        self.language = "vi"
        self.legend: list[LegendEntry] = []
        self.empty_text = ""  # said in the plot when there is nothing to draw
        self.text_font = chart_font(TEXT_POINTS)
        self.bold_font = chart_font(TEXT_POINTS, bold=True)
        self.title_font = chart_font(TITLE_POINTS, bold=True)
        self.setMinimumHeight(380)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    # -- what subclasses provide -------------------------------------------------------------

    def tips(self) -> list[Tip]:
        return []

    def has_data(self) -> bool:
        """False before the first figures arrive: nothing is drawn but the title."""
        raise NotImplementedError

    def paint_plot(self, painter: QPainter) -> None:
        raise NotImplementedError

    def plot_rect(self) -> QRectF:
        raise NotImplementedError

    # -- shared parts --------------------------------------------------------------------------

    def percent(self, value: float) -> str:
        return percent_text(round(value, 1), self.language)

    def text_height(self) -> float:
        return QFontMetricsF(self.text_font).height()

    def text_width(self, text: str, font: QFont | None = None) -> float:
        return QFontMetricsF(font or self.text_font).horizontalAdvance(text)

    def frame(self) -> QRectF:
        """The widget less the title above and the legend below."""
        outer = QRectF(self.rect()).adjusted(12, 8, -12, -8)
        title = self.title_rect()
        legend = self.text_height() + GAP if self.legend else 0.0
        return outer.adjusted(0, title.height() + GAP, 0, -legend)

    def title_rect(self) -> QRectF:
        width = max(1.0, self.width() - 24.0)
        flags = int(Qt.AlignmentFlag.AlignHCenter) | int(Qt.TextFlag.TextWordWrap)
        bound = QFontMetricsF(self.title_font).boundingRect(
            QRectF(0, 0, width, 1000), flags, self.title
        )
        return QRectF(12, 8, width, bound.height())

    def tooltip_at(self, point: QPointF) -> str | None:
        for tip in self.tips():
            if tip.area.contains(point):
                return tip.text
        return None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def paintEvent(self, _event: object) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QColor(INK))
        painter.setFont(self.title_font)
        flags = int(Qt.AlignmentFlag.AlignHCenter) | int(Qt.TextFlag.TextWordWrap)
        painter.drawText(self.title_rect(), flags, self.title)
        painter.setFont(self.text_font)
        try:  # a painter left active when painting fails would take the process down
            if self.has_data() and not self.paint_empty(painter):
                self.paint_plot(painter)
                self._paint_legend(painter)
        finally:
            painter.end()

    def paint_empty(self, painter: QPainter) -> bool:
        """Says there is nothing to draw, rather than an empty frame; True when it did."""
        if not self.empty_text:
            return False
        painter.setPen(QColor(INK))
        painter.drawText(self.frame(), int(Qt.AlignmentFlag.AlignCenter), self.empty_text)
        return True

    def _paint_legend(self, painter: QPainter) -> None:
        if not self.legend:
            return
        line = self.text_height()
        widths = [line * 1.6 + GAP + self.text_width(e.name) + 3 * GAP for e in self.legend]
        x = (self.width() - sum(widths)) / 2
        y = self.height() - 8 - line
        for entry, width in zip(self.legend, widths, strict=True):
            swatch = QRectF(x, y + line * 0.25, line * 1.6, line * 0.5)
            middle = swatch.center()
            if entry.look == "bar":
                painter.fillRect(swatch, QColor(entry.colour))
            else:
                style = Qt.PenStyle.DashLine if entry.look == "target" else Qt.PenStyle.SolidLine
                painter.setPen(
                    QPen(QColor(entry.colour), 2 if entry.look == "target" else 3, style)
                )
                painter.drawLine(
                    QPointF(swatch.left(), middle.y()), QPointF(swatch.right(), middle.y())
                )
            if entry.look == "line":
                painter.setBrush(QColor(entry.colour))
                painter.setPen(Qt.PenStyle.NoPen)
                painter.drawEllipse(middle, 4.0, 4.0)
                painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QColor(INK))
            text = QRectF(swatch.right() + GAP, y, width, line)
            painter.drawText(text, int(Qt.AlignmentFlag.AlignVCenter), entry.name)
            x += width

    def paint_label(
        self, painter: QPainter, area: QRectF, text: str, colour: str = INK, *, lifted: bool = False
    ) -> None:
        """A value written; `lifted`: on a white ground, so that no line crosses it."""
        if lifted and text:
            painter.fillRect(area, QColor(255, 255, 255, 220))
        painter.setPen(QColor(colour))
        painter.drawText(area, int(Qt.AlignmentFlag.AlignCenter), text)

    def paint_grid(self, painter: QPainter, lines: list[tuple[QPointF, QPointF]]) -> None:
        painter.setPen(QPen(QColor(GREY), 1))
        for start, end in lines:
            painter.drawLine(start, end)

    def paint_target(self, painter: QPainter, start: QPointF, end: QPointF) -> None:
        painter.setPen(QPen(QColor(RED), 2, Qt.PenStyle.DashLine))
        painter.drawLine(start, end)
