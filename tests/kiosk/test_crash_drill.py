"""The crash drill, short: killed with SIGKILL mid-stream, nothing acknowledged is lost."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from crash_drill import drill  # noqa: E402


def test_kills_at_random_moments_lose_nothing_acknowledged(tmp_path):
    result = drill(kills=15, folder=tmp_path)
    assert result["ratings_acknowledged"] and result["dossiers_acknowledged"]
    assert result["acknowledged_missing"] == 0 and result["stored_twice"] == 0
    assert result["drivers_died_otherwise"] == 0  # each driver ended by its kill, nothing else
    assert result["integrity_check"] == "ok" and result["chains_ok"]
