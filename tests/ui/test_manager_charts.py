"""The manager's charts as a reader sees them: 100 % inside the plot with its label, round and
evenly spaced ticks, a single day drawn as a bar, a 0 % bar that is seen and says "0 %",
service names cut only between words with the whole name on hover, Vietnamese numbers."""

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import QEvent, QPointF
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from kiosk.answers import RatingInput, Satisfaction
from kiosk.services.ratings import RatingService
from tests.ui.manager_windows import shown_manager_window
from ui.widgets.bar_chart import BarChartWidget, BarRow, Segment, fit_name
from ui.widgets.chart_base import BLUE
from ui.widgets.day_chart import DayChartWidget, DayValue

MONDAY = date(2026, 11, 23)
LONG_NAME = "Cấp bản sao trích lục hộ tịch, xác nhận thông tin hộ tịch đã đăng ký"
SIZES = [(460, 380), (640, 380), (900, 480)]  # a chart's share of 1366×768 and 1920×1080


def day_chart(qtbot, rates, size=(640, 380), start=MONDAY - timedelta(days=6)):
    chart = DayChartWidget()
    qtbot.addWidget(chart)
    chart.resize(*size)
    days = [
        DayValue(
            start + timedelta(days=i), None if r is None else Decimal(r), 0 if r is None else 4
        )
        for i, r in enumerate(rates)
    ]
    chart.show_days(
        days,
        80.0,
        title="Mức độ hài lòng theo ngày",
        names=("Hài lòng hoặc rất hài lòng", "Chỉ tiêu 80 %"),
        empty_text="Không có đánh giá trong kỳ này.",
        language="vi",
    )
    return chart


def bar_chart(qtbot, rows, size=(640, 380), language="vi"):
    chart = BarChartWidget()
    qtbot.addWidget(chart)
    chart.resize(*size)
    chart.show_rows(
        [BarRow(name, n, [Segment(value, BLUE)], f"{name} (n={n})") for name, n, value in rows],
        title="Mức độ hài lòng theo thủ tục (%)",
        legend=[],
        target=80.0,
        empty_text="",
        language=language,
    )
    return chart


@pytest.mark.parametrize("size", SIZES)
def test_a_day_at_100_percent_keeps_its_point_and_its_label_inside_the_plot(qtbot, size):
    chart = day_chart(qtbot, [100, None, 50, 100, 87.5, None, 100], size)
    plot = chart.plot_rect()
    full = [mark for mark in chart.marks() if mark.value == 100]
    assert len(full) == 3
    for mark in full:
        assert plot.contains(mark.area), (mark.area, plot)
        assert mark.label == "100\u00a0%" and plot.contains(mark.label_area)
    assert chart.y_of(100) > plot.top()  # headroom above the 100 % line


@pytest.mark.parametrize("size", SIZES)
def test_a_full_bar_keeps_its_value_inside_the_chart(qtbot, size):
    chart = bar_chart(qtbot, [("Đăng ký kết hôn", 3, 100.0), ("Đăng ký khai sinh", 6, 66.7)], size)
    [full, other] = chart.drawings()
    [(text, area)] = full.labels
    assert text == "100\u00a0%" and chart.plot_rect().contains(area)
    assert other.labels[0][0] == "66,7\u00a0%"  # a decimal comma in Vietnamese


def test_the_value_ticks_are_round_and_evenly_spaced(qtbot):
    chart = day_chart(qtbot, [90, 80, 70, 60, 50, 40, 30])
    ys = [chart.y_of(tick) for tick in (0, 20, 40, 60, 80, 100)]
    gaps = {round(a - b, 6) for a, b in zip(ys, ys[1:], strict=False)}
    assert len(gaps) == 1


def test_a_week_has_a_tick_every_day_evenly_spaced_in_the_readers_format(qtbot):
    chart = day_chart(qtbot, [90, 80, 70, 60, 50, 40, 30])
    ticks = chart.ticks()
    assert [label for _x, label in ticks] == [
        "17/11", "18/11", "19/11", "20/11", "21/11", "22/11", "23/11"
    ]  # fmt: skip
    assert len({round(b[0] - a[0], 6) for a, b in zip(ticks, ticks[1:], strict=False)}) == 1


@pytest.mark.parametrize("width", [460, 900])
def test_a_month_has_evenly_spaced_ticks_with_no_jump(qtbot, width):
    start = date(2026, 11, 1)
    chart = day_chart(qtbot, [90 if i % 3 else None for i in range(30)], (width, 380), start)
    ticks = chart.ticks()
    assert len(ticks) >= 4
    gaps = {round(b[0] - a[0], 6) for a, b in zip(ticks, ticks[1:], strict=False)}
    assert len(gaps) == 1  # never 13/11 → 18/11 beside 18/11 → 20/11
    labels = [label for _x, label in ticks]
    assert all(label.endswith("/11") for label in labels)


@pytest.mark.parametrize("rates", [[50], [None, None, 75, None, None, None, None]])
def test_one_day_or_one_rated_day_is_drawn_as_a_bar_not_a_dot(qtbot, rates):
    chart = day_chart(qtbot, rates)
    assert chart.as_bars
    [mark] = chart.marks()
    assert mark.area.height() > chart.y_of(0) - chart.y_of(mark.value) - 1  # from the baseline
    assert mark.area.width() > 20 and mark.label.endswith("%")


def test_a_day_at_0_percent_shows_a_mark_and_says_0(qtbot):
    chart = day_chart(qtbot, [0])
    [mark] = chart.marks()
    assert mark.area.height() >= 3 and mark.label == "0\u00a0%"
    assert chart.plot_rect().contains(mark.label_area)


def test_a_service_at_0_percent_shows_a_mark_and_says_0(qtbot):
    chart = bar_chart(qtbot, [("Đăng ký khai sinh", 6, 66.7), ("Đăng ký khai tử", 1, 0.0)])
    zero = chart.drawings()[1]
    [bar] = zero.bars
    assert bar.width() >= 3 and bar.height() > 10  # a mark at the baseline, seen
    [(text, area)] = zero.labels
    assert text == "0\u00a0%" and area.left() >= bar.right()
    assert zero.name_lines == ["Đăng ký khai tử (n=1)"]


def test_every_service_bar_writes_its_value_in_the_readers_language(qtbot):
    chart = bar_chart(qtbot, [("Birth registration", 6, 66.7)], language="en")
    assert chart.drawings()[0].labels[0][0] == "66.7\u00a0%"


def test_a_long_service_name_wraps_between_words_and_its_tooltip_has_it_whole(qtbot):
    chart = bar_chart(qtbot, [(LONG_NAME, 12, 93.3)], (460, 380))
    [drawing] = chart.drawings()
    assert len(drawing.name_lines) > 1
    words = set(LONG_NAME.split())
    for line in drawing.name_lines:
        assert set(line.removesuffix("(n=12)").split()) <= words  # no word cut in two
    assert drawing.name_lines[-1].endswith("(n=12)")
    point = drawing.name_area.center()
    assert chart.tooltip_at(point) == f"{LONG_NAME} (n=12)"
    chart.show()
    QApplication.sendEvent(
        chart,
        QHelpEvent(QEvent.Type.ToolTip, point.toPoint(), chart.mapToGlobal(point.toPoint())),
    )
    assert QToolTip.text() == f"{LONG_NAME} (n=12)"
    QToolTip.hideText()


def test_a_name_too_long_for_its_row_ends_after_a_whole_word_with_an_ellipsis(qtbot):
    rows = [(f"{LONG_NAME} {i}", 10 + i, 90.0) for i in range(8)]
    chart = bar_chart(qtbot, rows, (460, 380))
    for drawing in chart.drawings():
        last = drawing.name_lines[-1]
        assert last.endswith(")") and "(n=" in last  # the count always shows
        if "…" in last:
            before = last.split("…")[0].split()
            assert not before or before[-1] in LONG_NAME.split()


def test_fit_name_never_cuts_a_word():
    words = "Chứng thực bản sao từ bản chính".split()
    assert fit_name(words, "(n=3)", 16, 2, len) == ["Chứng thực bản", "sao từ… (n=3)"]
    assert fit_name(words, "(n=3)", 100, 2, len) == ["Chứng thực bản sao từ bản chính (n=3)"]
    assert fit_name(["Đăng", "ký"], "(n=1)", 3, 1, len) == ["… (n=1)"]


# -- the tab on a station ----------------------------------------------------------------------


@pytest.fixture
def window(qtbot, database, manager, clock, tmp_path):
    ratings = RatingService(database.factory, station="kiosk-1", clock=clock)
    # Friday 20/11 two very satisfied; Monday 23/11 two of three satisfied.
    for moment, satisfaction in (
        (datetime(2026, 11, 20, 9, 0), Satisfaction.VERY_SATISFIED),
        (datetime(2026, 11, 20, 9, 5), Satisfaction.VERY_SATISFIED),
        (datetime(2026, 11, 23, 9, 0), Satisfaction.SATISFIED),
        (datetime(2026, 11, 23, 9, 5), Satisfaction.DISSATISFIED),
        (datetime(2026, 11, 23, 9, 10), Satisfaction.VERY_SATISFIED),
    ):
        clock.now = moment
        ratings.record(RatingInput(satisfaction, service_code="HT-KS"))
    win = shown_manager_window(qtbot, database, clock, tmp_path)
    with qtbot.waitSignal(win.refreshed), qtbot.waitSignal(win.period_shown):
        win.sign_in(0, "9999")
    return win


def test_today_on_the_desk_is_a_bar_with_its_value_in_vietnamese(qtbot, window):
    charts = window.desk.charts
    assert window.desk.period == (MONDAY, MONDAY)
    assert charts.by_day.title == "Mức độ hài lòng ngày 23/11/2026 (%)"
    assert charts.by_day.as_bars
    [mark] = charts.by_day.marks()
    assert mark.label == "66,7\u00a0%"
    assert charts.by_day.plot_rect().contains(mark.label_area)
    [service] = charts.by_service.drawings()
    assert service.name_lines == ["Đăng ký khai sinh (n=3)"]
    assert service.labels[0][0] == "66,7\u00a0%"


def test_a_week_on_the_desk_draws_a_line_with_100_percent_inside(qtbot, window):
    with qtbot.waitSignal(window.period_shown):
        window.desk.choose_preset("7")
    chart = window.desk.charts.by_day
    assert not chart.as_bars
    marks = chart.marks()
    assert [(m.day, m.label) for m in marks] == [
        (date(2026, 11, 20), "100\u00a0%"),
        (date(2026, 11, 23), "66,7\u00a0%"),
    ]
    assert chart.plot_rect().contains(marks[0].area)
    assert chart.plot_rect().contains(marks[0].label_area)
    assert "17/11/2026" in chart.title
    assert (
        chart.tooltip_at(QPointF(chart.x_of(3), chart.y_of(50))) == "20/11/2026: 100\u00a0% (n=2)"
    )


def test_a_period_nobody_rated_says_so_instead_of_an_empty_frame(qtbot):
    chart = day_chart(qtbot, [None, None])
    assert chart.empty_text == "Không có đánh giá trong kỳ này." and chart.marks() == []
    chart.show()
    assert not chart.grab().isNull()  # painting an empty period does not fail


def test_shares_are_laid_end_to_end_with_each_value_written_where_it_fits(qtbot):
    chart = BarChartWidget()
    qtbot.addWidget(chart)
    chart.resize(640, 380)
    shares = [Segment(27.8, "#1b7a3a"), Segment(61.1, BLUE), Segment(5.6, "#8a1c00")]
    chart.show_rows(
        [BarRow(LONG_NAME, 18, shares, f"{LONG_NAME} (n=18)\nTrước hạn: 27,8 %")],
        title="Trước hạn, đúng hạn và quá hạn theo thủ tục",
        legend=[],
        target=None,
        empty_text="",
        language="vi",
    )
    [drawing] = chart.drawings()
    early, on_time, late = drawing.bars
    assert early.right() == pytest.approx(on_time.left()) and on_time.right() == late.left()
    assert [text for text, _area in drawing.labels] == ["27,8\u00a0%", "61,1\u00a0%", ""]
    assert chart.tooltip_at(late.center()).startswith(LONG_NAME)  # the small share on hover
