"""The boundaries the folder names promise, checked by importing."""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)


def test_kiosk_package_imports_without_qt():
    modules = sorted(
        ".".join(p.relative_to(ROOT).with_suffix("").parts)
        for p in (ROOT / "kiosk").rglob("*.py")
        if "migrations" not in p.parts
    )
    code = (
        "import sys\n"
        "sys.modules['PySide6'] = None\nsys.modules['ui'] = None\n"
        f"import importlib\nfor m in {modules!r}: importlib.import_module(m)\n"
    )
    result = _run(code)
    assert result.returncode == 0, result.stderr


def test_station_start_path_leaves_the_database_layer_for_later():
    # SQLAlchemy and the holiday tables load on a worker after the first frame is painted.
    result = _run(
        "import sys\nimport kiosk.cli.main, kiosk.cli.station_commands, ui.main, ui.app\n"
        "kiosk.cli.main.build_parser(kiosk.cli.main.Translator('vi'))\n"
        "print(sorted(m for m in ('sqlalchemy', 'alembic', 'holidays') if m in sys.modules))"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_command_line_offers_exactly_the_dossier_statuses():
    from kiosk.cli.parser import DOSSIER_STATUSES
    from kiosk.status import DossierStatus

    assert DOSSIER_STATUSES == tuple(s.value for s in DossierStatus)


def test_no_kiosk_module_mentions_qt_or_ui_even_lazily():
    pattern = re.compile(r"^\s*(from|import) (PySide6|ui)([. ]|$)", re.M)
    offenders = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "kiosk").rglob("*.py")
        if pattern.search(p.read_text(encoding="utf-8"))
    ]
    assert offenders == []
