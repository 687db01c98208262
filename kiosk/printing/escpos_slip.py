"""Renders a slip template to ESC/POS bytes for an 80 mm thermal printer.

Text goes out as raster images drawn with the shipped font (see raster_text); the QR code as
the printer's own QR command (python-escpos), which prints sharper and faster than a picture,
at the place the template puts it.
"""

from __future__ import annotations

from dataclasses import dataclass

from escpos.printer import Dummy
from PIL import Image

from kiosk.i18n import N_, Translator
from kiosk.printing.raster_text import RasterFont, raster_font
from kiosk.printing.slip_fields import SlipContent
from kiosk.printing.slip_text import fill, item_lines
from kiosk.printing.templates import Block, SlipTemplate

DOTS = 576  # printable width of an 80 mm head at 203 dpi (72 mm)
MARGIN = 16  # dots left blank at each side of the printable width (2 mm)
WIDTH = DOTS - 2 * MARGIN
GUTTER = 12  # between the two signature columns
ITEM_INDENT = 20  # a list's lines stand in from the headings above them
PARAGRAPH_INDENT = 32  # a paragraph's first line
COLUMN = (WIDTH - GUTTER) // 2
REGULAR_FILE, BOLD_FILE = "NotoSans-Regular.ttf", "NotoSans-Bold.ttf"
GS_V0 = b"\x1dv0\x00"  # GS v 0: print a raster bit image, normal density
RULE_DOTS = 2  # thickness of a drawn rule
QR_MODULE_SIZE = 6


@dataclass(frozen=True)
class _Line:
    text: str
    font: RasterFont
    align: str = "left"  # left, center, right
    indent: int = 0  # dots from the left margin (a list item's wrapped lines)


@dataclass(frozen=True)
class _Rule:
    length: float
    height: int = 10


@dataclass(frozen=True)
class _Pair:
    """Two columns side by side; the row is as tall as the taller one."""

    left: tuple[_Line, ...]
    right: tuple[_Line, ...]


_Item = _Line | _Rule | _Pair | int  # an int is a gap in dots


def _height(item: _Item) -> int:
    if isinstance(item, int):
        return item
    if isinstance(item, _Line):
        return item.font.line_height
    if isinstance(item, _Rule):
        return item.height
    return max(sum(line.font.line_height for line in side) for side in (item.left, item.right))


class _Layout:
    def __init__(self, tr: Translator, content: SlipContent) -> None:
        self.tr, self.content = tr, content
        self.regular = raster_font(REGULAR_FILE, 22)
        self.bold = raster_font(BOLD_FILE, 22)
        self.title = raster_font(BOLD_FILE, 27)
        self.small = raster_font(REGULAR_FILE, 18)
        self.items: list[_Item] = []

    def fill(self, text: str) -> str:
        return fill(text, self.content.fields, self.tr)

    def lines(
        self, text: str, font: RasterFont, align: str = "left", width: int = WIDTH
    ) -> list[_Line]:
        return [_Line(line, font, align) for line in font.wrap(text, width)]

    def add(self, text: str, font: RasterFont, align: str = "left") -> None:
        self.items.extend(self.lines(text, font, align))

    def block(self, block: Block) -> None:
        text = "" if block.kind == "items" else self.fill(block.text)
        if block.kind == "masthead":
            self._masthead(block)
        elif block.kind == "title":
            self.items.append(10)
            self.add(text, self.title, "center")
            self.items.append(6)
        elif block.kind in ("centered", "right"):
            self.add(text, self.regular, "center" if block.kind == "centered" else "right")
        elif block.kind == "emphasis":
            self.add(text, self.bold)
        elif block.kind == "items":
            self._items(block)
        elif block.kind == "signatures":
            self._signatures(block)
        elif block.kind == "paragraph":
            lines = self.regular.wrap(text, WIDTH, WIDTH - PARAGRAPH_INDENT)
            self.items.extend(
                _Line(line, self.regular, indent=PARAGRAPH_INDENT if number == 0 else 0)
                for number, line in enumerate(lines)
            )
        else:
            self.add(text, self.regular)

    def _masthead(self, block: Block) -> None:
        fields, tr = self.content.fields, self.tr
        if fields.get("authority"):
            self.add(fields["authority"], self.regular, "center")
        office = self.lines(fields["office_name"].upper(), self.bold, "center")
        self.items.extend(office)
        self.items.append(_Rule(0.4 * max(self.bold.width(line.text) for line in office)))
        self.items.append(4)
        for text in (N_("SOCIALIST REPUBLIC OF VIETNAM"), N_("Independence - Freedom - Happiness")):
            self.add(tr(text), self.bold, "center")
        self.items.append(_Rule(self.bold.width(tr(N_("Independence - Freedom - Happiness")))))
        for text in (block.left, block.right):
            if text:
                self.items.append(4)
                self.add(self.fill(text), self.regular, "center")

    def _items(self, block: Block) -> None:
        lines, blank = item_lines(block, self.content, self.tr)
        font = self.regular
        for line in lines:
            number, _, rest = line.partition(" ")
            hang = ITEM_INDENT + int(font.width(f"{number} "))
            if blank:
                dots = int((WIDTH - hang) / font.width("…"))
                self.items.append(_Line(f"{number} " + "…" * dots, font, indent=ITEM_INDENT))
                continue
            wrapped = font.wrap(rest, WIDTH - hang)
            self.items.append(_Line(f"{number} {wrapped[0]}", font, indent=ITEM_INDENT))
            self.items.extend(_Line(more, font, indent=hang) for more in wrapped[1:])

    def _signatures(self, block: Block) -> None:
        def column(title: str, name: str) -> tuple[tuple[_Line, ...], ...]:
            if not title:
                return (), (), ()
            hint = self.tr(N_("(signature and full name)"))
            return (
                tuple(self.lines(self.fill(title), self.bold, "center", COLUMN)),
                tuple(self.lines(hint, self.small, "center", COLUMN)),
                tuple(self.lines(self.fill(name), self.bold, "center", COLUMN)) if name else (),
            )

        left = column(block.left, block.left_name)
        right = column(block.right, block.right_name)
        self.items.append(14)
        self.items.append(_Pair(left[0], right[0]))
        self.items.append(_Pair(left[1], right[1]))
        self.items.append(96)  # room to sign
        self.items.append(_Pair(left[2], right[2]))

    def image(self) -> Image.Image:
        height = sum(_height(item) for item in self.items) + 8
        image = Image.new("1", (DOTS, height), 0)
        y = 0
        for item in self.items:
            if isinstance(item, _Line):
                _draw(image, item, MARGIN, WIDTH, y)
            elif isinstance(item, _Rule):
                left = int(MARGIN + (WIDTH - item.length) / 2)
                top = y + item.height // 2 - RULE_DOTS // 2
                image.paste(255, (left, top, int(left + item.length), top + RULE_DOTS))
            elif isinstance(item, _Pair):
                for left, side in ((MARGIN, item.left), (MARGIN + COLUMN + GUTTER, item.right)):
                    top = y
                    for line in side:
                        _draw(image, line, left, COLUMN, top)
                        top += line.font.line_height
            y += _height(item)
        return image


def _draw(image: Image.Image, line: _Line, left: int, width: int, top: int) -> None:
    free = width - line.indent - line.font.width(line.text)
    x = left + line.indent + {"left": 0.0, "center": free / 2, "right": free}[line.align]
    line.font.draw(image, x, top, line.text)


def raster_command(image: Image.Image) -> bytes:
    """GS v 0 with the image's rows packed 8 dots a byte (a set bit prints a dot)."""
    width_bytes = (image.width + 7) // 8
    header = GS_V0 + bytes(
        (width_bytes % 256, width_bytes // 256, image.height % 256, image.height // 256)
    )
    return header + image.tobytes()


def render_escpos(
    template: SlipTemplate, content: SlipContent, tr: Translator, *, qr_payload: str
) -> bytes:
    printer = Dummy()
    printer.hw("INIT")
    layout = _Layout(tr, content)
    layout.items.append(8)
    for block in template.blocks:
        if block.kind != "qr":
            layout.block(block)
            continue
        if layout.items:
            printer._raw(raster_command(layout.image()))  # noqa: SLF001 - python-escpos' raw output
        printer.set(align="center")
        printer.qr(qr_payload, size=QR_MODULE_SIZE, native=True)
        layout = _Layout(tr, content)
        if block.text:  # the check number, typed at the kiosk with the dossier code
            layout.add(layout.fill(block.text), layout.bold, "center")
        if block.caption:
            layout.add(layout.fill(block.caption), layout.small, "center")
    if layout.items:
        printer._raw(raster_command(layout.image()))  # noqa: SLF001
    printer.cut()
    return bytes(printer.output)
