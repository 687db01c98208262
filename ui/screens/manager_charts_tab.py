"""The period in four charts: satisfaction day by day against its target, satisfaction by
service and by clerk, and early / on time / late by service. Each bar names how many answers
it rests on and writes its value in the reader's format."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QGridLayout, QScrollArea, QVBoxLayout, QWidget

from kiosk.formats import day_text, number_text, percent_text
from kiosk.i18n import Translator
from kiosk.reports.indicators import Tally, rate
from kiosk.reports.trends import NamedTally, PeriodTrends
from ui.widgets.bar_chart import BarChartWidget, BarRow, Segment
from ui.widgets.chart_base import BLUE, GREEN, GREY_MARK, RED, LegendEntry
from ui.widgets.day_chart import DayChartWidget, DayValue

MOST_BARS = 8


class ManagerChartsTab(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.by_day = DayChartWidget()
        self.by_service = BarChartWidget()
        self.by_clerk = BarChartWidget()
        self.timeliness = BarChartWidget()
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
        for index, chart in enumerate(self.charts()):
            grid.addWidget(chart, index // 2, index % 2)

    def charts(self) -> list[QWidget]:
        return [self.by_day, self.by_service, self.by_clerk, self.timeliness]

    def show_trends(self, trends: PeriodTrends, tr: Translator) -> None:
        language, target = tr.language, float(trends.targets.satisfaction)
        happy = tr("Satisfied or very satisfied")
        nobody = tr("No ratings in this period.")
        self.by_day.show_days(
            [DayValue(p.day, p.satisfaction_rate, p.ratings) for p in trends.by_day],
            target,
            title=(
                tr("Satisfaction on {day} (%)", day=day_text(trends.start, language))
                if trends.start == trends.end
                else tr(
                    "Satisfaction day by day, {start} – {end} (%)",
                    start=day_text(trends.start, language),
                    end=day_text(trends.end, language),
                )
            ),
            names=(happy, tr("Target {target} %", target=number_text(target, language))),
            empty_text=nobody,
            language=language,
        )
        target_entry = LegendEntry(
            tr("Target {target} %", target=number_text(target, language)), RED, "target"
        )
        for chart, title, rows in (
            (self.by_service, tr("Satisfaction by service (%)"), trends.by_service),
            (self.by_clerk, tr("Satisfaction by clerk (%)"), trends.by_clerk),
        ):
            chart.show_rows(
                [_satisfaction_row(row, language) for row in rows if row.tally.ratings][:MOST_BARS],
                title=title,
                legend=[LegendEntry(happy, BLUE), target_entry],
                target=target,
                empty_text=nobody,
                language=language,
            )
        parts = (
            (tr("Early"), GREEN, "early"),
            (tr("On time"), BLUE, "on_time"),
            (tr("Late"), RED, "late"),
            (tr("Not yet returned"), GREY_MARK, "waiting"),  # due today, so not late yet
        )
        due = [row for row in trends.by_service if row.tally.due][:MOST_BARS]
        waiting = any(_waiting(row.tally) for row in due)
        self.timeliness.show_rows(
            [_timeliness_row(row, parts, language) for row in due],
            title=tr("Early, on time and late by service"),
            legend=[
                LegendEntry(words, colour)
                for words, colour, part in parts
                if part != "waiting" or waiting
            ],
            target=None,
            empty_text=tr("No dossier was due in this period."),
            language=language,
        )


def _satisfaction_row(row: NamedTally, language: str) -> BarRow:
    value = row.tally.satisfaction_rate
    return BarRow(
        row.name,
        row.tally.ratings,
        [Segment(float(value or 0), BLUE)],
        f"{row.name}\n{percent_text(value, language)} (n={row.tally.ratings})",
    )


def _timeliness_row(
    row: NamedTally, parts: tuple[tuple[str, str, str], ...], language: str
) -> BarRow:
    tally: Tally = row.tally
    counts = {"early": tally.early, "on_time": tally.on_time, "late": tally.late}
    counts["waiting"] = _waiting(tally)
    shares = [(words, colour, rate(counts[part], tally.due)) for words, colour, part in parts]
    return BarRow(
        row.name,
        tally.due,
        [Segment(float(share or 0), colour) for _words, colour, share in shares],
        "\n".join(
            [f"{row.name} (n={tally.due})"]
            + [
                f"{words}: {percent_text(share, language)}"
                for words, _colour, share in shares
                if share
            ]
        ),
    )


def _waiting(tally: Tally) -> int:
    return tally.due - tally.early - tally.on_time - tally.late
