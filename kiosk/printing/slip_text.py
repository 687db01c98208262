"""A template's texts filled in, as both printers draw them (PDF and thermal)."""

from __future__ import annotations

from collections.abc import Mapping

from kiosk.i18n import Translator
from kiosk.printing.slip_fields import SlipContent
from kiosk.printing.templates import Block
from kiosk.text import nfc

WORD_JOINER = "\u2060"


def fill(text: str, fields: Mapping[str, str], tr: Translator) -> str:
    """The template text translated and its {fields} filled in, NFC.

    Word joiners keep words together on screen; on paper they would be drawn as boxes.
    """
    if not text:
        return ""
    return nfc(tr(text).format_map(fields)).replace(WORD_JOINER, "")


def item_lines(block: Block, content: SlipContent, tr: Translator) -> tuple[list[str], bool]:
    """An items block's lines, numbered "(1)", "(2)" … (under a numbered heading, as the forms
    do), and whether they are blanks to fill by hand.

    A blank line is its number only ("(2) "): the printer draws the dotted line to the margin.
    """
    items = content.lists.get(block.source, ())
    if not items:
        return [f"({number}) " for number in range(1, block.blank_lines + 1)], True
    line = block.text or "{name}"
    return [
        f"({number}) " + fill(line, {**content.fields, **item, "number": str(number)}, tr)
        for number, item in enumerate(items, 1)
    ], False
