"""The fault drill, short: 3 kiosks and 2 clerks on PostgreSQL, the server stopped mid-run."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from fault_drill import drill  # noqa: E402


def test_a_server_outage_loses_and_doubles_nothing_acknowledged():
    result = drill(seconds=8, outage=3)
    assert result["ratings_acknowledged"] > 0 and result["dossiers_acknowledged"] > 0
    assert result["ratings_missing"] == 0 and result["ratings_doubled"] == 0
    assert result["ratings_stored"] == result["ratings_acknowledged"]
    assert result["dossiers_missing"] == 0 and result["duplicate_codes"] == 0
    assert result["chains_ok"]
