"""Dates and times as the provincial system's files write them, read cheaply.

A province sends 100,000 dossiers at a time, so nothing here runs `strptime` or a regular
expression per value: the DVCQG's "yyyyMMddHHmmss" is sliced, a sheet's text is split.

A date written without a time is read as the start of that day, except an appointment: "hẹn trả
ngày 25/11/2026" promises the result during that day, so it is read as the end of the working
day (17:00, an office's usual closing time). Status is judged by days, so the hour only shows.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

END_OF_WORKING_DAY = time(17, 0)
VIETNAM = timezone(timedelta(hours=7))  # no daylight saving since 1975
FIRST_YEAR, LAST_YEAR = 2000, 2099


class NotAMoment(ValueError):
    """The text is not a date (or a date and time) the readers know."""


def dvcqg_moment(text: object) -> datetime | None:
    """'20261123081500' (Vietnam time) as a datetime; None for no value. An 8-digit date is
    read as midnight. ISO text ('2026-11-23T08:15:00', as .NET writes a DateTime some systems
    leave unformatted in DanhSachHoSoBoSung) is accepted too, an offset turned into Vietnam time."""
    if text is None:
        return None
    digits = str(text).strip()
    if not digits:
        return None
    if digits[4:5] == "-":
        return _iso_moment(digits)
    if not digits.isdigit() or len(digits) not in (8, 12, 14):
        raise NotAMoment(digits)
    try:
        # ISO 8601's basic form, "20261123T081500", which the C parser reads fastest.
        return datetime.fromisoformat(f"{digits[:8]}T{digits[8:]}" if digits[8:] else digits)
    except ValueError:
        raise NotAMoment(digits) from None


def _iso_moment(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise NotAMoment(text) from None
    if moment.tzinfo is not None:
        moment = moment.astimezone(VIETNAM).replace(tzinfo=None)
    return moment.replace(microsecond=0)


def sheet_moment(value: object, *, time_if_missing: time = time.min) -> datetime | None:
    """A cell of a register: a real date cell, or text "dd/MM/yyyy", "dd/MM/yyyy HH:mm[:ss]",
    "HH:mm dd/MM/yyyy" or ISO "yyyy-MM-dd[ HH:mm[:ss]]"; None for an empty cell."""
    if value is None:
        return None
    if isinstance(value, datetime):
        # A date cell comes back from openpyxl as a datetime at midnight: no time was given.
        if value.time() == time.min:
            return datetime.combine(value.date(), time_if_missing)
        return value.replace(microsecond=0)
    if isinstance(value, date):
        return datetime.combine(value, time_if_missing)
    if not isinstance(value, str):
        raise NotAMoment(str(value))  # a bare number is no date we can trust
    text = value.strip().removeprefix("'")
    if not text:
        return None
    if text[2:3] == "/" and text[5:6] == "/" and (len(text) == 16 or len(text) == 19):
        # "dd/MM/yyyy HH:mm[:ss]", by far the most common: read by the C ISO parser.
        try:
            return datetime.fromisoformat(f"{text[6:10]}-{text[3:5]}-{text[:2]}T{text[11:]}")
        except ValueError:
            pass  # the general reading below says what is wrong
    if text[4:5] == "-" and text[:4].isdigit():
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            raise NotAMoment(text) from None
        if len(text) <= 10:
            moment = datetime.combine(moment.date(), time_if_missing)
        return moment.replace(tzinfo=None, microsecond=0)
    day: date | None = None
    at: time | None = None
    for part in text.replace(",", " ").split():
        if "/" in part or "-" in part or "." in part:
            if day is not None:
                raise NotAMoment(text)
            day = _day(part, text)
        elif ":" in part or "h" in part.lower():
            if at is not None:
                raise NotAMoment(text)
            at = _time(part, text)
        else:
            raise NotAMoment(text)
    if day is None:
        raise NotAMoment(text)
    return datetime.combine(day, time_if_missing if at is None else at)


def _day(part: str, text: str) -> date:
    for separator in "/-.":
        if separator in part:
            pieces = part.split(separator)
            break
    if len(pieces) != 3 or not all(p.isdigit() for p in pieces) or len(pieces[2]) != 4:
        raise NotAMoment(text)
    try:
        return date(int(pieces[2]), int(pieces[1]), int(pieces[0]))
    except ValueError:
        raise NotAMoment(text) from None


def _time(part: str, text: str) -> time:
    # "08:15", "08:15:30", and "08h15" as counters write it by hand.
    pieces = part.lower().replace("h", ":").rstrip(":").split(":")
    if not 2 <= len(pieces) <= 3 or not all(p.isdigit() and len(p) <= 2 for p in pieces):
        raise NotAMoment(text)
    try:
        return time(int(pieces[0]), int(pieces[1]), int(pieces[2]) if len(pieces) == 3 else 0)
    except ValueError:
        raise NotAMoment(text) from None


def in_supported_years(moment: datetime) -> bool:
    return FIRST_YEAR <= moment.year <= LAST_YEAR
