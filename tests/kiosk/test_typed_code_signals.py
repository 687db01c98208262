"""Typed dossier codes are audited, and codes tried one after another on a kiosk are a signal."""

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from kiosk.db.models import AuditEvent
from kiosk.errors import NotFoundError
from kiosk.i18n import Translator
from kiosk.services.alerts import AlertService
from kiosk.services.dossiers import DossierService
from kiosk.services.gaming import TYPED_CODE, gaming_signals
from kiosk.services.kiosk_backend import KioskBackend
from kiosk.services.offices import find_office

START = datetime(2026, 11, 23, 10, 0)
UNIT = "000.00.30.H12"


def typed(database, clock, station, at, sequence, *, check_ok=True, day="261123"):
    clock.now = at
    backend = KioskBackend(database.factory, station=station, clock=clock)
    backend.note_typed_code(f"{UNIT}-{day}-{sequence:04d}", check_ok=check_ok)


def signals(database, clock):
    with database.factory() as session:
        office_id = find_office(session).id
        found = gaming_signals(session, office_id, clock.now.date())
    return sorted((s.kind, s.station, s.count) for s in found)


def test_a_typed_lookup_is_audited_without_its_check_number_and_a_scanned_one_is_not(
    database, office, clock
):
    with clock.at(clock.now - timedelta(hours=1)):
        code = (
            DossierService(database.factory, station="clerk-1", clock=clock)
            .register("HT-KS", clerk_id=1)
            .code
        )
    backend = KioskBackend(database.factory, station="kiosk-1", clock=clock)
    backend.lookup(code)  # scanned
    backend.lookup(code, typed=True)
    with pytest.raises(NotFoundError):  # a code that does not exist is noted all the same
        backend.lookup(f"{UNIT}-261123-0999", typed=True)
    backend.note_typed_code(code, check_ok=False)
    with database.factory() as session:
        events = session.execute(
            select(AuditEvent.station, AuditEvent.subject, AuditEvent.details)
            .where(AuditEvent.action == TYPED_CODE)
            .order_by(AuditEvent.id)
        ).all()
    assert [tuple(e) for e in events] == [
        ("kiosk-1", code, {"check_ok": True}),
        ("kiosk-1", f"{UNIT}-261123-0999", {"check_ok": True}),
        ("kiosk-1", code, {"check_ok": False}),
    ]


def test_three_neighbouring_codes_typed_within_half_an_hour_are_a_signal(database, office, clock):
    for minutes, sequence in ((0, 41), (4, 43), (9, 42)):  # within 2 of each other, any order
        typed(database, clock, "kiosk-1", START + timedelta(minutes=minutes), sequence)
    assert signals(database, clock) == [("typed_sequence", "kiosk-1", 3)]


@pytest.mark.parametrize(
    "typings",
    [
        [(0, 41), (4, 42)],  # two close codes: a family at one counter
        [(0, 41), (4, 42), (40, 43)],  # the third more than half an hour after the first
        [(0, 10), (4, 13), (9, 16)],  # three apart
        [(0, 41), (4, 41), (9, 41), (12, 42)],  # one code typed again is one dossier
    ],
    ids=["two", "slow", "far-apart", "repeated"],
)
def test_codes_far_apart_in_number_or_time_are_no_signal(database, office, clock, typings):
    for minutes, sequence in typings:
        typed(database, clock, "kiosk-1", START + timedelta(minutes=minutes), sequence)
    assert signals(database, clock) == []


def test_close_codes_on_different_kiosks_or_receipt_days_are_no_signal(database, office, clock):
    typed(database, clock, "kiosk-1", START, 41)
    typed(database, clock, "kiosk-2", START + timedelta(minutes=1), 42)
    typed(database, clock, "kiosk-1", START + timedelta(minutes=2), 42, day="261120")
    typed(database, clock, "kiosk-1", START + timedelta(minutes=3), 43)
    assert signals(database, clock) == []


def test_three_wrong_check_numbers_within_half_an_hour_are_a_signal(database, office, clock):
    for minutes, sequence in ((0, 7), (10, 300), (20, 1500)):
        typed(
            database, clock, "kiosk-1", START + timedelta(minutes=minutes), sequence, check_ok=False
        )
    for minutes, sequence in ((0, 7), (20, 300), (40, 1500)):  # a slow trickle of slips
        typed(
            database, clock, "kiosk-2", START + timedelta(minutes=minutes), sequence, check_ok=False
        )
    assert signals(database, clock) == [("wrong_checks", "kiosk-1", 3)]


def test_the_manager_is_alerted_in_words(database, office, clock):
    for minutes, sequence in ((0, 41), (2, 42), (5, 43), (6, 44)):
        typed(database, clock, "kiosk-1", START + timedelta(minutes=minutes), sequence)
    for minutes in (7, 8, 9):
        typed(database, clock, "kiosk-1", START + timedelta(minutes=minutes), 100, check_ok=False)
    clock.now = START + timedelta(minutes=15)
    alerts = AlertService(database.factory, station="manager", clock=clock).current()
    [sequence] = [a for a in alerts if a.kind.startswith("typed_sequence:kiosk-1")]
    assert sequence.params["count"] == 4
    assert (sequence.params["first"], sequence.params["last"]) == ("10:00:00", "10:06:00")
    [wrong] = [a for a in alerts if a.kind.startswith("wrong_checks:kiosk-1")]
    assert wrong.params["count"] == 3
    words = Translator("vi")(sequence.message, **sequence.params)
    assert words.startswith("Máy đánh giá kiosk-1: 4 mã hồ sơ có số thứ tự sát nhau")
