"""The daily (or period) report as a PDF to hand to the chairman, laid out as an administrative
document (Decree 30/2020/NĐ-CP): agency and national motto, "Số:", place and date, the title with
its period, numbered sections — the headline figures beside their targets, a chart, the late
dossiers, the comments, the feedback cases, the corrected times, the integrity of the ratings —
and the recipients and the head's signature kept on the page of the last section."""

from __future__ import annotations

import io
from datetime import date, datetime
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer
from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.db.models import Service
from kiosk.formats import day_text
from kiosk.i18n import Translator
from kiosk.reports import pdf_masthead, pdf_sections
from kiosk.reports.case_register_pdf import case_flowables
from kiosk.reports.figures import PeriodFigures, period_figures
from kiosk.reports.pdf_figures import headline, moment_text
from kiosk.reports.pdf_styles import (
    BOTTOM_MARGIN,
    LEFT_MARGIN,
    RIGHT_MARGIN,
    TOP_MARGIN,
    ReportStyles,
    register_report_fonts,
    report_styles,
)
from kiosk.reports.report_chart import service_chart


def _closing(figures: PeriodFigures, tr: Translator, s: ReportStyles) -> Flowable:
    """The integrity section, the line saying who made the report, and the signature block as
    one piece: the last page never holds the signature alone."""
    made = tr(
        "Made on {when} by the feedback kiosk system.",
        when=moment_text(figures.now, tr.language),
    )
    return KeepTogether(
        [
            *pdf_sections.integrity(figures.integrity, "7.", tr, s),
            Paragraph(escape(made), s.small),
            Spacer(0, 6 * mm),
            pdf_masthead.signature_block(figures.office, tr, s),
        ]
    )


def report_story(
    session: Session, figures: PeriodFigures, tr: Translator, s: ReportStyles
) -> list[Flowable]:
    """The report's flowables, first page to last."""
    office, start, end, now = figures.office, figures.start, figures.end, figures.now
    services = {sv.id: sv for sv in session.scalars(select(Service))}
    return [
        *pdf_masthead.masthead(office, now, tr, s),
        *pdf_masthead.title(start, end, tr, s),
        *headline(figures, tr, s),
        Spacer(0, 5 * mm),
        service_chart(figures.report, services, tr),
        *pdf_sections.late_dossiers(session, figures, "3.", tr, s),
        *pdf_sections.comments(session, figures, "4.", tr, s),
        *case_flowables(
            session,
            office.id,
            start,
            end,
            now,
            tr,
            (s.heading, s.bold, s.small),
            figures.group_766,
            number="5.",
        ),
        *pdf_sections.corrected_times(figures, "6.", tr, s),
        Spacer(0, 4 * mm),
        _closing(figures, tr, s),
    ]


def render_report_pdf(
    session: Session,
    office_code: str | None,
    start: date,
    end: date,
    today: date,
    now: datetime,
    tr: Translator,
    *,
    figures: PeriodFigures | None = None,
) -> bytes:
    """`figures`: the period's, when the caller computed them for the XLSX or CSV as well
    (`today` is `now`'s day: kept for the callers that pass it)."""
    register_report_fonts()
    s = report_styles()
    if figures is None:
        figures = period_figures(session, office_code, start, end, now)
    story = report_story(session, figures, tr, s)
    if start == end:
        period = day_text(start, tr.language)
    else:
        period = f"{day_text(start, tr.language)} – {day_text(end, tr.language)}"
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=LEFT_MARGIN,
        rightMargin=RIGHT_MARGIN,
        topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN,
        title=tr("Report {period}", period=period),
        author=figures.office.name,
    )
    document.build(story, onLaterPages=pdf_masthead.number_pages)
    return buffer.getvalue()
