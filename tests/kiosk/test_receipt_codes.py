"""The dossier code in what a scanner reads off a provincial receipt: a bare code (Code 128 or
QR), a portal's lookup link, or a few lines of text. Junk never yields a code."""

import re
from datetime import date
from urllib.parse import quote

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from kiosk.dossier_code import format_dossier_code
from kiosk.provincial.receipt_codes import find_dossier_code

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
