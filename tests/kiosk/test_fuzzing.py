"""Everything that reads outside data, fed anything: settings files, paper-slip CSVs, comments,
and the kiosk's flow under any burst of scans, taps and time. Nothing crashes; a refusal is a
KioskError with words for the user."""

import unicodedata
from dataclasses import fields
from datetime import datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from kiosk.answers import COMPLAINT_REASONS, MAX_COMMENT, Satisfaction
from kiosk.config import Settings, load_settings, parse_settings
from kiosk.csv_table import RowsRefusedError
from kiosk.errors import InvalidInputError, KioskError
from kiosk.rating_flow import FlowSettings, RatingFlow, Step
from kiosk.services.paper_slips import COLUMNS, parse_slips
from kiosk.services.ratings import clean_comment
from kiosk.views import ServiceView
from tests.conftest import NOW, MutableClock

SETTING_NAMES = [f.name for f in fields(Settings)]
ANY_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=400)
TOML_VALUES = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | ANY_TEXT


@given(st.sampled_from(SETTING_NAMES), TOML_VALUES.filter(lambda v: v is not None))
def test_a_setting_with_any_value_is_taken_or_refused_naming_its_key(key, value):
    try:
        parse_settings({key: value})
    except InvalidInputError as error:
        assert key in str(error)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300) | ANY_TEXT.map(lambda t: t.encode("utf-8")))
def test_a_settings_file_of_any_bytes_is_read_or_refused_in_words(tmp_path, content):
    path = tmp_path / "kiosk.toml"
    path.write_bytes(content)
    try:
        load_settings(path)
    except InvalidInputError as error:
        assert str(error)


CELL_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=30)


def mostly_valid(valid, junk=CELL_TEXT):
    """Cells that are usually right, so the parser's later checks get exercised too."""
    return st.one_of(valid, valid, valid, junk)


SLIP_ROWS = st.lists(
    st.fixed_dictionaries(
        {
            "date": mostly_valid(
                st.datetimes(NOW - timedelta(days=360), NOW).map(datetime.isoformat)
            ),
            "dossier_code": CELL_TEXT,
            "service_code": mostly_valid(st.just("HT-KS")),
            "satisfaction": mostly_valid(st.sampled_from([s.value for s in Satisfaction])),
            "contacts": mostly_valid(st.sampled_from(["", "0", "1", "2"])),
            "agencies": mostly_valid(st.sampled_from(["", "0", "1", "2"])),
            "complaint": mostly_valid(st.sampled_from(["", "có", "không", "yes", "no"])),
            "reasons": mostly_valid(st.lists(st.sampled_from(COMPLAINT_REASONS)).map(";".join)),
            "comment": ANY_TEXT,
        }
    ),
    max_size=8,
)


@given(SLIP_ROWS, st.permutations(COLUMNS))
def test_a_paper_slip_file_of_any_rows_is_read_or_refused_in_words(rows, columns):
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns)
    writer.writeheader()
    writer.writerows(rows)
    try:
        slips = parse_slips(buffer.getvalue(), NOW)
    except RowsRefusedError as error:
        assert all("Row" in problem.message for problem in error.problems)
    except InvalidInputError as error:
        assert "column" in error.message
    else:
        assert len(slips) == len([row for row in rows if any(v.strip() for v in row.values())])
        assert all(slip.answers.channel.value == "paper" for slip in slips)


@given(st.binary(max_size=200).map(lambda b: b.decode("latin-1")))
def test_a_paper_slip_file_of_any_text_is_read_or_refused_in_words(text):
    try:
        parse_slips(text, NOW)
    except InvalidInputError as error:
        assert str(error)


@given(ANY_TEXT | st.text(max_size=5000))
def test_any_comment_is_kept_clean_whole_and_bounded(text):
    cleaned = clean_comment(text)
    if cleaned is None:
        return
    assert len(cleaned) <= MAX_COMMENT
    assert unicodedata.is_normalized("NFC", cleaned)
    assert all(c == "\n" or unicodedata.category(c) != "Cc" for c in cleaned)


SERVICE = ServiceView("HT-KS", "Đăng ký khai sinh", "Birth registration", "Hộ tịch", 0, True)


class KioskUnderAnyBurst(RuleBasedStateMachine):
    """Random taps, scans, typed text and time on the kiosk's flow: it never raises, always
    stands on a known step, and every rating it hands over for saving is well formed."""

    def __init__(self) -> None:
        super().__init__()
        self.clock = MutableClock(datetime(2026, 11, 23, 9, 0))
        self.flow = RatingFlow(
            self.clock, ticks=self.clock.ticks, office_code="000.00.30.H12", settings=FlowSettings()
        )

    @rule(text=ANY_TEXT | st.sampled_from(["KIOSK1:000.00.30.H12-261123-0001:AAAA"]))
    def scan(self, text):
        self.flow.submit_code(text)

    @rule(digits=st.text("0123456789", max_size=14))
    def keypad(self, digits):
        self.flow.open_keypad()
        for digit in digits:
            self.flow.press_digit(digit)
        self.flow.submit_keypad()

    @rule()
    def start(self):
        self.flow.start()

    @rule()
    def walk_in(self):
        self.flow.rate_without_receipt()
        self.flow.pick_service(SERVICE)
        self.flow.begin_rating()

    @rule(face=st.sampled_from(list(Satisfaction)))
    def face(self, face):
        self.flow.choose_face(face)

    @rule(value=st.sampled_from([0, 1, 2, None, True, False]))
    def answer(self, value):
        self.check(self.flow.answer(value))

    @rule(reason=st.sampled_from(COMPLAINT_REASONS), comment=ANY_TEXT)
    def reasons(self, reason, comment):
        self.flow.toggle_reason(reason)
        self.flow.set_comment(comment)
        self.check(self.flow.finish())

    @rule()
    def back(self):
        self.flow.back()

    @rule(seconds=st.integers(min_value=0, max_value=120))
    def wait(self, seconds):
        self.clock.now += timedelta(seconds=seconds)
        self.check(self.flow.tick())

    @rule()
    def home(self):
        self.flow.home()

    def check(self, pending):
        if pending is None:
            return
        answers = pending.answers
        assert answers.satisfaction in Satisfaction
        assert answers.dossier_code or answers.service_code
        assert set(answers.reasons) <= set(COMPLAINT_REASONS)
        self.flow.saved(pending)

    @invariant()
    def on_a_known_step(self):
        assert isinstance(self.flow.step, Step)


TestKioskUnderAnyBurst = KioskUnderAnyBurst.TestCase
TestKioskUnderAnyBurst.settings = settings(max_examples=60, stateful_step_count=40)


def test_a_file_without_the_columns_is_refused_naming_one():
    with pytest.raises(KioskError, match="date"):
        parse_slips("no,header\n1,2\n", NOW)
