"""Times the daily exports on a province-sized database, beside the bare aggregate SQL.

    python scripts/bench_exports.py [--total-rows 5000000] [--day-rows 100000] [--db URL]

Builds (once, in a temporary SQLite file unless --db is given) an office with 25 services and
200 clerks, `--day-rows` dossiers and as many ratings on the report day, and older days up to
`--total-rows` rows in all. Then times: the bare aggregate SQL (the two grouped queries the
indicators run: the floor), and each export (CSV, XLSX, PDF) of that day.
Target: each daily export within 2 s and within 2x the floor.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

from sqlalchemy import insert, select

from kiosk.answers import RatingChannel, Satisfaction
from kiosk.chain import GENESIS_HASH, rating_hash, rating_payload
from kiosk.db.models import Clerk, ClerkRole, Dossier, Office, Rating, Service
from kiosk.db.open import open_database
from kiosk.i18n import Translator
from kiosk.reports.export import write_csv, write_xlsx
from kiosk.reports.indicators import compute
from kiosk.reports.pdf_report import render_report_pdf
from kiosk.reports.tables import build_tables
from kiosk.services import demo_catalog

DAY = date(2026, 11, 20)
BATCH = 20_000
FACES = (
    (Satisfaction.VERY_SATISFIED,) * 6
    + (Satisfaction.SATISFIED,) * 3
    + (Satisfaction.DISSATISFIED,)
)


def seed(url: str, total: int, per_day: int) -> None:
    database = open_database(url)
    rng = random.Random(7)
    with database.factory.begin() as session:
        office = Office(code="000.00.30.H12", name="Tỉnh mẫu", address="")
        session.add(office)
        session.flush()
        services = [
            Service(code=c, name_vi=vi, name_en=en, field=f, processing_days=d)
            for c, vi, en, f, d in demo_catalog.SERVICES
        ]
        session.add_all(services)
        clerks = [
            Clerk(
                office_id=office.id,
                display_name=f"Công chức {n}",
                counter=n % 40,
                role=ClerkRole.CLERK,
                pin_hash="-",
            )
            for n in range(200)
        ]
        session.add_all(clerks)
        session.flush()
        service_ids, clerk_ids, office_id = (
            [s.id for s in services],
            [c.id for c in clerks],
            office.id,
        )
    days, written, sequence, prev_hash = 0, 0, 0, GENESIS_HASH
    all_days = -(-total // (2 * per_day))
    with database.engine.begin() as connection:
        while written < total:
            day = DAY - timedelta(days=all_days - 1 - days)  # oldest first, as time runs
            dossiers, ratings = [], []
            for n in range(per_day):
                received = datetime.combine(day, datetime.min.time()) + timedelta(
                    seconds=7 * 3600 + rng.randint(0, 9 * 3600)
                )
                dossier_id = uuid.uuid4()
                outcome = rng.random()
                returned = received + timedelta(hours=2 if outcome < 0.9 else 30)
                dossiers.append(
                    {
                        "id": dossier_id,
                        "code": f"000.00.30.H12-{day:%y%m%d}-{n + 1:06d}",
                        "office_id": office_id,
                        "service_id": rng.choice(service_ids),
                        "clerk_id": rng.choice(clerk_ids),
                        "received_at": received,
                        "due_at": received.replace(hour=17, minute=0, second=0),
                        "returned_at": returned if outcome < 0.97 else None,
                    }
                )
                sequence += 1
                face = rng.choice(FACES)
                ratings.append(
                    {
                        "id": uuid.uuid4(),
                        "station": "kiosk-bench",
                        "station_sequence": sequence,
                        "created_at": received + timedelta(hours=2, minutes=5),
                        "channel": RatingChannel.KIOSK,
                        "ticket_id": dossier_id,
                        "service_id": dossiers[-1]["service_id"],
                        "clerk_id": dossiers[-1]["clerk_id"],
                        "scale": 3,
                        "satisfaction": face,
                        "contacts_score": rng.choice((2, 2, 1, 0)),
                        "agencies_score": rng.choice((2, 1, 1, None)),
                        "conduct_complaint": face is Satisfaction.DISSATISFIED
                        and rng.random() < 0.3,
                        "reasons": [],
                        "comment": "Chờ lâu" if rng.random() < 0.01 else None,
                        "partial": False,
                        "prev_hash": prev_hash,
                        "hash": "",
                        "office_id": office_id,
                    }
                )
                # A true chain, so the reports' integrity check does its real work.
                prev_hash = ratings[-1]["hash"] = rating_hash(
                    # The row carries the column's name; the model calls it dossier_id.
                    rating_payload(
                        SimpleNamespace(**ratings[-1], dossier_id=ratings[-1]["ticket_id"])
                    ),
                    prev_hash,
                )
            for rows, table in ((dossiers, Dossier.__table__), (ratings, Rating.__table__)):
                for start in range(0, len(rows), BATCH):
                    connection.execute(insert(table), rows[start : start + BATCH])
            written += 2 * per_day
            days += 1
            print(f"  seeded {written:,} rows ({days} days)", file=sys.stderr, flush=True)
    database.engine.dispose()


def timed(label: str, call) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    call()
    seconds = time.perf_counter() - started
    print(f"{label:<28} {seconds:7.2f} s")
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--total-rows", type=int, default=5_000_000)
    parser.add_argument("--day-rows", type=int, default=100_000)
    parser.add_argument("--db")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="kiosk-bench-exports-"))
    url = args.db or f"sqlite:///{folder / 'province.sqlite3'}"
    if not args.db:
        started = time.perf_counter()
        seed(url, args.total_rows, args.day_rows)
        print(f"seeded {args.total_rows:,} rows in {time.perf_counter() - started:.0f} s")
    database = open_database(url)
    tr, now = Translator("vi"), datetime.combine(DAY + timedelta(days=3), datetime.min.time())
    with database.factory() as session:
        office_id = session.scalar(select(Office.id))
        floor = timed(
            "bare aggregate SQL (floor)", lambda: compute(session, office_id, DAY, DAY, now.date())
        )
        results = {
            "csv": timed(
                "export CSV",
                lambda: write_csv(
                    build_tables(session, None, DAY, DAY, now.date(), tr), folder / "csv"
                ),
            ),
            "xlsx": timed(
                "export XLSX",
                lambda: write_xlsx(
                    build_tables(session, None, DAY, DAY, now.date(), tr), folder / "day.xlsx", ""
                ),
            ),
            "pdf": timed(
                "export PDF",
                lambda: (folder / "day.pdf").write_bytes(
                    render_report_pdf(session, None, DAY, DAY, now.date(), now, tr)
                ),
            ),
        }
    for kind, seconds in results.items():
        verdict = "met" if seconds <= 2 and seconds <= 2 * floor else "NOT met"
        print(
            f"{kind}: {seconds:.2f} s = {seconds / floor:.1f}x the floor (target ≤ 2 s and "
            f"≤ 2x: {verdict})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
