"""The report's type and tables: one set of paragraph styles, italics for the dateline and the
recipients (Decree 30/2020/NĐ-CP), and a table builder that gives every column a header repeated
on each page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from kiosk.paths import resources_dir
from kiosk.printing.pdf_slip import BOLD, REGULAR, register_fonts

ITALIC, BOLD_ITALIC = "NotoSans-Italic", "NotoSans-BoldItalic"
HEADER_BACKGROUND = colors.HexColor("#e8eef9")
# A4 with Decree 30/2020/NĐ-CP's margins: 30 mm left for the binding, 15 mm right, 20 mm top and
# bottom. Every table spans the frame between them.
LEFT_MARGIN, RIGHT_MARGIN, TOP_MARGIN, BOTTOM_MARGIN = 30 * mm, 15 * mm, 20 * mm, 20 * mm
FRAME_WIDTH = 210 * mm - LEFT_MARGIN - RIGHT_MARGIN


@cache
def register_report_fonts() -> None:
    """Noto Sans in its four faces, as one family: `<i>` and `<b>` in a paragraph pick them."""
    register_fonts()
    fonts = resources_dir() / "fonts"
    pdfmetrics.registerFont(TTFont(ITALIC, str(fonts / "NotoSans-Italic.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD_ITALIC, str(fonts / "NotoSans-BoldItalic.ttf")))
    pdfmetrics.registerFontFamily(
        REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
    )


@dataclass(frozen=True)
class ReportStyles:
    body: ParagraphStyle
    bold: ParagraphStyle
    title: ParagraphStyle
    subject: ParagraphStyle
    heading: ParagraphStyle
    small: ParagraphStyle
    tiny: ParagraphStyle  # the chain heads: there for a later check, not for reading
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    number: ParagraphStyle  # a figure in a table cell, right-aligned
    head_centre: ParagraphStyle  # the masthead's lines
    head_bold: ParagraphStyle
    dateline: ParagraphStyle
    sign: ParagraphStyle
    sign_hint: ParagraphStyle
    recipients_title: ParagraphStyle
    recipients: ParagraphStyle


def report_styles() -> ReportStyles:
    def style(name: str, font: str, size: float, **extra: object) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * 1.3, **extra)

    return ReportStyles(
        body=style("body", REGULAR, 10, spaceAfter=2),
        bold=style("bold", BOLD, 10),
        title=style("title", BOLD, 14, alignment=TA_CENTER, spaceBefore=6),
        subject=style("subject", BOLD, 11, alignment=TA_CENTER),
        heading=style("heading", BOLD, 11.5, spaceBefore=8, spaceAfter=4),
        small=style("small", REGULAR, 8.5),
        tiny=style("tiny", REGULAR, 6.5),
        cell=style("cell", REGULAR, 8.5),
        cell_bold=style("cellBold", BOLD, 8.5),
        number=style("number", REGULAR, 8.5, alignment=TA_RIGHT),
        head_centre=style("headCentre", REGULAR, 10, alignment=TA_CENTER),
        head_bold=style("headBold", BOLD, 10, alignment=TA_CENTER),
        dateline=style("dateline", ITALIC, 10, alignment=TA_CENTER),
        sign=style("sign", BOLD, 10.5, alignment=TA_CENTER),
        sign_hint=style("signHint", ITALIC, 9, alignment=TA_CENTER),
        recipients_title=style("recipientsTitle", BOLD_ITALIC, 9.5),
        recipients=style("recipients", REGULAR, 8.5),
    )


def headed_table(
    header: Sequence[Flowable],
    rows: Sequence[Sequence[Flowable]],
    shares: Sequence[float],
    *,
    valign: str = "MIDDLE",
) -> Table:
    """A grid as wide as the frame, its columns in the proportions of `shares`, whose first row
    names every column and is repeated on each page the table runs onto."""
    whole = sum(shares)
    table = Table(
        [list(header), *(list(row) for row in rows)],
        colWidths=[FRAME_WIDTH * share / whole for share in shares],
        repeatRows=1,
    )
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_BACKGROUND),
                ("VALIGN", (0, 0), (-1, -1), valign),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def header_cells(names: Sequence[str], style: ParagraphStyle) -> list[Paragraph]:
    return [Paragraph(escape(name), style) for name in names]
