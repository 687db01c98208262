"""`kiosk services add|edit|retire|import` and `kiosk clerks deactivate|pin` as typed: PINs from
standard input (the manager's first, then the new one), answers and refusals in words.

In English: the Vietnamese of these new messages is added to the catalogues at merge, and
tests/kiosk/test_translations.py checks that every message has it."""

import io
import json

import pytest
from openpyxl import Workbook

from tests.conftest import run_kiosk

pytestmark = pytest.mark.sqlite_only  # the storage underneath is tested on both engines


@pytest.fixture
def kiosk(database, manager, db_url, capsys, monkeypatch):
    def run(*args, stdin=""):
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = run_kiosk([*args, "--db", db_url, "--lang", "en"])
        out = capsys.readouterr()
        return code, out.out.strip(), out.err.strip()

    return run


def test_a_service_is_added_edited_retired_and_restored_from_the_command_line(kiosk):
    code, out, err = kiosk(
        "services", "add", "1.000894", "--name-vi", "Đăng ký kết hôn", "--field", "Hộ tịch",
        "--days", "5", "--manager", "0", stdin="9999\n",
    )  # fmt: skip
    assert code == 0, err
    assert out == "Service added: 1.000894 — Đăng ký kết hôn (Hộ tịch, 5 working days)."
    code, out, _ = kiosk(
        "services", "edit", "1.000894", "--days", "3", "--manager", "0", stdin="9999\n"
    )
    assert code == 0 and "3 working days" in out
    assert "Dossiers already received keep their appointments." in out
    code, out, _ = kiosk("services", "retire", "1.000894", "--manager", "0", stdin="9999\n")
    assert code == 0
    _, out, _ = kiosk("services", "list")
    assert "1.000894" not in out
    _, out, _ = kiosk("services", "list", "--all")
    assert "1.000894" in out and "(retired)" in out
    code, _, _ = kiosk(
        "services", "retire", "1.000894", "--restore", "--manager", "0", stdin="9999\n"
    )
    _, out, _ = kiosk("services", "list")
    assert code == 0 and "1.000894" in out


def test_a_change_without_the_managers_pin_is_refused_in_one_line(kiosk):
    code, out, err = kiosk("services", "retire", "HT-KS", "--manager", "0", stdin="")
    assert code == 1 and out == "" and len(err.splitlines()) == 1 and "Traceback" not in err
    code, _, err = kiosk("services", "retire", "HT-KS", "--manager", "1", stdin="1234\n")
    assert code == 1 and "Counter 1 is not a manager's" in err
    _, out, _ = kiosk("services", "list")
    assert "HT-KS" in out


def test_a_clerks_pin_is_changed_with_the_managers_pin_then_the_new_one(kiosk):
    code, out, err = kiosk("clerks", "pin", "2", "--manager", "0", stdin="9999\n5678\n")
    assert code == 0, err
    assert "Trần Văn Đức" in out and "5678" not in out
    code, _, err = kiosk("clerks", "pin", "2", "--manager", "0", stdin="9999\n12\n")
    assert code == 1 and "4 to 8 digits" in err


def test_a_deactivated_clerk_leaves_the_list_and_the_last_manager_stays(kiosk):
    code, out, err = kiosk("clerks", "deactivate", "1", "--manager", "0", stdin="9999\n")
    assert code == 0, err
    _, out, _ = kiosk("clerks", "list")
    assert "Nguyễn Thị Hương" not in out and "Trần Văn Đức" in out
    _, out, _ = kiosk("clerks", "list", "--all")
    assert "Nguyễn Thị Hương" in out
    code, _, err = kiosk("clerks", "deactivate", "3", "--manager", "0", stdin="9999\n")
    assert code == 1 and "last active manager" in err


def test_an_import_with_a_refused_row_writes_nothing_and_lists_the_row(kiosk, tmp_path):
    book = Workbook()
    for row in (
        ["Mã thủ tục", "Tên thủ tục", "Lĩnh vực", "Thời hạn giải quyết"],
        ["1.001193", "Đăng ký khai sinh", "Hộ tịch", "Trong ngày"],
        ["2.000986", "Cấp bản sao trích lục", "Hộ tịch", "30 ngày"],
    ):
        book.active.append(row)
    path = tmp_path / "tthc.xlsx"
    book.save(path)
    code, out, _ = kiosk("services", "import", str(path), "--manager", "0", stdin="9999\n")
    assert code == 1
    assert "Row 3 (2.000986) refused" in out and "Nothing was imported" in out
    _, out, _ = kiosk("services", "list")
    assert "1.001193" not in out
    book.active["D3"] = "30 ngày làm việc"
    book.save(path)
    code, out, _ = kiosk("services", "import", str(path), "--dry-run", "--json")
    assert code == 0 and json.loads(out)["added"] == ["1.001193", "2.000986"]
    code, out, _ = kiosk("services", "import", str(path), "--json")
    assert code == 1  # no manager named
    code, out, _ = kiosk("services", "import", str(path), "--manager", "0", stdin="9999\n")
    assert code == 0
    _, out, _ = kiosk("services", "list")
    assert "1.001193" in out and "2.000986" in out
