"""The hash chain's bytes never change: the fast encoder writes exactly what the standard
library's canonical json.dumps writes, for any answers a citizen could give."""

import json

from hypothesis import given
from hypothesis import strategies as st

from kiosk.chain import canonical_json

payloads = st.fixed_dictionaries(
    {
        "id": st.uuids().map(str),
        "station": st.text(max_size=60),
        "station_sequence": st.integers(min_value=1, max_value=2**53),
        "created_at": st.datetimes().map(lambda d: d.isoformat(timespec="microseconds")),
        "channel": st.sampled_from(["kiosk", "paper"]),
        "ticket_id": st.none() | st.uuids().map(str),
        "service_id": st.integers(min_value=1, max_value=10**6),
        "clerk_id": st.none() | st.integers(min_value=1, max_value=10**6),
        "scale": st.sampled_from([3, 5]),
        "satisfaction": st.sampled_from(["very_satisfied", "satisfied", "dissatisfied"]),
        "contacts_score": st.none() | st.integers(0, 2),
        "agencies_score": st.none() | st.integers(0, 2),
        "conduct_complaint": st.none() | st.booleans(),
        "reasons": st.lists(st.text(max_size=20), max_size=6),
        # Any Unicode a comment can hold: control characters, right-to-left, emoji, surrogates
        # excepted (the kiosk's text is valid UTF-8).
        "comment": st.none() | st.text(st.characters(exclude_categories=["Cs"]), max_size=300),
        "partial": st.booleans(),
    }
)


@given(payloads, st.text("0123456789abcdef", min_size=64, max_size=64))
def test_fast_canonical_json_is_the_standard_librarys_byte_for_byte(payload, prev_hash):
    standard = json.dumps(
        {"prev": prev_hash, "rating": payload},
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    ).encode("utf-8")
    assert canonical_json(prev_hash, payload) == standard
