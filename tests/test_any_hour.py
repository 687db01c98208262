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


def _at(zone: str, moment: str, command: list[str]) -> subprocess.CompletedProcess[str]:
    faketime = shutil.which("faketime")
    assert faketime, "faketime is missing: run scripts/setup.sh"
    env = {**os.environ, "TZ": zone}
    return subprocess.run(
        [faketime, moment, *command], cwd=ROOT, env=env, capture_output=True, text=True
    )


@pytest.mark.parametrize("moment", list(MOMENTS))
def test_the_date_dependent_tests_pass_at(moment):
    zone, wall_clock, office_sees = MOMENTS[moment]
    # The clock really is moved: the office's clock reads the moment, in Vietnam time.
    seen = _at(zone, wall_clock, [sys.executable, "-c", OFFICE_NOW])
    assert seen.stdout.strip() == office_sees, seen.stderr
    run = _at(
        zone,
        wall_clock,
        [
            sys.executable,
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
        ],
    )
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
