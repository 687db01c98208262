"""Horizontal bars on a 0–100 % scale, one row per service or clerk: a rate with its value
written after the bar (a 0 % bar leaves a mark at the baseline and says "0 %"), or shares laid
end to end (early, on time, late) with each value written inside when it fits. Names wrap at
word boundaries and, when they still do not fit, end with "…" after a whole word; the count
they rest on (n=) always shows, and the whole name is on hover."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from ui.widgets.chart_base import GAP, INK, PERCENT_TICKS, ChartWidget, LegendEntry, Tip

BASELINE = 3.0  # the width of the mark a 0 % bar leaves, so that it is seen
MOST_THICKNESS = 30.0
MOST_NAME_LINES = 3
NAME_SHARE = 0.4  # of the chart's width, at most, for the names


@dataclass(frozen=True)
class Segment:
    value: float  # a percentage
    colour: str


@dataclass(frozen=True)
class BarRow:
    name: str
    count: int
    segments: list[Segment]  # one rate, or shares laid end to end
    tip: str  # the whole name with its figures, on hover


@dataclass(frozen=True)
class RowDrawing:
    name_lines: list[str]
    name_area: QRectF
    bars: list[QRectF]  # one a segment
    labels: list[tuple[str, QRectF]]  # the values written


def fit_name(
    words: list[str], suffix: str, width: float, most_lines: int, measure: Callable[[str], float]
) -> list[str]:
    """The name's words in lines no wider than `width`, the suffix (n=) last; when the lines
    run out, the last one ends after a whole word with "…" and still carries the suffix."""
    lines: list[str] = []
    for word in [*words, suffix]:
        if lines and measure(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    if len(lines) <= most_lines:
        return lines
    kept = lines[: most_lines - 1]
    placed = sum(len(line.split()) for line in kept)
    last: list[str] = []
    for word in words[placed:]:
        if measure(" ".join([*last, word]) + f"… {suffix}") > width:
            break
        last.append(word)
    return [*kept, (" ".join(last) + "…" if last else "…") + f" {suffix}"]


class BarChartWidget(ChartWidget):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[BarRow] = []
        self.target: float | None = None

    def show_rows(
        self,
        rows: list[BarRow],
        *,
        title: str,
        legend: list[LegendEntry],
        target: float | None,
        empty_text: str,
        language: str,
    ) -> None:
        self.rows, self.target, self.title, self.language = rows, target, title, language
        self.setAccessibleName(title)  # a screen reader names the chart as it is titled
        self.legend, self.empty_text = legend, "" if rows else empty_text
        self.update()

    @property
    def stacked(self) -> bool:
        return any(len(row.segments) > 1 for row in self.rows)

    # -- geometry ------------------------------------------------------------------------------

    def _names_width(self) -> float:
        widest = max((self.text_width(f"{r.name} (n={r.count})") for r in self.rows), default=0)
        return max(80.0, min(self.frame().width() * NAME_SHARE, widest + GAP))

    def plot_rect(self) -> QRectF:
        frame, names = self.frame(), self._names_width()
        return QRectF(
            frame.left() + names + GAP,
            frame.top(),
            max(1.0, frame.width() - names - GAP),
            max(1.0, frame.height() - self.text_height() - GAP),
        )

    def x_of(self, value: float) -> float:
        plot = self.plot_rect()
        # room after 100 % for the value written after a full bar, or half a tick label
        room = self.text_width(self.percent(100), self.bold_font) + 2 * GAP
        if self.stacked:
            room = self.text_width(self.percent(100)) / 2 + GAP
        left = plot.left() + GAP
        return left + (plot.right() - room - left) * value / 100

    def drawings(self) -> list[RowDrawing]:
        plot, frame = self.plot_rect(), self.frame()
        row_height = plot.height() / max(1, len(self.rows))
        thickness = min(row_height * 0.6, MOST_THICKNESS)
        line = self.text_height()
        most_lines = max(1, min(MOST_NAME_LINES, int(row_height // line)))
        width = plot.left() - frame.left() - GAP
        drawings = []
        for index, row in enumerate(self.rows):
            middle = plot.top() + (index + 0.5) * row_height
            lines = fit_name(
                row.name.split(), f"(n={row.count})", width, most_lines, self.text_width
            )
            names = QRectF(frame.left(), middle - len(lines) * line / 2, width, len(lines) * line)
            bars, labels, done = [], [], 0.0
            for segment in row.segments:
                start, done = self.x_of(done), done + segment.value
                bars.append(
                    QRectF(start, middle - thickness / 2, self.x_of(done) - start, thickness)
                )
            if self.stacked:
                for segment, bar in zip(row.segments, bars, strict=True):
                    text = self.percent(segment.value)
                    fits = bar.width() >= self.text_width(text, self.bold_font) + 4
                    labels.append((text if fits else "", bar))
            else:
                [segment], [bar] = row.segments, bars
                if bar.width() < BASELINE:  # 0 %: a mark at the baseline, still seen
                    bar = QRectF(bar.left(), bar.top(), BASELINE, bar.height())
                    bars = [bar]
                text = self.percent(segment.value)
                area = QRectF(
                    bar.right() + GAP,
                    middle - line / 2,
                    self.text_width(text, self.bold_font) + 2,
                    line,
                )
                labels.append((text, area))
            drawings.append(RowDrawing(lines, names, bars, labels))
        return drawings

    def tips(self) -> list[Tip]:
        plot, frame = self.plot_rect(), self.frame()
        row_height = plot.height() / max(1, len(self.rows))
        return [
            Tip(
                QRectF(frame.left(), plot.top() + i * row_height, frame.width(), row_height),
                row.tip,
            )
            for i, row in enumerate(self.rows)
        ]

    # -- painting ------------------------------------------------------------------------------

    def has_data(self) -> bool:
        return bool(self.rows or self.empty_text)

    def paint_plot(self, painter: QPainter) -> None:
        plot, line = self.plot_rect(), self.text_height()
        self.paint_grid(
            painter,
            [
                (QPointF(self.x_of(t), plot.top()), QPointF(self.x_of(t), plot.bottom()))
                for t in PERCENT_TICKS
            ],
        )
        for tick in PERCENT_TICKS:
            text = self.percent(tick)
            width = self.text_width(text) + 4
            self.paint_label(
                painter,
                QRectF(self.x_of(tick) - width / 2, plot.bottom() + GAP / 2, width, line),
                text,
            )
        painter.setPen(QPen(QColor(INK), 1))
        painter.drawLine(QPointF(self.x_of(0), plot.top()), QPointF(self.x_of(0), plot.bottom()))
        drawings = self.drawings()
        for row, drawing in zip(self.rows, drawings, strict=True):
            painter.setPen(QColor(INK))
            painter.drawText(
                drawing.name_area,
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                "\n".join(drawing.name_lines),
            )
            for segment, bar in zip(row.segments, drawing.bars, strict=True):
                painter.fillRect(bar, QColor(segment.colour))
        if self.target is not None:
            x = self.x_of(self.target)
            self.paint_target(painter, QPointF(x, plot.top()), QPointF(x, plot.bottom()))
        painter.setFont(self.bold_font)
        for drawing in drawings:
            for text, area in drawing.labels:
                if self.stacked:  # written inside its own segment
                    self.paint_label(painter, area, text, "white")
                else:
                    self.paint_label(painter, area, text, lifted=True)
        painter.setFont(self.text_font)
