"""The dossier code in what a scanner reads off a provincial receipt: a bare code (Code 128 or
QR), a portal's lookup link, or a few lines of text. Junk never yields a code. A bare code opens
only a dossier imported from the provincial system (on SQLite and PostgreSQL alike)."""

import re
from datetime import date, timedelta
from urllib.parse import quote

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from sqlalchemy import select

from kiosk.answers import RatingInput, Satisfaction
from kiosk.db.models import AuditEvent, Dossier, DossierSource, Rating, Service
from kiosk.dossier_code import format_dossier_code
from kiosk.errors import ConflictError, InvalidInputError, NotFoundError
from kiosk.provincial.receipt_codes import find_dossier_code
from kiosk.receipt_payload import NEEDS_PROOF, NOT_ON_KIOSK
from kiosk.services.dossiers import DossierService
from kiosk.services.kiosk_backend import BARE_CODE, KioskBackend
from kiosk.services.offices import create_office, find_office
from tests.conftest import NOW

# The forms a provincial receipt's QR takes (see the README: "Receipts of the provincial system").
WRAPPERS = (
    "{code}",
    "  {lower}  ",
    "https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?maHoSo={code}",
    "https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?typeInapp=1&ma_ho_so={quoted}",
    "https://dichvucong.thanhhoa.gov.vn/portaldvc/tra-cuu?MaHoSo={code}&SoDinhDanh=",
    "https://motcua.tinh.gov.vn/tra-cuu-ho-so?mahoso={lower}",
    "http://v2.opencps.vn/tra-cuu-ho-so?keyword={code}",
    "https://dvc.tinh.gov.vn/tra-cuu-ho-so?code={code}#ket-qua",
    "https://lienthong.dichvucong.gov.vn/#/tra-cuu-ho-so?maHoSo={code}",
    "https://dichvucong.tinh.gov.vn/ho-so/{code}",
    "dichvucong.tinh.gov.vn/tra-cuu/{quoted}/",
    "Mã hồ sơ: {code}",
    "UBND XÃ AN BÌNH\nMã hồ sơ: {code}\nNgày hẹn trả: 05/01/2026",
    "Ma ho so:{code}.",
    "Số hồ sơ {code}",
    "]C0{code}",  # a scanner that sends the symbology identifier first
    "]Q1https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?maHoSo={code}",
)

PROVINCIAL = ("000.00.19.H26-250101-0001", "H26.19-250101-0001", "000.00.30.H12-261123-0042")


@pytest.mark.parametrize("code", PROVINCIAL)
@pytest.mark.parametrize("wrapper", WRAPPERS)
def test_every_known_form_of_a_real_code_reads_as_that_code(wrapper, code):
    assert find_dossier_code(_wrap(wrapper, code)) == code


@pytest.mark.parametrize(
    "junk",
    [
        "",
        "HELLO-WORLD",
        "https://www.google.com/search?q=dich+vu+cong",
        "https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html",
        "https://dichvucong.gov.vn/tra-cuu?maHoSo=",
        "https://dichvucong.gov.vn/tra-cuu?maHoSo=khong-co",
        "WIFI:S:CafeWifi;T:WPA;P:12345678;;",
        "000.00.19.H26-251332-0001",  # no 32nd of the 13th month
        "000.00.19.H26-250101-0000",  # numbers start at 1
        "000.00.19.H26-250101-00011",  # one digit too many
        "000.00.19.H26_X-250101-0001",  # '_' is in no unit's code
        "Ð00.00.19.H26-250101-0001",  # a letter no unit's code has
        "...-250101-0001",
        "https://a.gov.vn/x?maHoSo=H26.19-250101-0001&ma=H26.19-250101-0002",  # two dossiers
        "HS1:000.00.19.H26-250101-0001:ABCDEF",  # our signed form is read elsewhere
        "x" * 3000,
    ],
)
def test_junk_yields_no_code(junk):
    assert find_dossier_code(junk) is None


UNITS = st.from_regex(r"[0-9A-Z]{1,6}(\.[0-9A-Z]{1,6}){0,3}", fullmatch=True)
DAYS = st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31))
SEQUENCES = st.integers(min_value=1, max_value=9999)


@given(unit=UNITS, day=DAYS, sequence=SEQUENCES, wrapper=st.sampled_from(WRAPPERS))
def test_a_code_wrapped_in_any_known_form_reads_back_exactly(unit, day, sequence, wrapper):
    code = format_dossier_code(unit, day, sequence)
    assert find_dossier_code(_wrap(wrapper, code)) == code


# Junk: any text, and links, whose query and path hold nothing shaped like a code's day-number.
ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)
LINKS_WITHOUT_CODE = st.builds(
    "https://{}.vn/{}?{}={}".format,
    st.from_regex(r"[a-z]{1,12}(\.[a-z]{1,8}){0,2}", fullmatch=True),
    st.text("abcxyz019-/", max_size=30),
    st.sampled_from(["maHoSo", "code", "q", "ma_ho_so"]),
    st.text("ABCXYZ019.-_ ", max_size=30),
)


@given(text=ANY_TEXT | LINKS_WITHOUT_CODE)
def test_junk_never_yields_a_code(text):
    assume(re.search(r"\d{6}-\d{4}", text) is None)
    assert find_dossier_code(text) is None


def _wrap(wrapper: str, code: str) -> str:
    return wrapper.format(code=code, lower=code.lower(), quoted=quote(code, safe=""))


def add_imported_dossier(database, office_code, code, service_code="HT-XNHN"):
    """A dossier as an import from the provincial system leaves it: no clerk of ours."""
    with database.factory.begin() as session:
        service = session.scalars(select(Service).where(Service.code == service_code)).one()
        session.add(
            Dossier(
                code=code,
                office_id=find_office(session, office_code).id,
                service_id=service.id,
                clerk_id=None,
                received_at=NOW - timedelta(days=3),
                due_at=NOW + timedelta(days=1),
                returned_at=NOW - timedelta(hours=1),
                source=DossierSource.PROVINCIAL,
                source_status="4",
                imported_at=NOW - timedelta(hours=2),
            )
        )
    return code


def test_a_bare_code_opens_only_an_imported_dossier_of_the_office(database, office, clock):
    imported = add_imported_dossier(database, office, "000.00.30.H12-261120-0007")
    with database.factory.begin() as session:
        create_office(session, code="000.00.31.H12", name="UBND xã Bên", at=NOW, station="test")
    elsewhere = add_imported_dossier(database, "000.00.31.H12", "000.00.31.H12-261120-0001")
    with clock.at(clock.now - timedelta(days=1)):
        counter = DossierService(database.factory, station="test", clock=clock, office_code=office)
        ours = counter.register("HT-KS", clerk_id=2)
    kiosk = KioskBackend(database.factory, station="kiosk-1", clock=clock, office_code=office)

    shown = kiosk.lookup(imported, bare=True)
    assert (shown.code, shown.counter, shown.already_rated) == (imported, None, False)
    with pytest.raises(InvalidInputError) as refused:
        kiosk.lookup(ours.code, bare=True)  # our counter's: only with the QR or check number
    assert refused.value.message == NEEDS_PROOF
    assert kiosk.lookup(ours.code).code == ours.code  # as a genuine signed QR gives it
    for unknown in ("000.00.30.H12-261120-0008", elsewhere):  # another office's reads as unknown
        with pytest.raises(NotFoundError) as not_here:
            kiosk.lookup(unknown, bare=True)
        assert not_here.value.message == NOT_ON_KIOSK

    kiosk.record(RatingInput(Satisfaction.SATISFIED, dossier_code=imported), rating_id=None, at=NOW)
    assert kiosk.lookup(imported, bare=True).already_rated
    with pytest.raises(ConflictError):
        kiosk.record(
            RatingInput(Satisfaction.SATISFIED, dossier_code=imported), rating_id=None, at=NOW
        )
    with database.factory() as session:
        [rating] = session.scalars(select(Rating)).all()
        dossier = session.scalars(select(Dossier).where(Dossier.code == imported)).one()
        scanned = session.scalars(
            select(AuditEvent.subject).where(AuditEvent.action == BARE_CODE)
        ).all()
    assert (rating.dossier_id, rating.service_id, rating.clerk_id) == (
        dossier.id,
        dossier.service_id,
        None,
    )
    # Every bare code scanned is on record, found or not: nothing proves who held the receipt.
    assert sorted(scanned) == sorted(
        [imported, ours.code, "000.00.30.H12-261120-0008", elsewhere, imported]
    )
