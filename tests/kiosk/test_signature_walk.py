"""The signature walk over any chain: whatever is appended, or rewritten from any rating on,
without the station's key, the first rating it touched is the one named."""

import uuid
from types import SimpleNamespace

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.chain import (
    BAD_SIGNATURE,
    GENESIS_HASH,
    UNSIGNED,
    KeySpan,
    rating_hash,
    verify_station,
)
from kiosk.station_keys import StationSigner, signature_verifier

GENUINE = StationSigner(Ed25519PrivateKey.generate())
FOREIGN = StationSigner(Ed25519PrivateKey.generate())
KEYS = [KeySpan(1, signature_verifier(GENUINE.public_hex))]


def payload(row):
    return {"id": row.id, "station": "kiosk-1", "no": row.station_sequence, "face": row.face}


def chain(length):
    rows, prev = [], GENESIS_HASH
    for number in range(1, length + 1):
        row = SimpleNamespace(
            id=str(uuid.UUID(int=number)), station="kiosk-1", station_sequence=number, face="ok"
        )
        row.prev_hash, row.hash = prev, rating_hash(payload(row), prev)
        row.signature = GENUINE.sign(row.hash)
        rows.append(row)
        prev = row.hash
    return rows


def rewrite_from(rows, index, signer):
    """Edits rating `index` (0-based) and recomputes every hash after it, signed by `signer`."""
    rows[index].face = "very happy"
    prev = rows[index - 1].hash if index else GENESIS_HASH
    for row in rows[index:]:
        row.prev_hash, row.hash = prev, rating_hash(payload(row), prev)
        row.signature = signer.sign(row.hash) if signer else row.signature
        prev = row.hash


def walk(rows):
    return verify_station(rows, payload=payload, keys=KEYS)[2]


@settings(max_examples=60, deadline=None)
@given(length=st.integers(1, 30), data=st.data())
def test_a_rewrite_without_the_key_is_named_where_it_starts(length, data):
    rows = chain(length)
    assert walk(rows) is None
    index = data.draw(st.integers(0, length - 1))
    rewrite_from(rows, index, data.draw(st.sampled_from([None, FOREIGN])))
    broken = walk(rows)
    assert broken is not None and broken.problem == BAD_SIGNATURE
    assert broken.sequence == index + 1


@settings(max_examples=30, deadline=None)
@given(length=st.integers(0, 30), signer=st.sampled_from([None, FOREIGN]))
def test_an_appended_rating_is_named(length, signer):
    rows = chain(length)
    prev = rows[-1].hash if rows else GENESIS_HASH
    extra = SimpleNamespace(
        id=str(uuid.uuid4()), station="kiosk-1", station_sequence=length + 1, face="very happy"
    )
    extra.prev_hash, extra.hash = prev, rating_hash(payload(extra), prev)
    extra.signature = signer.sign(extra.hash) if signer else None
    broken = walk([*rows, extra])
    assert broken is not None and broken.sequence == length + 1
    assert broken.problem == (BAD_SIGNATURE if signer else UNSIGNED)
