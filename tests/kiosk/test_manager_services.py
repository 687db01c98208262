from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from kiosk.answers import RatingChannel, RatingInput, Satisfaction
from kiosk.db.models import AuditEvent, Rating
from kiosk.errors import ConflictError
from kiosk.services.alerts import AlertService
from kiosk.services.comments import CommentService
from kiosk.services.dossiers import DossierService
from kiosk.services.ratings import RatingService


def rate(database, clock, satisfaction, comment=None, **extra):
    return RatingService(database.factory, station="kiosk-1", clock=clock).record(
        RatingInput(satisfaction, service_code="HT-KS", comment=comment, **extra)
    )


def test_comments_follow_the_chosen_period(database, office, clock):
    """The desk's "today" lists today's comments only, not those of a week ago."""
    rate(database, clock, Satisfaction.DISSATISFIED, "Tuần trước chờ lâu")
    clock.now += timedelta(days=7)
    rate(database, clock, Satisfaction.SATISFIED, "Hôm nay nhanh")
    comments = CommentService(database.factory, station="manager", clock=clock)
    today = clock.now.date()
    assert [c.comment for c in comments.list(period=(today, today))] == ["Hôm nay nhanh"]
    week = (today - timedelta(days=7), today)
    assert [c.comment for c in comments.list(period=week)] == [
        "Hôm nay nhanh",
        "Tuần trước chờ lâu",
    ]


def test_comments_newest_first_and_followed_up_once_without_touching_the_rating(
    database, office, clock
):
    first = rate(database, clock, Satisfaction.DISSATISFIED, "Chờ lâu quá")
    clock.now += timedelta(minutes=5)
    rate(database, clock, Satisfaction.VERY_SATISFIED, "Rất tốt")
    rate(database, clock, Satisfaction.SATISFIED)  # no comment: not listed
    comments = CommentService(database.factory, station="manager", clock=clock)
    assert [c.comment for c in comments.list()] == ["Rất tốt", "Chờ lâu quá"]
    assert [c.comment for c in comments.list(unhappy_only=True)] == ["Chờ lâu quá"]
    with database.factory() as session:
        before = session.get(Rating, first.id).hash
    comments.follow_up(first.id, "Đã gọi điện xin lỗi", clerk_id=1)
    with pytest.raises(ConflictError):
        comments.follow_up(first.id, "lần hai", clerk_id=1)
    [followed] = [c for c in comments.list() if c.rating_id == first.id]
    assert followed.follow_up_note == "Đã gọi điện xin lỗi"
    assert [c.comment for c in comments.list(open_only=True)] == ["Rất tốt"]
    with database.factory() as session:
        assert session.get(Rating, first.id).hash == before  # the rating is untouched
        assert session.scalar(select(AuditEvent).where(AuditEvent.action == "comment.follow_up"))


def test_unhappy_burst_alert_needs_half_of_at_least_four_in_fifteen_minutes(
    database, office, clock
):
    alerts = AlertService(database.factory, station="manager", clock=clock)
    for satisfaction in (
        Satisfaction.DISSATISFIED,
        Satisfaction.DISSATISFIED,
        Satisfaction.SATISFIED,
    ):
        clock.now += timedelta(minutes=1)
        rate(database, clock, satisfaction)
    assert [a.kind for a in alerts.current()] == []  # only three ratings
    clock.now += timedelta(minutes=1)
    rate(database, clock, Satisfaction.VERY_SATISFIED, channel=RatingChannel.KIOSK)
    [burst] = alerts.current()
    assert burst.kind == "unhappy_burst" and burst.params["unhappy"] == 2
    alerts.current()
    with database.factory() as session:  # logged once, not at every look
        logged = session.scalars(select(AuditEvent).where(AuditEvent.action == "alert")).all()
    assert len(logged) == 1
    clock.now += timedelta(minutes=15)
    assert alerts.current() == []


def test_dossier_due_next_working_day_and_still_out_raises_an_alert(database, office, clock):
    clock.now = datetime(2026, 11, 23, 9, 0)  # Monday; Tuesday 24/11 is a holiday
    dossiers = DossierService(database.factory, station="clerk-1", clock=clock)
    with clock.at(datetime(2026, 11, 23, 16, 0)):
        dossiers.register("HT-KS", clerk_id=1)  # due 25/11
    [alert] = AlertService(database.factory, station="manager", clock=clock).current()
    assert alert.kind == "due_next_day" and alert.params == {"count": 1, "day": "25/11"}


def test_a_kiosk_silent_during_opening_hours_raises_an_alert(database, office, clock):
    from kiosk.services.stations import StationService

    clock.now = datetime(2026, 11, 23, 8, 0)  # Monday, the office opened at 7:30
    StationService(database.factory, station="kiosk-sanh", clock=clock).report_contact("kiosk")
    StationService(database.factory, station="manager", clock=clock).report_contact("manager")
    alerts = AlertService(database.factory, station="manager", clock=clock)
    clock.now = datetime(2026, 11, 23, 8, 9)
    assert alerts.current() == []  # nine minutes is not yet silence
    clock.now = datetime(2026, 11, 23, 9, 30)
    [silent] = alerts.current()  # the manager's own station is not a kiosk
    assert silent.params == {"station": "kiosk-sanh", "since": "08:00 23/11"}
    clock.now = datetime(2026, 11, 23, 18, 0)
    assert alerts.current() == []  # the office is closed: a kiosk switched off is no news
    clock.now = datetime(2026, 11, 24, 9, 30)
    assert alerts.current() == []  # 24/11 is a public holiday
    clock.now = datetime(2026, 11, 25, 9, 30)
    StationService(database.factory, station="kiosk-sanh", clock=clock).report_contact("kiosk")
    assert alerts.current() == []  # heard from again


def test_the_day_at_a_glance_counts_due_overdue_and_due_next(database, office, clock):
    from kiosk.reports.glance import day_glance

    clock.now = datetime(2026, 11, 23, 9, 30)  # Monday; Tuesday 24/11 is a holiday
    dossiers = DossierService(database.factory, station="clerk-1", clock=clock)

    def dossier(received, returned=None):
        with clock.at(received):
            code = dossiers.register("HT-KS", clerk_id=1).code
        if returned:
            with clock.at(returned):
                dossiers.return_result(code, clerk_id=1)

    dossier(datetime(2026, 11, 20, 8, 0))  # due Friday 20/11, still out: overdue
    dossier(datetime(2026, 11, 23, 8, 0), datetime(2026, 11, 23, 9, 0))  # due today, returned
    dossier(datetime(2026, 11, 23, 8, 10))  # due today, still out
    dossier(datetime(2026, 11, 23, 16, 0))  # after the cut-off: due Wednesday 25/11
    with database.factory() as session:
        glance = day_glance(session, None, clock.now)
    assert (glance.received, glance.returned) == (3, 1)
    assert (glance.due_today, glance.due_today_open) == (2, 1)
    assert glance.overdue == 1
    assert (glance.due_next, f"{glance.next_working_day:%d/%m}") == (1, "25/11")
    assert glance.unit.on_time_rate == Decimal("50.0")  # 1 of the 2 due today is back
    assert glance.targets.satisfaction == Decimal(80)


def test_targets_are_set_once_for_the_office_and_reach_the_reports(
    db_url, office, capsys, tmp_path
):
    from tests.conftest import run_kiosk

    args = ["office", "targets", "--satisfaction", "90", "--early", "40", "--db", db_url]
    assert run_kiosk(args) == 0
    assert "90 %" in capsys.readouterr().out
    assert run_kiosk(["office", "targets", "--on-time", "120", "--db", db_url]) != 0
    assert "0 đến 100" in capsys.readouterr().err
    out = tmp_path / "day.xlsx"
    export = ["export", "daily", "--date", "23/11/2026", "--out", str(out), "--db", db_url]
    assert run_kiosk(export) == 0
    from openpyxl import load_workbook

    rows = {r[0]: r[2] for r in load_workbook(out)["Tổng hợp"].iter_rows(values_only=True)}
    assert (rows["Tỷ lệ hài lòng (%)"], rows["Tỷ lệ đúng hạn (%)"]) == (90, 100)
    assert rows["Tỷ lệ trước hạn (%)"] == 40


def test_a_kiosk_is_recorded_with_its_last_contact_when_it_starts(database, office, clock):
    from kiosk.db.models import Station
    from kiosk.services.kiosk_backend import KioskBackend

    KioskBackend(database.factory, station="kiosk-sanh", clock=clock).start()
    clock.now += timedelta(minutes=3)
    KioskBackend(database.factory, station="kiosk-sanh", clock=clock).report_contact()
    with database.factory() as session:
        station = session.get(Station, "kiosk-sanh")
    assert (station.kind, station.last_contact_at - station.first_contact_at) == (
        "kiosk",
        timedelta(minutes=3),
    )


def test_gaming_signals_fast_ratings_and_happy_bursts_name_the_kiosk_and_clerk(
    database, office, clock
):
    start = datetime(2026, 11, 23, 10, 0)
    dossiers = DossierService(database.factory, station="clerk-1", clock=clock)

    def rate_at(station, at, satisfaction, dossier_code=None):
        clock.now = at
        RatingService(database.factory, station=station, clock=clock).record(
            RatingInput(satisfaction, dossier_code=dossier_code, service_code="HT-KS")
        )

    for n in range(4):  # four ratings five seconds apart: three quick pairs
        rate_at("kiosk-1", start + timedelta(seconds=5 * n), Satisfaction.SATISFIED)
    with clock.at(start):
        codes = [dossiers.register("HT-KS", clerk_id=1).code for _ in range(6)]
    for n, code in enumerate(codes):  # six "very satisfied" in 100 s, all of counter 1
        rate_at("kiosk-2", start + timedelta(seconds=20 * n), Satisfaction.VERY_SATISFIED, code)
    for n in range(5):  # five "very satisfied" over 20 minutes: citizens, not a burst
        rate_at("kiosk-3", start + timedelta(minutes=5 * n), Satisfaction.VERY_SATISFIED)
    clock.now = start + timedelta(minutes=30)
    alerts = {
        a.kind.split(":")[0] + ":" + a.params.get("station", ""): a
        for a in AlertService(database.factory, station="manager", clock=clock).current()
    }
    fast = alerts["too_fast:kiosk-1"]
    assert fast.params["count"] == 3 and fast.params["first"] == "10:00:00"
    burst = alerts["happy_burst:kiosk-2"]
    assert burst.params["count"] == 6 and burst.params["names"] == "Nguyễn Thị Hương"
    assert "happy_burst:kiosk-3" not in alerts and "too_fast:kiosk-2" not in alerts


def test_offices_sharing_a_database_see_only_their_own_ratings(database, office, clock):
    from kiosk.reports.indicators import compute
    from kiosk.services.offices import create_office, find_office

    with database.factory.begin() as session:
        create_office(
            session, code="000.00.31.H12", name="UBND xã Bình Minh", at=clock.now, station="test"
        )
    for code, satisfaction, comment in (
        ("000.00.30.H12", Satisfaction.VERY_SATISFIED, "Tân Phú tốt"),
        ("000.00.31.H12", Satisfaction.DISSATISFIED, "Bình Minh chậm"),
        ("000.00.31.H12", Satisfaction.DISSATISFIED, None),
    ):
        clock.now += timedelta(minutes=1)
        RatingService(
            database.factory, station=f"kiosk-{code}", clock=clock, office_code=code
        ).record(RatingInput(satisfaction, service_code="HT-KS", comment=comment))
    with database.factory() as session:
        tan_phu = find_office(session, "000.00.30.H12").id
        binh_minh = find_office(session, "000.00.31.H12").id
        day = clock.now.date()
        mine = compute(session, tan_phu, day, day, day).unit
        theirs = compute(session, binh_minh, day, day, day).unit
    assert (mine.ratings, mine.satisfaction_rate) == (1, Decimal("100.0"))
    assert (theirs.ratings, theirs.satisfaction_rate) == (2, Decimal("0.0"))
    comments = CommentService(
        database.factory, station="manager", clock=clock, office_code="000.00.30.H12"
    )
    assert [c.comment for c in comments.list()] == ["Tân Phú tốt"]
