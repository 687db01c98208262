"""Vietnamese text drawn into a 1-bit image with the shipped font, for thermal printers.

Most ESC/POS printers lack a Vietnamese code page, so slips go out as pictures. Pillow draws a
line of text in about 2 ms, too slow for a 30-line slip, so each glyph is drawn once, and each
word is put together from its glyphs once and pasted whole (a slip has ~250 words, ~1,200
letters; the words of a form repeat from slip to slip).
Text must be NFC: every Vietnamese letter is then one precomposed glyph.
"""

from __future__ import annotations

from functools import cache

from PIL import Image, ImageDraw, ImageFont

from kiosk.paths import resources_dir

INK_THRESHOLD = 110  # of 255: where an anti-aliased edge becomes a printed dot
MAX_CACHED_WORDS = 5000  # then the cache starts afresh: a few MB at most


class RasterFont:
    def __init__(self, file_name: str, pixel_size: int) -> None:
        path = resources_dir() / "fonts" / file_name
        self._font = ImageFont.truetype(str(path), pixel_size, layout_engine=ImageFont.Layout.BASIC)
        ascent, descent = self._font.getmetrics()
        self.line_height = int((ascent + descent) * 1.15)
        self._glyphs: dict[str, tuple[Image.Image | None, float]] = {}
        self._words: dict[str, tuple[Image.Image | None, float]] = {}
        self.space = self._font.getlength(" ")

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

    def _word(self, word: str) -> tuple[Image.Image | None, float]:
        """A word's ink as one mask, and its advance."""
        found = self._words.get(word)
        if found is None:
            glyphs = [self._glyph(char) for char in word]
            advance = sum(glyph_advance for _mask, glyph_advance in glyphs)
            masks = [mask for mask, _advance in glyphs if mask is not None]
            mask = None
            if masks:
                width = int(advance) + max(m.width for m in masks) + 1
                mask = Image.new("1", (width, max(m.height for m in masks)), 0)
                x = 0.0
                for glyph_mask, glyph_advance in glyphs:
                    if glyph_mask is not None:
                        mask.paste(255, (int(x), 0), mask=glyph_mask)
                    x += glyph_advance
            if len(self._words) >= MAX_CACHED_WORDS:
                self._words.clear()
            found = self._words[word] = (mask, advance)
        return found

    def width(self, text: str) -> float:
        words = text.split(" ")
        return sum(self._word(word)[1] for word in words) + self.space * (len(words) - 1)

    def wrap(self, text: str, width: float, first_width: float | None = None) -> list[str]:
        """The text broken into lines no wider than `width` (the first: `first_width`) where it
        can be, and never with one word alone on the last line when the line above can give
        it a companion."""
        lines: list[list[str]] = []
        current: list[str] = []
        used = 0.0
        # Only a plain space breaks a line: a no-break space binds a date or a duration.
        for word in text.split(" "):
            if not word:
                continue
            limit = width if lines or first_width is None else first_width
            advance = self._word(word)[1]
            if current and used + self.space + advance > limit:
                lines.append(current)
                current, used = [word], advance
            else:
                used += (self.space if current else 0.0) + advance
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
        for word in text.split(" "):
            mask, advance = self._word(word)
            if mask is not None:
                image.paste(255, (int(x), y), mask=mask)
            x += advance + self.space


@cache
def raster_font(file_name: str, pixel_size: int) -> RasterFont:
    return RasterFont(file_name, pixel_size)
