"""The course reading list: readings merged by title, book sections in order, references."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .model import (
    Assignment,
    Course,
    CourseReading,
    Reading,
    ReadingList,
    References,
    SectionKind,
    SectionNumber,
    Week,
)
from .text import normalise

# A trailing "(...)" that may hold chapter and section numbers.
_TRAILING_PARENS = re.compile(r"(?P<title>.*?)[ \t]*\((?P<inside>[^()]*)\)[ \t]*", re.S)
_PREFIX = r"(?:chapters?|chaps?|chs?|sections?|secs?|§{1,2})\.?"
_NUMBER = r"[0-9]{1,4}(?:\.[0-9]{1,4})*"
_PART = rf"(?:{_PREFIX}\s*)?{_NUMBER}"
_SECTION_LIST = re.compile(rf"\s*{_PART}(?:\s*(?:,|;|&|\band\b)\s*{_PART})*\s*", re.I)
_SECTION_NUMBER = re.compile(_NUMBER)
# "(2017)" after a title is a year, not chapter 2017.
_YEAR = re.compile(r"\s*[0-9]{4}\s*")


def split_sections(text: str) -> tuple[str, list[SectionNumber]]:
    """``Deep Learning (ch 1, 3.10)`` to its title and section numbers; other text is all title."""
    text = text.strip()
    match = _TRAILING_PARENS.fullmatch(text)
    if not match or not match["title"].strip():
        return text, []
    inside = match["inside"]
    if _YEAR.fullmatch(inside) or not _SECTION_LIST.fullmatch(inside):
        return text, []
    numbers = dict.fromkeys(SectionNumber.parse(n) for n in _SECTION_NUMBER.findall(inside))
    return match["title"].strip(), list(numbers)


def has_readings(course: Course) -> bool:
    """True when the notes have a readings section anywhere, even an empty one."""
    sections = [*course.general, *(s for week in course.weeks for s in week.sections)]
    return any(section.kind is SectionKind.READINGS for section in sections)


def _course_readings(course: Course) -> Iterator[tuple[Week | None, Reading]]:
    for section in course.general:
        for item in section.items:
            if isinstance(item, Reading):
                yield None, item
    for week in course.weeks:
        for reading in week.readings:
            yield week, reading


def reading_list(course: Course, references: References | None = None) -> ReadingList:
    """Merge the course's readings: one entry per reference or normalised title."""
    known = references or References()
    entries: dict[tuple[str, str], CourseReading] = {}
    for week, reading in _course_readings(course):
        title, sections = split_sections(reading.text)
        reference = known.find(title)
        key = ("reference", reference.name) if reference else ("title", normalise(title))
        entry = entries.setdefault(key, CourseReading(title, reference))
        entry.assignments.append(Assignment(reading, week, tuple(sections)))
    return ReadingList(list(entries.values()))


def records(readings: ReadingList) -> list[dict[str, Any]]:
    """The reading list as plain data, one object per reading (for JSON and CSV)."""
    return [
        {
            "title": reading.title,
            "weeks": [week.number for week in reading.weeks],
            "general": reading.general,
            "done": reading.done,
            "sections": [
                {
                    "number": str(section.number),
                    "weeks": [week.number for week in section.weeks],
                    "done": section.done,
                }
                for section in reading.sections
            ],
            "citation": reading.citation,
            "url": reading.url,
        }
        for reading in readings
    ]
