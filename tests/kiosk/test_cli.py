import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from tests.conftest import NOW, MutableClock, run_kiosk

KIOSK = str(Path(sys.executable).parent / "kiosk")


def run_cli(capsys, *args, at=None):
    code = run_kiosk(list(args), MutableClock(at) if at else None)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_demo_seeds_once_and_twice_adds_nothing(db_url, capsys):
    code, out, _ = run_cli(capsys, "demo", "--no-gui", "--db", db_url, "--json")
    first = json.loads(out)
    assert code == 0 and first["created"]
    assert first["services"] >= 20 and first["clerks"] >= 4
    assert first["dossiers"] > 300 and first["ratings"] > 100
    assert first["late"] > 0 and first["reappointed"] > 0
    code, out, _ = run_cli(capsys, "demo", "--no-gui", "--db", db_url, "--json")
    second = json.loads(out)
    assert not second["created"]
    assert {k: second[k] for k in ("dossiers", "ratings", "clerks", "services")} == {
        k: first[k] for k in ("dossiers", "ratings", "clerks", "services")
    }
    code, out, _ = run_cli(capsys, "verify", "--db", db_url, "--json")
    assert code == 0 and json.loads(out)["ratings_checked"] == first["ratings"]


def test_demo_late_list_matches_dossiers_past_their_appointment(db_url, capsys):
    run_cli(capsys, "demo", "--no-gui", "--db", db_url)
    _, out, _ = run_cli(capsys, "dossier", "list", "--db", db_url, "--json")
    everything = json.loads(out)
    _, out, _ = run_cli(capsys, "dossier", "list", "--status", "late", "--db", db_url, "--json")
    late = json.loads(out)
    today = NOW.date().isoformat()
    past_appointment = {
        t["code"] for t in everything if (t["returned_at"] or today)[:10] > t["due_at"][:10]
    }
    assert late and {t["code"] for t in late} == past_appointment


def test_dossier_add_prints_code_and_appointment_in_vietnamese(database, office, db_url, capsys):
    code, out, _ = run_cli(
        capsys,
        "dossier",
        "add",
        "--service",
        "HT-XNHN",
        "--clerk",
        "1",
        "--name",
        "Nguyễn Văn An",
        "--db",
        db_url,
        at=datetime(2026, 4, 28, 10, 0),
    )
    assert code == 0
    assert "Mã hồ sơ: 000.00.30.H12-260428-0001" in out
    assert "Hẹn trả kết quả: 17:00 05/05/2026" in out
    code, out, _ = run_cli(
        capsys,
        "dossier",
        "return",
        "000.00.30.h12-260428-0001",
        "--clerk",
        "1",
        "--db",
        db_url,
        at=datetime(2026, 5, 5, 9, 0),
    )
    assert code == 0 and "đúng hạn" in out


def test_dossier_show_json_is_machine_readable(database, office, db_url, capsys):
    run_cli(
        capsys,
        "dossier",
        "add",
        "--service",
        "HT-KS",
        "--clerk",
        "2",
        "--db",
        db_url,
        at=datetime(2026, 11, 23, 16, 0),
    )
    code, out, _ = run_cli(
        capsys, "--json", "dossier", "show", "000.00.30.H12-261123-0001", "--db", db_url
    )
    data = json.loads(out)
    assert data["due_at"] == "2026-11-25T17:00:00"
    assert data["service_name_vi"] == "Đăng ký khai sinh"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["dossier", "show", "000.00.30.H12-261123-0001"], "Không tìm thấy hồ sơ"),
        (["dossier", "show", "abc"], "không phải là mã hồ sơ"),
        (["dossier", "add", "--service", "KHONG-CO", "--clerk", "1"], "Không có thủ tục"),
        (
            ["dossier", "add", "--service", "HT-KS", "--clerk", "1", "--received", "hôm qua"],
            "không phải là ngày giờ",
        ),
    ],
)
def test_errors_are_one_translated_line_without_traceback(database, office, db_url, args, words):
    result = subprocess.run([KIOSK, *args, "--db", db_url], capture_output=True, text=True)
    assert result.returncode != 0
    assert words in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_database_that_cannot_be_opened_is_reported(tmp_path):
    url = f"sqlite:///{tmp_path / 'missing-folder' / 'kiosk.sqlite3'}"
    result = subprocess.run(
        [KIOSK, "services", "list", "--db", url, "--lang", "en"], capture_output=True, text=True
    )
    assert result.returncode != 0
    assert result.stderr.startswith("kiosk: Cannot open the database")


@pytest.mark.sqlite_only  # reads the SQLite file itself
def test_clerk_pin_is_stored_only_as_argon2_hash(database, office, db_url):
    result = subprocess.run(
        [KIOSK, "clerks", "add", "Lê Thị Ngọc Ánh", "--counter", "3", "--db", db_url],
        input="482913\n",
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    raw = Path(db_url.removeprefix("sqlite:///")).read_bytes()
    assert b"482913" not in raw
    from sqlalchemy import select

    from kiosk.db.models import Clerk
    from kiosk.pins import pin_matches

    with database.factory() as session:
        clerk = session.scalar(select(Clerk).where(Clerk.counter == 3))
        assert clerk.pin_hash.startswith("$argon2id$")
        assert pin_matches(clerk.pin_hash, "482913") and not pin_matches(clerk.pin_hash, "482914")


def test_run_without_a_screen_says_so(db_url):
    env = {"PATH": "/usr/bin:/bin", "HOME": "/tmp"}
    result = subprocess.run(
        [KIOSK, "run", "--db", db_url, "--lang", "en"], capture_output=True, text=True, env=env
    )
    assert result.returncode != 0
    assert "no screen" in result.stderr and "Traceback" not in result.stderr


def test_every_change_lands_in_the_audit_log(db_url, capsys):
    run_cli(
        capsys,
        "office",
        "init",
        "--code",
        "000.00.31.h12",
        "--name",
        "UBND xã Phú Lộc",
        "--db",
        db_url,
    )
    from sqlalchemy import select

    from kiosk.db.models import AuditEvent, Service
    from kiosk.db.open import open_database

    database = open_database(db_url)
    with database.factory.begin() as session:
        session.add(
            Service(
                code="CT-BS",
                name_vi="Chứng thực bản sao",
                name_en="Certified copy",
                field="Chứng thực",
                processing_days=0,
            )
        )
    subprocess.run(
        [KIOSK, "clerks", "add", "Hà Thị Mai", "--counter", "1", "--db", db_url],
        input="2468\n",
        capture_output=True,
        text=True,
        check=True,
    )
    _, out, _ = run_cli(
        capsys, "--json", "dossier", "add", "--service", "ct-bs", "--clerk", "1", "--db", db_url
    )
    code = json.loads(out)["code"]
    assert code.startswith("000.00.31.H12-")
    run_cli(capsys, "dossier", "return", code, "--clerk", "1", "--db", db_url)
    with database.factory() as session:
        events = [
            (e.action, e.subject, e.clerk_id)
            for e in session.scalars(select(AuditEvent).order_by(AuditEvent.id))
        ]
    database.engine.dispose()
    assert [e[0] for e in events] == [
        "office.create",
        "clerk.add",
        "ticket.register",
        "ticket.return",
    ]
    assert events[2][1:] == (code, 1) and events[3][1:] == (code, 1)
