"""The citizen's kiosk loads only what its first screen needs: the rest waits until it is used.

A real `kiosk run --station kiosk` starts offscreen in a child process, on a real SQLite file,
and reports which modules were loaded when its first frame was painted and when its data was on
screen (ui/first_frame.py's reporter, as scripts/bench_startup.py uses it). No timing is asserted.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ui.main import main, plain_kiosk_start

ROOT = Path(__file__).resolve().parents[2]

# Runs the installed command's main() and notes sys.modules where the reporter reports.
CHILD = """
import json, sys
import ui.first_frame as reporting

def noting(report, event):
    def wrapped(self):
        print(event, json.dumps(sorted(sys.modules.copy())), flush=True)
        report(self)
    return wrapped

Reporter = reporting.FirstFrameReporter
Reporter._report_frame = noting(Reporter._report_frame, "modules-at-first-frame")
Reporter.data_ready = noting(Reporter.data_ready, "modules-at-data-ready")
from ui.main import main
sys.exit(main(["run", "--station", "kiosk", "--db", sys.argv[1]]))
"""

# Loaded when first used: the database (on the worker, after the first frame), the reports,
# printing, PDF and QR drawing, spreadsheets, PIN hashing, holidays, CLDR formats, and the Qt
# modules the kiosk never shows.
NOT_BEFORE_FIRST_FRAME = (
    "sqlalchemy",
    "alembic",
    "psycopg",
    "cryptography",
    "holidays",
    "argon2",
    "babel",
    "bogo",
    "kiosk.db",
    "kiosk.reports",
    "kiosk.printing",
    "kiosk.services.kiosk_backend",
    "ui.screens.dossier_screen",
    "ui.widgets.touch_keyboard",
    "kiosk.cli.parser",  # a plain `kiosk run` needs none of the other commands
    "kiosk.views",  # the flow names its types only
    "uuid",  # loads platform; a rating's id is drawn at its last tap
    "hashlib",  # starts OpenSSL; a case slip's QR is signed when one is printed
)
# Still not loaded once the office and its services are on screen: a staff exit, a case slip
# or a report brings them.
NOT_AT_DATA_READY = (
    "argon2",
    "reportlab",
    "qrcode",
    "PIL",
    "openpyxl",
    "xlsxwriter",
    "escpos",
    "alembic",
    "psycopg",
    "kiosk.printing",
    "PySide6.QtCharts",
    "PySide6.QtPdf",
    "PySide6.QtNetwork",
    "sqlalchemy.dialects.postgresql",  # and asyncio with it: the kiosk's file is SQLite
    "kiosk.services.case_desk",  # a petition or a call-back brings it
    "cryptography.hazmat.primitives.serialization",  # keys are read and written raw
    "ui.screens.dossier_screen",  # the other screens are built once the data is on screen
)


def _loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(
        name for name in names if any(m == name or m.startswith(name + ".") for m in modules)
    )


def _start_kiosk(db_url: str) -> dict[str, set[str]]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KIOSK_REPORT_FIRST_FRAME="1")
    result = subprocess.run(
        [sys.executable, "-c", CHILD, db_url],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,  # a hang guard, not a measurement
    )
    assert result.returncode == 0, result.stderr
    reports: dict[str, set[str]] = {}
    for line in result.stdout.splitlines():
        event, _, modules = line.partition(" ")
        if event.startswith("modules-"):
            reports[event] = set(json.loads(modules))
    return reports


def test_kiosk_paints_its_first_frame_before_loading_what_later_screens_need(office, db_url):
    reports = _start_kiosk(db_url)

    at_first_frame = reports["modules-at-first-frame"]
    assert _loaded(at_first_frame, NOT_BEFORE_FIRST_FRAME) == []
    assert _loaded(at_first_frame, NOT_AT_DATA_READY) == []
    # The kiosk is the database: once ready, it has opened it, and nothing else.
    at_data_ready = reports["modules-at-data-ready"]
    assert "sqlalchemy" in at_data_ready
    assert "kiosk.services.kiosk_backend" in at_data_ready
    assert _loaded(at_data_ready, NOT_AT_DATA_READY) == []


def test_pyside_hears_the_same_answer_from_the_cheaper_import_check(monkeypatch):
    import json as stdlib_json
    import sys as extension_module

    import kiosk.config
    import ui.kiosk_window
    from ui.pyside_import_check import FEATURE_MODULE, make_import_check_cheap, mentions_pyside

    pyside_check = sys.modules[FEATURE_MODULE]._mod_uses_pyside
    modules = (ui.kiosk_window, kiosk.config, stdlib_json, extension_module)
    before = [pyside_check(module) for module in modules]
    assert before == [True, False, False, False]
    assert [mentions_pyside(module, pyside_check) for module in modules] == before
    # Put back after the test: the other tests run with PySide6's own check.
    monkeypatch.setattr(sys.modules[FEATURE_MODULE], "_mod_uses_pyside", pyside_check)
    assert make_import_check_cheap()
    assert make_import_check_cheap()  # a second call keeps the one check installed
    assert [sys.modules[FEATURE_MODULE]._mod_uses_pyside(module) for module in modules] == before


@pytest.mark.parametrize(
    ("argv", "plain"),
    [
        (["run"], (False, {})),
        (["run", "--station", "kiosk", "--windowed"], (True, {})),
        (
            ["run", "--db", "sqlite:///k.db", "--lang", "en", "--office", "000.00.30.H12"],
            (
                False,
                {
                    "database_url": "sqlite:///k.db",
                    "language": "en",
                    "office_code": "000.00.30.H12",
                },
            ),
        ),
        # Everything else is the command line's to read, and to explain when it is wrong.
        (["run", "--station", "clerk"], None),
        (["run", "--station=kiosk"], None),
        (["run", "--json"], None),
        (["run", "--lang", "fr"], None),
        (["run", "--db"], None),
        (["run", "--db", "--windowed"], None),
        (["run", "--db", "a", "--db", "b"], None),
        (["run", "-h"], None),
        (["--lang", "en", "run"], None),
        (["demo"], None),
        ([], None),
    ],
)
def test_only_a_plain_kiosk_run_skips_the_command_lines_parser(argv, plain):
    assert plain_kiosk_start(argv) == plain


def test_a_plain_kiosk_run_with_broken_settings_is_told_in_one_line(capsys):
    Path(os.environ["KIOSK_CONFIG"]).write_text("language = [", encoding="utf-8")

    assert main(["run", "--station", "kiosk"]) == 1

    error = capsys.readouterr().err
    assert error.startswith("kiosk: ") and error.count("\n") == 1
    assert "TOML" in error
