"""Renders a demo dossier's four forms (receipt, Form 02, Form 03, apology) and a feedback case's
slip (one to be called back, one numbered later by a kiosk out of touch), in every format, to PNG
for a look.

    python scripts/render_slips.py out/slips [--lang vi|en|both]

PDFs (A5 and 80 mm) go through pdftoppm; the ESC/POS bytes through their raster images (the QR
code is left to the printer, so it is missing from that preview).
"""

from __future__ import annotations

import argparse
import dataclasses
import subprocess
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from kiosk.case_qr import CaseQrSigner
from kiosk.clock import office_now
from kiosk.db.case_models import CaseSource
from kiosk.db.models import Dossier, PrintKind
from kiosk.db.open import Database, open_database
from kiosk.i18n import Translator
from kiosk.printing.case_slip import AnswerWay, CaseSlip, case_slip, case_slip_escpos, case_slip_pdf
from kiosk.printing.escpos_preview import preview
from kiosk.printing.escpos_slip import render_escpos
from kiosk.printing.pdf_slip import PAPERS
from kiosk.printing.slip_fields import slip_content
from kiosk.printing.slips import render_slip
from kiosk.printing.templates import load_template
from kiosk.receipt_signing import ReceiptSigner
from kiosk.services.case_desk import CaseDesk
from kiosk.services.cases import Contact
from kiosk.services.demo import seed_demo
from kiosk.services.dossier_reads import dossier_view
from kiosk.services.offices import find_office, office_view
from kiosk.views import DocumentItem, DossierView, OfficeView, SupplementView


def with_paperwork(view: DossierView) -> DossierView:
    """The demo dossier with what the counter records today only by hand: the documents
    submitted, its register entry, a Form 02 and a refusal, so that every form has its data."""
    received = view.received_at
    return dataclasses.replace(
        view,
        documents=(
            DocumentItem("Tờ khai đăng ký lại khai tử theo mẫu", "original", 1),
            DocumentItem("Giấy báo tử hoặc giấy tờ thay thế giấy báo tử", "copy", 1),
            DocumentItem("Căn cước của người đi đăng ký", "copy", 2),
        ),
        sets=1,
        register_entry=42,
        supplements=(
            SupplementView(
                number=1,
                issued_at=received + timedelta(days=1),
                missing=(
                    "Bản sao giấy báo tử có chứng thực",
                    "Văn bản xác nhận của Ủy ban nhân dân xã nơi người chết cư trú cuối cùng",
                ),
                reason="Giấy báo tử nộp kèm là bản chụp, không có chứng thực.",
                clerk_name=view.clerk_name,
            ),
        ),
        refused_at=received,
        refusal_reason="Việc khai tử đã được đăng ký tại Ủy ban nhân dân xã Phú Hòa",
    )


def demo_database() -> Database:
    database = open_database(f"sqlite:///{Path(tempfile.mkdtemp()) / 'demo.sqlite3'}")
    seed_demo(database.factory, office_now())
    return database


def demo_dossier(database: Database) -> tuple[DossierView, OfficeView]:
    with database.factory() as session:
        dossier = session.scalars(
            select(Dossier).where(Dossier.reappointed_at.is_not(None))
        ).first()
        assert dossier is not None, "the demo always re-appoints a few dossiers"
        view = dossier_view(dossier, office_now().date())
        office = office_view(find_office(session))
    return with_paperwork(view), office


def demo_case_slips(database: Database, signer: CaseQrSigner) -> dict[str, CaseSlip]:
    """A petition typed at the kiosk by a citizen who asked to be called back, and the same slip
    as a kiosk out of touch with the database prints it (no number, no due date yet)."""
    desk = CaseDesk(database.factory, station="kiosk-1")
    case = desk.open(
        None,
        source=CaseSource.KIOSK,
        subject="Thủ tục rườm rà, phải đi lại nhiều lần mới nộp được hồ sơ",
        text="Nộp hồ sơ ba lần vẫn bị trả lại, mỗi lần một yêu cầu khác nhau.",
        contact=Contact("Lê Văn Bình", "0912345678"),
    )
    with database.factory() as session:
        office = find_office(session)
        view, days = office_view(office), office.case_days
    called = case_slip(case, view, case_days=days, by_phone=True, signer=signer)
    later = dataclasses.replace(called, number=None, due_at=None, answer_way=AnswerWay.COUNTER)
    return {"case-slip": called, "case-slip-unnumbered": later}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", default="both", choices=("vi", "en", "both"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    database = demo_database()
    view, office = demo_dossier(database)
    key = b"demo-key-for-previews-only".ljust(32, b"-")
    signer = ReceiptSigner(key)
    case_slips = demo_case_slips(database, CaseQrSigner(key))
    for language in ("vi", "en") if args.lang == "both" else (args.lang,):
        tr = Translator(language)
        for kind in PrintKind:
            for paper in PAPERS.values():
                pdf = args.out / f"{kind.value}-{paper.name}-{language}.pdf"
                pdf.write_bytes(render_slip(kind, view, office, signer=signer, paper=paper, tr=tr))
                subprocess.run(
                    ["pdftoppm", "-r", "110", "-png", str(pdf), str(pdf.with_suffix(""))],
                    check=True,
                )
            data = render_escpos(
                load_template(kind.value),
                slip_content(view, office, tr, check_number=signer.check_number(view.code)),
                tr,
                qr_payload=signer.payload(view.code),
            )
            preview(data).save(args.out / f"{kind.value}-escpos-{language}.png")
        for name, slip in case_slips.items():
            for paper in PAPERS.values():
                pdf = args.out / f"{name}-{paper.name}-{language}.pdf"
                pdf.write_bytes(case_slip_pdf(slip, paper, tr))
                subprocess.run(
                    ["pdftoppm", "-r", "110", "-png", str(pdf), str(pdf.with_suffix(""))],
                    check=True,
                )
            preview(case_slip_escpos(slip, tr)).save(args.out / f"{name}-escpos-{language}.png")
    for path in sorted(args.out.glob("*.png")):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
