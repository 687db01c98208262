"""The PDF report's section "Phản ánh, kiến nghị": the period's cases and the three Decision 766
parts with their points, from the same rows as the XLSX and CSV (case_register)."""

from __future__ import annotations

from datetime import date, datetime
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer
from sqlalchemy.orm import Session

from kiosk.formats import day_text, percent_text, points_text
from kiosk.i18n import Translator
from kiosk.reports.case_register import (
    GROUP_POINTS,
    LEFT_OUT_NOTE,
    POINTS_NOTE,
    CaseLine,
    case_lines,
    part_notes,
    register_header,
)
from kiosk.reports.decision_766 import PART_POINTS, Group766
from kiosk.reports.pdf_styles import headed_table

# The PDF stays a few pages: a busy month's full register is in the XLSX.
MAX_PDF_ROWS = 30
# Two facts to a column so that the register fits A4 portrait; shares of the page's frame.
REGISTER_WIDTHS = [20, 32, 26, 22, 18, 19, 14, 19]
GROUP_WIDTHS = [62, 17, 14, 17, 18, 42]


def _two(first: str | None, second: str | None) -> str:
    """Two facts in one cell, the second in grey; either may be missing."""
    parts = [escape(first or "—")]
    if second:
        parts.append(f'<font color="#555555">{escape(second)}</font>')
    return "<br/>".join(parts)


def _moment(value: datetime | None, language: str) -> str | None:
    return None if value is None else f"{value:%H:%M} {day_text(value.date(), language)}"


def _register_row(line: CaseLine, tr: Translator) -> list[str]:
    about = tr("About {name}", name=line.about_clerk) if line.about_clerk else None
    return [
        _two(line.number, _moment(line.opened_at, tr.language)),
        _two(line.subject, line.source),
        _two(line.service, about),
        _two(line.state, line.owner),
        _two(day_text(line.due_at.date(), tr.language), f"{line.due_at:%H:%M}"),
        _two(_moment(line.answered_at, tr.language), line.answer_channel),
        escape(line.on_time),
        escape(line.handling_rated),
    ]


def _register(
    lines: list[CaseLine], tr: Translator, bold: ParagraphStyle, cell: ParagraphStyle
) -> list[object]:
    names = register_header(tr)
    header = [
        f"{escape(names[0])}<br/>{escape(names[1])}",
        f"{escape(names[3])}<br/>{escape(names[2])}",
        f"{escape(names[4])}<br/>{escape(names[5])}",
        f"{escape(names[6])}<br/>{escape(names[7])}",
        escape(names[8]),
        f"{escape(names[9])}<br/>{escape(names[10])}",
        escape(tr("On time")),
        escape(names[12]),
    ]
    rows = [
        [Paragraph(text, cell) for text in _register_row(line, tr)] for line in lines[:MAX_PDF_ROWS]
    ]
    out: list[object] = [
        headed_table(
            [Paragraph(text, bold) for text in header], rows, REGISTER_WIDTHS, valign="TOP"
        )
    ]
    if len(lines) > MAX_PDF_ROWS:
        more = tr("… and {count} more: see the XLSX.", count=len(lines) - MAX_PDF_ROWS)
        out.append(Paragraph(escape(more), cell))
    return out


def _group(group: Group766, tr: Translator, bold: ParagraphStyle, cell: ParagraphStyle) -> Flowable:
    header = [tr("Part"), tr("Counted"), tr("Good"), tr("Rate (%)"), tr("Points"), tr("From")]
    data: list[list[Paragraph]] = []
    for part, note in zip(group.parts, part_notes(group, tr), strict=True):
        cells = [
            tr(part.title),
            str(part.counted),
            str(part.good),
            percent_text(part.rate, tr.language),
            f"{points_text(part.points, tr.language)} / {PART_POINTS}",
            note,
        ]
        data.append([Paragraph(escape(text), cell) for text in cells])
    total = [
        tr("Total"),
        "",
        "",
        "",
        f"{points_text(group.points, tr.language)} / {GROUP_POINTS}",
        "",
    ]
    data.append([Paragraph(escape(text), bold) for text in total])
    return headed_table([Paragraph(escape(text), bold) for text in header], data, GROUP_WIDTHS)


def case_flowables(
    session: Session,
    office_id: int,
    start: date,
    end: date,
    now: datetime,
    tr: Translator,
    styles: tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle],
    group: Group766,
    *,
    number: str = "",
) -> list[object]:
    """`styles`: the report's heading, bold and small styles; `group`: the Decision 766 group
    the report's figures already hold; `number`: the section's, before its title."""
    heading, bold, small = styles
    cell = ParagraphStyle("case_cell", parent=small, fontSize=7.5, leading=9.4)
    head = ParagraphStyle("case_head", parent=bold, fontSize=7.5, leading=9.4)
    lines = case_lines(session, office_id, start, end, now, tr)
    title = " ".join(filter(None, [number, tr("Feedback cases ({count})", count=len(lines))]))
    out: list[object] = [Paragraph(escape(title), heading)]
    if lines:
        out += _register(lines, tr, head, cell)
        out += [Spacer(0, 1 * mm), Paragraph(escape(tr(LEFT_OUT_NOTE)), small)]
    else:
        out.append(Paragraph(escape(tr("None.")), small))
    out.append(
        KeepTogether(
            [
                Paragraph(escape(tr("Decision 766: the satisfaction group")), heading),
                _group(group, tr, head, cell),
                Spacer(0, 1 * mm),
                Paragraph(escape(tr(POINTS_NOTE)), small),
            ]
        )
    )
    return out
