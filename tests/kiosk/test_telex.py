"""Telex on the kiosk's keyboard: taps in, Vietnamese out, one edit at a time."""

import unicodedata

import pytest

from kiosk.telex import Edit, TelexComposer


class Box:
    """A text box that only ever changes before its cursor, at the end, as the kiosk's does."""

    def __init__(self) -> None:
        self.text = ""

    def apply(self, edit: Edit | None) -> None:
        assert edit is not None
        self.text = self.text[: len(self.text) - edit.erase] + edit.insert


def typed(keys: str, composer: TelexComposer | None = None) -> str:
    composer = composer or TelexComposer()
    box = Box()
    for key in keys:
        box.apply(composer.press(key))
    return box.text


@pytest.mark.parametrize(
    ("keys", "text"),
    [
        ("Caanf lamf thur tucj nhanh hown", "Cần làm thủ tục nhanh hơn"),
        ("dduwowngf", "đường"),
        ("DDOONGF", "ĐỒNG"),
        ("Tieesng Vieejt, xin chaof!", "Tiếng Việt, xin chào!"),
        ("Facebook 123", "Facebook 123"),  # not Vietnamese: left as typed
    ],
)
def test_telex_keys_compose_vietnamese(keys, text):
    assert typed(keys) == text


def test_the_text_is_nfc():
    text = typed("Nguyeenx Thij Hoaf")
    assert text == unicodedata.normalize("NFC", text) == "Nguyễn Thị Hòa"


def test_a_space_or_a_mark_ends_the_word():
    assert typed("aa a") == "â a"
    assert typed("hown,a") == "hơn,a"


def test_backspace_takes_back_the_last_key_of_the_word():
    composer, box = TelexComposer(), Box()
    for key in "tucj":
        box.apply(composer.press(key))
    assert box.text == "tục"
    box.apply(composer.backspace())
    assert box.text == "tuc"
    box.apply(composer.press("s"))
    assert box.text == "túc"


def test_backspace_with_no_word_under_way_erases_the_character_before():
    composer, box = TelexComposer(), Box()
    for key in "hown ":
        box.apply(composer.press(key))
    box.apply(composer.backspace())
    assert box.text == "hơn"
    assert composer.backspace() == Edit(1, "")


def test_telex_off_types_plain_letters():
    assert typed("dduwowngf", TelexComposer(telex=False)) == "dduwowngf"
    composer = TelexComposer()
    composer.press("a")
    composer.set_telex(False)
    assert composer.press("a") == Edit(0, "a")  # the half-typed word is not recomposed


def test_a_key_that_needs_more_room_than_is_left_changes_nothing():
    composer = TelexComposer()
    assert composer.press("a", room=1) == Edit(0, "a")
    assert composer.press("a", room=0) == Edit(1, "â")  # replaces, takes no more room
    assert composer.press("n", room=0) is None
    assert composer.word == "â"


def test_end_word_starts_a_new_word():
    composer, box = TelexComposer(), Box()
    box.apply(composer.press("a"))
    composer.end_word()
    box.apply(composer.press("a"))
    assert box.text == "aa"
