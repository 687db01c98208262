"""Crash drill: a driver acknowledges ratings and dossier registrations as fast as it can on the
kiosk's embedded SQLite file while it is killed (SIGKILL, no goodbye) at random moments.

    python scripts/crash_drill.py [--kills 200]

After the last kill: every acknowledged item is in the database exactly once, PRAGMA
integrity_check says ok, and every rating chain verifies, signatures included (the ratings are
signed with a station key registered in the drill's folder).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import signal
import sqlite3
import sys
import tempfile
import time
import uuid
from collections import Counter
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import select  # noqa: E402

from kiosk.answers import RatingInput, Satisfaction  # noqa: E402
from kiosk.clock import office_now  # noqa: E402
from kiosk.db.models import Dossier, Rating  # noqa: E402
from kiosk.db.open import open_database  # noqa: E402
from kiosk.services.dossiers import DossierService  # noqa: E402
from kiosk.services.ratings import RatingService, verify_chains  # noqa: E402
from tests.conftest import seed_small_office  # noqa: E402
from tests.kiosk.signing import machine_keys, sign_stations  # noqa: E402


def driver(url: str, acks_path: str, seed: int) -> None:
    """Runs until killed; writes an acknowledgement only after the commit returned."""
    database = open_database(url)
    _office_key, signer = machine_keys(Path(acks_path).parent)
    ratings = RatingService(database.factory, station="kiosk-1", signer=signer)
    # Each driver registers on a day of its own: a whole drill registers more dossiers than
    # the 9,999 numbers a day has, and a driver that ran out of them would die of it, not of
    # the kill the drill is about.
    dossiers = DossierService(
        database.factory, station="quay-1", clock=lambda: office_now() + timedelta(days=seed)
    )
    rng = random.Random(seed)
    with open(acks_path, "a", encoding="utf-8") as acks:
        while True:
            if rng.random() < 0.5:
                rating_id = uuid.uuid4()
                ratings.record(
                    RatingInput(Satisfaction.SATISFIED, service_code="HT-KS", comment="Tốt"),
                    rating_id=rating_id,
                )
                acks.write(json.dumps({"rating": str(rating_id)}) + "\n")
            else:
                code = dossiers.register("HT-KS", clerk_id=1).code
                acks.write(json.dumps({"dossier": code}) + "\n")
            acks.flush()


def drill(kills: int, folder: Path | None = None) -> dict[str, object]:
    folder = folder or Path(tempfile.mkdtemp(prefix="kiosk-crash-"))
    path = folder / "kiosk.sqlite3"
    url = f"sqlite:///{path}"
    database = open_database(url)
    seed_small_office(database)
    sign_stations(database, "kiosk-1", folder=folder)
    office_key, _signer = machine_keys(folder)
    database.engine.dispose()
    acks_path = folder / "acks.jsonl"
    # Forked, so each start costs milliseconds, not an interpreter's start-up; the holiday
    # tables a dossier's due date needs are loaded here once, not in every child (under load
    # their import alone outlasted a child's life, and no dossier was ever acknowledged).
    import holidays.countries  # noqa: F401

    context = multiprocessing.get_context("fork")
    rng = random.Random(1)
    died_otherwise = 0  # a driver that stopped before its kill proved nothing
    for n in range(kills):
        process = context.Process(target=driver, args=(str(url), str(acks_path), n))
        process.start()
        time.sleep(rng.uniform(0.05, 0.3))
        os.kill(process.pid, signal.SIGKILL)
        process.join()
        died_otherwise += process.exitcode != -signal.SIGKILL
    acked = [
        json.loads(line)
        for line in acks_path.read_text(encoding="utf-8").splitlines()
        if line.endswith("}")
    ]  # a line cut by the kill was never acknowledged whole
    with sqlite3.connect(path) as raw:
        integrity = raw.execute("PRAGMA integrity_check").fetchone()[0]
    database = open_database(url)
    with database.factory() as session:
        rating_ids = Counter(str(i) for i in session.scalars(select(Rating.id)))
        codes = Counter(session.scalars(select(Dossier.code)))
        chains = verify_chains(session, office_key=office_key)
    database.engine.dispose()
    acked_ratings = [a["rating"] for a in acked if "rating" in a]
    acked_codes = [a["dossier"] for a in acked if "dossier" in a]
    return {
        "kills": kills,
        "drivers_died_otherwise": died_otherwise,
        "ratings_acknowledged": len(acked_ratings),
        "ratings_stored": sum(rating_ids.values()),
        "dossiers_acknowledged": len(acked_codes),
        "dossiers_stored": sum(codes.values()),
        "acknowledged_missing": sum(1 for r in acked_ratings if not rating_ids[r])
        + sum(1 for c in acked_codes if not codes[c]),
        "stored_twice": sum(1 for n in rating_ids.values() if n > 1)
        + sum(1 for n in codes.values() if n > 1),
        "integrity_check": integrity,
        "chains_ok": chains.ok,
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=200)
    args = parser.parse_args()
    started = time.perf_counter()
    result = drill(args.kills)
    for key, value in result.items():
        print(f"{key:<24} {value}")
    clean = (
        result["acknowledged_missing"] == result["stored_twice"] == 0
        and result["drivers_died_otherwise"] == 0
        and result["integrity_check"] == "ok"
        and result["chains_ok"]
    )
    print(f"drill: {'CLEAN' if clean else 'FAILED'} in {time.perf_counter() - started:.0f} s")
    return 0 if clean else 1


if __name__ == "__main__":
    sys.exit(main())
