"""The period report as the official document a chairman signs: agency and national motto,
"Số:", place and date, the title with its period, figures in the reader's language beside their
targets, the integrity of the ratings in plain words, and the signature kept with the last
section. Figures are computed once per export, whatever the formats written."""

import re
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest
from reportlab.platypus import KeepTogether, Paragraph, Table
from sqlalchemy import select

from kiosk.answers import RatingInput, Satisfaction
from kiosk.db.models import Office, Service
from kiosk.i18n import Translator
from kiosk.reports import figures as figures_module
from kiosk.reports.document_symbol import office_abbreviation
from kiosk.reports.figures import period_figures
from kiosk.reports.pdf_figures import LATE_IN_PERIOD, overdue_now_label
from kiosk.reports.pdf_report import report_story
from kiosk.reports.pdf_styles import register_report_fonts, report_styles
from kiosk.reports.period_export import export_files
from kiosk.reports.report_chart import BAR, ZERO_MARK, label_lines, service_chart
from kiosk.services.dossiers import DossierService
from kiosk.services.ratings import RatingService
from tests.conftest import NOW, run_kiosk
from tests.kiosk.signing import sign_stations

DAY = date(2026, 11, 20)  # a Friday; the report is made on Monday 23/11 at 9:30 (NOW)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute)


@pytest.fixture
def report_day(database, office, clock):
    """On 20/11: one birth registration returned on time, one never returned (late in the
    period); a marital-status dossier due 19/11 still owed (overdue now, not in the period).
    Seven ratings, five satisfied: 71,4 %; the late re-registrations rated 0 %."""
    with database.factory.begin() as session:
        signer = session.scalars(select(Office)).one()
        signer.authority = "Ủy ban nhân dân huyện Định Quán"
        signer.place_name = "Tân Phú"
        signer.signatory_title = "Chủ tịch"
        signer.signatory_name = "Lê Văn Tâm"
    dossiers = DossierService(database.factory, station="test", clock=clock)
    with clock.at(at(16, 8)):
        dossiers.register("HT-XNHN", clerk_id=1)
    with clock.at(at(20, 8)):
        returned = dossiers.register("HT-KS", clerk_id=1).code
    with clock.at(at(20, 9)):
        dossiers.register("HT-KS", clerk_id=2)
    with clock.at(at(20, 10)):
        dossiers.return_result(returned, clerk_id=1)
    signer = sign_stations(database, "kiosk-1")
    ratings = RatingService(database.factory, station="kiosk-1", clock=clock, signer=signer)
    faces = [Satisfaction.SATISFIED] * 5 + [Satisfaction.DISSATISFIED] * 2
    for minute, face in enumerate(faces):
        service = "HT-KS" if face is Satisfaction.SATISFIED else "HT-KSL"
        with clock.at(at(20, 11, minute)):
            ratings.record(RatingInput(satisfaction=face, service_code=service))
    clock.now = NOW
    return database


def export_pdf(db_url, tmp_path: Path, language: str) -> Path:
    out = tmp_path / f"report-{language}.pdf"
    day = ["--date", f"{DAY:%Y-%m-%d}", "--db", db_url, "--lang", language]
    assert run_kiosk(["export", "daily", *day, "--format", "pdf", "--out", str(out)]) == 0
    return out


def page_texts(pdf: Path) -> list[str]:
    """Each page's text, in reading order, spaces made plain."""
    pages = subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    return [" ".join(page.split()) for page in pages if page.strip()]


def said(tr: Translator, message: str, **fields: object) -> str:
    return " ".join(tr(message, **fields).split())


def test_the_vietnamese_report_reads_as_an_official_document(report_day, db_url, tmp_path):
    tr = Translator("vi")
    pages = page_texts(export_pdf(db_url, tmp_path, "vi"))
    text = " ".join(pages)
    # The agency, the motto, the number left blank for the office's register, place and date.
    assert "ỦY BAN NHÂN DÂN HUYỆN ĐỊNH QUÁN" in text and "UBND XÃ TÂN PHÚ" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Độc lập - Tự do - Hạnh phúc" in text
    assert said(tr, "No.: {number}/BC-{office}", number="", office="UBND") in text
    assert "Tân Phú, ngày 23 tháng 11 năm 2026" in text
    assert tr("REPORT") in text and said(tr, "(day {day})", day="20/11/2026") in text
    # Figures as Vietnamese writes them, beside their targets in words.
    assert "71,4 %" in text and not re.search(r"\d\.\d\s*%", text)
    rate = said(
        tr,
        "{figure} {value} — below the target of {target}",
        figure=tr("Satisfaction rate"),
        value="71,4 %",
        target="80 %",
    )
    assert rate in text
    # Late in the period and overdue now, each under its own name: they are not the same count.
    with report_day.factory() as session:
        figures = period_figures(session, None, DAY, DAY, NOW)
    assert f"{said(tr, LATE_IN_PERIOD)}: 1" in text
    assert " ".join(f"{overdue_now_label(figures, tr)}: 2".split()) in text
    assert "(đến 09:30 23/11/2026)" in text or "(as of 09:30 23/11/2026)" in text
    # The integrity in plain words, no command for the reader; the heads in small print.
    sentence = said(
        tr,
        "Rating data checked for integrity: no change or deletion found ({count} ratings in "
        "the period).",
        count=7,
    )
    assert sentence in text and "kiosk verify" not in text
    assert figures.integrity.segments[0].head in text.replace(" ", "")
    # The signature block, on a page that holds more than the signature.
    assert tr("Recipients:") in pages[-1] and "CHỦ TỊCH" in pages[-1]
    assert "(Ký và ghi rõ họ tên)" in pages[-1] and "Lê Văn Tâm" in pages[-1]
    assert sentence in pages[-1]


def test_the_english_report_writes_english_numbers_and_dates(report_day, db_url, tmp_path):
    text = " ".join(page_texts(export_pdf(db_url, tmp_path, "en")))
    assert "SOCIALIST REPUBLIC OF VIETNAM" in text and "Tân Phú, Nov 23, 2026" in text
    assert "71.4 %" in text and "71,4" not in text
    assert "(day Nov 20, 2026)" in text


def walk(flowables):
    for flowable in flowables:
        if isinstance(flowable, KeepTogether):
            yield from walk(flowable._content)
        else:
            yield flowable


def cell_text(cell) -> str:
    if isinstance(cell, Paragraph):
        return cell.getPlainText().strip()
    return str(cell or "").strip()


@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_table_of_the_report_names_every_column_on_every_page(report_day, language):
    register_report_fonts()
    tr = Translator(language)
    with report_day.factory() as session:
        figures = period_figures(session, None, DAY, DAY, NOW)
        story = report_story(session, figures, tr, report_styles())
    tables = [f for f in walk(story) if isinstance(f, Table)]
    assert len(tables) >= 3  # the figures, the late dossiers, the Decision 766 group
    for table in tables:
        header = table._cellvalues[0]
        assert all(cell_text(cell) for cell in header), header
        assert table.repeatRows == 1


def test_a_zero_bar_is_seen_and_says_its_value(report_day):
    tr = Translator("vi")
    with report_day.factory() as session:
        figures = period_figures(session, None, DAY, DAY, NOW)
        services = {s.id: s for s in session.scalars(select(Service))}
    drawing = service_chart(figures.report, services, tr)
    bars = [c for c in drawing.contents if getattr(c, "fillColor", None) == BAR]
    assert len(bars) == 2 and min(bar.width for bar in bars) >= ZERO_MARK
    values = [c.text for c in drawing.contents if getattr(c, "fontName", "").endswith("Bold")]
    assert "0\u00a0%" in values and "100\u00a0%" in values


def test_a_long_service_name_wraps_at_spaces_never_in_a_word_and_keeps_its_count():
    name = "Thay đổi, cải chính, bổ sung thông tin hộ tịch có yếu tố nước ngoài tại cơ quan"
    lines = label_lines(name, "(n=12)", 120)
    assert len(lines) == 2 and lines[1].endswith("… (n=12)")
    words = set(name.split())
    for line in lines:
        assert all(word in words for word in line.removesuffix("… (n=12)").split())
    assert label_lines("Đăng ký khai tử", "(n=1)", 120) == ["Đăng ký khai tử (n=1)"]


def test_the_office_abbreviation_is_the_initials_of_its_kind():
    assert office_abbreviation("Trung tâm Phục vụ hành chính công xã Tân Phú") == "TTPVHCC"
    assert office_abbreviation("Ủy ban nhân dân phường Đông Hòa") == "UBND"
    assert office_abbreviation("UBND xã Tân Phú") == "UBND"
    assert office_abbreviation("Văn phòng đăng ký đất đai huyện Định Quán") == "VPĐKĐĐ"


def test_one_export_in_three_formats_computes_the_figures_once(
    report_day, db_url, tmp_path, monkeypatch
):
    calls = {"compute": 0, "integrity": 0}
    compute, integrity = figures_module.compute, figures_module.period_integrity

    def counted_compute(*args, **kwargs):
        calls["compute"] += 1
        return compute(*args, **kwargs)

    def counted_integrity(*args, **kwargs):
        calls["integrity"] += 1
        return integrity(*args, **kwargs)

    monkeypatch.setattr(figures_module, "compute", counted_compute)
    monkeypatch.setattr(figures_module, "period_integrity", counted_integrity)
    # Any other path to the indicators would be counted too.
    import kiosk.reports.decision_766 as decision_766

    monkeypatch.setattr(decision_766, "compute", counted_compute)
    outputs = [
        ("pdf", tmp_path / "r.pdf"),
        ("xlsx", tmp_path / "r.xlsx"),
        ("csv", tmp_path / "csv"),
    ]
    written = export_files(
        report_day.factory, None, DAY, DAY, outputs, NOW, Translator("vi"), protected=[]
    )
    assert tmp_path / "r.pdf" in written and tmp_path / "r.xlsx" in written
    assert calls == {"compute": 1, "integrity": 1}
