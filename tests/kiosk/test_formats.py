"""Figures as each language writes them (Babel's CLDR data): Vietnamese with a decimal comma and
a thousands dot, English the other way round, never a ".0"."""

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from kiosk.formats import day_text, number_text, percent_text, points_text, weekday_text

RATES = st.decimals(min_value=0, max_value=100, places=1)


def test_a_rate_reads_as_each_language_writes_it():
    assert percent_text(Decimal("7.1"), "vi") == "7,1\u00a0%"
    assert percent_text(Decimal("7.1"), "en") == "7.1\u00a0%"
    assert percent_text(Decimal("100.0"), "vi") == "100\u00a0%"
    assert percent_text(None, "vi") == "—"  # nothing to divide by is not 0 %
    assert number_text(12345, "vi") == "12.345" and number_text(12345, "en") == "12,345"
    assert (
        points_text(Decimal("5.57"), "vi") == "5,57" and points_text(Decimal("6"), "en") == "6.00"
    )


def test_a_day_and_its_weekday():
    monday = date(2026, 11, 30)
    assert day_text(monday, "vi") == "30/11/2026"
    assert day_text(monday, "en") == "Nov 30, 2026"
    assert weekday_text(monday, "vi") == "Thứ Hai"
    assert weekday_text(monday, "vi", in_sentence=True) == "thứ Hai"
    assert weekday_text(monday, "en", in_sentence=True) == "Monday"


@given(RATES)
def test_a_vietnamese_rate_never_shows_a_decimal_point_nor_a_trailing_zero(rate):
    text = percent_text(rate, "vi").removesuffix("\u00a0%")
    assert "." not in text and not text.endswith(",0")
    assert Decimal(text.replace(",", ".")) == rate


def test_a_moment_a_short_day_a_month_and_a_mean():
    from datetime import datetime

    from kiosk.formats import mean_text, moment_text, month_text, short_day_text

    at = datetime(2026, 11, 30, 9, 30)
    assert moment_text(at, "vi") == "09:30 30/11/2026"
    assert moment_text(at, "en") == "Nov 30, 2026, 09:30"
    assert moment_text(at, "vi", short=True) == "09:30 30/11"
    assert (
        short_day_text(at.date(), "vi") == "30/11" and short_day_text(at.date(), "en") == "Nov 30"
    )
    assert month_text(at.date(), "vi") == "11/2026" and month_text(at.date(), "en") == "Nov 2026"
    assert mean_text(Decimal("1.8"), "vi") == "1,8" and mean_text(Decimal("2"), "en") == "2.0"
