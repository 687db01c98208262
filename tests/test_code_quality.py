"""The style the team agreed on (../shared/STYLE.md), checked on every run."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def test_ruff_finds_nothing():
    result = subprocess.run(
        [BIN / "ruff", "check", "kiosk", "ui", "scripts", "tests"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout


def test_the_import_contracts_hold():
    # setup.cfg [importlinter]: kiosk imports no Qt and no ui; cli > reports > services >
    # printing > db, with no exceptions.
    result = subprocess.run([BIN / "lint-imports"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_mypy_strict_on_the_domain():
    result = subprocess.run([BIN / "mypy"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_no_module_passes_the_hard_size_limit():
    sizes = {
        p: len(p.read_text(encoding="utf-8").splitlines())
        for folder in ("kiosk", "ui", "scripts", "tests")
        for p in (ROOT / folder).rglob("*.py")
    }
    assert {str(p.relative_to(ROOT)): n for p, n in sizes.items() if n > 800} == {}
