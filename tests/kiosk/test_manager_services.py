from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from kiosk.answers import RatingChannel, RatingInput, Satisfaction
from kiosk.db.models import AuditEvent, Rating
from kiosk.errors import ConflictError
from kiosk.services.alerts import AlertService
from kiosk.services.comments import CommentService
from kiosk.services.ratings import RatingService
from kiosk.services.tickets import TicketService


def rate(database, clock, satisfaction, comment=None, **extra):
    return RatingService(database.factory, station="kiosk-1", clock=clock).record(
        RatingInput(satisfaction, service_code="HT-KS", comment=comment, **extra)
    )


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
    tickets = TicketService(database.factory, station="clerk-1", clock=clock)
    tickets.register("HT-KS", clerk_id=1, received_at=datetime(2026, 11, 23, 16, 0))  # due 25/11
    [alert] = AlertService(database.factory, station="manager", clock=clock).current()
    assert alert.kind == "due_next_day" and alert.params == {"count": 1, "day": "25/11"}
