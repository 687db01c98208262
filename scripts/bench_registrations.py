"""Dossier registrations per second and their latency, as clerks see them.

    python scripts/bench_registrations.py [--clerks 20] [--each 200] [--pg-url URL]

PostgreSQL: `--clerks` clerk stations, each its own process with its own connection, register
`--each` dossiers as fast as they can at the same moment (a private server is started unless
--pg-url is given). SQLite: one station registering alone on the embedded file.
Each latency is one `register` call, from the clerk's click to its commit.
Target on PostgreSQL: >= 500 registrations/s with p99 <= 50 ms.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kiosk.db.open import open_database  # noqa: E402
from kiosk.services.dossiers import DossierService  # noqa: E402
from tests.conftest import seed_small_office  # noqa: E402
from tests.postgres_server import PostgresServer  # noqa: E402


def clerk(url: str, clerk_id: int, count: int, start_at: float) -> list[float]:
    database = open_database(url)
    dossiers = DossierService(database.factory, station=f"clerk-{clerk_id}")
    dossiers.register("HT-KS", clerk_id=1 + clerk_id % 2)  # warm the connection and caches
    while time.time() < start_at:
        time.sleep(0.001)
    latencies = []
    for _ in range(count):
        started = time.perf_counter()
        dossiers.register("HT-KS", clerk_id=1 + clerk_id % 2)
        latencies.append(time.perf_counter() - started)
    database.engine.dispose()
    return latencies


def server_cpu_seconds(server: PostgresServer | None) -> float:
    """CPU used by the PostgreSQL server so far: the postmaster, its live backends, and (in
    cutime/cstime) the backends that have exited. On the real site clerks sit at their own
    machines, so the server's CPU per registration is what bounds an office's throughput."""
    if server is None:
        return 0.0
    postmaster = int((server.data / "postmaster.pid").read_text().split()[0])
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended meanwhile
        pid, ppid = int(stat.parent.name), int(fields[1])
        if pid == postmaster:
            total += sum(int(f) for f in fields[11:15]) / ticks  # utime stime cutime cstime
        elif ppid == postmaster:
            total += sum(int(f) for f in fields[11:13]) / ticks
    return total


def run(label: str, url: str, clerks: int, each: int, server: PostgresServer | None = None) -> None:
    cpu_before = server_cpu_seconds(server)
    start_at = time.time() + 2 + clerks * 0.1
    with multiprocessing.get_context("spawn").Pool(clerks) as pool:
        began = time.perf_counter()
        results = pool.starmap(clerk, [(url, n, each, start_at) for n in range(clerks)])
        elapsed = time.perf_counter() - began - max(0.0, start_at - time.time())
    latencies = sorted(x for batch in results for x in batch)
    span = max(sum(batch) for batch in results)  # the busiest clerk's time under load
    p50 = statistics.median(latencies) * 1000
    p99 = latencies[int(len(latencies) * 0.99) - 1] * 1000
    print(
        f"{label}: {len(latencies)} registrations, {len(latencies) / span:.0f}/s, "
        f"p50 {p50:.1f} ms, p99 {p99:.1f} ms, max {latencies[-1] * 1000:.1f} ms "
        f"({elapsed:.1f} s wall with start-up)"
    )
    if server is not None:
        per = (server_cpu_seconds(server) - cpu_before) / len(latencies) * 1000
        print(
            f"  server CPU {per:.2f} ms per registration (incl. start-up) = about "
            f"{1000 / per:.0f} registrations/s per server core"
        )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clerks", type=int, default=20)
    parser.add_argument("--each", type=int, default=200)
    parser.add_argument("--pg-url")
    args = parser.parse_args()
    server = None
    if args.pg_url:
        url = args.pg_url
    else:
        server = PostgresServer()
        server.start()
        url = server.create_database("bench")
    try:
        seed_small_office(open_database(url, migrate=True))
        run(f"PostgreSQL, {args.clerks} clerks", url, args.clerks, args.each, server)
    finally:
        if server:
            server.remove()
    sqlite_url = f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.sqlite3'}"
    seed_small_office(open_database(sqlite_url))
    run("SQLite, 1 station", sqlite_url, 1, args.each * 2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
