"""The parts that make the report an administrative document (Decree 30/2020/NĐ-CP, Appendix I):
the agency and the national motto side by side with their rules, "Số:" under the agency, place
and date under the motto, the title with its subject and period, and at the end the recipients
beside the signer's block."""

from __future__ import annotations

from datetime import date, datetime
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer

from kiosk.db.models import Office
from kiosk.formats import day_text
from kiosk.i18n import N_, Translator
from kiosk.printing.pdf_layout import Rows, Rule
from kiosk.printing.pdf_slip import BOLD, REGULAR
from kiosk.reports.document_symbol import office_abbreviation
from kiosk.reports.pdf_styles import FRAME_WIDTH, ReportStyles

BLANK_NUMBER = "\u00a0" * 10  # the office writes the number from its register by hand
BLANK = "……………"
SIGNING_SPACE = 22 * mm


def document_date(day: date, tr: Translator) -> str:
    """ "ngày 30 tháng 11 năm 2026", as a Vietnamese document is dated; English as it writes it."""
    if tr.language != "vi":
        return day_text(day, tr.language)
    return tr(
        N_("day {day} month {month} year {year}"),
        day=f"{day.day:02d}",
        month=f"{day.month:02d}",
        year=day.year,
    )


def period_words(start: date, end: date, tr: Translator) -> str:
    if start == end:
        return tr(N_("(day {day})"), day=day_text(start, tr.language))
    return tr(
        N_("(from {start} to {end})"),
        start=day_text(start, tr.language),
        end=day_text(end, tr.language),
    )


def masthead(office: Office, now: datetime, tr: Translator, s: ReportStyles) -> list[Flowable]:
    nation = tr(N_("SOCIALIST REPUBLIC OF VIETNAM"))
    motto = tr(N_("Independence - Freedom - Happiness"))
    size = s.head_bold.fontSize
    motto_width = pdfmetrics.stringWidth(motto, BOLD, size)
    nation_width = pdfmetrics.stringWidth(nation, BOLD, size)
    # The motto's two lines never wrap: their column is as wide as they need.
    right_share = min(0.62, max(0.52, (nation_width + 6 * mm) / FRAME_WIDTH))
    office_name = office.name.upper()
    office_width = min(
        pdfmetrics.stringWidth(office_name, BOLD, size), FRAME_WIDTH * (1 - right_share)
    )
    agency: list[Flowable] = [
        *([Paragraph(escape(office.authority.upper()), s.head_centre)] if office.authority else []),
        Paragraph(escape(office_name), s.head_bold),
        Rule(office_width * 0.4),
    ]
    country: list[Flowable] = [
        Paragraph(escape(nation), s.head_bold),
        Paragraph(escape(motto), s.head_bold),
        Rule(motto_width),
    ]
    number = tr(
        N_("No.: {number}/BC-{office}"),
        number=BLANK_NUMBER,
        office=office_abbreviation(office.name),
    )
    dateline = f"{office.place_name or BLANK}, {document_date(now.date(), tr)}"
    gap = Spacer(0, 1.5 * mm)
    return [
        Rows(
            [
                (agency, country),
                ([gap, Paragraph(escape(number), s.head_centre)], [gap, _dateline(dateline, s)]),
            ],
            left_share=1 - right_share,
        )
    ]


def _dateline(text: str, s: ReportStyles) -> Paragraph:
    return Paragraph(escape(text), s.dateline)


def title(start: date, end: date, tr: Translator, s: ReportStyles) -> list[Flowable]:
    subject = tr(N_("Results of serving citizens at the one-stop counter"))
    period = period_words(start, end, tr)
    return [
        Spacer(0, 5 * mm),
        Paragraph(escape(tr(N_("REPORT"))), s.title),
        Paragraph(escape(subject), s.subject),
        Paragraph(escape(period), s.subject),
        Spacer(0, 1 * mm),
        Rule(pdfmetrics.stringWidth(subject, BOLD, s.subject.fontSize) * 0.4),
        Spacer(0, 3 * mm),
    ]


def signature_block(office: Office, tr: Translator, s: ReportStyles) -> Flowable:
    """ "Nơi nhận:" at the bottom left, the head of the office at the bottom right."""
    superior = office.authority or BLANK
    recipients: list[Flowable] = [
        Paragraph(escape(tr(N_("Recipients:"))), s.recipients_title),
        Paragraph(escape(tr(N_("- {superior} (to report);"), superior=superior)), s.recipients),
        Paragraph(escape(tr(N_("- Filed: Records."))), s.recipients),
    ]
    signer_title = office.signatory_title.upper() or tr(N_("HEAD OF THE OFFICE"))
    signer: list[Flowable] = [
        Paragraph(escape(signer_title), s.sign),
        Paragraph(escape(tr(N_("(signature and full name)"))), s.sign_hint),
        Spacer(0, SIGNING_SPACE),
        Paragraph(escape(office.signatory_name or BLANK), s.sign),
    ]
    return Rows([(recipients, signer)], left_share=0.5)


def number_pages(canvas: Canvas, document: object) -> None:
    """From the second page on, its number centred in the top margin (Decree 30: the first
    page carries none)."""
    canvas.saveState()
    canvas.setFont(REGULAR, 10)
    width, height = canvas._pagesize
    canvas.drawCentredString(width / 2, height - 12 * mm, str(canvas.getPageNumber()))
    canvas.restoreState()
