"""The PIN lock-out holds under guesses sent at once, and is one office's counter, not another's."""

from __future__ import annotations

import itertools
import threading
from datetime import datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from kiosk.db.models import AuditEvent
from kiosk.errors import InvalidInputError
from kiosk.services import sign_in as sign_in_module
from kiosk.services.sign_in import (
    FAILED,
    LOCK,
    LOCKED,
    MAX_FAILURES,
    SUCCEEDED,
    SignInLockedError,
    SignInService,
)
from tests.kiosk.offices_fixtures import A, B, seed_two_offices

GUESSES = 10
_fresh_counters = itertools.count(100)


@pytest.fixture
def two(database, clock):
    return seed_two_offices(database, clock)


@pytest.fixture
def checked_pins(monkeypatch):
    """How many PINs were really compared with a stored hash (the real Argon2 check, counted)."""
    calls: list[str] = []
    real = sign_in_module.pin_matches

    def counting(stored: str, pin: str) -> bool:
        calls.append(pin)
        return real(stored, pin)

    monkeypatch.setattr(sign_in_module, "pin_matches", counting)
    return calls


def _actions(database, subject: str) -> list[str]:
    with database.factory() as session:
        return list(session.scalars(select(AuditEvent.action).where(AuditEvent.subject == subject)))


def _guesses_at_once(database, clock) -> list[str]:
    """Ten wrong PINs for A's counter 1 from ten stations, released together."""
    start = threading.Barrier(GUESSES)
    outcomes: list[str] = []

    def guess(number: int) -> None:
        service = SignInService(
            database.factory, station=f"clerk-{number}", clock=clock, office_code=A
        )
        start.wait()
        try:
            service.sign_in(1, f"{9000 + number}")
        except SignInLockedError:
            outcomes.append("locked")
        except InvalidInputError:
            outcomes.append("wrong")

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(GUESSES)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_ten_guesses_at_once_check_at_most_five_pins(database, two, clock, checked_pins):
    outcomes = _guesses_at_once(database, clock)
    assert len(outcomes) == GUESSES
    # Ten attempts recorded before any counts may all be refused: none checked is safe too.
    assert len(checked_pins) <= MAX_FAILURES
    assert outcomes.count("wrong") == len(checked_pins)
    outcomes += _guesses_at_once(database, clock)  # a second volley gets no more checks
    assert len(checked_pins) <= MAX_FAILURES
    # Whatever the volleys left, one guess after another gets the counter to five, no further.
    service = SignInService(database.factory, station="clerk-1", clock=clock, office_code=A)
    locked = False
    for _ in range(MAX_FAILURES + 1):
        try:
            service.sign_in(1, "0000")
        except SignInLockedError:
            locked = True
            break
        except InvalidInputError:  # wrong, not yet locked: the volleys may have left room
            continue
    assert locked
    assert len(checked_pins) == MAX_FAILURES
    with pytest.raises(SignInLockedError):
        service.sign_in(1, "1234")  # the right PIN too, while locked
    # Every guess is in the audit log, checked or not.
    actions = _actions(database, f"{A}:counter:1")
    assert actions.count(FAILED) == MAX_FAILURES
    assert len(actions) == 2 * GUESSES + actions.count(FAILED) - outcomes.count("wrong") + 2
    assert set(actions) == {FAILED, LOCKED}


def test_a_lock_of_one_office_leaves_the_other_office_s_counter_open(database, two, clock):
    office_a = SignInService(database.factory, station="clerk-1", clock=clock, office_code=A)
    for _ in range(MAX_FAILURES):
        with pytest.raises(InvalidInputError):
            office_a.sign_in(1, "0000")
    with pytest.raises(SignInLockedError):
        office_a.sign_in(1, "1234")
    office_b = SignInService(database.factory, station="clerk-1", clock=clock, office_code=B)
    assert office_b.sign_in(1, "5678").display_name == "Phạm Văn Bắc"
    assert _actions(database, f"{B}:counter:1") == [SUCCEEDED]


def test_a_pin_of_another_office_does_not_open_this_office_s_counter(database, two, clock):
    office_a = SignInService(database.factory, station="clerk-1", clock=clock, office_code=A)
    with pytest.raises(InvalidInputError) as error:
        office_a.sign_in(1, "5678")  # B's counter-1 PIN
    assert "4" in str(error.value)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(gaps=st.lists(st.integers(min_value=0, max_value=400), min_size=1, max_size=25))
def test_over_any_timing_of_guesses_five_minutes_never_hold_more_than_five_checks(
    database, office, clock, gaps
):
    """Wrong PINs at any pace: no five minutes ever see more than five PINs checked, and a guess
    is refused unchecked only when five were checked in the five minutes before it."""
    counter = next(_fresh_counters)  # a counter of its own per example, so examples don't mix
    service = SignInService(database.factory, station="clerk-1", clock=clock)
    checked, refused = [], []
    for gap in gaps:
        clock.now += timedelta(seconds=gap)
        try:
            service.sign_in(counter, "0000")
        except SignInLockedError:
            refused.append(clock.now)
        except InvalidInputError:
            checked.append(clock.now)

    def checked_within_lock_before(moment: datetime) -> int:
        return sum(moment - LOCK < at <= moment for at in checked)

    assert all(checked_within_lock_before(at) <= MAX_FAILURES for at in checked)
    assert all(checked_within_lock_before(at) >= MAX_FAILURES for at in refused)
