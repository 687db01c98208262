import hashlib
import hmac
import stat

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.errors import InvalidInputError
from kiosk.receipt_payload import WRONG_CHECK
from kiosk.receipt_signing import ReceiptSigner, create_receipt_key, load_receipt_key

CODE = "000.00.30.H12-261123-0042"


@pytest.fixture
def signer(tmp_path):
    return ReceiptSigner(create_receipt_key(tmp_path / "keys" / "receipt.key"))


def test_key_file_is_created_private_and_reused(tmp_path):
    path = tmp_path / "receipt.key"
    first = create_receipt_key(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_receipt_key(path) == first and len(first) == 32
    with pytest.raises(FileExistsError):
        create_receipt_key(path)  # never over a key that is there


def test_genuine_payload_gives_back_its_code(signer):
    payload = signer.payload(CODE.lower())
    assert payload.startswith("HS1:" + CODE + ":")
    assert signer.verify(payload) == CODE
    assert signer.verify(payload.lower() + "  ") == CODE


def test_receipt_of_another_office_key_is_refused(signer, tmp_path):
    other = ReceiptSigner(create_receipt_key(tmp_path / "other.key"))
    with pytest.raises(InvalidInputError):
        signer.verify(other.payload(CODE))


def test_key_never_shows_in_repr(signer):
    assert "hidden" in repr(signer)


@given(position=st.integers(min_value=4, max_value=55), replacement=st.sampled_from("0AZ7.-:"))
def test_any_altered_character_is_refused(tmp_path_factory, position, replacement):
    signer = ReceiptSigner(b"k" * 32)
    payload = signer.payload(CODE)
    altered = payload[:position] + replacement + payload[position + 1 :]
    if altered.upper() == payload:
        return
    with pytest.raises(InvalidInputError):
        signer.verify(altered)


@given(st.text(max_size=120))
def test_arbitrary_scans_are_refused_not_crashed(text):
    signer = ReceiptSigner(b"k" * 32)
    with pytest.raises(InvalidInputError):
        signer.verify(text)


def test_check_number_is_four_digits_fixed_by_the_code_and_the_key(signer, tmp_path):
    check = signer.check_number(CODE)
    assert len(check) == 4 and check.isdigit()
    assert signer.check_number(CODE.lower()) == check
    other = ReceiptSigner(create_receipt_key(tmp_path / "other.key"))
    codes = [f"000.00.30.H12-261123-{n:04d}" for n in range(1, 41)]
    # Neighbouring codes do not give neighbouring numbers, nor another office's.
    assert len({signer.check_number(code) for code in codes}) > 30
    assert [signer.check_number(c) for c in codes] != [other.check_number(c) for c in codes]


def test_check_number_is_not_drawn_from_the_qr_signature():
    key = b"k" * 32
    unlabelled = hmac.new(key, CODE.encode(), hashlib.sha256).digest()
    assert ReceiptSigner(key).check_number(CODE) != f"{int.from_bytes(unlabelled[:8]) % 10000:04d}"


def test_right_check_number_gives_back_the_code(signer):
    assert signer.verify_check(CODE.lower(), f" {signer.check_number(CODE)} ") == CODE


@given(check=st.text(max_size=8))
def test_any_other_check_number_is_refused_in_words(check):
    signer = ReceiptSigner(b"k" * 32)
    if check.strip() == signer.check_number(CODE):
        return
    with pytest.raises(InvalidInputError) as refused:
        signer.verify_check(CODE, check)
    assert refused.value.message == WRONG_CHECK
