"""`kiosk cases …` on both engines: a case walked from the command line, who sees what, the
citizen's contact shown to a manager's `show` alone and deleted after the retention, the office's
case settings, the Decision 766 parts, and bad input in one line."""

import io
import json
from datetime import date, datetime

import pytest
from sqlalchemy import select

from kiosk.answers import RatingChannel, RatingInput, Satisfaction
from kiosk.db.case_models import CaseContact
from kiosk.db.models import AuditEvent, Rating
from kiosk.services.case_desk import CaseDesk
from kiosk.services.cases import Contact
from kiosk.services.ratings import RatingService
from tests.conftest import MutableClock, run_kiosk
from tests.kiosk.signing import sign_stations

MONDAY = datetime(2026, 11, 23, 9, 30)
NAME, PHONE = "Phạm Thị Lan", "0987654321"
MANAGER, HUONG, DUC = ("0", "9999"), ("1", "1234"), ("2", "1234")  # counter and PIN


@pytest.fixture
def kiosk(database, office, manager, db_url, capsys, monkeypatch):
    """Runs `kiosk cases …` as the person at (counter, PIN), at `at`; returns (exit, out, err)."""

    def run(*args, who=MANAGER, at=MONDAY, as_json=False):
        counter, pin = who
        monkeypatch.setattr("sys.stdin", io.StringIO(pin + "\n"))
        signed_in = ["--clerk", counter] if args[0] != "766" else []  # the figures need no PIN
        argv = ["cases", *args, *signed_in, "--db", db_url, "--lang", "en"]
        code = run_kiosk(argv + (["--json"] if as_json else []), clock=MutableClock(at))
        out = capsys.readouterr()
        return code, out.out.strip(), out.err.strip()

    return run


def no_contact(*outputs):
    for output in outputs:
        assert NAME not in output and PHONE not in output, output


def open_with_contact(kiosk, **options):
    code, out, err = kiosk(
        "open", "--subject", "Thái độ cán bộ", "--text", "Gọi điện phản ánh",
        "--source", "phone", "--contact-name", NAME, "--contact-phone", PHONE,
        *[part for option, value in options.items() for part in (f"--{option}", value)],
    )  # fmt: skip
    assert code == 0, err
    return out


def test_a_case_walks_from_a_phone_petition_to_closed(kiosk, database):
    sign_stations(database, "manager-1")  # the call-back rating joins this station's chain
    out = open_with_contact(kiosk)
    assert out == "Case 2026-0001 opened: the answer is due by Dec 8, 2026, 17:00."
    outputs = [out]

    code, out, err = kiosk("assign", "2026-0001", "--to", "2")
    assert code == 0, err
    assert out.startswith("Case 2026-0001 given to Trần Văn Đức.")
    outputs.append(out)

    code, out, err = kiosk(
        "answer", "2026-0001", "--text", "Đã gọi điện giải thích", "--channel", "phone",
        who=DUC, at=datetime(2026, 11, 27, 10, 0),
    )  # fmt: skip
    assert code == 0, err
    assert "Answer: Đã gọi điện giải thích (by phone, Nov 27, 2026, 10:00)" in out
    outputs.append(out)

    code, out, err = kiosk(
        "rate", "2026-0001", "--satisfaction", "satisfied", "--called-at", "2026-11-30 08:45",
        who=DUC, at=datetime(2026, 11, 30, 9, 0), as_json=True,
    )  # fmt: skip
    assert code == 0, err
    assert json.loads(out)["handling_rated"] == "satisfied"
    outputs.append(out)

    code, out, err = kiosk("close", "2026-0001", at=datetime(2026, 11, 30, 9, 5))
    assert code == 0, err
    assert "State: Closed" in out and "Handling rated: Satisfied" in out
    outputs.append(out)
    no_contact(*outputs)

    code, out, err = kiosk("show", "2026-0001", at=datetime(2026, 11, 30, 9, 10))
    assert f"Call back: {NAME}, {PHONE} (removed on Nov 30, 2027; managers only)." in out
    history = out.split("History:")[1].splitlines()[1:]
    assert [line.split("  ")[2] for line in history] == [
        "Received (By phone) — Võ Minh Tuấn, manager-1",
        "Given to Trần Văn Đức — Võ Minh Tuấn, manager-1",
        "Answered by phone: Đã gọi điện giải thích — Trần Văn Đức, manager-1",
        "The citizen rated the handling: Satisfied — manager-1",
        "Called back at Nov 30, 2026, 08:45 — Trần Văn Đức, manager-1",
        "Closed — Võ Minh Tuấn, manager-1",
    ]
    with database.factory() as session:
        rating = session.scalars(select(Rating).where(Rating.case_id.is_not(None))).one()
        assert (rating.station, rating.channel) == ("manager-1", RatingChannel.PHONE)
        assert rating.signature is not None
    code, out, _ = kiosk(
        "766", "--from", "2026-11-01", "--to", "2026-11-30", at=datetime(2026, 11, 30, 9, 10),
        as_json=True,
    )  # fmt: skip
    assert code == 0
    assert json.loads(out)["cases_satisfied"] | {"title": None} == {
        "title": None, "counted": 1, "good": 1, "rate": 100.0, "points": 6.0, "out_of": 6,
    }  # fmt: skip


def test_the_contact_is_in_a_managers_show_only(kiosk, database):
    sign_stations(database, "manager-1")

    def output(*args, **options):
        code, out, err = kiosk(*args, **options)
        assert code == 0 and out, (args, err)
        return out

    outputs = [open_with_contact(kiosk, **{"about-clerk": "1"})]
    outputs += [output("open", "--subject", "Kiến nghị", as_json=True)]
    outputs += [output("assign", "2026-0001", "--to", "2", as_json=j) for j in (False, True)]
    for who in (MANAGER, DUC, HUONG):
        for as_json in (False, True):
            outputs.append(output("list", who=who, as_json=as_json))
            outputs.append(output("list", "--alerts", "--state", "assigned", who=who))
    outputs += [output("show", "2026-0001", who=DUC, as_json=j) for j in (False, True)]
    outputs += [
        output("answer", "2026-0001", "--text", "Đã trả lời", "--channel", "sms", who=DUC),
        output("rate", "2026-0001", "--satisfaction", "dissatisfied", who=DUC, as_json=True),
        output("close", "2026-0001", as_json=True),
        output("transfer", "2026-0002", "--to", "UBND huyện", as_json=True),
        output("766", "--from", "2026-11-01", "--to", "2026-11-30"),
        output("settings", as_json=True),
    ]
    no_contact(*outputs)

    _, text, _ = kiosk("show", "2026-0001")
    _, data, _ = kiosk("show", "2026-0001", as_json=True)
    assert NAME in text and PHONE in text
    assert json.loads(data)["contact"] == {"name": NAME, "phone": PHONE}


def test_a_clerk_is_told_there_is_no_case_about_them(kiosk):
    open_with_contact(kiosk, **{"about-clerk": "1"})
    code, out, err = kiosk("assign", "2026-0001", "--to", "1")
    assert code == 1 and out == ""
    assert err == "kiosk: Case 2026-0001 is about Nguyễn Thị Hương: give it to someone else."
    assert kiosk("assign", "2026-0001", "--to", "2")[0] == 0
    assert kiosk("list", who=HUONG)[1] == "0 cases"
    assert json.loads(kiosk("list", who=HUONG, as_json=True)[1]) == []
    code, out, err = kiosk("show", "2026-0001", who=HUONG)
    assert (code, out, err) == (1, "", "kiosk: There is no case 2026-0001.")
    code, _, err = kiosk("answer", "2026-0001", "--text", "x", "--channel", "sms", who=HUONG)
    assert (code, err) == (1, "kiosk: There is no case 2026-0001.")
    # Đức, who has it, sees it without the contact.
    code, out, _ = kiosk("show", "2026-0001", who=DUC, as_json=True)
    assert code == 0 and json.loads(out)["contact"] is None


def test_the_contact_is_gone_after_the_retention_the_office_set(kiosk, database):
    code, out, err = kiosk("settings", "--contact-months", "1")
    assert code == 0, err
    assert "removed 1 months after the case is closed" in out
    open_with_contact(kiosk)
    kiosk("assign", "2026-0001", "--to", "2")
    kiosk("answer", "2026-0001", "--text", "Đã gặp trực tiếp", "--channel", "in_person")
    kiosk("close", "2026-0001", at=datetime(2026, 11, 30, 9, 0))

    _, out, _ = kiosk("show", "2026-0001", at=datetime(2026, 12, 29, 16, 0), as_json=True)
    assert json.loads(out)["contact_removed_on"] == "2026-12-30"
    assert NAME in out
    code, out, _ = kiosk("show", "2026-0001", at=datetime(2026, 12, 30, 8, 0))
    assert code == 0 and "State: Closed" in out
    no_contact(out)
    assert "Call back:" not in out
    with database.factory() as session:
        assert session.scalars(select(CaseContact)).all() == []


def test_only_a_manager_changes_the_case_settings_and_it_is_audited(kiosk, database):
    code, out, err = kiosk("settings", who=HUONG)
    assert code == 0, err
    assert out.splitlines() == [
        "A case is answered within 10 working days.",
        "A citizen's contact is removed 12 months after the case is closed.",
        "(The national portal counts a case as answered on time for Decision 766 within 15 "
        "working days.)",
    ]
    code, out, err = kiosk("settings", "--days", "15", who=HUONG)
    assert (code, out, err) == (1, "", "kiosk: Only a manager changes the office's case settings.")
    code, _, err = kiosk("settings", "--days", "0")
    assert (code, err) == (1, "kiosk: The time to answer a case is 1 to 60 working days, not 0.")
    code, out, _ = kiosk("settings", "--days", "15", as_json=True)
    assert code == 0 and json.loads(out) == {"case_days": 15, "contact_months": 12}
    # 15 working days from Monday 23/11, the 24th a holiday of the office's calendar.
    assert "due by Dec 15, 2026, 17:00" in kiosk("open", "--subject", "Kiến nghị")[1]
    with database.factory() as session:
        change = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "office.case_settings")
        ).one()
    assert change.clerk_id == 3 and change.details["after"]["case_days"] == 15


def test_the_766_parts_come_out_as_computed_by_hand(kiosk, database):
    """2 cases: one answered on time and rated satisfied, one still unanswered after its due
    time: on time 1/2 and satisfied 1/2 → 3.00 points each; no dossier due → 0; total 6.00."""
    sign_stations(database, "manager-1")
    for subject in ("Kiến nghị 1", "Kiến nghị 2"):
        kiosk("open", "--subject", subject)
        kiosk("assign", "2026-000" + subject[-1], "--to", "2")
    kiosk("answer", "2026-0001", "--text", "Đã trả lời", "--channel", "letter", who=DUC)
    kiosk("rate", "2026-0001", "--satisfaction", "very_satisfied", who=DUC)
    code, out, err = kiosk("766", "--from", "23/11/2026", "--to", "2026-12-31",
                           at=datetime(2026, 12, 31, 12, 0))  # fmt: skip
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "Decision 766, satisfaction group, Nov 23, 2026 – Dec 31, 2026"
    assert lines[3].split() == [*"Feedback cases handled on time".split(), "2", "1", "50", "%",
                                "3.00", "/", "6"]  # fmt: skip
    assert lines[5] == "Total: 6.00 / 18"
    assert "national public service portal" in lines[6]
    _, out, _ = kiosk("list", "--alerts", at=datetime(2026, 12, 31, 12, 0))
    assert "2026-0002" in out and "Overdue" in out and "2026-0001" not in out


@pytest.mark.parametrize(
    ("args", "who", "message"),
    [
        (("show", "2026-0099"), MANAGER, "There is no case 2026-0099."),
        (("answer", "2026-0001", "--text", "Đã trả lời", "--channel", "fax"), DUC,
         "'fax' is not one of: in_person, phone, letter, sms."),
        (("rate", "2026-0001", "--satisfaction", "happy"), DUC,
         "'happy' is not one of: very_satisfied, satisfied, neutral, dissatisfied, "
         "very_dissatisfied."),
        (("answer", "2026-0001", "--text", "Đã trả lời", "--channel", "phone"), ("2", "0000"),
         "Wrong counter number or PIN (4 tries left)."),
        (("list", "--from", "31/11/2026"), MANAGER,
         "'31/11/2026' is not a date (use 2026-11-23 or 23/11/2026)."),
        (("open", "--subject", "X", "--contact-name", NAME), MANAGER,
         "To be called back, give both --contact-name and --contact-phone."),
        (("open", "--subject", "X", "--source", "kiosk"), MANAGER,
         "'kiosk' is not one of: in_person, phone, mail."),
        (("close", "2026-0001"), DUC, "Only a manager assigns, closes or transfers a case."),
        (("list",), ("0", ""), "The PIN of counter 0 is needed."),
    ],
)  # fmt: skip
def test_bad_input_is_one_line_and_changes_nothing(kiosk, args, who, message):
    open_with_contact(kiosk)
    kiosk("assign", "2026-0001", "--to", "2")
    code, out, err = kiosk(*args, who=who)
    assert (code, out, err) == (1, "", f"kiosk: {message}")
    _, out, _ = kiosk("show", "2026-0001", as_json=True)
    case = json.loads(out)["case"]
    assert (case["state"], case["answer"], case["handling_rated"]) == ("assigned", None, None)


def test_a_call_back_asked_for_at_the_kiosk_is_handled_from_the_command_line(
    kiosk, database, db_url
):
    """The issue's walk: an unhappy rating with a call-back request at the kiosk, then the
    case answered by phone, its handling rated on the call-back, and closed, all by command."""
    signer = sign_stations(database, "kiosk-1", "manager-1")
    clock = MutableClock(MONDAY)
    rating = RatingService(database.factory, station="kiosk-1", clock=clock, signer=signer).record(
        RatingInput(Satisfaction.DISSATISFIED, service_code="HT-KS", comment="Chờ quá lâu")
    )
    CaseDesk(database.factory, station="kiosk-1", clock=clock).call_back(
        rating.id, Contact(NAME, PHONE)
    )
    code, out, _ = kiosk("list", "--alerts", at=datetime(2026, 12, 7, 9, 0))
    assert code == 0 and "2026-0001" in out and "Due within 1 working day" in out
    no_contact(out)
    assert kiosk("assign", "2026-0001", "--to", "2")[0] == 0
    code, _, err = kiosk("answer", "2026-0001", "--text", "Đã giải thích", "--channel",
                         "phone", who=DUC, at=datetime(2026, 12, 7, 14, 0))  # fmt: skip
    assert code == 0, err
    at = datetime(2026, 12, 8, 10, 0)
    assert kiosk("rate", "2026-0001", "--satisfaction", "satisfied", who=DUC, at=at)[0] == 0
    assert kiosk("close", "2026-0001", at=at)[0] == 0
    _, out, _ = kiosk("show", "2026-0001", at=at, as_json=True)
    detail = json.loads(out)
    assert detail["case"]["source"] == "rating" and detail["case"]["state"] == "closed"
    assert detail["contact"] == {"name": NAME, "phone": PHONE}
    assert detail["contact_removed_on"] == date(2027, 12, 8).isoformat()
    assert [e["action"] for e in detail["events"]] == [
        "open", "call_back_asked", "assign", "answer", "rate", "call_back", "close",
    ]  # fmt: skip
    assert run_kiosk(["verify", "--db", db_url], clock=MutableClock(at)) == 0
