"""The style the team agreed on (../shared/STYLE.md), checked on every run."""

import configparser
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


def test_mypy_strict_on_the_domain_and_the_ui():
    # The plain `mypy` a developer runs reads setup.cfg: it must cover both packages, strictly.
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg", encoding="utf-8")
    packages = {name.strip() for name in config["mypy"]["packages"].split(",")}
    assert {"kiosk", "ui"} <= packages
    assert config["mypy"].getboolean("strict")
    result = subprocess.run([BIN / "mypy"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_no_module_passes_the_hard_size_limit():
    sizes = {
        p: len(p.read_text(encoding="utf-8").splitlines())
        for folder in ("kiosk", "ui", "scripts", "tests")
        for p in (ROOT / folder).rglob("*.py")
    }
    assert {str(p.relative_to(ROOT)): n for p, n in sizes.items() if n > 800} == {}
