"""Renders a slip template to PDF with reportlab: A5 for laser printers, 80 mm for receipt rolls."""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer

from kiosk.i18n import N_, Translator
from kiosk.paths import resources_dir
from kiosk.printing.pdf_layout import Cell, QrCode, Rows, Rule, qr_matrix
from kiosk.printing.slip_fields import NBSP, SlipContent
from kiosk.printing.slip_text import fill, item_lines
from kiosk.printing.templates import Block, SlipTemplate

REGULAR, BOLD = "NotoSans", "NotoSans-Bold"
MIN_FONT_SIZE = 8.0  # an A5 slip shrinks its text down to this to stay on one page


@dataclass(frozen=True)
class Paper:
    name: str
    width: float
    height: float | None  # None: a roll, cut to the slip's length
    margin: float
    font_size: float
    qr_size: float
    signing_space: float  # between a signature's title and the signer's name


A5 = Paper("a5", 148 * mm, 210 * mm, 10 * mm, 10.0, 22 * mm, 12 * mm)
# Roll printers leave ~4 mm unprinted at each edge of an 80 mm roll: 6 mm keeps ink off the rim.
ROLL_80 = Paper("80mm", 80 * mm, None, 6 * mm, 8.5, 30 * mm, 12 * mm)
PAPERS = {paper.name: paper for paper in (A5, ROLL_80)}


@cache
def register_fonts() -> None:
    """reportlab's own fonts have no Vietnamese: the shipped Noto Sans is embedded instead."""
    fonts = resources_dir() / "fonts"
    pdfmetrics.registerFont(TTFont(REGULAR, str(fonts / "NotoSans-Regular.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(fonts / "NotoSans-Bold.ttf")))


def keep_last_words(text: str) -> str:
    """Joins the last two words, so that no line of a wrapped paragraph holds one word alone."""
    head, space, tail = text.rpartition(" ")
    return f"{head}{NBSP}{tail}" if space and head.strip() else text


@cache
def _styles(size: float) -> dict[str, ParagraphStyle]:
    def style(name: str, **extra: object) -> ParagraphStyle:
        base: dict[str, object] = {
            "fontName": REGULAR,
            "fontSize": size,
            "leading": size * 1.3,
            "spaceAfter": size * 0.25,
            "alignment": TA_LEFT,
        }
        return ParagraphStyle(name, **{**base, **extra})

    head = size * 0.85
    return {
        "line": style("line"),
        "paragraph": style("paragraph", firstLineIndent=size * 1.5),
        "centered": style("centered", alignment=TA_CENTER),
        "right": style("right", alignment=TA_RIGHT),
        "emphasis": style("emphasis", fontName=BOLD),
        "item": style("item", leftIndent=size * 2.4, firstLineIndent=-size * 1.4, spaceAfter=0),
        "title": style(
            "title",
            alignment=TA_CENTER,
            fontName=BOLD,
            fontSize=size * 1.2,
            leading=size * 1.5,
            spaceBefore=size * 0.7,
            spaceAfter=size * 0.5,
        ),
        "head": style("head", alignment=TA_CENTER, fontSize=head, leading=head * 1.3, spaceAfter=0),
        "head_bold": style(
            "headBold",
            alignment=TA_CENTER,
            fontName=BOLD,
            fontSize=head,
            leading=head * 1.3,
            spaceAfter=0,
        ),
        "dateline": style(
            "dateline", alignment=TA_CENTER, fontSize=size * 0.9, leading=size * 1.2, spaceAfter=0
        ),
        "sign": style("sign", alignment=TA_CENTER, fontName=BOLD, spaceAfter=0),
        "check": style("check", alignment=TA_CENTER, fontName=BOLD, spaceAfter=size * 0.2),
        "small": style(
            "small", alignment=TA_CENTER, fontSize=size * 0.85, leading=size * 1.1, spaceAfter=0
        ),
    }


def _paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(keep_last_words(escape(text)), style)


class _Builder:
    def __init__(
        self,
        content: SlipContent,
        tr: Translator,
        qr: list[list[bool]],
        paper: Paper,
        size: float,
    ) -> None:
        self.content, self.tr, self.qr, self.paper = content, tr, qr, paper
        self.size = size
        self.styles = _styles(size)
        self.width = paper.width - 2 * paper.margin
        self.narrow = paper.height is None

    def fill(self, text: str) -> str:
        return fill(text, self.content.fields, self.tr)

    def block(self, block: Block) -> list[Flowable]:
        styles = self.styles
        if block.kind == "masthead":
            return self.masthead(block)
        if block.kind == "signatures":
            return self.signatures(block)
        if block.kind == "items":
            return self.items(block)
        if block.kind == "qr":
            # The check number right under the QR, in bold: the citizen types it with the code.
            check = [_paragraph(self.fill(block.text), styles["check"])] if block.text else []
            return [
                Spacer(0, 2 * mm),
                QrCode(self.qr, self.paper.qr_size),
                *check,
                _paragraph(self.fill(block.caption), styles["small"]),
            ]
        style = styles.get(block.kind, styles["line"])
        return [_paragraph(self.fill(block.text), style)]

    def masthead(self, block: Block) -> list[Flowable]:
        """The authority over the office, the national motto on its own two lines, each with a
        rule drawn under it; then the paper's number and its place and date."""
        styles, fields, tr = self.styles, self.content.fields, self.tr
        head = styles["head_bold"]
        office_name = fields["office_name"].upper()
        nation, motto = (
            tr(N_("SOCIALIST REPUBLIC OF VIETNAM")),
            tr(N_("Independence - Freedom - Happiness")),
        )
        motto_width = pdfmetrics.stringWidth(motto, BOLD, head.fontSize)
        nation_width = pdfmetrics.stringWidth(nation, BOLD, head.fontSize)
        # The motto's two lines never wrap: its column is as wide as they need.
        right_share = min(0.62, max(0.5, (nation_width + 3 * mm) / self.width))
        office_column = self.width * (1 if self.narrow else 1 - right_share)
        office_width = min(pdfmetrics.stringWidth(office_name, BOLD, head.fontSize), office_column)
        office: list[Flowable] = [
            *([_paragraph(fields["authority"], styles["head"])] if fields.get("authority") else []),
            _paragraph(office_name, head),
            Rule(office_width * 0.4),
        ]
        country: list[Flowable] = [
            Paragraph(escape(nation), head),
            Paragraph(escape(motto), head),
            Rule(motto_width),
        ]
        gap, dateline = Spacer(0, 1.5 * mm), styles["dateline"]
        # A paper's number is one long word: it may break only where reportlab must.
        number = [gap, Paragraph(escape(self.fill(block.left)), dateline)] if block.left else []
        date = [gap, _paragraph(self.fill(block.right), dateline)] if block.right else []
        if self.narrow:
            return [*office, Spacer(0, 1 * mm), *country, *number, *date]
        return [Rows([(office, country), (number, date)], left_share=1 - right_share)]

    def signatures(self, block: Block) -> list[Flowable]:
        styles, tr = self.styles, self.tr

        def column(title: str, name: str) -> tuple[Cell, Cell, Cell]:
            if not title:
                return [], [], []
            return (
                [_paragraph(self.fill(title), styles["sign"])],
                [_paragraph(tr(N_("(signature and full name)")), styles["small"])],
                [_paragraph(self.fill(name), styles["sign"])] if name else [],
            )

        left = column(block.left, block.left_name)
        right = column(block.right, block.right_name)
        space: Cell = [Spacer(0, self.paper.signing_space)]
        return [
            Spacer(0, 3 * mm),
            Rows([(left[0], right[0]), (left[1], right[1]), (space, space), (left[2], right[2])]),
        ]

    def items(self, block: Block) -> list[Flowable]:
        style = self.styles["item"]
        lines, blank = item_lines(block, self.content, self.tr)
        if blank:
            dot = pdfmetrics.stringWidth("…", REGULAR, style.fontSize)
            room = self.width - style.leftIndent - style.firstLineIndent
            lines = [
                line
                + "…" * int((room - pdfmetrics.stringWidth(line, REGULAR, style.fontSize)) / dot)
                for line in lines
            ]
        return [
            *(_paragraph(line, style) for line in lines),
            Spacer(0, self.styles["line"].spaceAfter),
        ]


def _flowables(
    template: SlipTemplate,
    content: SlipContent,
    tr: Translator,
    qr: list[list[bool]],
    paper: Paper,
    size: float,
) -> list[Flowable]:
    builder = _Builder(content, tr, qr, paper, size)
    return [flowable for block in template.blocks for flowable in builder.block(block)]


def _measure(flowables: list[Flowable], width: float) -> list[float]:
    return [f.wrap(width, 10_000)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in flowables]


def render_pdf(
    template: SlipTemplate,
    content: SlipContent,
    tr: Translator,
    *,
    qr_payload: str,
    paper: Paper,
    title: str = "",
) -> bytes:
    register_fonts()
    width = paper.width - 2 * paper.margin
    size = paper.font_size
    # Computed once: a layout may be tried at several sizes, the code stays the same.
    qr = qr_matrix(qr_payload) if any(b.kind == "qr" for b in template.blocks) else []
    flowables = _flowables(template, content, tr, qr, paper, size)
    heights = _measure(flowables, width)
    if paper.height is not None:
        # A long list of documents, a long reason or an office's own wording must not push the
        # signatures onto a second sheet: the text shrinks until the slip fits its page. Height
        # grows about as the square of the size (taller lines, and more of them), which gives
        # a first guess; quarter points down from there.
        room = paper.height - 2 * paper.margin
        guess = size * (room / sum(heights)) ** 0.5
        while sum(heights) > room and size > MIN_FONT_SIZE:
            size = max(MIN_FONT_SIZE, min(size - 0.25, int(guess * 4) / 4))
            flowables = _flowables(template, content, tr, qr, paper, size)
            heights = _measure(flowables, width)
    page_height = paper.height or sum(heights) + 2 * paper.margin
    buffer = io.BytesIO()
    # Uncompressed, a slip is ~65 KB instead of ~37 KB; it goes down a local pipe to CUPS, and
    # compressing its two embedded fonts would cost 2 ms of the 15 ms budget.
    canvas = Canvas(buffer, pagesize=(paper.width, page_height), pageCompression=0)
    canvas.setTitle(title)
    canvas.setAuthor(content.fields.get("office_name", ""))
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
