"""The report's lists: the dossiers late in the period with their reasons, the citizens'
comments, and the integrity of the ratings in plain words with each station's chain head in small
print (for a check years later, not for the reader)."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Paragraph
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.answers import FACE_WORDS
from kiosk.clock import day_range
from kiosk.db.models import Dossier, Rating, Service
from kiosk.formats import day_text, number_text
from kiosk.i18n import N_, Translator
from kiosk.reports.corrected import corrected_count, corrected_header
from kiosk.reports.figures import PeriodFigures
from kiosk.reports.indicators import processed_condition, status_conditions
from kiosk.reports.integrity import PeriodIntegrity
from kiosk.reports.pdf_figures import LATE_IN_PERIOD
from kiosk.reports.pdf_styles import ReportStyles, headed_table, header_cells
from kiosk.reports.tables import integrity_sentence
from kiosk.services.corrections import EVENT_LABELS
from kiosk.services.offices import ratings_of

# The report stays a few pages: the rest of a long list is in the XLSX.
MAX_LATE_ROWS = 15
MAX_COMMENTS = 12
MAX_CORRECTED = 20


def late_dossiers(
    session: Session, figures: PeriodFigures, heading: str, tr: Translator, s: ReportStyles
) -> list[Flowable]:
    begin, finish = day_range(figures.start, figures.end)
    _early, _on_time, is_late = status_conditions(figures.now.date())
    count = figures.report.unit.late
    late = session.execute(
        select(
            Dossier.code,
            Service.name_vi,
            Service.name_en,
            Dossier.due_at,
            Dossier.returned_at,
            Dossier.reappointment_reason,
        )
        .join(Service, Dossier.service_id == Service.id)
        .where(
            Dossier.office_id == figures.office.id,
            Dossier.due_at >= begin,
            Dossier.due_at < finish,
            processed_condition(),
            is_late,
        )
        .order_by(Dossier.due_at, Dossier.code)
        .limit(MAX_LATE_ROWS)
    ).all()
    name = tr(LATE_IN_PERIOD)
    title = f"{heading} {name} ({number_text(count, tr.language)})"
    out: list[Flowable] = [Paragraph(escape(title), s.heading)]
    if not late:
        return [*out, Paragraph(escape(tr("None.")), s.body)]
    language = tr.language
    header = [tr("Dossier code"), tr("Procedure"), tr("Appointment"), tr("Returned"), tr("Reason")]
    rows = [
        [
            Paragraph(escape(text), s.cell)
            for text in (
                dossier.code,
                dossier.name_vi if language == "vi" else dossier.name_en,
                day_text(dossier.due_at.date(), language),
                day_text(dossier.returned_at.date(), language) if dossier.returned_at else "—",
                dossier.reappointment_reason or tr("not given"),
            )
        ]
        for dossier in late
    ]
    out.append(headed_table(header_cells(header, s.cell_bold), rows, [44, 41, 22, 22, 41]))
    if count > len(late):
        more = tr("… and {count} more: see the XLSX register.", count=count - len(late))
        out.append(Paragraph(escape(more), s.small))
    return out


def comments(
    session: Session, figures: PeriodFigures, heading: str, tr: Translator, s: ReportStyles
) -> list[Flowable]:
    begin, finish = day_range(figures.start, figures.end)
    period_comments = (
        Rating.created_at >= begin,
        Rating.created_at < finish,
        Rating.comment.is_not(None),
        ratings_of(session, figures.office.id),
    )
    ratings = session.scalars(
        select(Rating)
        .where(*period_comments)
        .order_by(Rating.created_at.desc())
        .limit(MAX_COMMENTS)
    ).all()
    total = session.scalar(select(func.count()).select_from(Rating).where(*period_comments)) or 0
    names = {
        sv.id: (sv.name_vi if tr.language == "vi" else sv.name_en)
        for sv in session.scalars(select(Service))
    }
    said = tr("Citizens' comments ({count})", count=total)
    title = f"{heading} {said}"
    out: list[Flowable] = [Paragraph(escape(title), s.heading)]
    if not ratings:
        return [*out, Paragraph(escape(tr("None.")), s.body)]
    for rating in ratings:
        face = escape(tr(FACE_WORDS[rating.satisfaction]))
        service = names.get(rating.service_id, "") if rating.service_id is not None else ""
        when = f"{rating.created_at:%H:%M} {day_text(rating.created_at.date(), tr.language)}"
        line = (
            f"<b>{escape(when)}</b> — {escape(service)} — {face}: “{escape(rating.comment or '')}”"
        )
        out.append(Paragraph(line, s.body))
    if total > len(ratings):
        more = tr("… and {count} more in the manager's station.", count=total - len(ratings))
        out.append(Paragraph(escape(more), s.small))
    return out


def integrity(
    checked: PeriodIntegrity, heading: str, tr: Translator, s: ReportStyles
) -> list[Flowable]:
    """The finding in words; each station's head in small print, for a later check."""
    title = tr(N_("Integrity of the rating data"))
    out: list[Flowable] = [
        Paragraph(escape(f"{heading} {title}"), s.heading),
        Paragraph(escape(integrity_sentence(checked, tr)), s.body),
    ]
    if checked.segments:
        out.append(
            Paragraph(
                escape(tr(N_("Last check code of each station's ratings, kept for later checks:"))),
                s.tiny,
            )
        )
    for segment in checked.segments:
        text = tr(
            "{station}, no. {last}: {head}",
            station=segment.station,
            last=segment.last,
            head=segment.head,
        )
        out.append(Paragraph(escape(text), s.tiny))
    return out


def corrected_times(
    figures: PeriodFigures, heading: str, tr: Translator, s: ReportStyles
) -> list[Flowable]:
    """How many dossiers had a time corrected, and the first of them (the XLSX lists all)."""
    corrections = figures.corrections
    said = tr("Dossiers with a corrected time ({count})", count=corrected_count(corrections))
    out: list[Flowable] = [Paragraph(escape(f"{heading} {said}"), s.heading)]
    if not corrections:
        return [*out, Paragraph(escape(tr("None.")), s.body)]
    language = tr.language
    rows = [
        [
            Paragraph(escape(text), s.cell)
            for text in (
                c.code,
                tr(EVENT_LABELS[c.event]),
                f"{c.stated_at:%H:%M} {day_text(c.stated_at.date(), language)}",
                f"{c.recorded_at:%H:%M} {day_text(c.recorded_at.date(), language)}",
                c.clerk_name or "—",
                c.manager_name,
                c.reason,
            )
        ]
        for c in corrections[:MAX_CORRECTED]
    ]
    header = header_cells(corrected_header(tr), s.cell_bold)
    out.append(headed_table(header, rows, [36, 16, 24, 24, 22, 22, 30]))
    if len(corrections) > MAX_CORRECTED:
        more = tr("… and {count} more: see the XLSX.", count=len(corrections) - MAX_CORRECTED)
        out.append(Paragraph(escape(more), s.small))
    return out
