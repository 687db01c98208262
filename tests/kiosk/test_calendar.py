from datetime import date, datetime, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.calendar import WorkingCalendar

calendar = WorkingCalendar()
TEN_YEARS = st.datetimes(min_value=datetime(2021, 1, 1), max_value=datetime(2030, 12, 31, 23, 59))


def test_three_day_service_skips_reunification_and_labour_day():
    # Tue 28/4/2026: Wed 29 is day 1, 30/4 and 1/5 are holidays, then the weekend.
    assert calendar.due_date(datetime(2026, 4, 28, 10, 0), 3) == date(2026, 5, 5)


def test_same_day_service_after_cutoff_skips_vietnam_cultural_day():
    assert calendar.due_date(datetime(2026, 11, 23, 16, 0), 0) == date(2026, 11, 25)


def test_same_day_service_before_cutoff_is_due_that_day():
    assert calendar.due_date(datetime(2026, 11, 23, 14, 59), 0) == date(2026, 11, 23)


def test_receipt_on_saturday_counts_from_monday_without_cutoff():
    saturday_evening = datetime(2026, 11, 28, 18, 0)
    assert calendar.due_date(saturday_evening, 0) == date(2026, 11, 30)
    assert calendar.due_date(saturday_evening, 1) == date(2026, 12, 1)


def test_lunar_new_year_week_is_not_worked():
    # Tết 2027: 4–10 February are public holidays.
    assert calendar.due_date(datetime(2027, 2, 3, 9, 0), 1) == date(2027, 2, 11)


def test_substitute_day_off_is_skipped():
    # Monday 31/8/2026 is a declared substitute day before National Day.
    assert not calendar.is_working_day(date(2026, 8, 31))
    assert calendar.due_date(datetime(2026, 8, 28, 9, 0), 1) == date(2026, 9, 3)


def test_office_day_off_and_cutoff_come_from_the_office():
    office = WorkingCalendar(extra_days_off=[date(2026, 11, 25)], cutoff=time(16, 30))
    assert office.due_date(datetime(2026, 11, 23, 16, 0), 0) == date(2026, 11, 23)
    assert office.due_date(datetime(2026, 11, 23, 16, 45), 0) == date(2026, 11, 26)


@settings(max_examples=300, deadline=None)
@given(received=TEN_YEARS, days=st.integers(min_value=0, max_value=30))
def test_appointment_is_a_working_day_not_before_receipt(received, days):
    due = calendar.due_date(received, days)
    assert calendar.is_working_day(due)
    assert due >= received.date()
    if days > 0:
        assert calendar.working_days_between(received.date(), due) >= days


@settings(max_examples=300, deadline=None)
@given(received=TEN_YEARS, days=st.integers(min_value=0, max_value=29))
def test_appointment_is_monotone_in_processing_time(received, days):
    assert calendar.due_date(received, days) <= calendar.due_date(received, days + 1)


@settings(max_examples=200, deadline=None)
@given(received=TEN_YEARS, days=st.integers(min_value=0, max_value=10))
def test_later_receipt_is_never_due_earlier(received, days):
    later = received + timedelta(hours=5)
    assert calendar.due_date(received, days) <= calendar.due_date(later, days)
