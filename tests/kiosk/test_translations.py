import re
import sys
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from translations import extracted_messages, load, po_path  # noqa: E402

FIELDS = re.compile(r"\{[a-z_]+(?:![rs])?\}")


def test_every_message_in_the_code_has_a_vietnamese_translation():
    catalogue = load("vi")
    missing = [
        m for m in extracted_messages() if not (catalogue.get(m) and catalogue.get(m).string)
    ]
    assert missing == []


@pytest.mark.parametrize("language", ["vi", "en"])
def test_compiled_catalogue_is_up_to_date(language):
    with po_path(language).with_suffix(".mo").open("rb") as handle:
        compiled = {m.id: m.string for m in read_mo(handle) if m.id}
    source = {m.id: m.string for m in load(language) if m.id and m.string}
    assert compiled == source


def test_translations_keep_their_fields():
    for message in load("vi"):
        if message.id and message.string:
            assert sorted(FIELDS.findall(message.id)) == sorted(FIELDS.findall(message.string)), (
                message.id
            )


def test_no_translation_call_hides_inside_an_f_string():
    # Babel cannot see tr("…") inside f"{…}", so such a message would never be translated.
    offenders = [
        f"{path.relative_to(ROOT)}:{n}"
        for folder in ("kiosk", "ui")
        for path in (ROOT / folder).rglob("*.py")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"""f["'][^"']*\{[^}]*\btr\(""", line)
    ]
    assert offenders == []
