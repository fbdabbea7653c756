"""The course reading list: readings merged by title, book sections in order, references."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .model import Course, Diagnostic, Progress, Reading, SectionKind, Week

# `[text](url)` counts as its text: a title written as a link matches the bare title.
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")

# A trailing "(...)" that may hold chapter and section numbers.
_TRAILING_PARENS = re.compile(r"(?P<title>.*?)[ \t]*\((?P<inside>[^()]*)\)[ \t]*", re.S)
_PREFIX = r"(?:chapters?|chaps?|chs?|sections?|secs?|§{1,2})\.?"
_NUMBER = r"[0-9]{1,4}(?:\.[0-9]{1,4})*"
_PART = rf"(?:{_PREFIX}\s*)?{_NUMBER}"
_SECTION_LIST = re.compile(rf"\s*{_PART}(?:\s*(?:,|;|&|\band\b)\s*{_PART})*\s*", re.I)
_SECTION_NUMBER = re.compile(_NUMBER)
# "(2017)" after a title is a year, not chapter 2017.
_YEAR = re.compile(r"\s*[0-9]{4}\s*")


class _Ignored(dict[int, "int | None"]):
    """A str.translate table that drops punctuation, separators and controls.

    Unicode categories rather than string.punctuation, so that dashes, curly quotes and
    non-breaking spaces are ignored too; P: punctuation, Z: separators, C: controls. Each
    character's category is looked up once, then translate runs in C: a per-character
    Python loop here took 0.2 s of a 52-week build.
    """

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.category(chr(code))[0] in "PZC" else code
        self[code] = kept
        return kept


_IGNORED = _Ignored()


def normalise(title: str) -> str:
    """The key titles match by: ``Adam - A method`` and ``adam: a Method`` give ``adamamethod``."""
    text = unicodedata.normalize("NFKC", _LINK.sub(r"\1", title)).casefold()
    key = text.translate(_IGNORED)
    # A title of punctuation alone would otherwise match every other one.
    return key or " ".join(text.split())


@dataclass(frozen=True, order=True)
class SectionNumber:
    """A chapter (``3``) or section (``3.10``) of a book, ordered part by part as numbers."""

    parts: tuple[int, ...]

    @classmethod
    def parse(cls, text: str) -> SectionNumber:
        """``"3.10"`` to (3, 10)."""
        return cls(tuple(int(part) for part in text.split(".")))

    @property
    def name(self) -> str:
        """``Chapter 3`` or ``Section 3.10``."""
        return f"{'Chapter' if len(self.parts) == 1 else 'Section'} {self}"

    def __str__(self) -> str:
        return ".".join(str(part) for part in self.parts)


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


@dataclass(frozen=True)
class Reference:
    """A known work: how the notes may name it, and its citation and link."""

    name: str
    title: str
    authors: str = ""
    year: str = ""
    venue: str = ""
    url: str = ""
    aliases: tuple[str, ...] = ()
    line: int = 0

    @property
    def names(self) -> tuple[str, ...]:
        """Every title the notes may use for this work."""
        return (self.name, *self.aliases)

    @property
    def citation(self) -> str:
        """``Kingma & Ba (2015), Adam: A Method for Stochastic Optimization``."""
        lead = f"{self.authors} ({self.year})" if self.authors and self.year else self.authors
        title = self.title if self.authors or not self.year else f"{self.title} ({self.year})"
        return ", ".join(part for part in (lead, title, self.venue) if part)


@dataclass
class References:
    """Known references by normalised name, with what was odd in their file."""

    by_name: dict[str, Reference] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def add(self, reference: Reference) -> list[tuple[str, Reference]]:
        """Index a reference under its names; return the names another reference already has."""
        taken = []
        for name in reference.names:
            owner = self.by_name.setdefault(normalise(name), reference)
            if owner is not reference:
                taken.append((name, owner))
        return taken

    def find(self, title: str) -> Reference | None:
        """The reference a reading's title names, if any."""
        return self.by_name.get(normalise(title))

    def __len__(self) -> int:
        return len({id(reference) for reference in self.by_name.values()})


@dataclass(frozen=True)
class Assignment:
    """One line of a readings section: a reading as one week (or the General page) sets it."""

    reading: Reading
    week: Week | None
    title: str
    sections: tuple[SectionNumber, ...]

    @property
    def done(self) -> bool:
        """Ticked in the notes."""
        return self.reading.done


class _Assigned:
    """Something one or more weeks set: a reading or one of its book sections."""

    assignments: list[Assignment]

    @property
    def weeks(self) -> list[Week]:
        """The weeks that set it, in number order."""
        return _weeks(self.assignments)

    @property
    def general(self) -> bool:
        """Set before the first week, on the General page."""
        return any(assignment.week is None for assignment in self.assignments)


def _weeks(assignments: Iterable[Assignment]) -> list[Week]:
    weeks = {a.week.number: a.week for a in assignments if a.week is not None}
    return [weeks[number] for number in sorted(weeks)]


@dataclass
class BookSection(_Assigned):
    """A chapter or section of a reading, with the lines that set it."""

    number: SectionNumber
    assignments: list[Assignment] = field(default_factory=list)

    @property
    def done(self) -> bool:
        """Read once a line that lists it is ticked."""
        return any(assignment.done for assignment in self.assignments)


@dataclass
class CourseReading(_Assigned):
    """One distinct reading of the course, however many weeks set it."""

    title: str
    reference: Reference | None = None
    assignments: list[Assignment] = field(default_factory=list)

    @property
    def sections(self) -> list[BookSection]:
        """Every chapter and section set, once each, in numeric order."""
        by_number: dict[SectionNumber, BookSection] = {}
        for assignment in self.assignments:
            for number in assignment.sections:
                by_number.setdefault(number, BookSection(number)).assignments.append(assignment)
        return [by_number[number] for number in sorted(by_number)]

    @property
    def done(self) -> bool:
        """Every section read, or (with no sections) ticked in some week."""
        sections = self.sections
        if sections:
            return all(section.done for section in sections)
        return any(assignment.done for assignment in self.assignments)

    @property
    def section_progress(self) -> Progress:
        """Sections read of sections set (0/0 for a reading without sections)."""
        sections = self.sections
        return Progress(sum(section.done for section in sections), len(sections))

    @property
    def citation(self) -> str | None:
        """The full citation, when the reading is a known reference."""
        return self.reference.citation if self.reference else None

    @property
    def url(self) -> str | None:
        """The reference's link, when it has one."""
        return (self.reference.url or None) if self.reference else None


@dataclass
class ReadingList:
    """Every distinct reading, in the order the notes first set them."""

    readings: list[CourseReading] = field(default_factory=list)

    @property
    def progress(self) -> Progress:
        """Readings done of distinct readings."""
        return Progress(sum(reading.done for reading in self.readings), len(self.readings))

    @property
    def section_progress(self) -> Progress:
        """Book sections read of book sections set, over every reading."""
        return Progress.of(reading.section_progress for reading in self.readings)

    def __iter__(self) -> Iterator[CourseReading]:
        return iter(self.readings)

    def __len__(self) -> int:
        return len(self.readings)

    def __str__(self) -> str:
        # mkdocs-macros puts str() of every variable into a debug message on every build,
        # debugging on or not: the full repr of a 52-week list took over half a second.
        return f"ReadingList({len(self.readings)} readings, {self.progress} done)"


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
        entry.assignments.append(Assignment(reading, week, title, tuple(sections)))
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
