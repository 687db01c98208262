"""Times `kiosk export ratings` for a province's day, beside the bare query of its lines.

    python scripts/bench_ratings_export.py [--day-rows 100000] [--total-rows 400000] [--db URL]

Seeds (once, in a temporary SQLite file unless --db is given) the database bench_exports.py
builds: `--day-rows` dossiers and as many ratings on the report day. Then times the query of
the day's rating lines alone (the floor) and each format of the export, written to disk.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from kiosk.db.models import Office
from kiosk.db.open import open_database
from kiosk.i18n import Translator
from kiosk.reports.rating_lines import rating_lines
from kiosk.reports.ratings_export import export_ratings

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_exports import DAY, seed  # noqa: E402


def timed(label: str, call: Callable[[], object]) -> float:
    """Wall time, and the process's CPU time beside it (steadier on a shared machine)."""
    started, cpu = time.perf_counter(), time.process_time()
    call()
    seconds = time.perf_counter() - started
    print(f"{label:<28} {seconds:7.2f} s  (CPU {time.process_time() - cpu:.2f} s)")
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--total-rows", type=int, default=400_000)
    parser.add_argument("--day-rows", type=int, default=100_000)
    parser.add_argument("--db")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="kiosk-bench-ratings-"))
    url = args.db or f"sqlite:///{folder / 'province.sqlite3'}"
    if not args.db:
        seed(url, args.total_rows, args.day_rows)
    database = open_database(url)
    tr, now = Translator("vi"), datetime.combine(DAY + timedelta(days=3), datetime.min.time())
    with database.factory() as session:
        office_id = session.scalar(select(Office.id))
        count = 0

        def query() -> None:
            nonlocal count
            count = sum(1 for _ in rating_lines(session, office_id, DAY, DAY, now.date()))

        floor = timed("query of the lines (floor)", query)
    print(f"{count:,} ratings on {DAY:%d/%m/%Y}")
    for kind, name in (("dvcqg", "day.json"), ("csv", "day.csv"), ("xlsx", "day.xlsx")):
        seconds = timed(
            f"export {kind}",
            lambda kind=kind, name=name: export_ratings(
                database.factory, None, DAY, DAY, kind, folder / name, now, tr, protected=()
            ),
        )
        size = (folder / name).stat().st_size / 1e6
        print(f"  {seconds / floor:.1f}x the floor, {size:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
