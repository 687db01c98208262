"""The PIN lock-out holds under guesses sent at once, and is one office's counter, not another's."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select

from kiosk.db.models import AuditEvent
from kiosk.errors import InvalidInputError
from kiosk.services import sign_in as sign_in_module
from kiosk.services.sign_in import (
    FAILED,
    LOCKED,
    MAX_FAILURES,
    SUCCEEDED,
    SignInLockedError,
    SignInService,
)
from tests.kiosk.offices_fixtures import A, B, seed_two_offices

GUESSES = 10


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
    assert 1 <= len(checked_pins) <= MAX_FAILURES
    assert outcomes.count("wrong") == len(checked_pins)
    outcomes += _guesses_at_once(database, clock)  # a second volley gets no more checks
    assert len(checked_pins) <= MAX_FAILURES
    # Whatever the volleys left, one guess after another gets the counter to five, no further.
    service = SignInService(database.factory, station="clerk-1", clock=clock, office_code=A)
    with pytest.raises(SignInLockedError):
        for _ in range(MAX_FAILURES + 1):
            service.sign_in(1, "0000")
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
