"""Times rendering a receipt and an apology letter: PDF with its QR (A5, 80 mm) and ESC/POS bytes.

    python scripts/bench_slips.py [--runs 1000] [--json]

Targets (p99): PDF ≤ 15 ms, ESC/POS ≤ 10 ms. A thermal printer takes ~600 ms to print a slip,
so rendering must never be what the clerk waits for.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

from kiosk.clock import office_now
from kiosk.db.models import Dossier, PrintKind
from kiosk.db.open import open_database
from kiosk.i18n import Translator
from kiosk.printing.escpos_slip import render_escpos
from kiosk.printing.pdf_slip import A5, ROLL_80
from kiosk.printing.slip_fields import slip_fields
from kiosk.printing.slips import render_slip
from kiosk.printing.templates import load_template
from kiosk.receipt_signing import ReceiptSigner
from kiosk.services.demo import seed_demo
from kiosk.services.dossiers import dossier_view
from kiosk.services.offices import find_office, office_view

TARGETS_MS = {"pdf": 15.0, "escpos": 10.0}


def timed(call: Callable[[], bytes], runs: int) -> dict[str, float]:
    call()  # fonts and templates load once, at start-up, not per slip
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return {
        "p50_ms": round(statistics.median(samples), 2),
        "p99_ms": round(samples[int(len(samples) * 0.99) - 1], 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=1000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    database = open_database(f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.sqlite3'}")
    seed_demo(database.factory, office_now())
    with database.factory() as session:
        dossier = session.scalars(
            select(Dossier).where(Dossier.reappointed_at.is_not(None))
        ).first()
        assert dossier is not None
        view = dossier_view(dossier, office_now().date())
        office = office_view(find_office(session))
    tr = Translator("vi")
    signer = ReceiptSigner(b"bench-key".ljust(32, b"-"))
    results = {}
    for kind in PrintKind:
        for paper in (A5, ROLL_80):
            results[f"{kind.value} pdf {paper.name}"] = timed(
                lambda k=kind, p=paper: render_slip(k, view, office, signer=signer, paper=p, tr=tr),
                args.runs,
            )
        template = load_template(kind.value)
        results[f"{kind.value} escpos"] = timed(
            lambda t=template: render_escpos(
                t, slip_fields(view, office, tr), tr, qr_payload=signer.payload(view.code)
            ),
            args.runs,
        )
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    for name, figures in results.items():
        target = TARGETS_MS["escpos" if "escpos" in name else "pdf"]
        verdict = "met" if figures["p99_ms"] <= target else "NOT met"
        print(
            f"{name:<22} p50 {figures['p50_ms']:6.2f} ms  p99 {figures['p99_ms']:6.2f} ms"
            f"  (target p99 ≤ {target:.0f} ms: {verdict})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
