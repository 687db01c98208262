"""Sane input: text within the lengths the models declare, office codes the dossier code and its
QR can carry, dates within the years the kiosk records. Refused in words, before anything is used
up."""

import re
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select

from kiosk.cli.parsing import parse_day, parse_moment
from kiosk.db.limits import column_limit
from kiosk.db.models import ClerkRole, Dossier, Office
from kiosk.dossier_code import format_dossier_code, split_dossier_code
from kiosk.errors import InvalidInputError, KioskError
from kiosk.services.clerks import add_clerk
from kiosk.services.dossiers import DossierService
from kiosk.services.offices import check_office_code, create_office, find_office
from kiosk.views import CitizenDetails, DocumentItem
from tests.conftest import NOW

KIOSK = str(Path(sys.executable).parent / "kiosk")
# What a QR code's alphanumeric mode carries.
QR_ALPHANUMERIC = set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")


@pytest.mark.parametrize(
    ("citizen", "field", "limit"),
    [
        (CitizenDetails(name="A" * 50_000), "Citizen's name", 120),
        (CitizenDetails(name="An", address="ấp " * 101), "Citizen's address", 300),
    ],
)
def test_over_long_citizen_details_are_refused_before_a_number_is_taken(
    database, office, clock, citizen, field, limit
):
    dossiers = DossierService(database.factory, station="clerk-1", clock=clock)
    with pytest.raises(InvalidInputError) as refused:
        dossiers.register("HT-KS", clerk_id=1, citizen=citizen)
    message = str(refused.value)
    assert field in message and str(limit) in message
    with database.factory() as session:
        assert session.scalar(select(func.count()).select_from(Dossier)) == 0
    # The same on SQLite and PostgreSQL, and no dossier number was used up.
    assert dossiers.register("HT-KS", clerk_id=1).code.endswith("-0001")


@pytest.mark.parametrize(
    "attempt",
    [
        {"service_code": "KHONG-CO", "clerk_id": 1},
        {"service_code": "HT-KS", "clerk_id": 99},
        {"service_code": "HT-KS", "clerk_id": 1, "sets": 0},
        {"service_code": "HT-KS", "clerk_id": 1, "citizen": CitizenDetails(phone="12")},
    ],
)
def test_a_refused_registration_uses_up_no_number(database, office, clock, attempt):
    dossiers = DossierService(database.factory, station="clerk-1", clock=clock)
    with pytest.raises(KioskError):
        dossiers.register(**attempt)
    assert dossiers.register("HT-KS", clerk_id=1).code.endswith("-0001")


def test_a_name_exactly_at_the_limit_is_kept_nfc(database, office, clock):
    decomposed = "Nguye\u0302\u0303n " + "A" * 113  # 122 code points, 120 once composed
    view = DossierService(database.factory, station="clerk-1", clock=clock).register(
        "HT-KS", clerk_id=1, citizen=CitizenDetails(name=decomposed)
    )
    assert view.citizen.name == "Nguyễn " + "A" * 113
    assert len(view.citizen.name) == column_limit(Dossier.citizen_name)


def test_over_long_document_and_reason_are_refused(database, office, clock):
    dossiers = DossierService(database.factory, station="clerk-1", clock=clock)
    with pytest.raises(InvalidInputError, match="Document name"):
        dossiers.register("HT-KS", clerk_id=1, documents=[DocumentItem("Giấy " * 100)])
    with clock.at(datetime(2026, 11, 16, 9, 0)):
        code = dossiers.register("HT-XNHN", clerk_id=1).code
    with pytest.raises(InvalidInputError, match="Reason"):
        dossiers.reappoint(code, new_due_day=NOW.date(), reason="x" * 2001, clerk_id=1)
    assert dossiers.show(code).reappointed_due_at is None


def test_over_long_office_and_clerk_names_are_refused(database, office):
    with database.factory.begin() as session:
        with pytest.raises(InvalidInputError, match="Office name"):
            create_office(session, code="XA.TAN.AN", name="X" * 201, at=NOW, station="test")
        with pytest.raises(InvalidInputError, match="Clerk's name"):
            add_clerk(
                session,
                find_office(session, office),
                display_name="Y" * 121,
                counter=5,
                role=ClerkRole.CLERK,
                pin="1234",
                at=NOW,
                station="test",
            )


@pytest.mark.parametrize(
    "code",
    ["000-00-30", "ĐÀ.NẴNG", "A:B", "A B", "A/B", "", "   ", "X" * 41, "H12\u00a0X", "①②"],
)
def test_office_codes_the_dossier_code_cannot_carry_are_refused(code):
    with pytest.raises(InvalidInputError, match="office code"):
        check_office_code(code)


def test_office_codes_are_upper_cased():
    assert check_office_code(" 000.00.30.h12 ") == "000.00.30.H12"


@given(st.text(alphabet="0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefgh.", min_size=1, max_size=40))
def test_every_accepted_office_code_makes_codes_that_read_back_and_fit_a_qr(text):
    unit = check_office_code(text)
    code = format_dossier_code(unit, NOW.date(), 42)
    assert set(code) <= QR_ALPHANUMERIC
    assert len(code) <= column_limit(Dossier.code)
    assert split_dossier_code(code.lower()).unit == unit


@given(st.text(max_size=50))
def test_office_code_check_accepts_only_what_it_can_carry(text):
    try:
        unit = check_office_code(text)
    except InvalidInputError:
        return
    assert re.fullmatch(r"[A-Z0-9.]{1,40}", unit)


def test_office_init_refuses_a_code_in_words(database, db_url):
    result = subprocess.run(
        [KIOSK, "office", "init", "--code", "UBND-XÃ", "--name", "UBND xã", "--db", db_url],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


@given(
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59, 59)),
    st.one_of(
        st.none(),
        st.sampled_from([UTC, timezone(timedelta(hours=14)), timezone(timedelta(hours=-12))]),
    ),
)
def test_any_moment_is_read_or_refused_in_words(moment, zone):
    text = moment.replace(tzinfo=zone).isoformat()
    try:
        read = parse_moment(text)
    except InvalidInputError:
        return
    assert 2000 <= read.year <= 2099


@given(st.dates())
def test_any_day_is_read_or_refused_in_words(day):
    for text in (day.isoformat(), f"{day:%d/%m/%Y}"):
        try:
            read = parse_day(text)
        except InvalidInputError:
            assert not 2000 <= day.year <= 2099
            continue
        assert read == day


CODE = "000.00.30.H12-261123-0001"
ADD = ["dossier", "add", "--service", "HT-KS", "--clerk", "1"]


@pytest.mark.parametrize(
    "args",
    [
        ["dossier", "list", "--date", "9999-12-31"],
        ["dossier", "list", "--date", "31/12/9999"],
        ["export", "daily", "--date", "9999-12-31", "--out", "{tmp}/r.csv"],
        ["dossier", "return", CODE, "--clerk", "1", "--at", "0001-01-01T00:00+07:00"],
        [*ADD, "--received", "9999-12-31T23:59-12:00"],
        [*ADD, "--received", "1926-11-23T09:00"],
        ["dossier", "reappoint", CODE, "--clerk", "1", "--to", "9999-12-31", "--reason", "x"],
    ],
)
def test_edge_dates_on_the_command_line_are_refused_in_words(
    database, office, db_url, args, tmp_path
):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    result = subprocess.run(
        [KIOSK, *args, "--db", db_url, "--lang", "en"], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Unexpected error" not in result.stderr and "Traceback" not in result.stderr
    assert "2000–2099" in result.stderr
    with database.factory() as session:
        assert session.scalar(select(func.count()).select_from(Office)) == 1
        assert session.scalar(select(func.count()).select_from(Dossier)) == 0
