"""Renders a demo dossier's receipt and apology letter, in every format, to PNG for a look.

    python scripts/render_slips.py out/slips [--lang vi|en]

PDFs (A5 and 80 mm) go through pdftoppm; the ESC/POS bytes through their raster images (the QR
code is left to the printer, so it is missing from that preview).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from sqlalchemy import select

from kiosk.clock import office_now
from kiosk.db.models import Dossier, PrintKind
from kiosk.db.open import open_database
from kiosk.i18n import Translator
from kiosk.printing.escpos_preview import preview
from kiosk.printing.escpos_slip import render_escpos
from kiosk.printing.pdf_slip import PAPERS
from kiosk.printing.slip_fields import slip_fields
from kiosk.printing.slips import render_slip
from kiosk.printing.templates import load_template
from kiosk.receipt_signing import ReceiptSigner
from kiosk.services.demo import seed_demo
from kiosk.services.dossiers import dossier_view
from kiosk.services.offices import find_office, office_view


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", default="vi", choices=("vi", "en"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{Path(tempfile.mkdtemp()) / 'demo.sqlite3'}"
    database = open_database(url)
    seed_demo(database.factory, office_now())
    tr = Translator(args.lang)
    signer = ReceiptSigner(b"demo-key-for-previews-only".ljust(32, b"-"))
    with database.factory() as session:
        dossier = session.scalars(
            select(Dossier).where(Dossier.reappointed_at.is_not(None))
        ).first()
        assert dossier is not None, "the demo always re-appoints a few dossiers"
        view = dossier_view(dossier, office_now().date())
        office = office_view(find_office(session))
    for kind in PrintKind:
        for paper in PAPERS.values():
            pdf = args.out / f"{kind.value}-{paper.name}-{args.lang}.pdf"
            pdf.write_bytes(render_slip(kind, view, office, signer=signer, paper=paper, tr=tr))
            subprocess.run(
                ["pdftoppm", "-r", "110", "-png", str(pdf), str(pdf.with_suffix(""))], check=True
            )
        data = render_escpos(
            load_template(kind.value),
            slip_fields(view, office, tr),
            tr,
            qr_payload=signer.payload(view.code),
        )
        png = args.out / f"{kind.value}-escpos-{args.lang}.png"
        preview(data).save(png)
    for path in sorted(args.out.glob("*.png")):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
