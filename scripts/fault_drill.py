"""Fault drill: 3 kiosks rating and 2 clerks registering against PostgreSQL while the server is
stopped for a while in the middle; then checks that nothing acknowledged was lost or doubled.

    python scripts/fault_drill.py [--seconds 90] [--outage 30]

Each station is its own process and writes what it was told was saved (a kiosk: the rating
ids it thanked for; a clerk: the dossier codes it printed) to its acknowledgement file. At the
end every acknowledged rating and dossier must be in the database exactly once, no dossier code
twice, and every station's rating chain must verify.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import sys
import tempfile
import time
import uuid
from collections import Counter
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, select  # noqa: E402

from kiosk.answers import RatingInput, Satisfaction  # noqa: E402
from kiosk.db.models import Dossier, Rating  # noqa: E402
from kiosk.db.open import open_database  # noqa: E402
from kiosk.services.dossiers import DossierService  # noqa: E402
from kiosk.services.kiosk_backend import KioskBackend  # noqa: E402
from kiosk.services.outbox import RatingOutbox  # noqa: E402
from kiosk.services.ratings import verify_chains  # noqa: E402
from tests.conftest import seed_small_office  # noqa: E402
from tests.postgres_server import PostgresServer  # noqa: E402

FACES = (Satisfaction.VERY_SATISFIED, Satisfaction.SATISFIED, Satisfaction.DISSATISFIED)


def kiosk(url: str, name: str, folder: str, until: float) -> None:
    database = open_database(url)
    backend = KioskBackend(
        database.factory, station=name, outbox=RatingOutbox(Path(folder) / f"outbox-{name}.db")
    )
    rng = random.Random(name)
    with open(Path(folder) / f"ack-{name}.jsonl", "a", encoding="utf-8") as acks:
        while time.time() < until:
            rating_id = uuid.uuid4()
            answers = RatingInput(rng.choice(FACES), service_code="HT-KS")
            try:
                backend.record(answers, rating_id=rating_id, at=datetime.now())
            except Exception:  # noqa: BLE001 - not acknowledged: the citizen was not thanked
                continue
            acks.write(json.dumps({"rating": str(rating_id)}) + "\n")
            acks.flush()
            time.sleep(rng.uniform(0.01, 0.05))
    deadline = time.time() + 60
    while backend.forward_outbox() and time.time() < deadline:
        time.sleep(0.5)
    database.engine.dispose()


def clerk(url: str, name: str, folder: str, until: float) -> None:
    database = open_database(url)
    dossiers = DossierService(database.factory, station=name)
    with open(Path(folder) / f"ack-{name}.jsonl", "a", encoding="utf-8") as acks:
        while time.time() < until:
            try:
                code = dossiers.register("HT-KS", clerk_id=1 if name.endswith("1") else 2).code
            except Exception:  # noqa: BLE001 - the clerk was told it failed: nothing registered
                time.sleep(0.2)
                continue
            acks.write(json.dumps({"dossier": code}) + "\n")
            acks.flush()
            time.sleep(0.01)
    database.engine.dispose()


def drill(seconds: float, outage: float) -> dict[str, object]:
    server = PostgresServer()
    server.start()
    url = server.create_database("drill")
    seed_small_office(open_database(url, migrate=True))
    folder = tempfile.mkdtemp(prefix="kiosk-drill-")
    until = time.time() + seconds
    context = multiprocessing.get_context("spawn")
    stations = [
        context.Process(target=kiosk, args=(url, f"kiosk-{n}", folder, until)) for n in (1, 2, 3)
    ] + [context.Process(target=clerk, args=(url, f"quay-{n}", folder, until)) for n in (1, 2)]
    for station in stations:
        station.start()
    time.sleep((seconds - outage) / 2)
    server.stop()
    print(f"server stopped for {outage:.0f} s", flush=True)
    time.sleep(outage)
    server.start()
    print("server back", flush=True)
    for station in stations:
        station.join()
    acked_ratings, acked_dossiers = [], []
    for path in Path(folder).glob("ack-*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            entry = json.loads(line)
            if "rating" in entry:
                acked_ratings.append(uuid.UUID(entry["rating"]))
            else:
                acked_dossiers.append(entry["dossier"])
    database = open_database(url)
    with database.factory() as session:
        stored_ratings = Counter(session.scalars(select(Rating.id)).all())
        stored_codes = Counter(session.scalars(select(Dossier.code)).all())
        chains = verify_chains(session)
        total_ratings = session.scalar(select(func.count()).select_from(Rating))
    database.engine.dispose()
    server.remove()
    return {
        "ratings_acknowledged": len(acked_ratings),
        "ratings_stored": total_ratings,
        "ratings_missing": sum(1 for r in acked_ratings if stored_ratings[r] == 0),
        "ratings_doubled": sum(1 for r in acked_ratings if stored_ratings[r] > 1),
        "dossiers_acknowledged": len(acked_dossiers),
        "dossiers_missing": sum(1 for c in acked_dossiers if stored_codes[c] == 0),
        "duplicate_codes": sum(1 for c, n in stored_codes.items() if n > 1),
        "chains_ok": chains.ok,
        "ratings_checked": chains.ratings_checked,
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=90)
    parser.add_argument("--outage", type=float, default=30)
    args = parser.parse_args()
    result = drill(args.seconds, args.outage)
    for key, value in result.items():
        print(f"{key:<24} {value}")
    clean = (
        result["ratings_missing"] == result["ratings_doubled"] == 0
        and result["dossiers_missing"] == result["duplicate_codes"] == 0
        and result["chains_ok"]
    )
    print("drill: " + ("CLEAN" if clean else "FAILED"))
    return 0 if clean else 1


if __name__ == "__main__":
    sys.exit(main())
