"""The report's chart: satisfaction by service, for the services rated most in the period.

Drawn from shapes rather than a chart widget, for three things a reader needs: a 0 % bar is seen
(a mark on the baseline and its value written), each bar says its value, and a service's name
wraps at a space onto a second line, never cut in the middle of a word."""

from __future__ import annotations

from collections.abc import Mapping

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics

from kiosk.db.models import Service
from kiosk.formats import number_text, percent_text
from kiosk.i18n import N_, Translator
from kiosk.printing.pdf_slip import BOLD, REGULAR
from kiosk.reports.indicators import PeriodReport
from kiosk.reports.pdf_styles import FRAME_WIDTH

CHART_SERVICES = 8
LABEL_SIZE = 7.5
ROW = 22.0  # two lines of a name
LABEL_WIDTH = 66 * mm
VALUE_ROOM = 14 * mm  # right of the bars, for "100 %"
BAR = colors.HexColor("#0b3d91")
ZERO_MARK = 2.0


def label_lines(name: str, count: str, width: float, size: float = LABEL_SIZE) -> list[str]:
    """ "name (n=…)" on at most two lines, broken at spaces; a longer name ends its second line
    with "…" after a whole word, and the count is always kept."""
    lines = simpleSplit(f"{name} {count}", REGULAR, size, width)
    if len(lines) <= 2:
        return list(lines)
    first = simpleSplit(name, REGULAR, size, width)[0]
    second = ""
    for word in name.split()[len(first.split()) :]:
        trial = f"{second} {word}".strip()
        if pdfmetrics.stringWidth(f"{trial} … {count}", REGULAR, size) > width:
            break
        second = trial
    return [first, f"{second} … {count}".strip()]


def service_chart(report: PeriodReport, services: Mapping[int, Service], tr: Translator) -> Drawing:
    rated = sorted(
        ((t.ratings, sid, t) for sid, t in report.by_service.items() if t.ratings), reverse=True
    )[:CHART_SERVICES]
    plot_x = LABEL_WIDTH + 3 * mm
    plot_width = FRAME_WIDTH - plot_x - VALUE_ROOM
    axis_room = 14.0
    height = axis_room + ROW * max(1, len(rated)) + 18
    drawing = Drawing(FRAME_WIDTH, height)
    title = tr(N_("Satisfaction rate (%) by service (number of ratings)"))
    drawing.add(String(0, height - 10, title, fontName=BOLD, fontSize=10))
    if not rated:
        text = tr("No ratings in this period.")
        drawing.add(String(0, height - 28, text, fontName=REGULAR, fontSize=9))
        return drawing
    top = height - 18
    bottom = axis_room
    for step in range(0, 101, 20):
        x = plot_x + plot_width * step / 100
        drawing.add(
            Line(x, bottom, x, top, strokeColor=colors.HexColor("#dddddd"), strokeWidth=0.4)
        )
        tick = percent_text(step, tr.language)
        drawing.add(String(x, bottom - 9, tick, fontName=REGULAR, fontSize=7, textAnchor="middle"))
    drawing.add(Line(plot_x, bottom, plot_x, top, strokeColor=colors.black, strokeWidth=0.6))
    for row, (count, sid, tally) in enumerate(rated):
        service = services[sid]
        name = service.name_vi if tr.language == "vi" else service.name_en
        centre = top - ROW * row - ROW / 2
        lines = label_lines(name, f"(n={number_text(count, tr.language)})", LABEL_WIDTH)
        first = centre + (LABEL_SIZE * 0.6 if len(lines) == 2 else -LABEL_SIZE * 0.35)
        for index, line in enumerate(lines):
            drawing.add(
                String(
                    LABEL_WIDTH,
                    first - index * LABEL_SIZE * 1.2,
                    line,
                    fontName=REGULAR,
                    fontSize=LABEL_SIZE,
                    textAnchor="end",
                )
            )
        value = tally.satisfaction_rate or 0
        width = plot_width * float(value) / 100
        drawing.add(
            Rect(plot_x, centre - 6, max(width, ZERO_MARK), 12, fillColor=BAR, strokeColor=None)
        )
        drawing.add(
            String(
                plot_x + max(width, ZERO_MARK) + 3,
                centre - 3,
                percent_text(value, tr.language),
                fontName=BOLD,
                fontSize=7.5,
            )
        )
    return drawing
