"""Times rendering every form (receipt, Form 02, Form 03, apology): PDF with its QR (A5, 80 mm)
and ESC/POS bytes.

    python scripts/bench_slips.py [--runs 1000] [--json]

Targets (p99): PDF ≤ 15 ms, ESC/POS ≤ 10 ms. A thermal printer takes ~600 ms to print a slip,
so rendering must never be what the clerk waits for.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable

from render_slips import demo_dossier

from kiosk.db.models import PrintKind
from kiosk.i18n import Translator
from kiosk.printing.escpos_slip import render_escpos
from kiosk.printing.pdf_slip import A5, ROLL_80
from kiosk.printing.slip_fields import slip_content
from kiosk.printing.slips import render_slip
from kiosk.printing.templates import load_template
from kiosk.receipt_signing import ReceiptSigner

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
    # The demo's re-appointed dossier, with documents, a Form 02 and a refusal: every form full.
    view, office = demo_dossier()
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
                t,
                slip_content(view, office, tr, check_number=signer.check_number(view.code)),
                tr,
                qr_payload=signer.payload(view.code),
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
            f"{name:<26} p50 {figures['p50_ms']:6.2f} ms  p99 {figures['p99_ms']:6.2f} ms"
            f"  (target p99 ≤ {target:.0f} ms: {verdict})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
