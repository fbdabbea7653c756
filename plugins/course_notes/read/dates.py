"""Dates as the notes write them (``due Fri 11:59pm``, ``Week 5 (Mar 17)``), read and placed.

Pure: reading never raises and needs no calendar; ``resolve`` turns a written date into a
day of the calendar given the week it belongs to.
"""

from __future__ import annotations

import datetime
import re

from .. import regex
from ..model import Message, WrittenDate, say

_MONTH_NAMES = (
    "jan january",
    "feb february",
    "mar march",
    "apr april",
    "may",
    "jun june",
    "jul july",
    "aug august",
    "sep sept september",
    "oct october",
    "nov november",
    "dec december",
)
MONTHS = {
    name: number for number, names in enumerate(_MONTH_NAMES, start=1) for name in names.split()
}
_WEEKDAY_NAMES = (
    "mon monday",
    "tue tues tuesday",
    "wed weds wednesday",
    "thu thur thurs thursday",
    "fri friday",
    "sat saturday",
    "sun sunday",
)
WEEKDAYS = {name: number for number, names in enumerate(_WEEKDAY_NAMES) for name in names.split()}
DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
FIRST_YEAR = 1900
LAST_YEAR = 2199
"""The years a course's dates may fall in. A date outside is refused with a diagnostic: a
course is not in year 1 or 9999, and every sum of days made from it (the year nearest a
week, a week 999 weeks on, a projection) stays inside Python's calendar."""

_ORDINAL = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:,?[ \t]+(?P<{}>\d{{4}}))?"


def _names(names: dict[str, int]) -> str:
    # Longest first, so that "march" is not read as "mar" and a stray "ch".
    return "|".join(sorted(names, key=len, reverse=True))


_MONTH = rf"(?:{_names(MONTHS)})"
# The forms a date is written in, with an optional weekday in front and time behind:
# 2027-03-14, 14 Mar, 14th March 2027, Mar 14, March 14th, 14/3, 14/3/2027, Fri, Fri 11:59pm.
_DATE = (
    rf"(?:(?P<weekday>{_names(WEEKDAYS)})\b\.?,?[ \t]*)?"
    r"(?P<date>(?P<iso_year>\d{4})-(?P<iso_month>\d{1,2})-(?P<iso_day>\d{1,2})"
    rf"|(?P<day1>\d{{1,2}}){_ORDINAL}[ \t]+(?P<month1>{_MONTH})\b\.?{_YEAR.format('year1')}"
    rf"|(?P<month2>{_MONTH})\b\.?[ \t]*(?P<day2>\d{{1,2}}){_ORDINAL}(?!\d){_YEAR.format('year2')}"
    r"|(?P<day3>\d{1,2})/(?P<month3>\d{1,2})(?:/(?P<year3>\d{4}|\d{2}))?)?"
    r"(?:,?[ \t]*(?:at[ \t]+)?(?P<time>(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?[ \t]*"
    r"(?P<half>[ap])\.?m\b\.?|(?P<hour24>\d{1,2})[:.](?P<minute24>\d{2})))?"
)
_WHOLE_DATE = regex.compile(rf"[ \t]*{_DATE}[ \t]*$", re.I)
# "due", a colon if any, then the date; what follows it may not go on as a word or number.
# "submit by Fri 15 Nov", "hand in by 3/12", "deadline: Mar 3": said another way.
_DUE_WORDS = r"\b(?:due|submit[ \t]+by|hand[ \t]+(?:it[ \t]+)?in[ \t]+by|deadline)\b"
_DUE = regex.compile(rf"{_DUE_WORDS}(?P<colon>[ \t]*:)?[ \t]*(?P<when>{_DATE})(?![\w/:])", re.I)
_DUE_WORD = regex.compile(rf"{_DUE_WORDS}(?P<colon>[ \t]*:)?[ \t]*(?P<next>[^\W_]*)", re.I)
_CLAUSE_END = regex.compile(r"[)\];,]")
_ISO_START = regex.compile(r"(?P<date>\d{4}-\d{2}-\d{2})(?![\w-])")
_DATE_START = regex.compile(_DATE, re.I)


def read_date(text: str) -> WrittenDate | None:
    """A whole text that is a date (``Mar 17``, ``2027-03-17``, ``Fri 14/3``); else None."""
    found = _WHOLE_DATE.match(text)
    return _written(found, text.strip(" \t")) if found else None


def leading_date(text: str) -> tuple[str, str] | None:
    """The date opening a title (``15 Jan — Fluids``, ``Mar 3``) as written, and the rest."""
    found = _DATE_START.match(text)
    if found is None or not found["date"] or text[found.end() : found.end() + 1].isalnum():
        return None
    written = text[: found.end()].strip(" \t")
    if _written(found, written) is None:
        return None
    return written, text[found.end() :]


def in_calendar(day: datetime.date) -> bool:
    """Whether a day lies in the years a course's dates may fall in."""
    return FIRST_YEAR <= day.year <= LAST_YEAR


def year_refused(text: str) -> int | None:
    """The year of a whole-text date that reads but lies outside the course years; else None."""
    found = _WHOLE_DATE.match(text)
    if not found or not found["date"]:
        return None
    year = int(found["iso_year"] or found["year1"] or found["year2"] or 0)
    if found["year3"]:
        year = int(found["year3"]) + (2000 if len(found["year3"]) == 2 else 0)
    return year if year and not FIRST_YEAR <= year <= LAST_YEAR else None


def heading_date(label: str, title: str) -> WrittenDate | None:
    """A week heading's date: its parenthesis (``Mar 17``), else an ISO date opening the title."""
    if label:
        return read_date(label)
    found = _ISO_START.match(title)
    return read_date(found["date"]) if found else None


def may_say_due(text: str) -> bool:
    """Whether a text holds a word read_due looks for ("due", "Abgabe", "submit by", "hand in
    by", "deadline"): string tests, as the hot path of a big file calls this per item."""
    return (
        "ue" in text
        or "UE" in text
        or "bgabe" in text
        or "ubmit" in text
        or "and in" in text
        or "eadline" in text
    )


def read_due(text: str) -> tuple[WrittenDate | None, Message | None]:
    """An item's due date (``due Fri``, ``(due: 14/3)``), and a problem when one is unreadable.

    The first ``due`` followed by a readable date gives it. A ``due`` that looks meant as a
    date (a colon after it, or a number, weekday or month next) but cannot be read comes back
    as a problem to report, its text kept as written; ``due to`` is just words.
    """
    for found in _DUE.finditer(text):
        written = _written(found, found["when"])
        if written is not None:
            return written, None
    for word in _DUE_WORD.finditer(text):
        following = word["next"].lower()
        meant = bool(word["colon"]) or following[:1].isdigit()
        meant = meant or _name(following, MONTHS) is not None
        meant = meant or _name(following, WEEKDAYS) is not None
        if meant:
            # The words from "due" to the end of its clause, as written.
            shown = _CLAUSE_END.split(text[word.start() :], maxsplit=1)[0][:30].strip()
            return None, say(
                "due date `{due}` not read; see the date forms in the notes format", due=shown
            )
    return None, None


def _name(word: str, names: dict[str, int]) -> int | None:
    return names.get(word.lower().rstrip("."))


def _written(found: re.Match[str], text: str) -> WrittenDate | None:
    """The date a match of ``_DATE`` holds, or None if it holds none or an impossible one."""
    weekday = None
    if found["weekday"]:
        weekday = _name(found["weekday"], WEEKDAYS)
        if weekday is None:
            return None
    year = month = day = 0
    if found["date"]:
        if found["iso_year"]:
            year, month, day = (int(found[key]) for key in ("iso_year", "iso_month", "iso_day"))
        elif found["day3"]:
            month, day = int(found["month3"]), int(found["day3"])
            if month > 12 >= day:
                # "due 1/19": no month 19, so the American order, month first. An ambiguous
                # "3/2" stays day first, as most of the world writes it.
                month, day = day, month
            year = int(found["year3"] or 0)
            year += 2000 if 0 < year < 100 else 0
        else:
            name = found["month1"] or found["month2"]
            month = _name(name, MONTHS) or 0
            day = int(found["day1"] or found["day2"])
            year = int(found["year1"] or found["year2"] or 0)
        if not 1 <= month <= 12 or not 1 <= day <= DAYS_IN_MONTH[month - 1]:
            return None
        if year and not (FIRST_YEAR <= year <= LAST_YEAR and _exists(year, month, day)):
            return None
    elif weekday is None:
        return None
    time = None
    if found["time"]:
        if found["half"]:
            hour, minute = int(found["hour"]), int(found["minute"] or 0)
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if found["half"].lower() == "p" else 0)
        else:
            hour, minute = int(found["hour24"]), int(found["minute24"])
        if hour > 23 or minute > 59:
            return None
        time = (hour, minute)
    written = " ".join(text.split())
    return WrittenDate(written, year, month, day, weekday if not month else None, time)


def _exists(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def resolve(
    written: WrittenDate, week_start: datetime.date | None, anchor: datetime.date
) -> datetime.date | None:
    """The day a written date means: a weekday alone in the week starting ``week_start``, a
    day and month in the year that puts it nearest ``anchor``; None when it cannot be placed."""
    if not written.month:
        if week_start is None or written.weekday is None:
            return None
        return week_start + datetime.timedelta(days=(written.weekday - week_start.weekday()) % 7)
    if written.year:
        return datetime.date(written.year, written.month, written.day)
    if not in_calendar(anchor):
        return None
    candidates = [
        _day_in(year, written.month, written.day)
        for year in (anchor.year - 1, anchor.year, anchor.year + 1)
    ]
    return min(candidates, key=lambda day: abs((day - anchor).days))


def _day_in(year: int, month: int, day: int) -> datetime.date:
    # 29 February in a year without one is the 28th.
    if month == 2 and day == 29 and not _exists(year, 2, 29):
        day = 28
    return datetime.date(year, month, day)


def moment(written: WrittenDate, day: datetime.date) -> datetime.datetime:
    """When something due on ``day`` is due: at its time, else at the end of the day."""
    hour, minute = written.time if written.time else (23, 59)
    return datetime.datetime.combine(day, datetime.time(hour, minute))


# A page's date and time alone on a line, as OneNote writes them under a page's title:
# "Wednesday, 5 March 2025⇥1:10 PM", "Wednesday, February 12, 2025  6:01 PM",
# "Mittwoch, 5. März 2025 13:10".
STAMP = regex.compile(
    r"(?:[^\W\d_]+,?[ \t]+)?(?:\d{1,2}\.?[ \t]+[^\W\d_]+|[^\W\d_]+[ \t]+\d{1,2}),?[ \t]+\d{4}"
    r"[ \t]+\d{1,2}:\d\d(?:[ \t]*[AaPp]\.?[Mm]\.?)?[ \t]*"
)
