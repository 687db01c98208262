"""The rows under the manager's figures for today: the dossiers due on the next working day and
still out, today's unhappy ratings with their reasons, each kiosk's last contact and whether it
has been silent for more than ten minutes of opening hours. Monday 23/11/2026 09:30; open
7:30–17:00."""

from datetime import date, datetime

import pytest

from kiosk.answers import RatingInput, Satisfaction
from kiosk.reports.glance import day_glance
from kiosk.services.dossiers import DossierService
from kiosk.services.kiosk_contacts import working_time_between
from kiosk.services.offices import find_office, office_calendar
from kiosk.services.ratings import RatingService
from kiosk.services.stations import StationService


@pytest.fixture
def today(database, office, clock):
    dossiers = DossierService(database.factory, station="clerk-1", clock=clock)
    with clock.at(
        datetime(2026, 11, 19, 9, 0)
    ):  # Thursday: 3 working days → Wednesday 25/11 (24/11 is Vietnam Cultural Day)
        due_next = dossiers.register("HT-XNHN", clerk_id=2).code
        returned = dossiers.register("HT-XNHN", clerk_id=1).code
    with clock.at(datetime(2026, 11, 20, 9, 0)):  # Friday: → Thursday 26/11, not listed
        dossiers.register("HT-XNHN", clerk_id=1)
    with clock.at(datetime(2026, 11, 23, 8, 0)):
        dossiers.return_result(returned, clerk_id=1)
        dossiers.register("HT-KS", clerk_id=1)  # same day: due today, not next
    ratings = RatingService(database.factory, station="kiosk-1", clock=clock)
    with clock.at(datetime(2026, 11, 20, 15, 0)):  # Friday's unhappy rating: not today's
        ratings.record(RatingInput(Satisfaction.DISSATISFIED, service_code="HT-KS"))
    for minute, satisfaction, reasons, comment in (
        (10, Satisfaction.DISSATISFIED, ("slow", "impolite"), "Chờ hai tiếng"),
        (15, Satisfaction.SATISFIED, (), None),
        (20, Satisfaction.DISSATISFIED, (), None),
    ):
        with clock.at(datetime(2026, 11, 23, 9, minute)):
            ratings.record(
                RatingInput(satisfaction, service_code="HT-KS", reasons=reasons, comment=comment)
            )
    StationService(
        database.factory, station="kiosk-sanh", clock=lambda: datetime(2026, 11, 23, 8, 0)
    ).report_contact("kiosk")
    StationService(
        database.factory, station="clerk-1", clock=lambda: datetime(2026, 11, 23, 7, 0)
    ).report_contact("clerk")
    with database.factory() as session:
        return day_glance(session, None, clock.now), due_next


def test_the_next_working_days_list_holds_what_the_due_figure_counts(today):
    glance, due_next = today
    [line] = glance.due_next_list
    assert len(glance.due_next_list) == glance.due_next  # one definition: the figure's rows
    assert (line.code, line.service.vi, line.clerk) == (
        due_next,
        "Xác nhận tình trạng hôn nhân",
        "Trần Văn Đức",
    )
    assert line.appointment.date() == glance.next_working_day.date() == date(2026, 11, 25)
    assert not line.reappointed


def test_only_todays_unhappy_ratings_are_listed_with_their_reasons(today):
    glance, _ = today
    lines = glance.unhappy_today
    assert [f"{line.at:%H:%M}" for line in lines] == ["09:20", "09:10"]  # latest first
    assert lines[1].reasons == ("slow", "impolite") and lines[1].comment == "Chờ hai tiếng"
    assert {line.satisfaction for line in lines} == {Satisfaction.DISSATISFIED}


def test_a_kiosk_silent_for_over_a_working_hour_is_flagged(today):
    glance, _ = today
    kiosks = {kiosk.station: kiosk for kiosk in glance.kiosks}
    assert set(kiosks) == {"kiosk-1", "kiosk-sanh"}  # clerk stations are not kiosks
    assert kiosks["kiosk-sanh"].silent  # 08:00 → 09:30
    assert f"{kiosks['kiosk-1'].last_heard:%H:%M}" == "09:20"  # its latest rating
    assert not kiosks["kiosk-1"].silent


def test_only_office_hours_count_towards_silence(database, office):
    with database.factory() as session:
        place = find_office(session)
        calendar = office_calendar(place)
        friday_evening, monday = datetime(2026, 11, 20, 16, 55), datetime(2026, 11, 23, 7, 34)
        # 5 minutes on Friday, 4 on Monday: the night and the weekend do not count.
        assert working_time_between(friday_evening, monday, place, calendar).seconds == 9 * 60
        later = datetime(2026, 11, 23, 7, 36)  # and now it is more than ten minutes
        assert working_time_between(friday_evening, later, place, calendar).seconds == 11 * 60
