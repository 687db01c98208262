"""Fault drill: 3 kiosks rating and 2 clerks registering against PostgreSQL while the server is
stopped for a while in the middle; then checks that nothing acknowledged was lost or doubled.

    python scripts/fault_drill.py [--seconds 90] [--outage 30] [--patience 60]

Each station is its own process and writes what it was told was saved (a kiosk: the rating
ids it thanked for, and whether into its outbox; a clerk: the dossier codes it printed) to its
acknowledgement file. At the end every acknowledged rating and dossier must be in the database
exactly once, no dossier code twice, and every station's rating chain must verify.

The phases follow what the stations report, not the clock alone, so a busy machine slows the
drill down instead of making it prove nothing:

1. every station has acknowledged its first item (imported, connected, working);
2. traffic for (seconds - outage) / 2 seconds;
3. the server is stopped, and stays down for `outage` seconds and until every kiosk has
   thanked for QUEUED_PER_KIOSK ratings kept in its outbox;
4. the server is started again; traffic for the rest of `seconds`, and until every station has
   had an item saved centrally again (a kiosk only does once its outbox is forwarded).

A station that dies, or a phase whose condition is not met within `patience` seconds, ends the
drill with a DrillError that names the station and the phase.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import queue
import random
import shutil
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable
from datetime import timedelta
from enum import IntEnum
from multiprocessing.process import BaseProcess
from multiprocessing.queues import Queue
from multiprocessing.sharedctypes import Synchronized
from multiprocessing.synchronize import Event
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, select  # noqa: E402

from kiosk.answers import RatingInput, Satisfaction  # noqa: E402
from kiosk.clock import office_now  # noqa: E402
from kiosk.db.models import Dossier, Rating  # noqa: E402
from kiosk.db.open import open_database  # noqa: E402
from kiosk.services.dossiers import DossierService  # noqa: E402
from kiosk.services.kiosk_backend import KioskBackend, QueuedRating  # noqa: E402
from kiosk.services.outbox import RatingOutbox  # noqa: E402
from kiosk.services.ratings import verify_chains  # noqa: E402
from tests.conftest import seed_small_office  # noqa: E402
from tests.kiosk.signing import machine_keys, sign_stations  # noqa: E402
from tests.postgres_server import PostgresServer  # noqa: E402

FACES = (Satisfaction.VERY_SATISFIED, Satisfaction.SATISFIED, Satisfaction.DISSATISFIED)
KIOSKS = ("kiosk-1", "kiosk-2", "kiosk-3")
CLERKS = ("quay-1", "quay-2")
# Two, so that both ways into the outbox are taken: the first rating fails on its own save,
# the second behind a waiting one.
QUEUED_PER_KIOSK = 2
# What a station reports, once each, on its queue.
READY = "acknowledged a first item"
QUEUED = f"thanked for {QUEUED_PER_KIOSK} ratings kept in an outbox"
BACK = "saved an item centrally again"


class Phase(IntEnum):
    UP = 0
    DOWN = 1  # set just before the server is stopped
    BACK = 2  # set once the server has started again


class DrillError(Exception):
    """The drill could not run as planned (a station died or stayed silent): no verdict."""


def _teller(name: str, said: Queue[tuple[str, str]]) -> Callable[[str], None]:
    told: set[str] = set()

    def tell(what: str) -> None:
        if what not in told:
            told.add(what)
            said.put((name, what))

    return tell


def kiosk(
    url: str,
    name: str,
    folder: str,
    phase: Synchronized[int],
    traffic_over: Event,
    said: Queue[tuple[str, str]],
) -> None:
    database = open_database(url)
    _office_key, signer = machine_keys(Path(folder))  # registered for every kiosk at seeding
    backend = KioskBackend(
        database.factory,
        station=name,
        outbox=RatingOutbox(Path(folder) / f"outbox-{name}.db"),
        signer=signer,
    )
    rng = random.Random(name)
    tell = _teller(name, said)
    with open(Path(folder) / f"ack-{name}.jsonl", "a", encoding="utf-8") as acks:
        while not traffic_over.is_set():
            rating_id = uuid.uuid4()
            answers = RatingInput(rng.choice(FACES), service_code="HT-KS")
            # The phase before the save: a rating queued after the drill said DOWN met the stopped
            # server, one saved after it said BACK met the restarted one.
            during = phase.value
            try:
                result = backend.record(answers, rating_id=rating_id, at=office_now())
            except Exception:  # noqa: BLE001 - not acknowledged: the citizen was not thanked
                continue
            queued = isinstance(result, QueuedRating)
            acks.write(json.dumps({"rating": str(rating_id), "outbox": queued}) + "\n")
            acks.flush()
            tell(READY)
            if isinstance(result, QueuedRating):
                if during == Phase.DOWN and result.waiting >= QUEUED_PER_KIOSK:
                    tell(QUEUED)
            elif during == Phase.BACK:
                tell(BACK)
            traffic_over.wait(rng.uniform(0.01, 0.05))
    deadline = time.monotonic() + 60
    while backend.forward_outbox() and time.monotonic() < deadline:
        time.sleep(0.5)
    database.engine.dispose()


def clerk(
    url: str,
    name: str,
    folder: str,
    phase: Synchronized[int],
    traffic_over: Event,
    said: Queue[tuple[str, str]],
) -> None:
    database = open_database(url)
    # Both clerks share a day, as at a counter (no code twice), but each phase is a day of its
    # own: a long drill on a fast machine would otherwise use up a day's 9,999 numbers, and the
    # clerks could not register again after the outage.
    dossiers = DossierService(
        database.factory, station=name, clock=lambda: office_now() + timedelta(days=phase.value)
    )
    tell = _teller(name, said)
    with open(Path(folder) / f"ack-{name}.jsonl", "a", encoding="utf-8") as acks:
        while not traffic_over.is_set():
            during = phase.value
            try:
                code = dossiers.register("HT-KS", clerk_id=1 if name.endswith("1") else 2).code
            except Exception:  # noqa: BLE001 - the clerk was told it failed: nothing registered
                traffic_over.wait(0.2)
                continue
            acks.write(json.dumps({"dossier": code}) + "\n")
            acks.flush()
            tell(READY)
            if during == Phase.BACK:
                tell(BACK)
            traffic_over.wait(0.01)
    database.engine.dispose()


class Stations:
    """The station processes and what they have reported so far."""

    def __init__(
        self,
        processes: list[BaseProcess],
        said: Queue[tuple[str, str]],
        traffic_over: Event,
        patience: float,
    ) -> None:
        self.processes = processes
        self._said = said
        self._traffic_over = traffic_over
        self._patience = patience
        self._heard: set[tuple[str, str]] = set()

    def wait_for(self, what: str, names: tuple[str, ...]) -> float:
        """Blocks until each named station has reported `what`; returns the seconds waited."""
        began = time.monotonic()
        deadline = began + self._patience
        while missing := sorted(n for n in names if (n, what) not in self._heard):
            dead = [p for p in self.processes if p.exitcode is not None]
            if dead:
                raise DrillError(
                    f"{dead[0].name} ended (exit code {dead[0].exitcode}) while the drill waited "
                    f"until {', '.join(names)} {what}; see its traceback above"
                )
            if time.monotonic() > deadline:
                raise DrillError(
                    f"{', '.join(missing)} had not {what} within {self._patience:g} s "
                    "(patience); without it the drill would prove nothing"
                )
            try:
                self._heard.add(self._said.get(timeout=0.2))
            except queue.Empty:
                pass
        return time.monotonic() - began

    def end(self) -> None:
        """Lets the stations drain their outboxes and end; each must end cleanly."""
        self._traffic_over.set()
        for process in self.processes:
            # A kiosk gives its outbox up to 60 s after the traffic stops.
            process.join(timeout=60 + self._patience)
        failed = [f"{p.name} (exit code {p.exitcode})" for p in self.processes if p.exitcode != 0]
        self.stop()
        if failed:
            raise DrillError(", ".join(failed) + " did not end cleanly; see above")

    def stop(self) -> None:
        """Ends whatever still runs: the drill has already failed, or is done."""
        self._traffic_over.set()
        for process in self.processes:
            process.join(timeout=5)
            if process.is_alive():
                process.terminate()
                process.join()


def drill(seconds: float, outage: float, patience: float = 60) -> dict[str, Any]:
    """`seconds` of traffic once every station works, `outage` of them with the server down
    (longer when a kiosk is slow to queue anything); `patience` bounds every wait."""
    server = PostgresServer()
    server.start()
    folder = tempfile.mkdtemp(prefix="kiosk-drill-")
    try:
        url = server.create_database("drill")
        seeding = open_database(url, migrate=True)
        seed_small_office(seeding)
        # Signatures on: each kiosk signs what it saves and what its outbox forwards later.
        sign_stations(seeding, *KIOSKS, folder=Path(folder))
        seeding.engine.dispose()
        return _run(server, url, folder, seconds, outage, patience)
    finally:
        server.remove()
        shutil.rmtree(folder, ignore_errors=True)


def _run(
    server: PostgresServer, url: str, folder: str, seconds: float, outage: float, patience: float
) -> dict[str, Any]:
    context = multiprocessing.get_context("spawn")
    phase = context.Value("i", Phase.UP)
    traffic_over = context.Event()
    said: Queue[tuple[str, str]] = context.Queue()
    stations = Stations(
        [
            context.Process(
                target=kiosk if name in KIOSKS else clerk,
                name=name,
                args=(url, name, folder, phase, traffic_over, said),
            )
            for name in KIOSKS + CLERKS
        ],
        said,
        traffic_over,
        patience,
    )
    for process in stations.processes:
        process.start()
    try:
        waited = stations.wait_for(READY, KIOSKS + CLERKS)
        print(f"every station working after {waited:.1f} s", flush=True)
        time.sleep(max(0.0, (seconds - outage) / 2))
        phase.value = Phase.DOWN
        down_since = time.monotonic()
        server.stop()
        stations.wait_for(QUEUED, KIOSKS)
        time.sleep(max(0.0, outage - (time.monotonic() - down_since)))
        server.start()
        phase.value = Phase.BACK
        down_for = time.monotonic() - down_since
        print(f"server back after {down_for:.1f} s down", flush=True)
        back_since = time.monotonic()
        stations.wait_for(BACK, KIOSKS + CLERKS)
        time.sleep(max(0.0, (seconds - outage) / 2 - (time.monotonic() - back_since)))
    except BaseException:
        stations.stop()
        raise
    stations.end()
    return _verdict(url, folder) | {"outage_seconds": round(down_for, 1)}


def _verdict(url: str, folder: str) -> dict[str, Any]:
    acked_ratings, acked_dossiers, queued = [], [], 0
    for path in Path(folder).glob("ack-*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            entry = json.loads(line)
            if "rating" in entry:
                acked_ratings.append(uuid.UUID(entry["rating"]))
                queued += entry["outbox"]
            else:
                acked_dossiers.append(entry["dossier"])
    database = open_database(url)
    with database.factory() as session:
        stored_ratings = Counter(session.scalars(select(Rating.id)).all())
        stored_codes = Counter(session.scalars(select(Dossier.code)).all())
        office_key, _signer = machine_keys(Path(folder))
        chains = verify_chains(session, office_key=office_key)
        total_ratings = session.scalar(select(func.count()).select_from(Rating))
    database.engine.dispose()
    return {
        "ratings_acknowledged": len(acked_ratings),
        "ratings_queued": queued,  # acknowledged into a kiosk's outbox, the server away
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
    parser.add_argument("--seconds", type=float, default=90, help="traffic once all work")
    parser.add_argument("--outage", type=float, default=30, help="server down at least this")
    parser.add_argument("--patience", type=float, default=60, help="longest wait for a phase")
    args = parser.parse_args()
    try:
        result = drill(args.seconds, args.outage, args.patience)
    except DrillError as error:
        print(f"drill: FAILED ({error})")
        return 1
    for key, value in result.items():
        print(f"{key:<24} {value}")
    clean = (
        result["ratings_missing"] == result["ratings_doubled"] == 0
        and result["dossiers_missing"] == result["duplicate_codes"] == 0
        and result["chains_ok"]
        and result["ratings_queued"] > 0
    )
    print("drill: " + ("CLEAN" if clean else "FAILED"))
    return 0 if clean else 1


if __name__ == "__main__":
    sys.exit(main())
