"""The daily (or period) report as a PDF fit to hand to the chairman: headline figures with
their targets, a chart, the late dossiers with their reasons, and the citizens' comments."""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.answers import FACE_WORDS
from kiosk.clock import day_range
from kiosk.db.models import Dossier, Rating, Service
from kiosk.formats import percent_text
from kiosk.i18n import Translator
from kiosk.printing.pdf_slip import BOLD, REGULAR, register_fonts
from kiosk.reports.case_register_pdf import case_flowables
from kiosk.reports.corrected import corrected_flowables
from kiosk.reports.indicators import PeriodReport, compute, status_conditions, unit_class
from kiosk.reports.integrity import PeriodIntegrity, period_integrity
from kiosk.reports.tables import CLASS_WORDS, Targets, integrity_sentence
from kiosk.services.corrections import corrections_in
from kiosk.services.offices import find_office, ratings_of

CHART_SERVICES = 8
# The report stays one or two pages: the rest of a long list is in the XLSX.
MAX_LATE_ROWS = 15
MAX_COMMENTS = 12


@dataclass(frozen=True)
class _Styles:
    body: ParagraphStyle
    bold: ParagraphStyle
    title: ParagraphStyle
    heading: ParagraphStyle
    small: ParagraphStyle


def _styles() -> _Styles:
    def style(name: str, font: str, size: float, **extra: object) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * 1.3, **extra)

    return _Styles(
        body=style("body", REGULAR, 10),
        bold=style("bold", BOLD, 10),
        title=style("title", BOLD, 15, alignment=1, spaceAfter=4),
        heading=style("heading", BOLD, 12, spaceBefore=8, spaceAfter=4),
        small=style("small", REGULAR, 8.5),
    )


def _mark(value: Decimal | None, target: Decimal | None, tr: Translator) -> str:
    if value is None or target is None:
        return ""
    return tr("met") if value >= target else tr("not met")


def _headline(report: PeriodReport, targets: Targets, tr: Translator, s: _Styles) -> Table:
    unit = report.unit
    rows = [
        [tr("Dossiers received"), str(report.received), "", ""],
        [tr("Results returned"), str(report.returned), "", ""],
        [tr("Dossiers due"), str(unit.due), "", ""],
        [tr("Supplement requests issued (Form 02)"), str(report.supplements), "", ""],
        [tr("Dossiers refused (Form 03)"), str(report.refused), "", ""],
        [
            tr("On-time rate (%)"),
            percent_text(unit.on_time_rate, tr.language),
            percent_text(targets.on_time, tr.language),
            _mark(unit.on_time_rate, targets.on_time, tr),
        ],
        [
            tr("Early rate (%)"),
            percent_text(unit.early_rate, tr.language),
            percent_text(targets.early, tr.language),
            _mark(unit.early_rate, targets.early, tr),
        ],
        [tr("Decision 766 rate (%)"), percent_text(unit.rate_766, tr.language), "", ""],
        [tr("Ratings"), str(unit.ratings), "", ""],
        [
            tr("Satisfaction rate (%)"),
            percent_text(unit.satisfaction_rate, tr.language),
            percent_text(targets.satisfaction, tr.language),
            _mark(unit.satisfaction_rate, targets.satisfaction, tr),
        ],
    ]
    for number, value in unit.indicators.items():
        rows.append(
            [tr("Indicator {number} (Circular 01/2018)", number=number), str(value), "", ""]
        )
    asked = unit.indicator_3_asked
    rows.append([tr("Indicator 3 as the citizens answered"), str(asked or "—"), "", ""])
    words = unit_class(unit)
    rows.append([tr("Unit classification"), tr(CLASS_WORDS[words]) if words else "—", "", ""])
    header = [tr("Figure"), tr("Value"), tr("Target"), ""]
    data = [[Paragraph(escape(str(c)), s.bold if i == 0 else s.body) for i, c in enumerate(header)]]
    data += [[Paragraph(escape(str(c)), s.body) for c in row] for row in rows]
    table = Table(data, colWidths=[85 * mm, 28 * mm, 25 * mm, 22 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef9")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


def _chart(report: PeriodReport, services: Mapping[int, Service], tr: Translator) -> Drawing:
    """Satisfaction by service, for the services rated most in the period."""
    rated = sorted(
        ((t.ratings, sid, t) for sid, t in report.by_service.items() if t.ratings), reverse=True
    )[:CHART_SERVICES]
    rated.reverse()
    height = 30 + 18 * max(1, len(rated))
    drawing = Drawing(170 * mm, height + 20)
    drawing.add(
        String(0, height + 8, tr("Satisfaction rate (%) by service"), fontName=BOLD, fontSize=10)
    )
    if not rated:
        drawing.add(
            String(0, height - 10, tr("No ratings in this period."), fontName=REGULAR, fontSize=9)
        )
        return drawing
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 75 * mm, 10, 90 * mm, height - 20
    chart.data = [[float(t.satisfaction_rate or 0) for _, _, t in rated]]
    chart.categoryAxis.categoryNames = [
        f"{services[sid].name_vi[:34]} ({count})" for count, sid, _ in rated
    ]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 8
    chart.bars[0].fillColor = colors.HexColor("#0b3d91")
    drawing.add(chart)
    return drawing


def _late(
    session: Session,
    office_id: int,
    start: date,
    end: date,
    today: date,
    tr: Translator,
    s: _Styles,
) -> list[object]:
    begin, finish = day_range(start, end)
    _early, _on_time, is_late = status_conditions(today)
    due_in_period = (
        Dossier.office_id == office_id,
        Dossier.due_at >= begin,
        Dossier.due_at < finish,
    )
    count = (
        session.scalar(select(func.count()).select_from(Dossier).where(*due_in_period, is_late))
        or 0
    )
    late = session.execute(
        select(
            Dossier.code,
            Service.name_vi,
            Dossier.due_at,
            Dossier.returned_at,
            Dossier.reappointment_reason,
        )
        .join(Service, Dossier.service_id == Service.id)
        .where(*due_in_period, is_late)
        .order_by(Dossier.due_at, Dossier.code)
        .limit(MAX_LATE_ROWS)
    ).all()
    out: list[object] = [Paragraph(escape(tr("Late dossiers ({count})", count=count)), s.heading)]
    if not late:
        return [*out, Paragraph(escape(tr("None.")), s.body)]
    header = [tr("Dossier code"), tr("Procedure"), tr("Appointment"), tr("Returned"), tr("Reason")]
    data = [[Paragraph(escape(h), s.bold) for h in header]]
    for dossier in late:
        returned = f"{dossier.returned_at:%d/%m/%Y}" if dossier.returned_at else "—"
        data.append(
            [
                Paragraph(escape(c), s.small)
                for c in (
                    dossier.code,
                    dossier.name_vi,
                    f"{dossier.due_at:%d/%m/%Y}",
                    returned,
                    dossier.reappointment_reason or tr("not given"),
                )
            ]
        )
    table = Table(data, colWidths=[44 * mm, 41 * mm, 22 * mm, 22 * mm, 45 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef9")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    out.append(table)
    if count > len(late):
        more = tr("… and {count} more: see the XLSX register.", count=count - len(late))
        out.append(Paragraph(escape(more), s.small))
    return out


def _comments(
    session: Session, office_id: int, start: date, end: date, tr: Translator, s: _Styles
) -> list[object]:
    begin, finish = day_range(start, end)
    period_comments = (
        Rating.created_at >= begin,
        Rating.created_at < finish,
        Rating.comment.is_not(None),
        ratings_of(session, office_id),
    )
    ratings = session.scalars(
        select(Rating)
        .where(*period_comments)
        .order_by(Rating.created_at.desc())
        .limit(MAX_COMMENTS)
    ).all()
    total = session.scalar(select(func.count()).select_from(Rating).where(*period_comments)) or 0
    services = {sv.id: sv for sv in session.scalars(select(Service))}
    out: list[object] = [
        Paragraph(escape(tr("Citizens' comments ({count})", count=total)), s.heading)
    ]
    if not ratings:
        return [*out, Paragraph(escape(tr("None.")), s.body)]
    for rating in ratings:
        face = escape(tr(FACE_WORDS[rating.satisfaction]))
        service = services[rating.service_id] if rating.service_id is not None else None
        line = (
            f"<b>{rating.created_at:%H:%M %d/%m}</b> — "
            f"{escape(service.name_vi if service else '')} — "
            f"{face}: “{escape(rating.comment or '')}”"
        )
        out.append(Paragraph(line, s.body))
    if total > len(ratings):
        more = tr("… and {count} more in the manager's station.", count=total - len(ratings))
        out.append(Paragraph(escape(more), s.small))
    return out


def _integrity(integrity: PeriodIntegrity, tr: Translator, s: _Styles) -> list[object]:
    """The foot: whether the period's ratings verified, and each station's head in full."""
    out: list[object] = [Paragraph(escape(integrity_sentence(integrity, tr)), s.small)]
    for segment in integrity.segments:
        out.append(
            Paragraph(
                escape(
                    tr(
                        "{station}, no. {last}: {head}",
                        station=segment.station,
                        last=segment.last,
                        head=segment.head,
                    )
                ),
                s.small,
            )
        )
    return out


def render_report_pdf(
    session: Session,
    office_code: str | None,
    start: date,
    end: date,
    today: date,
    now: datetime,
    tr: Translator,
) -> bytes:
    register_fonts()
    s = _styles()
    office = find_office(session, office_code)
    report = compute(session, office.id, start, end, today)
    services = {sv.id: sv for sv in session.scalars(select(Service))}
    period = f"{start:%d/%m/%Y}" if start == end else f"{start:%d/%m/%Y} – {end:%d/%m/%Y}"
    story: list[object] = [
        Paragraph(escape(office.authority), s.body) if office.authority else Spacer(0, 0),
        Paragraph(escape(office.name.upper()), s.bold),
        Spacer(0, 4 * mm),
        Paragraph(escape(tr("REPORT ON SERVICE TO CITIZENS, {period}", period=period)), s.title),
        Spacer(0, 2 * mm),
        _headline(report, Targets.of(office), tr, s),
        Spacer(0, 5 * mm),
        _chart(report, services, tr),
        *_late(session, office.id, start, end, today, tr, s),
        *_comments(session, office.id, start, end, tr, s),
        *case_flowables(
            session, office.id, start, end, now, tr, (s.heading, s.bold, s.small), report.unit
        ),
        *corrected_flowables(
            corrections_in(session, office.id, start, end), tr, s.heading, s.bold, s.small
        ),
        Spacer(0, 4 * mm),
        *_integrity(period_integrity(session, start, end, office.id), tr, s),
        Paragraph(
            escape(
                tr("Made on {when} by the feedback kiosk system.", when=f"{now:%H:%M %d/%m/%Y}")
            ),
            s.small,
        ),
    ]
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        title=tr("Report {period}", period=period),
        author=office.name,
    )
    document.build(story)
    return buffer.getvalue()
