"""Green at every hour: the suite's date-dependent tests run again with the machine's clock moved
to moments when the machine's date is not Vietnam's, in two machine time zones."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# (machine time zone, wall-clock time in that zone, what the office sees then)
MOMENTS = {
    "23:30 UTC": ("UTC", "2026-11-30 23:30:00", "2026-12-01 06:30"),
    "00:30 in Vietnam": ("Asia/Ho_Chi_Minh", "2026-12-01 00:30:00", "2026-12-01 00:30"),
}
OFFICE_NOW = "from kiosk.clock import office_now; print(f'{office_now():%Y-%m-%d %H:%M}')"
DATE_DEPENDENT_TESTS = [
    "-m",
    "pytest",
    "-q",
    "-p",
    "no:cacheprovider",
    "-m",
    "not clock_free",
    # The clock is Python's on either engine: the embedded one is enough here.
    "-k",
    "not postgresql",
    "tests/kiosk",
    "tests/ui",
]


def _at(zone: str, moment: str, command: list[str]) -> subprocess.Popen[str]:
    faketime = shutil.which("faketime")
    assert faketime, "faketime is missing: run scripts/setup.sh"
    env = {**os.environ, "TZ": zone}
    return subprocess.Popen(
        [faketime, moment, *command],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture(scope="module")
def runs() -> dict[str, subprocess.Popen[str]]:
    """Both moments' runs, started together: each is one process, so on a machine of two cores
    they take the time of one."""
    return {
        moment: _at(zone, wall_clock, [sys.executable, *DATE_DEPENDENT_TESTS])
        for moment, (zone, wall_clock, _office_sees) in MOMENTS.items()
    }


@pytest.mark.parametrize("moment", list(MOMENTS))
def test_the_date_dependent_tests_pass_at(moment, runs):
    zone, wall_clock, office_sees = MOMENTS[moment]
    # The clock really is moved: the office's clock reads the moment, in Vietnam time.
    seen = _at(zone, wall_clock, [sys.executable, "-c", OFFICE_NOW])
    out, err = seen.communicate()
    assert out.strip() == office_sees, err
    stdout, stderr = runs[moment].communicate()
    assert runs[moment].returncode == 0, stdout[-6000:] + stderr[-2000:]
