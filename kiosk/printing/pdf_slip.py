"""Renders a slip template to PDF with reportlab: A5 for laser printers, 80 mm for receipt rolls."""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from xml.sax.saxutils import escape

import qrcode
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer

from kiosk.i18n import N_, Translator
from kiosk.paths import resources_dir
from kiosk.printing.templates import Block, SlipTemplate
from kiosk.text import nfc

REGULAR, BOLD = "NotoSans", "NotoSans-Bold"


@dataclass(frozen=True)
class Paper:
    name: str
    width: float
    height: float | None  # None: a roll, cut to the slip's length
    margin: float
    font_size: float
    qr_size: float


A5 = Paper("a5", 148 * mm, 210 * mm, 12 * mm, 10.5, 26 * mm)
ROLL_80 = Paper("80mm", 80 * mm, None, 4 * mm, 8.5, 30 * mm)
PAPERS = {paper.name: paper for paper in (A5, ROLL_80)}


@cache
def register_fonts() -> None:
    """reportlab's own fonts have no Vietnamese: the shipped Noto Sans is embedded instead."""
    fonts = resources_dir() / "fonts"
    pdfmetrics.registerFont(TTFont(REGULAR, str(fonts / "NotoSans-Regular.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(fonts / "NotoSans-Bold.ttf")))


class QrCode(Flowable):  # type: ignore[misc]
    """The receipt's QR code, drawn as vector squares (sharp on any printer)."""

    def __init__(self, payload: str, size: float) -> None:
        super().__init__()
        code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
        code.add_data(payload)
        code.make(fit=True)
        self.matrix = code.get_matrix()
        self.size = size

    def wrap(self, available_width: float, _available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, self.size

    def draw(self) -> None:
        cells = len(self.matrix)
        cell = self.size / cells
        left = (self.width - self.size) / 2
        path = self.canv.beginPath()
        for row, line in enumerate(self.matrix):
            column = 0
            while column < cells:
                if line[column]:
                    start = column
                    while column < cells and line[column]:
                        column += 1
                    # One rectangle per run of dark modules keeps the PDF small and fast.
                    y = self.size - (row + 1) * cell
                    path.rect(left + start * cell, y, (column - start) * cell, cell)
                column += 1
        self.canv.setFillColorRGB(0, 0, 0)
        self.canv.drawPath(path, stroke=0, fill=1)


class Columns(Flowable):  # type: ignore[misc]
    """Two columns of paragraphs side by side (the masthead, the signatures)."""

    def __init__(
        self, left: list[Paragraph], right: list[Paragraph], *, names_at_bottom: bool = False
    ) -> None:
        super().__init__()
        self.left, self.right = left, right
        # Signatures: the names line up at the bottom even when one title wraps.
        self.names_at_bottom = names_at_bottom

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        half = available_width / 2
        heights = [
            sum(p.wrap(half, available_height)[1] for p in side) for side in (self.left, self.right)
        ]
        self.height = max(heights)
        return available_width, self.height

    def draw(self) -> None:
        half = self.width / 2
        for x, side in ((0.0, self.left), (half, self.right)):
            y = self.height
            for index, paragraph in enumerate(side):
                _, height = paragraph.wrap(half, self.height)
                y -= height
                last = index == len(side) - 1
                paragraph.drawOn(self.canv, x, 0 if last and self.names_at_bottom else y)


class _Styles:
    def __init__(self, paper: Paper) -> None:
        size = paper.font_size

        def style(name: str, **extra: object) -> ParagraphStyle:
            base: dict[str, object] = {
                "fontName": REGULAR,
                "fontSize": size,
                "leading": size * 1.3,
                "spaceAfter": size * 0.3,
            }
            return ParagraphStyle(name, **{**base, **extra})

        self.line = style("line", alignment=TA_LEFT)
        self.paragraph = style("paragraph", alignment=TA_LEFT, firstLineIndent=size * 1.5)
        self.centered = style("centered", alignment=TA_CENTER)
        self.right = style("right", alignment=TA_RIGHT, fontName=REGULAR)
        self.bold_centered = style("boldCentered", alignment=TA_CENTER, fontName=BOLD)
        self.masthead = style(
            "masthead",
            alignment=TA_CENTER,
            fontName=BOLD,
            fontSize=size * 0.9,
            leading=size * 1.2,
            spaceAfter=0,
        )
        self.title = style(
            "title",
            alignment=TA_CENTER,
            fontName=BOLD,
            fontSize=size * 1.25,
            leading=size * 1.6,
            spaceBefore=size * 0.6,
            spaceAfter=size * 0.6,
        )
        self.emphasis = style("emphasis", alignment=TA_LEFT, fontName=BOLD)
        self.small = style("small", alignment=TA_CENTER, fontSize=size * 0.85, leading=size * 1.1)


def _fill(text: str, fields: Mapping[str, str], tr: Translator) -> str:
    if not text:
        return ""
    # Word joiners keep words together on screen; on paper reportlab would draw them as boxes.
    return escape(nfc(tr(text).format_map(fields)).replace("\u2060", ""))


def _flowables(
    template: SlipTemplate, fields: Mapping[str, str], tr: Translator, payload: str, paper: Paper
) -> list[Flowable]:
    styles = _Styles(paper)
    narrow = paper.height is None
    out: list[Flowable] = []
    for block in template.blocks:
        out.extend(_block(block, fields, tr, payload, paper, styles, narrow))
    return out


def _block(
    block: Block,
    fields: Mapping[str, str],
    tr: Translator,
    payload: str,
    paper: Paper,
    styles: _Styles,
    narrow: bool,
) -> list[Flowable]:
    text = _fill(block.text, fields, tr)
    if block.kind == "masthead":
        office = [
            Paragraph(escape(fields.get("authority", "")), styles.centered),
            Paragraph(escape(fields["office_name"].upper()), styles.bold_centered),
        ]
        nation = [
            Paragraph(escape(tr(N_("SOCIALIST REPUBLIC OF VIETNAM"))), styles.bold_centered),
            Paragraph(
                "<u>" + escape(tr(N_("Independence - Freedom - Happiness"))) + "</u>",
                styles.bold_centered,
            ),
        ]
        if narrow:
            return [*office, Spacer(0, 2 * mm), *nation]
        return [Columns(office, nation)]
    if block.kind == "signatures":

        def column(title: str, name: str) -> list[Paragraph]:
            if not title:
                return []
            hint = tr(N_("(signature and full name)"))
            return [
                Paragraph(_fill(title, fields, tr), styles.bold_centered),
                Paragraph(escape(hint), styles.small),
                Spacer(0, 14 * mm),
                Paragraph(_fill(name, fields, tr), styles.bold_centered),
            ]

        return [
            Spacer(0, 3 * mm),
            Columns(
                column(block.left, block.left_name),
                column(block.right, block.right_name),
                names_at_bottom=True,
            ),
        ]
    if block.kind == "qr":
        return [
            Spacer(0, 3 * mm),
            QrCode(payload, paper.qr_size),
            Paragraph(_fill(block.caption, fields, tr), styles.small),
        ]
    style = {
        "title": styles.title,
        "centered": styles.centered,
        "right": styles.right,
        "paragraph": styles.paragraph,
        "emphasis": styles.emphasis,
    }.get(block.kind, styles.line)
    return [Paragraph(text, style)]


def render_pdf(
    template: SlipTemplate,
    fields: Mapping[str, str],
    tr: Translator,
    *,
    qr_payload: str,
    paper: Paper,
    title: str = "",
) -> bytes:
    register_fonts()
    flowables = _flowables(template, fields, tr, qr_payload, paper)
    width = paper.width - 2 * paper.margin
    heights = [f.wrap(width, 10_000)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in flowables]
    page_height = paper.height or sum(heights) + 2 * paper.margin
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(paper.width, page_height), pageCompression=1)
    canvas.setTitle(title)
    canvas.setAuthor(fields.get("office_name", ""))
    y = page_height - paper.margin
    for flowable, height in zip(flowables, heights, strict=True):
        if y - height < paper.margin and paper.height is not None:
            canvas.showPage()
            y = page_height - paper.margin
        y -= flowable.getSpaceBefore()
        flowable.drawOn(
            canvas,
            paper.margin,
            y - (height - flowable.getSpaceBefore() - flowable.getSpaceAfter()),
        )
        y -= height - flowable.getSpaceBefore()
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
