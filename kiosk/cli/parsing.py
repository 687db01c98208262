"""Reading dates and times typed on the command line."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from kiosk.clock import office_zone
from kiosk.errors import InvalidInputError
from kiosk.i18n import N_

# The years a dossier code can carry (YYMMDD is read as 20YY): a date outside them is a typo,
# and refusing it here keeps every later "the day after" clear of the calendar's ends.
YEARS = range(2000, 2100)
OUTSIDE_YEARS = N_("'{text}' is outside the years the kiosk records ({first}–{last}).")


def _within_years(value: date, text: str) -> None:
    if value.year not in YEARS:
        raise InvalidInputError(OUTSIDE_YEARS, text=text[:40], first=YEARS[0], last=YEARS[-1])


def read_text_file(path: Path) -> str:
    """A file the user named, as UTF-8 text, or an error that says why not."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InvalidInputError(
            N_("Cannot read {path} as UTF-8 text: {problem}"), path=path, problem=error
        ) from error


def parse_day(text: str) -> date:
    """ISO (2026-11-23) or the Vietnamese habit (23/11/2026)."""
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            day = datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
        _within_years(day, text)
        return day
    raise InvalidInputError(
        N_("'{text}' is not a date (use 2026-11-23 or 23/11/2026)."), text=text[:40]
    )


def parse_moment(text: str) -> datetime:
    """An ISO date-time; one with a time zone is converted to the office's wall clock."""
    try:
        moment = datetime.fromisoformat(text.strip())
        if moment.tzinfo is not None:
            moment = moment.astimezone(office_zone()).replace(tzinfo=None)
    except ValueError:
        raise InvalidInputError(
            N_("'{text}' is not a date and time (use 2026-11-23T10:00)."), text=text[:40]
        ) from None
    except OverflowError:
        # 0001-01-01T00:00+08:00 or 9999-12-31T23:00-01:00: no such moment in Vietnam's time.
        raise InvalidInputError(
            OUTSIDE_YEARS, text=text[:40], first=YEARS[0], last=YEARS[-1]
        ) from None
    _within_years(moment.date(), text)
    return moment
