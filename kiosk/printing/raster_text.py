"""Vietnamese text drawn into a 1-bit image with the shipped font, for thermal printers.

Most ESC/POS printers lack a Vietnamese code page, so slips go out as pictures. Pillow draws a
line of text in about 2 ms, too slow for a 30-line slip, so each glyph is drawn once and pasted.
Text must be NFC: every Vietnamese letter is then one precomposed glyph.
"""

from __future__ import annotations

from functools import cache

from PIL import Image, ImageDraw, ImageFont

from kiosk.paths import resources_dir

INK_THRESHOLD = 110  # of 255: where an anti-aliased edge becomes a printed dot


class RasterFont:
    def __init__(self, file_name: str, pixel_size: int) -> None:
        path = resources_dir() / "fonts" / file_name
        self._font = ImageFont.truetype(str(path), pixel_size, layout_engine=ImageFont.Layout.BASIC)
        ascent, descent = self._font.getmetrics()
        self.line_height = int((ascent + descent) * 1.15)
        self._glyphs: dict[str, tuple[Image.Image | None, float]] = {}

    def _glyph(self, char: str) -> tuple[Image.Image | None, float]:
        found = self._glyphs.get(char)
        if found is None:
            advance = self._font.getlength(char)
            left, _top, right, bottom = (int(v) for v in self._font.getbbox(char))
            mask = None
            if right > left:
                offset = -min(left, 0)
                grey = Image.new("L", (right + offset + 1, bottom + 1), 0)
                ImageDraw.Draw(grey).text((offset, 0), char, font=self._font, fill=255)
                mask = grey.point(lambda v: 255 if v > INK_THRESHOLD else 0).convert("1")
            found = (mask, advance)
            self._glyphs[char] = found
        return found

    def width(self, text: str) -> float:
        return sum(self._glyph(char)[1] for char in text)

    def wrap(self, text: str, width: float, first_width: float | None = None) -> list[str]:
        """The text broken into lines no wider than `width` (the first: `first_width`) where it
        can be, and never with one word alone on the last line when the line above can give
        it a companion."""
        lines: list[list[str]] = []
        current: list[str] = []
        # Only a plain space breaks a line: a no-break space binds a date or a duration.
        for word in text.split(" "):
            if not word:
                continue
            limit = width if lines or first_width is None else first_width
            if current and self.width(" ".join([*current, word])) > limit:
                lines.append(current)
                current = [word]
            else:
                current.append(word)
        if current:
            lines.append(current)
        if len(lines) > 1 and len(lines[-1]) == 1 and len(lines[-2]) > 2:
            moved = [lines[-2][-1], *lines[-1]]
            if self.width(" ".join(moved)) <= width:
                lines[-2:] = [lines[-2][:-1], moved]
        return [" ".join(line) for line in lines]

    def draw(self, image: Image.Image, x: float, y: int, text: str) -> None:
        """Draws ink (255) on a mode "1" image whose background is 0 (ink = a set bit)."""
        for char in text:
            mask, advance = self._glyph(char)
            if mask is not None:
                image.paste(255, (int(x), y), mask=mask)
            x += advance


@cache
def raster_font(file_name: str, pixel_size: int) -> RasterFont:
    return RasterFont(file_name, pixel_size)
