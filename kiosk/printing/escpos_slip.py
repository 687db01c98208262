"""Renders a slip template to ESC/POS bytes for an 80 mm thermal printer.

Text goes out as a raster image drawn with the shipped font (see raster_text); the QR code as
the printer's own QR command (python-escpos), which prints sharper and faster than a picture.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from escpos.printer import Dummy
from PIL import Image

from kiosk.i18n import N_, Translator
from kiosk.printing.raster_text import RasterFont, raster_font
from kiosk.printing.templates import Block, SlipTemplate
from kiosk.text import nfc

DOTS = 576  # printable width of an 80 mm head at 203 dpi (72 mm)
REGULAR_FILE, BOLD_FILE = "NotoSans-Regular.ttf", "NotoSans-Bold.ttf"
GS_V0 = b"\x1dv0\x00"  # GS v 0: print a raster bit image, normal density


@dataclass(frozen=True)
class _Line:
    text: str
    font: RasterFont
    align: str = "left"  # left, center, right
    column: int = 0  # 0: whole width; 1 or 2: a half (the signature columns)


def _fill(text: str, fields: Mapping[str, str], tr: Translator) -> str:
    return nfc(tr(text).format_map(fields)).replace("\u2060", "") if text else ""


class _Layout:
    def __init__(self, tr: Translator, fields: Mapping[str, str]) -> None:
        self.tr, self.fields = tr, fields
        self.regular = raster_font(REGULAR_FILE, 22)
        self.bold = raster_font(BOLD_FILE, 22)
        self.title = raster_font(BOLD_FILE, 27)
        self.small = raster_font(REGULAR_FILE, 18)
        self.lines: list[_Line | int] = []  # an int is a gap in dots

    def add(
        self, text: str, font: RasterFont, align: str = "left", width: int = DOTS, column: int = 0
    ) -> None:
        for line in font.wrap(text, width):
            self.lines.append(_Line(line, font, align, column))

    def block(self, block: Block) -> None:
        tr, fields = self.tr, self.fields
        text = _fill(block.text, fields, tr)
        if block.kind == "masthead":
            for line in (fields.get("authority", ""), fields["office_name"].upper()):
                self.add(line, self.bold, "center")
            self.lines.append(6)
            self.add(tr(N_("SOCIALIST REPUBLIC OF VIETNAM")), self.bold, "center")
            self.add(tr(N_("Independence - Freedom - Happiness")), self.bold, "center")
        elif block.kind == "title":
            self.lines.append(10)
            self.add(text, self.title, "center")
            self.lines.append(6)
        elif block.kind in ("centered", "right"):
            self.add(text, self.regular, "center" if block.kind == "centered" else "right")
        elif block.kind == "emphasis":
            self.add(text, self.bold)
        elif block.kind == "signatures":
            self._signatures(block)
        elif block.kind != "qr":
            self.add(text, self.regular)

    def _signatures(self, block: Block) -> None:
        self.lines.append(12)
        half = DOTS // 2 - 8
        for column, title in enumerate((block.left, block.right), 1):
            if title:
                self.add(_fill(title, self.fields, self.tr), self.bold, "center", half, column)
        self.lines.append(80)  # room to sign
        for column, name in enumerate((block.left_name, block.right_name), 1):
            if name:
                self.add(_fill(name, self.fields, self.tr), self.bold, "center", half, column)

    def image(self) -> Image.Image:
        rows: list[tuple[int, list[_Line]]] = []
        y = 0
        pending: list[_Line] = []
        for item in [*self.lines, 0]:
            if isinstance(item, _Line) and item.column == 2 and pending and pending[-1].column == 1:
                pending.append(item)  # a second column shares the row of the first
                continue
            if pending:
                rows.append((y, pending))
                y += max(line.font.line_height for line in pending)
                pending = []
            if isinstance(item, _Line):
                pending = [item]
            else:
                y += item
        image = Image.new("1", (DOTS, y + 8), 0)
        for top, row in rows:
            for line in row:
                left, width = (
                    (0, DOTS) if line.column == 0 else ((line.column - 1) * DOTS // 2, DOTS // 2)
                )
                free = width - line.font.width(line.text)
                x = left + {"left": 0, "center": free / 2, "right": free}[line.align]
                line.font.draw(image, x, top, line.text)
        return image


def raster_command(image: Image.Image) -> bytes:
    """GS v 0 with the image's rows packed 8 dots a byte (a set bit prints a dot)."""
    width_bytes = (image.width + 7) // 8
    header = GS_V0 + bytes(
        (width_bytes % 256, width_bytes // 256, image.height % 256, image.height // 256)
    )
    return header + image.tobytes()


def render_escpos(
    template: SlipTemplate, fields: Mapping[str, str], tr: Translator, *, qr_payload: str
) -> bytes:
    layout = _Layout(tr, fields)
    caption = ""
    for block in template.blocks:
        layout.block(block)
        if block.kind == "qr":
            caption = _fill(block.caption, fields, tr)
    printer = Dummy()
    printer.hw("INIT")
    printer._raw(raster_command(layout.image()))  # noqa: SLF001 - python-escpos' raw output
    printer.set(align="center")
    printer.qr(qr_payload, size=6, native=True)
    if caption:
        captions = _Layout(tr, fields)
        captions.add(caption, captions.small, "center")
        printer._raw(raster_command(captions.image()))  # noqa: SLF001
    printer.cut()
    return bytes(printer.output)
