"""Two offices in one database never see, change or count each other's work.

Every `kiosk` command is run with `--office A` on a database that also holds office B: what A
does is A's alone (B's rows are the same afterwards), what A is shown names nothing of B's, and
B's dossiers read as unknown. To cover a new command, add a line to A_COMMANDS (or B_DOSSIER_
COMMANDS when it takes a dossier code)."""

from __future__ import annotations

import csv
import io
import json
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from kiosk.db.models import Clerk, ClerkRole, Dossier, Office, TimingCorrection
from kiosk.i18n import Translator
from tests.conftest import run_kiosk
from tests.kiosk.offices_fixtures import (
    A_MANAGER_PIN,
    B_CLERK,
    B_KIOSK,
    A,
    B,
    TwoOffices,
    b_state,
    leaks,
    office_b_data_home,
    seed_two_offices,
)
from tests.kiosk.printer_fixtures import SocketPrinter

PERIOD = ("--from", "2026-11-16", "--to", "2026-11-23")


@dataclass(frozen=True)
class Command:
    argv: str  # {db}, {out} and the offices' dossier codes ({a.late}, {b.open} …) filled in
    stdin: str = ""

    def args(self, two: TwoOffices, db: str, out: Path) -> list[str]:
        words = shlex.split(self.argv)
        filled = [w.format(a=two.a, b=two.b, out=out) for w in words]
        return [*filled, "--office", A, "--db", db]


# What a clerk or manager of office A runs; each must work and show nothing of B's.
A_COMMANDS = {
    "dossier list": Command("dossier list"),
    "dossier list late": Command("dossier list --status late"),
    "dossier list json": Command("dossier list --json"),
    "dossier show": Command("dossier show {a.open}"),
    "dossier add": Command("dossier add --service HT-KS --clerk 1 --name 'Trần Thị Cúc'"),
    "dossier return": Command("dossier return {a.due_today} --clerk 1"),
    # A time in the past, approved by A's manager (counter 0, PIN 9999, as B's manager's are).
    "dossier return corrected": Command(
        "dossier return {a.due_today} --clerk 1 --at 2026-11-23T09:00 --manager 0 "
        "--reason 'Trả giấy, quên ghi máy'",
        stdin=f"{A_MANAGER_PIN}\n",
    ),
    "dossier reappoint": Command(
        "dossier reappoint {a.due_today} --to 2026-11-27 --reason 'Chờ xác minh của xã khác' "
        "--clerk 1"
    ),
    "dossier supplemented": Command("dossier supplemented {a.waiting} --clerk 1"),
    "print receipt out": Command("print receipt {a.open} --out {out}/01.pdf"),
    "print supplement out": Command(
        "print supplement {a.open} --missing 'Bản sao sổ hộ khẩu' --reason Thiếu --clerk 1 "
        "--out {out}/02.pdf"
    ),
    "print refusal out": Command(
        "print refusal {a.open} --reason 'Không thuộc thẩm quyền' --out {out}/03.pdf"
    ),
    "print apology out": Command("print apology {a.late} --out {out}/04.pdf"),
    "print receipt": Command("print receipt {a.open}"),
    "print pending": Command("print pending"),
    "print retry": Command("print retry"),
    "export csv": Command("export daily --from 2026-11-16 --to 2026-11-23 --out {out}/csv"),
    "export xlsx": Command("export daily --from 2026-11-16 --to 2026-11-23 --out {out}/r.xlsx"),
    "export pdf": Command("export daily --from 2026-11-16 --to 2026-11-23 --out {out}/r.pdf"),
    "ratings paper": Command("ratings paper --file {out}/slips.csv"),
    "verify": Command("verify"),
    "verify json": Command("verify --json"),
    "services list": Command("services list"),
    "services documents": Command("services documents HT-KS"),
    "clerks list": Command("clerks list"),
    "clerks add": Command("clerks add 'Lý Văn Mới' --counter 7", stdin="4321\n"),
    "office show": Command("office show"),
    "office targets": Command("office targets --satisfaction 90"),
    "office hotline": Command("office hotline 1022"),
    # Each office has its case 2026-0001, opened by its kiosk's unhappy comment.
    "cases list": Command("cases list --clerk 0 --json", stdin=f"{A_MANAGER_PIN}\n"),
    "cases show": Command("cases show 2026-0001 --clerk 0", stdin=f"{A_MANAGER_PIN}\n"),
    "cases assign": Command("cases assign 2026-0001 --to 2 --clerk 0", stdin=f"{A_MANAGER_PIN}\n"),
    "cases open": Command("cases open --subject 'Kiến nghị' --clerk 0", stdin=f"{A_MANAGER_PIN}\n"),
    "cases 766": Command("cases 766 --from 2026-11-16 --to 2026-11-23"),
    "cases settings": Command("cases settings --days 15 --clerk 0", stdin=f"{A_MANAGER_PIN}\n"),
}

# A's commands naming one of B's dossiers: each must say the dossier is unknown, change nothing.
B_DOSSIER_COMMANDS = {
    "dossier show": Command("dossier show {b.open}"),
    "dossier return": Command("dossier return {b.due_today} --clerk 1"),
    "dossier return corrected": Command(
        "dossier return {b.due_today} --clerk 1 --at 2026-11-23T09:00 --manager 0 --reason Quên",
        stdin=f"{A_MANAGER_PIN}\n",
    ),
    "dossier reappoint": Command(
        "dossier reappoint {b.due_today} --to 2026-11-27 --reason Chờ --clerk 1"
    ),
    "dossier supplemented": Command("dossier supplemented {b.waiting} --clerk 1"),
    "print receipt out": Command("print receipt {b.open} --out {out}/01.pdf"),
    "print supplement out": Command(
        "print supplement {b.open} --missing Giấy --reason Thiếu --out {out}/02.pdf"
    ),
    "print refusal out": Command("print refusal {b.open} --reason Không --out {out}/03.pdf"),
    "print apology out": Command("print apology {b.late} --out {out}/04.pdf"),
    "print receipt": Command("print receipt {b.open}"),
    "ratings paper": Command("ratings paper --file {out}/slips-b.csv"),
}


@pytest.fixture
def two(database, clock) -> TwoOffices:
    return seed_two_offices(database, clock)


@pytest.fixture
def printer(monkeypatch, tmp_path):
    """The command line's counter printer: a loopback thermal printer."""
    thermal = SocketPrinter()
    config = tmp_path / "kiosk.toml"
    config.write_text(f'printer = "escpos-net:127.0.0.1:{thermal.port}"\n', encoding="utf-8")
    monkeypatch.setenv("KIOSK_CONFIG", str(config))
    yield thermal
    thermal.close()


def _slips(folder: Path, code: str, name: str) -> None:
    (folder / name).write_text(
        f"date,dossier_code,satisfaction\n2026-11-23T09:00,{code},very_satisfied\n",
        encoding="utf-8",
    )


def _written_text(folder: Path) -> str:
    """What the command wrote that a person reads: CSV text and every workbook cell."""
    texts = []
    for path in sorted(folder.rglob("*")):
        if path.suffix == ".csv":
            texts.append(path.read_text(encoding="utf-8-sig"))
        elif path.suffix == ".xlsx":
            book = load_workbook(path, read_only=True)
            texts += [
                str(cell)
                for sheet in book.worksheets
                for row in sheet.iter_rows(values_only=True)
                for cell in row
                if cell is not None
            ]
            book.close()
    return "\n".join(texts)


def _run(command, two, db_url, out, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(command.stdin))
    code = run_kiosk(command.args(two, db_url, out))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.mark.parametrize("name", A_COMMANDS)
def test_office_a_command_works_and_shows_changes_nothing_of_b(
    name, database, db_url, two, printer, tmp_path, capsys, monkeypatch
):
    out = tmp_path / "out"
    out.mkdir()
    _slips(out, two.a.due_today, "slips.csv")
    before = b_state(database)
    code, text = _run(A_COMMANDS[name], two, db_url, out, capsys, monkeypatch)
    assert code == 0, text
    assert leaks(text) == [] and leaks(_written_text(out)) == []
    assert b_state(database) == before


@pytest.mark.parametrize("name", B_DOSSIER_COMMANDS)
def test_office_b_dossier_is_unknown_to_office_a(
    name, database, db_url, two, printer, tmp_path, capsys, monkeypatch
):
    out = tmp_path / "out"
    out.mkdir()
    _slips(out, two.b.due_today, "slips-b.csv")
    before = b_state(database)
    code, text = _run(B_DOSSIER_COMMANDS[name], two, db_url, out, capsys, monkeypatch)
    assert code != 0
    named = next(c for c in two.b.codes if c in text)
    assert Translator("vi")("Dossier {code} was not found.", code=named) in text
    assert b_state(database) == before
    assert list(out.glob("*.pdf")) == [] and printer.jobs == []


def test_lists_and_figures_of_a_are_a_own(database, db_url, two, tmp_path, capsys):
    run_kiosk(["dossier", "list", "--json", "--office", A, "--db", db_url])
    listed = {d["code"] for d in json.loads(capsys.readouterr().out)}
    assert listed == two.a.codes
    run_kiosk(["verify", "--json", "--office", A, "--db", db_url])
    chains = json.loads(capsys.readouterr().out)
    assert chains["ok"] and chains["ratings_checked"] == 2 and B_KIOSK not in chains["heads"]
    folder = tmp_path / "csv"
    export = ["export", "daily", *PERIOD, "--out", str(folder), "--office", A, "--db", db_url]
    assert run_kiosk(export) == 0
    summary = next(folder.glob("1-*.csv")).read_text(encoding="utf-8-sig")
    figures = {row[0]: row[1] for row in csv.reader(io.StringIO(summary)) if len(row) > 1}
    assert figures[Translator("vi")("Dossiers received")] == "5"  # A's five, not ten


def test_a_head_of_office_b_is_refused_in_words(database, db_url, two, capsys, monkeypatch):
    with monkeypatch.context() as machine_of_b:  # B's head, printed on B's machine with B's keys
        machine_of_b.setenv("XDG_DATA_HOME", str(office_b_data_home()))
        assert run_kiosk(["verify", "--json", "--office", B, "--db", db_url]) == 0
    heads = json.loads(capsys.readouterr().out)["heads"]
    code = run_kiosk(
        ["verify", "--head", f"{B_KIOSK}:{heads[B_KIOSK]}", "--office", A, "--db", db_url]
    )
    assert code != 0
    assert B_KIOSK in capsys.readouterr().err


def test_a_correction_in_a_is_approved_by_a_manager_and_b_clerk_cannot_act_in_a(
    database, db_url, two, capsys, monkeypatch
):
    with database.factory() as session:
        managers = dict(
            session.execute(
                select(Office.code, Clerk.id)
                .join(Office, Clerk.office_id == Office.id)
                .where(Clerk.role == ClerkRole.MANAGER)
            ).all()
        )
        b_clerk = session.scalars(select(Clerk.id).where(Clerk.display_name == B_CLERK)).one()
    # Both managers sit at counter 0 with PIN 9999: A's correction is approved by A's.
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{A_MANAGER_PIN}\n"))
    corrected = ["dossier", "return", two.a.due_today, "--clerk", "1", "--at", "2026-11-23T09:00"]
    approval = ["--manager", "0", "--reason", "Quên ghi máy", "--office", A, "--db", db_url]
    assert run_kiosk([*corrected, *approval]) == 0
    with database.factory() as session:
        correction = session.scalars(select(TimingCorrection)).one()
    assert (correction.clerk_id, correction.manager_id) == (1, managers[A])
    capsys.readouterr()
    # B's clerk is no clerk of A's: A's dossier is not received in B's clerk's name.
    before, listed = b_state(database), _a_dossier_count(database)
    add = ["dossier", "add", "--service", "HT-KS", "--clerk", str(b_clerk), "--name", "Cúc"]
    assert run_kiosk([*add, "--office", A, "--db", db_url]) != 0
    assert leaks(capsys.readouterr().err) == []
    assert b_state(database) == before and _a_dossier_count(database) == listed


def _a_dossier_count(database) -> int:
    with database.factory() as session:
        return session.scalar(
            select(func.count())
            .select_from(Dossier)
            .join(Office, Dossier.office_id == Office.id)
            .where(Office.code == A)
        )
