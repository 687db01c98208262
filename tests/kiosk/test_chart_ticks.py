"""A chart's date ticks: evenly spaced days, weeks or months, never more than fit, written as
the reader's language writes a day or a month."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from kiosk.formats import month_text, short_day_text
from kiosk.reports.trends import date_ticks

STARTS = st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31))


def test_a_week_gets_every_day_and_a_month_its_mondays():
    start = date(2026, 11, 1)
    week = date_ticks(date(2026, 11, 24), date(2026, 11, 30), 8)
    assert week == [date(2026, 11, 24) + timedelta(days=i) for i in range(7)]
    assert date_ticks(start, date(2026, 11, 30), 6) == [
        date(2026, 11, 2), date(2026, 11, 9), date(2026, 11, 16), date(2026, 11, 23),
        date(2026, 11, 30),
    ]  # fmt: skip
    assert date_ticks(start, start, 8) == [start]


def test_a_year_gets_its_months_or_its_quarters():
    year = date_ticks(date(2026, 1, 1), date(2026, 11, 30), 12)
    assert year == [date(2026, month, 1) for month in range(1, 12)]
    assert date_ticks(date(2026, 1, 1), date(2026, 11, 30), 6) == [
        date(2026, 1, 1), date(2026, 4, 1), date(2026, 7, 1), date(2026, 10, 1)
    ]  # fmt: skip


@given(STARTS, st.integers(min_value=0, max_value=120), st.integers(min_value=3, max_value=20))
def test_day_ticks_are_evenly_spaced_inside_the_period_and_never_too_many(start, days, most):
    end = start + timedelta(days=days)
    ticks = date_ticks(start, end, most)
    assert ticks and all(start <= tick <= end for tick in ticks)
    assert len(ticks) <= most
    steps = {(b - a).days for a, b in zip(ticks, ticks[1:], strict=False)}
    assert len(steps) <= 1 or all(28 <= step <= 92 for step in steps)  # days, or months


def test_a_tick_reads_as_each_language_writes_a_day_or_a_month():
    day = date(2026, 11, 13)
    assert short_day_text(day, "vi") == "13/11" and short_day_text(day, "en") == "Nov 13"
    assert month_text(day, "vi") == "11/2026" and month_text(day, "en") == "Nov 2026"
