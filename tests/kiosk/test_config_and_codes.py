from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.config import load_settings
from kiosk.dossier_code import format_dossier_code, split_dossier_code
from kiosk.errors import InvalidInputError
from kiosk.i18n import Translator


def test_settings_file_with_a_wrong_value_names_the_key(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text('language = "fr"\n', encoding="utf-8")
    with pytest.raises(InvalidInputError) as error:
        load_settings(path)
    assert "'language'" in error.value.render(Translator("vi"))
    path.write_text("station_name = 3\n", encoding="utf-8")
    with pytest.raises(InvalidInputError) as error:
        load_settings(path)
    assert "'station_name'" in error.value.render(Translator("en"))


def test_environment_overrides_the_settings_file(tmp_path, monkeypatch):
    path = tmp_path / "kiosk.toml"
    path.write_text('database_url = "sqlite:///a.db"\nlanguage = "en"\n', encoding="utf-8")
    monkeypatch.setenv("KIOSK_DATABASE_URL", "sqlite:///b.db")
    monkeypatch.delenv("KIOSK_LANG", raising=False)
    settings = load_settings(path)
    assert (settings.database_url, settings.language) == ("sqlite:///b.db", "en")


@given(
    unit=st.from_regex(r"[0-9A-Z.]{1,20}", fullmatch=True),
    day=st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
    sequence=st.integers(min_value=1, max_value=9999),
)
def test_dossier_codes_read_back_as_written(unit, day, sequence):
    code = format_dossier_code(unit, day, sequence)
    parsed = split_dossier_code(f"  {code.lower()} ")
    assert (parsed.unit, parsed.day, parsed.sequence) == (unit, day, sequence)


@given(st.text(max_size=80))
def test_any_typed_text_is_a_code_or_a_clear_refusal(text):
    try:
        split_dossier_code(text)
    except InvalidInputError as error:
        assert "UNIT-YYMMDD-XXXX" in error.render(Translator("en"))
