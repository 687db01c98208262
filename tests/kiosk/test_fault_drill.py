"""The fault drill, short: 3 kiosks and 2 clerks on PostgreSQL, the server stopped mid-run.

The drill's phases wait for what the stations report (every station working before the server
stops, every kiosk thanking from its outbox before it starts again, every station saving again
after), so a busy machine makes this test slower, never vacuous."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from fault_drill import KIOSKS, QUEUED_PER_KIOSK, drill  # noqa: E402


def test_a_server_outage_loses_and_doubles_nothing_acknowledged():
    result = drill(seconds=2, outage=1)
    assert result["ratings_acknowledged"] > 0 and result["dossiers_acknowledged"] > 0
    # Thanked for while the server was down: the outbox was used, not just the happy path.
    assert result["ratings_queued"] >= len(KIOSKS) * QUEUED_PER_KIOSK
    assert result["ratings_missing"] == 0 and result["ratings_doubled"] == 0
    assert result["ratings_stored"] == result["ratings_acknowledged"]
    assert result["dossiers_missing"] == 0 and result["duplicate_codes"] == 0
    assert result["chains_ok"]
