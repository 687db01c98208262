"""Numbers and dates as the reader's language writes them, from Babel's locale data (CLDR):
Vietnamese "7,1 %", "12.345", "30/11/2026", "thứ Hai"; English "7.1 %", "12,345", "Nov 30, 2026",
"Monday". A whole number never shows ".0". Babel is imported on first use: the kiosk's start
path formats nothing."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

NO_BREAK = "\u00a0"  # between a figure and its sign: "%" never wraps onto a line of its own
ONE_DECIMAL = "#,##0.#"  # one decimal at most, none when it is 0
DAY_FORMATS = {"vi": "dd/MM/yyyy", "en": "medium"}
# A day of this year or the next few, where the year goes without saying (a board, a heading).
SHORT_DAY_FORMATS = {"vi": "dd/MM", "en": "MMM d"}
MOMENT_FORMATS = {"vi": "HH:mm dd/MM/yyyy", "en": "MMM d, yyyy, HH:mm"}
SHORT_MOMENT_FORMATS = {"vi": "HH:mm dd/MM", "en": "MMM d, HH:mm"}
MONTH_FORMATS = {"vi": "MM/yyyy", "en": "MMM yyyy"}


def number_text(value: Decimal | int | float, language: str) -> str:
    from babel.numbers import format_decimal

    return str(format_decimal(value, format=ONE_DECIMAL, locale=language))


def percent_text(value: Decimal | int | float | None, language: str) -> str:
    """ "—" when there is nothing to divide by (no data is not 0 %)."""
    if value is None:
        return "—"
    return f"{number_text(value, language)}{NO_BREAK}%"


def points_text(value: Decimal, language: str) -> str:
    """Points with their two decimals, as scored: "5,57" / "5.57", "6,00"."""
    from babel.numbers import format_decimal

    return str(format_decimal(value, format="#,##0.00", locale=language))


def mean_text(value: Decimal, language: str) -> str:
    """An indicator's mean, one decimal as Circular 01/2018 scores it: "1,8" / "1.8", "2,0"."""
    from babel.numbers import format_decimal

    return str(format_decimal(value, format="#,##0.0", locale=language))


def day_text(day: date, language: str) -> str:
    from babel.dates import format_date

    return str(format_date(day, DAY_FORMATS.get(language, "medium"), locale=language))


def weekday_text(day: date, language: str, *, in_sentence: bool = False) -> str:
    """ "Thứ Hai" / "Monday"; in a Vietnamese sentence "thứ Hai", as the language writes it."""
    from babel.dates import format_date

    name = str(format_date(day, "EEEE", locale=language))
    if in_sentence and language == "vi":
        name = name[:1].lower() + name[1:]
    return name


def short_day_text(day: date, language: str) -> str:
    """ "30/11" / "Nov 30": the day without its year."""
    from babel.dates import format_date

    return str(format_date(day, SHORT_DAY_FORMATS.get(language, "MMM d"), locale=language))


def time_text(moment: datetime | time, language: str) -> str:
    """The time of day, on the 24-hour clock an office keeps: "09:05"."""
    from babel.dates import format_time

    return str(format_time(moment, "HH:mm", locale=language))


def moment_text(
    moment: datetime, language: str, *, short: bool = False, today: date | None = None
) -> str:
    """ "09:30 30/11/2026" / "Nov 30, 2026, 09:30"; `short` leaves the year out; only the time
    when the moment is on `today`."""
    from babel.dates import format_datetime

    if moment.date() == today:
        return time_text(moment, language)
    formats = SHORT_MOMENT_FORMATS if short else MOMENT_FORMATS
    pattern = formats.get(language, formats["en"])
    return str(format_datetime(moment, pattern, locale=language))


def month_text(day: date, language: str) -> str:
    """The month of `day`: "11/2026" / "Nov 2026"."""
    from babel.dates import format_date

    return str(format_date(day, MONTH_FORMATS.get(language, "MMM yyyy"), locale=language))
