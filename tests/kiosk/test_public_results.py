"""This month's public results on the kiosk's start screen are the export's own figures."""

import csv
from datetime import datetime, timedelta
from decimal import Decimal

from babel.numbers import format_decimal
from hypothesis import given
from hypothesis import strategies as st

from kiosk.i18n import format_percent
from kiosk.reports.public_results import month_results
from kiosk.services.demo import seed_demo
from kiosk.services.kiosk_backend import KioskBackend
from kiosk.services.public_results import MIN_DUE_TO_SHOW, MIN_RATINGS_TO_SHOW
from tests.conftest import run_kiosk


def exported_summary(db_url, tmp_path, start, end, name):
    out = tmp_path / name
    args = ["export", "daily", "--from", start, "--to", end, "--out", str(out), "--format", "csv"]
    assert run_kiosk([*args, "--db", db_url, "--lang", "en"]) == 0
    summary = next(out.glob("1-*.csv"))
    with summary.open(encoding="utf-8-sig", newline="") as file:
        return {row[0]: row[1] for row in csv.reader(file)}


def test_the_months_results_are_what_the_export_writes_for_the_same_period(
    database, db_url, clock, tmp_path
):
    seed_demo(database.factory, clock.now)  # 23/11/2026: ratings and dossiers since 24/10
    backend = KioskBackend(
        database.factory, station="kiosk-1", clock=clock, month_results=month_results
    )
    results = backend.public_results()
    assert results is not None and results.month.isoformat() == "2026-11-01"
    assert results.satisfaction_shown and results.timeliness_shown  # the demo has enough

    # Ratings: 1st to today; appointments: 1st to yesterday (today's are still open).
    rated = exported_summary(db_url, tmp_path, "2026-11-01", "2026-11-23", "rated")
    settled = exported_summary(db_url, tmp_path, "2026-11-01", "2026-11-22", "settled")
    assert results.ratings == int(rated["Ratings"])
    assert results.satisfaction_rate == Decimal(rated["Satisfaction rate (%)"])
    assert results.due == int(settled["Dossiers due"])
    assert results.on_time_rate == Decimal(settled["On-time rate (%)"])
    assert results.early_rate == Decimal(settled["Early rate (%)"])
    assert (results.target_satisfaction, results.target_on_time, results.target_early) == (
        80,
        100,
        30,
    )


def test_below_the_floors_the_results_say_they_are_not_shown(database, clock):
    seed_demo(database.factory, clock.now - timedelta(days=31))  # all of it in October
    clock.now = datetime(2026, 11, 2, 9, 0)  # a Monday: the month has hardly begun
    with database.factory() as session:
        results = month_results(session, None, clock.now)
    assert results.ratings < MIN_RATINGS_TO_SHOW and not results.satisfaction_shown
    assert results.due < MIN_DUE_TO_SHOW and not results.timeliness_shown


def test_on_the_first_of_the_month_no_appointment_day_has_passed(database, clock):
    seed_demo(database.factory, clock.now)
    with database.factory() as session:
        results = month_results(session, None, datetime(2026, 12, 1, 10, 0))
    assert results.due == 0 and results.on_time_rate is None and not results.timeliness_shown


def test_a_backend_without_a_reader_has_no_results(database, office, clock):
    assert KioskBackend(database.factory, station="kiosk-1", clock=clock).public_results() is None


@given(st.decimals(min_value=0, max_value=100, places=1))
def test_percentages_are_written_as_vietnamese_writes_them(value):
    expected = format_decimal(value, locale="vi_VN", format="#,##0.#")
    assert format_percent(value, "vi") == f"{expected}\u00a0%"
    assert "." not in format_percent(value, "vi") and not format_percent(value, "vi").endswith(
        ",0\u00a0%"
    )


def test_whole_percentages_have_no_decimals():
    assert format_percent(Decimal("100.0"), "vi") == "100\u00a0%"
    assert format_percent(Decimal("87.5"), "vi") == "87,5\u00a0%"
    assert format_percent(Decimal("87.5"), "en") == "87.5\u00a0%"
