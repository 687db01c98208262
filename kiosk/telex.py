"""Telex typing for the on-screen keyboard: the raw keys of the word being typed, composed into
Vietnamese ("dduwowngf" → "đường") by bogo, and the edit that brings a text box up to date.

bogo owns the Telex rules; this module only decides what a word is and what each key changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from bogo import process_sequence

from kiosk.text import nfc


@dataclass(frozen=True)
class Edit:
    """Take away `erase` characters before the cursor, then insert `insert` there."""

    erase: int
    insert: str

    @property
    def growth(self) -> int:
        return len(self.insert) - self.erase


NOTHING = Edit(0, "")


def _common_prefix(a: str, b: str) -> int:
    length = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        length += 1
    return length


class TelexComposer:
    """Turns key taps into edits of the text before the cursor.

    Letters build the current word, which is composed again from its raw keys on every tap:
    a tone typed last ("tucj") lands on the right vowel. Anything else ends the word.
    """

    def __init__(self, *, telex: bool = True) -> None:
        self.telex = telex
        self._keys: list[str] = []  # the raw keys of the word being typed

    @property
    def word(self) -> str:
        """The current word as it reads on screen."""
        return self._compose(self._keys)

    def _compose(self, keys: list[str]) -> str:
        raw = "".join(keys)
        if not self.telex or not raw:
            return raw
        return nfc(str(process_sequence(raw)))

    def press(self, key: str, *, room: int | None = None) -> Edit | None:
        """The edit for one key; None, with nothing changed, when it needs more than `room`
        more characters (the comment's limit)."""
        if self.telex and len(key) == 1 and key.isascii() and key.isalpha():
            before, after = self.word, self._compose([*self._keys, key])
            kept = _common_prefix(before, after)
            edit = Edit(len(before) - kept, after[kept:])
            keys = [*self._keys, key]
        else:
            edit, keys = Edit(0, nfc(key)), []  # a space, a digit, a mark: the word is done
        if room is not None and edit.growth > room:
            return None
        self._keys = keys
        return edit

    def backspace(self) -> Edit:
        """Takes back the last key of the current word ("tucj" → "tuc"); with no word under
        way, the character before the cursor."""
        if not self._keys:
            return Edit(1, "")
        before = self.word
        self._keys.pop()
        after = self.word
        kept = _common_prefix(before, after)
        return Edit(len(before) - kept, after[kept:])

    def end_word(self) -> None:
        """The cursor moved or the text changed under us: the next letter starts a new word."""
        self._keys.clear()

    def set_telex(self, on: bool) -> None:
        self.telex = on
        self.end_word()  # a word half typed one way is not finished the other
